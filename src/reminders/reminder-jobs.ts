import type { Db } from '../db/client.js';
import type { Outbound } from '../core/outbound.js';
import { todayIn, formatLocal } from '../core/time/zoned.js';
import type { Translate } from '../i18n/translator.js';
import { CadenceSchema, periodByKey, type Period } from '../innovations/periods.js';
import { RetryLater } from '../jobs/errors.js';
import type { JobContext } from '../jobs/job-kind.js';
import type { Jobs } from '../jobs/jobs.js';
import type { ScopeStore } from '../people/scopes.js';
import { zoneLabel, ZONES } from '../people/regions/zones.js';
import { escalationReply, missedReminderReply, reminderReply, type EscalationFacts } from './reminder-message.js';
import {
  COORDINATOR_NOTICE_KIND,
  CoordinatorNoticePayloadSchema,
  ESCALATION_KIND,
  EscalationPayloadSchema,
  REMINDER_KIND,
  ReminderPayloadSchema,
  noticeKey,
  type CoordinatorNoticePayload,
} from './reminder-plan.js';
import { DEFAULT_ZONE, type ReminderPlanner } from './reminder-planner.js';

/** A channel that is down (WhatsApp reconnecting) is tried again after this long. */
const CHANNEL_DOWN_RETRY_MS = 15 * 60_000;

export interface ReminderJobsDeps {
  db: Db;
  jobs: Jobs;
  outbound: Outbound;
  scopes: ScopeStore;
  planner: ReminderPlanner;
  t: Translate;
  /** Past this lateness a reminder is not sent any more; the coordinators are told instead. */
  maxLatenessMs: number;
}

/** The innovation, its owner and the period a job is about; undefined when there is nothing to do any more. */
async function subject(db: Db, innovationId: string, periodKey: string) {
  const row = await db.innovation.findUnique({
    where: { id: innovationId },
    include: {
      owner: { select: { id: true, fullName: true, displayName: true, timeZone: true } },
      reports: { where: { periodKey, status: 'submitted' }, select: { id: true } },
    },
  });
  if (!row || row.status !== 'active') return undefined;
  const period = periodByKey(
    { cadence: CadenceSchema.parse(row.cadence), startDate: row.startDate, trialEndDate: row.trialEndDate, dueDay: row.dueDay },
    periodKey,
  );
  if (!period) return undefined;
  return { row, period, submitted: row.reports.length > 0, zone: row.owner.timeZone ?? DEFAULT_ZONE };
}

function escalationFacts(s: NonNullable<Awaited<ReturnType<typeof subject>>>, period: Period, now: Date): EscalationFacts {
  return {
    innovationName: s.row.name,
    opd: s.row.opd,
    ownerName: s.row.owner.fullName ?? s.row.owner.displayName ?? '—',
    periodKey: period.key,
    due: period.due,
    today: todayIn(now, s.zone),
  };
}

/** What a delivery tells the job layer: retry later, fail (and retry), or done with a record. */
function settle(delivery: Awaited<ReturnType<Outbound['send']>>, ctx: JobContext): Record<string, unknown> {
  if (delivery.status === 'failed' && delivery.attempts.every((a) => a.status === 'unavailable')) {
    throw new RetryLater(new Date(ctx.now.getTime() + CHANNEL_DOWN_RETRY_MS), 'every channel of the person is down');
  }
  if (delivery.status === 'failed' && delivery.retryable) throw new Error(`delivery failed: ${JSON.stringify(delivery.attempts)}`);
  // Sent, blocked or unreachable: recorded; sending again would not change it.
  return { status: delivery.status, channel: delivery.channel ?? null, messageIds: delivery.messageIds ?? [], attempts: delivery.attempts };
}

/**
 * The three kinds of reminder work: a reminder to the person responsible, an escalation when a report is
 * overdue (it fans out one notice per coordinator, each its own row so each is told exactly once), and
 * that notice itself. Every handler checks again, when it runs, that the work is still wanted: a report
 * that arrived meanwhile, a paused innovation or a changed schedule make it a no-op.
 */
