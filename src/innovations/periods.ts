import { z } from 'zod';
import { addMonths, compareDates, daysInMonth, lastDayOfMonth, localDate, parts, type LocalDate } from '../core/time/local-date.js';

/**
 * How often an innovation reports. monthly and quarterly are the "laporan berkala" of an uji coba
 * (PP 38/2017 Pasal 16 ayat (4): the PP leaves the frequency open; monthly is the default); end_of_trial is
 * the report on the whole uji coba (Pasal 18); after_penerapan the report due within six months of the
 * Perda/Perkada that puts the innovation into effect (Pasal 20 ayat (4)).
 */
export const CADENCES = ['monthly', 'quarterly', 'end_of_trial', 'after_penerapan'] as const;
export const CadenceSchema = z.enum(CADENCES);
export type Cadence = z.infer<typeof CadenceSchema>;

export const STAGES = ['usulan', 'uji_coba', 'penerapan'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

/** What the schedule of an innovation depends on. */
export interface Schedule {
  cadence: Cadence;
  /** When the current stage started (local date). */
  startDate: LocalDate;
  trialEndDate?: LocalDate | null;
  /** 0: due on the last day of the period; 1–28: due on that day of the month after the period. */
  dueDay: number;
}

/** One reporting period and the day its report falls due. */
export interface Period {
  /** Stable key, stored with the report: 2027-01, 2027-Q1, akhir-uji-coba, penerapan-6-bulan. */
  key: string;
  start: LocalDate;
  end: LocalDate;
  due: LocalDate;
}

/** A monthly or quarterly period's due date: its last day, or day `dueDay` of the following month. */
function periodicDue(end: LocalDate, dueDay: number): LocalDate {
  if (dueDay <= 0) return end;
  const { year, month } = parts(addMonths(`${end.slice(0, 8)}01`, 1));
  return localDate(year, month, Math.min(dueDay, daysInMonth(year, month)));
}

function monthPeriod(year: number, month: number, dueDay: number): Period {
  const start = localDate(year, month, 1);
  const end = lastDayOfMonth(year, month);
  return { key: `${year}-${String(month).padStart(2, '0')}`, start, end, due: periodicDue(end, dueDay) };
}

function quarterPeriod(year: number, quarter: number, dueDay: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  const start = localDate(year, firstMonth, 1);
  const end = lastDayOfMonth(year, firstMonth + 2);
  return { key: `${year}-Q${quarter}`, start, end, due: periodicDue(end, dueDay) };
}

/**
 * The periods of a schedule whose report falls due on or after `from`, in order, at most `count`. The
 * first period is the one the start date falls in; one-off cadences have a single period.
 */
export function upcomingPeriods(schedule: Schedule, from: LocalDate, count: number): Period[] {
  const out: Period[] = [];
  for (const period of allPeriods(schedule)) {
    if (compareDates(period.due, from) >= 0) out.push(period);
    if (out.length >= count) break;
  }
  return out;
}

/** The periods whose due date lies in [from, to], in order. */
export function periodsDueBetween(schedule: Schedule, from: LocalDate, to: LocalDate): Period[] {
  const out: Period[] = [];
  for (const period of allPeriods(schedule)) {
    if (compareDates(period.due, to) > 0) break;
    if (compareDates(period.due, from) >= 0) out.push(period);
  }
  return out;
}

/** The period a key names (reports and reminders carry keys). */
export function periodByKey(schedule: Schedule, key: string): Period | undefined {
  const monthly = /^(\d{4})-(\d{2})$/.exec(key);
  if (monthly && schedule.cadence === 'monthly') return monthPeriod(Number(monthly[1]), Number(monthly[2]), schedule.dueDay);
  const quarterly = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarterly && schedule.cadence === 'quarterly') return quarterPeriod(Number(quarterly[1]), Number(quarterly[2]), schedule.dueDay);
  return [...oneOff(schedule)].find((p) => p.key === key);
}

/** The period a date falls in (the one being reported on "now"); undefined before the first. */
export function periodContaining(schedule: Schedule, date: LocalDate): Period | undefined {
  for (const period of allPeriods(schedule)) {
    if (compareDates(period.start, date) > 0) return undefined;
    if (compareDates(period.end, date) >= 0) return period;
  }
  return undefined;
}

/** Every period of a schedule, lazily (monthly and quarterly go on for ever). */
export function* allPeriods(schedule: Schedule): Generator<Period> {
  const { year, month } = parts(schedule.startDate);
  switch (schedule.cadence) {
    case 'monthly':
      for (let i = 0; ; i += 1) {
        const index = year * 12 + (month - 1) + i;
        yield monthPeriod(Math.floor(index / 12), (index % 12) + 1, schedule.dueDay);
      }
    case 'quarterly': {
      const first = Math.floor((month - 1) / 3);
      for (let i = 0; ; i += 1) {
        const q = year * 4 + first + i;
        yield quarterPeriod(Math.floor(q / 4), (q % 4) + 1, schedule.dueDay);
      }
    }
    default:
      yield* oneOff(schedule);
  }
}

function* oneOff(schedule: Schedule): Generator<Period> {
  if (schedule.cadence === 'end_of_trial' && schedule.trialEndDate) {
    yield { key: 'akhir-uji-coba', start: schedule.startDate, end: schedule.trialEndDate, due: schedule.trialEndDate };
  }
  if (schedule.cadence === 'after_penerapan') {
    const due = addMonths(schedule.startDate, 6);
    yield { key: 'penerapan-6-bulan', start: schedule.startDate, end: due, due };
  }
}
