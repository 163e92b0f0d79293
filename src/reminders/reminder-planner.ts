import type { Db } from '../db/client.js';
import { todayIn } from '../core/time/zoned.js';
import { CadenceSchema } from '../innovations/periods.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Logger } from '../logger.js';
import { innovationPrefixes, isSnoozeKey, periodPrefix, planReminders, type PlanInput } from './reminder-plan.js';

export const DEFAULT_ZONE = 'Asia/Jakarta';

export interface ReminderPlannerOptions {
  db: Db;
  jobs: Jobs;
  clock: () => Date;
  logger: Logger;
  /** Days after the due date the coordinators hear of a missing report. */
  escalationDays: number;
}

/**
 * Keeps each active innovation's reminders and escalations in the job table. Planning is idempotent
 * (rows are keyed by innovation, period and offset), so it runs whenever something changes and on a
 * periodic sweep, which also picks up innovations imported from a spreadsheet by another process.
 */
export class ReminderPlanner {
  constructor(private readonly o: ReminderPlannerOptions) {}

  /**
   * Brings an innovation's rows in line with its schedule now: planned work is created or moved (a
   * changed hour, zone or cadence), pending work the schedule no longer has is cancelled, and an
   * innovation that is paused, ended or gone keeps nothing in the future. A snoozed reminder stays while
   * the innovation is active, and work already due is never withdrawn (it runs, late, and re-checks).
   */
  async plan(innovationId: string): Promise<number> {
    const input = await this.load(innovationId);
    const now = this.o.clock();
    const planned = input ? planReminders(input, now, todayIn(now, input.zone), this.o.escalationDays) : [];
    const wanted = new Set(planned.map((j) => j.key));
    for (const prefix of innovationPrefixes(innovationId)) {
      for (const row of await this.o.jobs.list({ keyPrefix: prefix, states: ['pending'], limit: 10_000 })) {
        // Work already due stays: it is what a restart must still send (late), and its handler checks again.
        if (wanted.has(row.key) || (input && isSnoozeKey(row.key)) || row.runAt.getTime() <= now.getTime()) continue;
        await this.o.jobs.cancel(row.key);
      }
    }
    for (const job of planned) {
      const input = { kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload };
      const result = await this.o.jobs.schedule(input);
      // Cancelled earlier (paused, or a period changed back): planned again on purpose.
      if (result.outcome === 'unchanged' && result.job.state === 'cancelled') await this.o.jobs.schedule(input, { replace: true });
    }
    return planned.length;
  }

  /** A period was reported: its remaining reminders and its escalation stop, and the next period is planned. */
  async periodDone(innovationId: string, periodKey: string): Promise<void> {
    for (const prefix of periodPrefix(innovationId, periodKey)) await this.o.jobs.cancelWhere({ keyPrefix: prefix });
    await this.plan(innovationId);
  }

  /** Plans every active innovation (the periodic sweep); one failure does not stop the others. */
  async planAll(): Promise<{ innovations: number; failed: number }> {
    const rows = await this.o.db.innovation.findMany({ where: { status: 'active' }, select: { id: true } });
    let failed = 0;
    for (const { id } of rows) {
      try {
        await this.plan(id);
      } catch (error) {
        failed += 1;
        this.o.logger.error({ err: error, innovation: id }, 'could not plan reminders');
      }
    }
    return { innovations: rows.length, failed };
  }

  /** The plan input for an active innovation, or undefined. */
  async load(innovationId: string): Promise<PlanInput | undefined> {
    const row = await this.o.db.innovation.findUnique({
      where: { id: innovationId },
      include: { owner: { select: { timeZone: true } }, reports: { where: { status: 'submitted' }, select: { periodKey: true } } },
    });
    if (!row || row.status !== 'active') return undefined;
    const zone = row.owner.timeZone ?? DEFAULT_ZONE;
    return {
      id: row.id,
      cadence: CadenceSchema.parse(row.cadence),
      startDate: row.startDate,
      trialEndDate: row.trialEndDate,
      dueDay: row.dueDay,
      remindHour: row.remindHour,
      remindDaysBefore: row.remindDaysBefore,
      zone,
      submitted: new Set(row.reports.map((r) => r.periodKey)),
      registeredOn: todayIn(row.createdAt, zone),
    };
  }
}
