import { parts, type LocalDate } from '../core/time/local-date.js';
import { monthNumber } from '../core/time/parse-words.js';
import { lastMonth, monthWindow, quarterWindow, thisMonth, thisQuarter, type PeriodWindow } from './period-window.js';

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * A period typed by a person: "bulan ini", "bulan lalu", "triwulan ini", "triwulan lalu", "Januari 2027",
 * "jan 2027", "Januari" (the latest January up to today), "2027-01", "01/2027", "2027-Q1", "Q1 2027",
 * "triwulan I 2027", "TW 2 2027". Undefined when it is none of these.
 */
export function parsePeriodText(text: string, today: LocalDate): PeriodWindow | undefined {
  const clean = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:periode|laporan|rekap)\s+/, '');
  const { year: thisYear, month: todayMonth } = parts(today);

  if (/^bulan (?:ini|sekarang)$/.test(clean)) return thisMonth(today);
  if (/^bulan (?:lalu|kemarin|sebelumnya)$/.test(clean)) return lastMonth(today);
  const relativeQuarter = /^(?:triwulan|kuartal|tw) (ini|sekarang|lalu|kemarin|sebelumnya)$/.exec(clean);
  if (relativeQuarter) {
    const current = thisQuarter(today);
    if (relativeQuarter[1] === 'ini' || relativeQuarter[1] === 'sekarang') return current;
    const q = Number(current.key.slice(-1));
    return q === 1 ? quarterWindow(thisYear - 1, 4) : quarterWindow(thisYear, q - 1);
  }

  const yearMonth = /^(\d{4})-(\d{1,2})$/.exec(clean);
  const monthYear = /^(\d{1,2})\/(\d{4})$/.exec(clean);
  if (yearMonth || monthYear) {
    const year = Number(yearMonth ? yearMonth[1] : monthYear![2]);
    const month = Number(yearMonth ? yearMonth[2] : monthYear![1]);
    return month >= 1 && month <= 12 ? monthWindow(year, month) : undefined;
  }

  const quarter =
    /^(\d{4}) ?-? ?q([1-4])$/.exec(clean)?.slice(1) ??
    /^(?:q|tw|triwulan|kuartal) ?(i{1,3}|iv|[1-4]) (\d{4})$/.exec(clean)?.slice(1).reverse();
  if (quarter) {
    const [year, q] = quarter as [string, string];
    return quarterWindow(Number(year), ROMAN[q] ?? Number(q));
  }

  const named = /^(\p{L}+)(?: (\d{4}))?$/u.exec(clean);
  const month = named ? monthNumber(named[1]!) : undefined;
  if (named && month) {
    // A month without a year is the latest one that has begun (in January, "Desember" is last December).
    const year = named[2] ? Number(named[2]) : month <= todayMonth ? thisYear : thisYear - 1;
    return monthWindow(year, month);
  }
  return undefined;
}
