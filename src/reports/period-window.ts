import { addMonths, compareDates, lastDayOfMonth, localDate, parts, type LocalDate } from '../core/time/local-date.js';
import { allPeriods, type Period, type Schedule } from '../innovations/periods.js';

/** The keys of the one-off periods (end of uji coba, six months after penerapan) in innovations/periods.ts. */
const ONE_OFF_KEYS = ['akhir-uji-coba', 'penerapan-6-bulan'];

/**
 * A stretch of the calendar a coordinator asks about: one month (`2027-01`) or one quarter (`2027-Q1`).
 * Its key has the same shape as a monthly or quarterly period key, so labels and choices share them.
 */
export interface PeriodWindow {
  key: string;
  kind: 'month' | 'quarter';
  start: LocalDate;
  end: LocalDate;
}

export function monthWindow(year: number, month: number): PeriodWindow {
  return {
    key: `${year}-${String(month).padStart(2, '0')}`,
    kind: 'month',
    start: localDate(year, month, 1),
    end: lastDayOfMonth(year, month),
  };
}

export function quarterWindow(year: number, quarter: number): PeriodWindow {
  const first = (quarter - 1) * 3 + 1;
  return { key: `${year}-Q${quarter}`, kind: 'quarter', start: localDate(year, first, 1), end: lastDayOfMonth(year, first + 2) };
}

/** The window a key names (from a button), or undefined for anything else. */
export function windowByKey(key: string): PeriodWindow | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) return monthWindow(Number(month[1]), Number(month[2]));
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return quarterWindow(Number(quarter[1]), Number(quarter[2]));
  return undefined;
}

/** This month, last month and this quarter, as seen on `today`. */
export function thisMonth(today: LocalDate): PeriodWindow {
  const { year, month } = parts(today);
  return monthWindow(year, month);
}

export function lastMonth(today: LocalDate): PeriodWindow {
  const { year, month } = parts(addMonths(`${today.slice(0, 8)}01`, -1));
  return monthWindow(year, month);
}

export function thisQuarter(today: LocalDate): PeriodWindow {
  const { year, month } = parts(today);
  return quarterWindow(year, Math.floor((month - 1) / 3) + 1);
}

/**
 * The reporting periods of a schedule that overlap a window: for a monthly innovation and a month, that
 * month; for a quarterly one, the quarter the month lies in; for a monthly one and a quarter, its three
 * months; a one-off report (end of uji coba, six months after penerapan) while its period runs.
 */
export function periodsInWindow(schedule: Schedule, window: PeriodWindow): Period[] {
  const out: Period[] = [];
  for (const period of allPeriods(schedule)) {
    if (compareDates(period.start, window.end) > 0) break;
    if (compareDates(period.end, window.start) >= 0) out.push(period);
  }
  return out;
}

/**
 * Every period key a report overlapping the window can carry: its months, the quarters they lie in, and the
 * one-off keys (used to read only the window's reports from the database).
 */
export function keysOverlapping(window: PeriodWindow): string[] {
  const { year, month } = parts(window.start);
  const months = window.kind === 'month' ? [month] : [month, month + 1, month + 2];
  return [...months.map((m) => monthWindow(year, m).key), quarterWindow(year, Math.floor((month - 1) / 3) + 1).key, ...ONE_OFF_KEYS];
}
