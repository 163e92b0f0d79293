import { addDays, compareDates, type LocalDate } from '../core/time/local-date.js';
import { CadenceSchema, periodContaining, periodsDueBetween, type Period, type Schedule } from '../innovations/periods.js';

/** A report may be written this many days before its period falls due (the first reminder comes 3 days before). */
export const DUE_SOON_DAYS = 7;
/** Periods overdue for longer than this are no longer offered in the chat (a coordinator settles them). */
export const LOOKBACK_DAYS = 366;

/** The innovation columns a schedule is read from. */
export interface ScheduleFields {
  cadence: string;
  startDate: string;
  trialEndDate: string | null;
  dueDay: number;
}

/** The reporting schedule of an innovation row; an unknown cadence in the database reads as monthly. */
export function scheduleOf(innovation: ScheduleFields): Schedule {
  const cadence = CadenceSchema.safeParse(innovation.cadence);
  return {
    cadence: cadence.success ? cadence.data : 'monthly',
    startDate: innovation.startDate,
    trialEndDate: innovation.trialEndDate,
    dueDay: innovation.dueDay,
  };
}

/**
 * The periods a person can report on today, earliest due first: those not yet submitted whose report fell
 * due in the last year or falls due within DUE_SOON_DAYS, and the period running today (an early report).
 * The first is the one /laporan proposes.
 */
export function reportablePeriods(schedule: Schedule, today: LocalDate, submitted: ReadonlySet<string>): Period[] {
  const open = periodsDueBetween(schedule, addDays(today, -LOOKBACK_DAYS), addDays(today, DUE_SOON_DAYS));
  const current = periodContaining(schedule, today);
  if (current && !open.some((p) => p.key === current.key)) open.push(current);
  return open.filter((p) => !submitted.has(p.key)).sort((a, b) => compareDates(a.due, b.due));
}
