import { z } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Jobs } from '../jobs/jobs.js';

export type RetentionPeriods = Config['retention'];

/** Rows deleted by one retention run, by kind. */
export type RetentionResult = Record<'messageIds' | 'sessions' | 'linkCodes' | 'invites' | 'jobs' | 'incidents' | 'auditEvents', number>;

const FINISHED_JOB_STATES = ['done', 'failed', 'cancelled', 'expired', 'unknown'];

/**
 * Deletes what has outlived its use (README, "Personal data"): handled-message ids (only needed against
 * redeliveries), conversations that ended, used or expired link codes and role invites, finished jobs
 * (their payloads name innovations) and closed operator incidents after the jobs period, and audit rows past
 * the audit period. Profiles, drafts, innovations
 * and reports stay until their owner deletes them (/hapus_data) or an admin does.
 */
export async function applyRetention(db: Db, periods: RetentionPeriods, now: Date): Promise<RetentionResult> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const [messageIds, sessions, linkCodes, invites, jobs, incidents, auditEvents] = await Promise.all([
    db.processedMessage.deleteMany({ where: { createdAt: { lt: before(periods.messageIdsMs) } } }),
    db.conversationState.deleteMany({ where: { expiresAt: { lt: before(periods.sessionsMs) } } }),
    db.linkCode.deleteMany({
      where: { OR: [{ expiresAt: { lt: before(periods.codesMs) } }, { usedAt: { lt: before(periods.codesMs) } }] },
    }),
    db.roleInvite.deleteMany({
      where: { OR: [{ expiresAt: { lt: before(periods.codesMs) } }, { usedAt: { lt: before(periods.codesMs) } }] },
    }),
    // finishedAt comes from the app's clock like `now`; updatedAt is the database's, so a clock that jumped
    // (or a test's) would make every finished job look old the moment it ended.
    db.job.deleteMany({ where: { state: { in: FINISHED_JOB_STATES }, finishedAt: { lt: before(periods.jobsMs) } } }),
    db.opsIncident.deleteMany({ where: { recoveredAt: { lt: before(periods.jobsMs) } } }),
    db.auditEvent.deleteMany({ where: { createdAt: { lt: before(periods.auditMs) } } }),
  ]);
  return {
    messageIds: messageIds.count,
    sessions: sessions.count,
    linkCodes: linkCodes.count,
    invites: invites.count,
    jobs: jobs.count,
    incidents: incidents.count,
    auditEvents: auditEvents.count,
  };
}

export const RETENTION_KIND = 'privacy.retention';
const DAY_MS = 24 * 60 * 60 * 1000;

/** One row per day (`privacy:retention:<UTC date>`), so each run plans the next without touching its own. */
export const retentionKey = (at: Date): string => `privacy:retention:${at.toISOString().slice(0, 10)}`;

/**
 * The daily retention run on the job layer: durable (a restart does not skip a day), run once across
 * instances, and visible in `npm run jobs`. Each run schedules the next one a day later.
 */
export function registerRetention(jobs: Jobs, db: Db, periods: RetentionPeriods): { scheduleNow(now: Date): Promise<void> } {
  jobs.register({
    kind: RETENTION_KIND,
    payload: z.object({}),
    onCrash: 'retry',
    async run(_payload, ctx) {
      const result = await applyRetention(db, periods, ctx.now);
      ctx.logger.info(result, 'retention applied');
      const next = new Date(ctx.now.getTime() + DAY_MS);
      await jobs.schedule({ kind: RETENTION_KIND, key: retentionKey(next), runAt: next, payload: {} });
      return result;
    },
  });
  return {
    async scheduleNow(now) {
      await jobs.schedule({ kind: RETENTION_KIND, key: retentionKey(now), runAt: now, payload: {} });
    },
  };
}
