import type { BroadcastService } from '../broadcasts/broadcast-contract.js';
import type { Db } from '../db/client.js';
import type { Translate } from '../i18n/translator.js';
import type { OperatorAlerts } from './alerts/operator-alerts.js';
import type { PanduMetrics } from './metrics.js';

export interface BroadcastWatchDeps {
  db: Db;
  broadcasts: Pick<BroadcastService, 'get'>;
  metrics: Pick<PanduMetrics, 'broadcastProgress'>;
  alerts: Pick<OperatorAlerts, 'broadcastStopped' | 'broadcastResumed'>;
  /** A sending broadcast with recipients waiting and no delivery for this long has stopped. */
  stallMs: number;
  clock: () => Date;
  t: Translate;
}

/** Finished broadcasts stay in the metrics this long, so a scrape after the end still sees the final counts. */
const KEEP_FINISHED_MS = 60 * 60_000;

/**
 * Watches broadcasts from the outbox rows, whichever instance sends them: publishes each one's progress
 * as metrics, and tells admins when one stops moving (its channel gone, its jobs lost) — once, and once
 * more when it moves again. Reading the rows instead of hooking the sender makes it work across instances
 * and after a crash.
 */
export class BroadcastWatch {
  constructor(private readonly d: BroadcastWatchDeps) {}

  async check(): Promise<void> {
    const now = this.d.clock();
    const rows = await this.d.db.broadcast.findMany({
      where: {
        OR: [{ state: { in: ['scheduled', 'sending', 'paused'] } }, { finishedAt: { gte: new Date(now.getTime() - KEEP_FINISHED_MS) } }],
      },
      select: { id: true, startedAt: true },
    });
    for (const row of rows) {
      const summary = await this.d.broadcasts.get(row.id);
      if (!summary) continue;
      this.d.metrics.broadcastProgress(summary.id, summary.state, summary.counts);
      // Deferred recipients wait for tomorrow's WhatsApp allowance by design; only pending ones should move.
      if (summary.state !== 'sending' || summary.counts.pending === 0) {
        await this.d.alerts.broadcastResumed(summary.id);
        continue;
      }
      const last = await this.d.db.broadcastRecipient.findFirst({
        where: { broadcastId: summary.id, status: { notIn: ['pending', 'deferred'] } },
        orderBy: { updatedAt: 'desc' },
        select: { updatedAt: true },
      });
      const lastMove = Math.max(last?.updatedAt.getTime() ?? 0, row.startedAt?.getTime() ?? 0);
      if (now.getTime() - lastMove >= this.d.stallMs) {
        const minutes = Math.round((now.getTime() - lastMove) / 60_000);
        await this.d.alerts.broadcastStopped(
          summary.id,
          this.d.t('ops.alert.broadcast_stalled', { count: summary.counts.pending, minutes }),
        );
      } else {
        await this.d.alerts.broadcastResumed(summary.id);
      }
    }
  }
}
