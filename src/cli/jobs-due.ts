import { Outbound } from '../core/outbound.js';
import { ScopeStore } from '../people/scopes.js';
import { localLabel, registerReminderJobs } from '../reminders/reminder-jobs.js';
import { plannedBetween, REMINDER_KIND } from '../reminders/reminder-plan.js';
import { ReminderPlanner } from '../reminders/reminder-planner.js';
import type { JobsSubcommand } from './jobs.js';

/** One line of `jobs due`: what would go out, to whom, on which channel, when (UTC and the person's clock). */
interface DueItem {
  kind: 'reminder' | 'escalation' | 'snoozed_reminder' | 'coordinator_notice' | string;
  user: string | null;
  name: string | null;
  channel: string | null;
  innovation: string | null;
  period: string | null;
  dueAt: string;
  local: string;
}

/**
 * `npm run jobs -- due --from <ISO> --to <ISO> [--json]`: what would be sent in a window, without sending
 * anything. Reminders and escalations come from each innovation's schedule (so a window months ahead is
 * complete, although only the next periods are in the job table); snoozed reminders and notices to
 * coordinators come from the table.
 */
export const dueCommand: JobsSubcommand = {
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ values, db, jobs, config, logger, t, out, err }) {
    const from = new Date(String(values.from ?? ''));
    const to = new Date(String(values.to ?? ''));
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      err(t('jobs.due.bad_window'));
      return 2;
    }
    const planner = new ReminderPlanner({ db, jobs, clock: () => new Date(), logger, escalationDays: config.reminders.escalationDays });
    const outbound = new Outbound(db, logger);
    // Registered (never started) so the table's rows are described by their kinds, as the bot would run them.
    registerReminderJobs({ db, jobs, outbound, scopes: new ScopeStore(db), planner, t, maxLatenessMs: config.reminders.maxLatenessMs });
    const innovations = await db.innovation.findMany({
      where: { status: 'active' },
      select: { id: true, name: true, ownerId: true, owner: { select: { fullName: true, displayName: true } } },
    });
    const items: DueItem[] = [];
    const planned = new Set<string>();
    for (const innovation of innovations) {
      const input = await planner.load(innovation.id);
      if (!input) continue;
      const [channel] = await outbound.preview(innovation.ownerId);
      for (const job of plannedBetween(input, from, to, config.reminders.escalationDays)) {
        planned.add(job.key);
        items.push({
          kind: job.kind === REMINDER_KIND ? 'reminder' : 'escalation',
          user: job.kind === REMINDER_KIND ? innovation.ownerId : null,
          name: job.kind === REMINDER_KIND ? (innovation.owner.fullName ?? innovation.owner.displayName) : null,
          channel: job.kind === REMINDER_KIND ? (channel ?? null) : null,
          innovation: innovation.name,
          period: job.period.key,
          dueAt: job.runAt.toISOString(),
          local: localLabel(job.runAt, input.zone),
        });
      }
    }
    // Work that is only in the table: snoozes, notices to coordinators, and rows planned before a change.
    for (const { job, description } of await jobs.describeDue({ from, to })) {
      if (planned.has(job.key)) continue;
      const zone = typeof description.zone === 'string' ? description.zone : 'Asia/Jakarta';
      items.push({
        kind: job.kind === REMINDER_KIND ? 'snoozed_reminder' : job.kind,
        user: typeof description.user === 'string' ? description.user : null,
        name: null,
        channel: typeof description.channel === 'string' ? description.channel : null,
        innovation: typeof description.innovation === 'string' ? description.innovation : null,
        period: typeof description.period === 'string' ? description.period : null,
        dueAt: job.runAt.toISOString(),
        local: localLabel(job.runAt, zone),
      });
    }
    items.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    if (values.json) {
      for (const item of items) out(JSON.stringify(item));
      return 0;
    }
    if (items.length === 0) {
      out(t('jobs.due.empty'));
      return 0;
    }
    out(t('jobs.due.header', { count: items.length }));
    for (const item of items) {
      out(
        `${item.local}  ${t(`jobs.due.kind.${item.kind}`)}  ${item.innovation ?? '-'}  ${item.period ?? ''}  ${item.name ?? ''} ${item.channel ? `(${item.channel})` : ''}`.trimEnd(),
      );
    }
    return 0;
  },
};