export function registerReminderJobs(deps: ReminderJobsDeps): void {
  const { db, jobs, outbound, scopes, planner, t } = deps;

  const notifyCoordinators = async (innovationId: string, periodKey: string, reason: CoordinatorNoticePayload['reason'], now: Date) => {
    const row = await db.innovation.findUnique({ where: { id: innovationId }, select: { regionKey: true, opdKey: true } });
    const coordinators = row ? await scopes.coordinatorsFor(row.regionKey, row.opdKey) : [];
    for (const coordinatorId of coordinators) {
      await jobs.schedule({
        kind: COORDINATOR_NOTICE_KIND,
        key: noticeKey(innovationId, periodKey, reason, coordinatorId),
        runAt: now,
        payload: { innovationId, periodKey, coordinatorId, reason },
      });
    }
    return coordinators.length;
  };

  jobs.register({
    kind: REMINDER_KIND,
    payload: ReminderPayloadSchema,
    // A reminder sent twice after a crash is better than none.
    onCrash: 'retry',
    maxLatenessMs: deps.maxLatenessMs,
    async run(payload, ctx) {
      const s = await subject(db, payload.innovationId, payload.periodKey);
      if (!s || s.submitted) return { skipped: !s ? 'inactive' : 'reported' };
      const today = todayIn(ctx.now, s.zone);
      const reply = reminderReply(t, {
        innovationId: s.row.id,
        innovationName: s.row.name,
        cadence: CadenceSchema.parse(s.row.cadence),
        periodKey: s.period.key,
        due: s.period.due,
        today,
        late: ctx.late,
      });
      const result = settle(await outbound.send(s.row.ownerId, [reply]), ctx);
      // The last reminder of a period is a good moment to make sure the next period is planned.
      if (payload.daysBefore === 0) await planner.plan(s.row.id);
      return result;
    },
    async expired(payload, ctx) {
      const s = await subject(db, payload.innovationId, payload.periodKey);
      if (!s || s.submitted) return { skipped: true };
      ctx.logger.warn(
        { innovation: s.row.id, period: s.period.key, lateByMs: ctx.lateByMs },
        'reminder too late to send; telling the coordinators',
      );
      return { coordinators: await notifyCoordinators(s.row.id, s.period.key, 'missed', ctx.now) };
    },
    describe: async (payload) => describeReminder(db, outbound, payload.innovationId, payload.periodKey),
  });

  jobs.register({
    kind: ESCALATION_KIND,
    payload: EscalationPayloadSchema,
    onCrash: 'retry',
    async run(payload, ctx) {
      const s = await subject(db, payload.innovationId, payload.periodKey);
      if (!s || s.submitted) return { skipped: !s ? 'inactive' : 'reported' };
      const coordinators = await notifyCoordinators(s.row.id, s.period.key, 'late', ctx.now);
      if (coordinators === 0)
        ctx.logger.warn({ innovation: s.row.id, opd: s.row.opdKey }, 'overdue report but no coordinator oversees this OPD');
      await planner.plan(s.row.id);
      return { coordinators };
    },
    describe: async (payload) => ({
      ...(await describeReminder(db, outbound, payload.innovationId, payload.periodKey)),
      kind: 'escalation',
    }),
  });

  jobs.register({
    kind: COORDINATOR_NOTICE_KIND,
    payload: CoordinatorNoticePayloadSchema,
    onCrash: 'retry',
    async run(payload, ctx) {
      const s = await subject(db, payload.innovationId, payload.periodKey);
      if (!s || (payload.reason === 'late' && s.submitted)) return { skipped: true };
      const facts = escalationFacts(s, s.period, ctx.now);
      const reply = payload.reason === 'late' ? escalationReply(t, facts) : missedReminderReply(t, facts);
      return settle(await outbound.send(payload.coordinatorId, [reply]), ctx);
    },
  });
}

/** For `npm run jobs -- due`: who would get it, on which channel, for what. */
async function describeReminder(db: Db, outbound: Outbound, innovationId: string, periodKey: string) {
  const row = await db.innovation.findUnique({
    where: { id: innovationId },
    select: { name: true, ownerId: true, owner: { select: { timeZone: true } } },
  });
  if (!row) return { innovation: innovationId, period: periodKey };
  const [channel] = await outbound.preview(row.ownerId);
  return { user: row.ownerId, channel: channel ?? null, innovation: row.name, period: periodKey, zone: row.owner.timeZone ?? DEFAULT_ZONE };
}

/** "2027-02-26 08:00 WITA". */
export function localLabel(instant: Date, zone: string): string {
  const z = ZONES.find((candidate) => candidate === zone);
  return `${formatLocal(instant, zone)} ${z ? zoneLabel(z) : zone}`;
}
