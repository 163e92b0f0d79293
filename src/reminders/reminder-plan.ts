import { z } from 'zod';
import { addDays, compareDates, type LocalDate } from '../core/time/local-date.js';
import { atLocalTime } from '../core/time/zoned.js';
import { CadenceSchema, periodsDueBetween, upcomingPeriods, type Period, type Schedule } from '../innovations/periods.js';

export const REMINDER_KIND = 'reminder.send';
export const ESCALATION_KIND = 'reminder.escalate';
export const COORDINATOR_NOTICE_KIND = 'reminder.notify_coordinator';

export const ReminderPayloadSchema = z.object({
  innovationId: z.string(),
  periodKey: z.string(),
  /** Days before the due date (0 = on the day); absent for a snoozed reminder. */
  daysBefore: z.number().int().min(0).optional(),
  /** The local date of a snoozed reminder ("ingatkan besok"). */
  snoozedTo: z.string().optional(),
});
export type ReminderPayload = z.infer<typeof ReminderPayloadSchema>;

export const EscalationPayloadSchema = z.object({ innovationId: z.string(), periodKey: z.string() });
export type EscalationPayload = z.infer<typeof EscalationPayloadSchema>;

export const CoordinatorNoticePayloadSchema = z.object({
  innovationId: z.string(),
  periodKey: z.string(),
  coordinatorId: z.string(),
  /** late: the report is overdue; missed: a reminder could not be sent in time (Pandu was down). */
  reason: z.enum(['late', 'missed']),
});
export type CoordinatorNoticePayload = z.infer<typeof CoordinatorNoticePayloadSchema>;

/** What the plan needs to know about an innovation. */
export interface PlanInput extends Schedule {
  id: string;
  remindHour: number;
  remindDaysBefore: number;
  /** The owner's zone (Asia/Jakarta when the profile has none). */
  zone: string;
  /** Periods already reported (submitted or declared): nothing is planned for them. */
  submitted: ReadonlySet<string>;
  /** The local date the innovation was registered: earlier periods are never chased. */
  registeredOn: LocalDate;
}

export interface PlannedJob {
  kind: typeof REMINDER_KIND | typeof ESCALATION_KIND;
  key: string;
  runAt: Date;
  payload: ReminderPayload | EscalationPayload;
  period: Period;
}

/** Keys are stable, so planning again updates the same rows instead of adding new ones. */
export const reminderKey = (innovationId: string, periodKey: string, tag: string): string => `rem:${innovationId}:${periodKey}:${tag}`;
export const escalationKey = (innovationId: string, periodKey: string): string => `esc:${innovationId}:${periodKey}`;
/** Every pending row of one period of one innovation starts with this. */
export const periodPrefix = (innovationId: string, periodKey: string): string[] => [
  `rem:${innovationId}:${periodKey}:`,
  `esc:${innovationId}:${periodKey}`,
];
/** Every reminder and escalation row of one innovation (not the notices to coordinators). */
export const innovationPrefixes = (innovationId: string): string[] => [`rem:${innovationId}:`, `esc:${innovationId}:`];
/** A notice to one coordinator about one period, for one reason: each is sent exactly once. */
export const noticeKey = (innovationId: string, periodKey: string, reason: string, coordinatorId: string): string =>
  `note:${innovationId}:${periodKey}:${reason}:${coordinatorId}`;
export const snoozeTag = (date: string): string => `snooze-${date}`;
export const isSnoozeKey = (key: string): boolean => /:snooze-\d{4}-\d{2}-\d{2}$/.test(key);

/**
 * The reminders and escalations an innovation needs from `today` on: for each open period (the ones
 * due soon, and overdue ones still within the escalation window), a reminder `remindDaysBefore` days
 * ahead and one on the due day, both at `remindHour` in the owner's zone, and an escalation to the
 * coordinators `escalationDays` after the due day. Work whose time has passed is not planned again:
 * a row already planned is still run (late) by the job layer, and a period registered after its
 * reminders were due only gets what is still ahead.
 */
export function planReminders(input: PlanInput, now: Date, today: LocalDate, escalationDays: number, horizon = 2): PlannedJob[] {
  CadenceSchema.parse(input.cadence);
  const from = addDays(today, -escalationDays);
  // Periods due from `from` on: the overdue ones (at most one per day of the window) and `horizon` ahead.
  const candidates = upcomingPeriods(input, from, escalationDays + horizon + 1);
  const overdue = candidates.filter((p) => compareDates(p.due, today) < 0);
  const ahead = candidates.filter((p) => compareDates(p.due, today) >= 0).slice(0, horizon);
  return [...overdue, ...ahead]
    .filter((p) => isOpen(input, p))
    .flatMap((p) => periodJobs(input, p, escalationDays))
    .filter((j) => j.runAt.getTime() >= now.getTime());
}

/**
 * Everything an innovation's schedule would send in [from, to) (UTC): its reminders and escalations,
 * whether or not they are in the job table yet (planning only looks a couple of periods ahead). Reported
 * periods and periods due before registration are left out, as the planner leaves them out.
 */
export function plannedBetween(input: PlanInput, from: Date, to: Date, escalationDays: number): PlannedJob[] {
  // Due dates that can put a reminder or an escalation inside the window, with a day of margin for zones.
  const first = addDays(from.toISOString().slice(0, 10), -(escalationDays + 1));
  const last = addDays(to.toISOString().slice(0, 10), Math.max(input.remindDaysBefore, 0) + 1);
  return periodsDueBetween(input, first, last)
    .filter((p) => isOpen(input, p))
    .flatMap((p) => periodJobs(input, p, escalationDays))
    .filter((j) => j.runAt.getTime() >= from.getTime() && j.runAt.getTime() < to.getTime())
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/** A period still to be chased: due after registration and not reported. */
function isOpen(input: PlanInput, period: Period): boolean {
  return compareDates(period.due, input.registeredOn) >= 0 && !input.submitted.has(period.key);
}

/** A period's work: a reminder `remindDaysBefore` days ahead and one on the due day, then the escalation. */
function periodJobs(input: PlanInput, period: Period, escalationDays: number): PlannedJob[] {
  const reminders: PlannedJob[] = [...new Set([input.remindDaysBefore, 0])]
    .filter((d) => d >= 0)
    .map((daysBefore) => ({
      kind: REMINDER_KIND,
      key: reminderKey(input.id, period.key, `h-${daysBefore}`),
      runAt: atLocalTime(addDays(period.due, -daysBefore), input.remindHour, 0, input.zone),
      payload: { innovationId: input.id, periodKey: period.key, daysBefore },
      period,
    }));
  const escalation: PlannedJob = {
    kind: ESCALATION_KIND,
    key: escalationKey(input.id, period.key),
    runAt: atLocalTime(addDays(period.due, escalationDays), input.remindHour, 0, input.zone),
    payload: { innovationId: input.id, periodKey: period.key },
    period,
  };
  return [...reminders, escalation];
}
