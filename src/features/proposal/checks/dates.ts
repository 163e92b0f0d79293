/**
 * Reading dates and durations out of Indonesian free text ("sejak Maret 2022", "1/3/2022",
 * "sudah berjalan 2 tahun"). Used to tell whether an answer names a period and how old an innovation is.
 * These lists are input vocabulary, not messages.
 */
import { MONTH_PATTERN, monthNumber, NUMBER_WORDS } from '../../../core/time/parse-words.js';

const MONTH_ALT = MONTH_PATTERN;
const YEAR = '(?:19|20)\\d{2}';

export const MONTH_WORD_RE = new RegExp(`(?<![\\p{L}])(?:${MONTH_ALT})\\.?(?![\\p{L}])`, 'iu');

/** A date found in text, with the earliest and latest instant it can mean ("2022" = all of 2022). */
export interface FoundDate {
  earliest: Date;
  latest: Date;
  index: number;
}

const DATE_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => FoundDate | undefined }> = [
  // 2022-03-01
  {
    re: new RegExp(`\\b(${YEAR})-(\\d{1,2})-(\\d{1,2})\\b`, 'g'),
    read: (m) => day(Number(m[1]), Number(m[2]) - 1, Number(m[3]), m.index),
  },
  // 1 Maret 2022, 1 Mar. 2022
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_ALT})\\.?\\s+(${YEAR})\\b`, 'giu'),
    read: (m) => day(Number(m[3]), monthNumber(m[2]!.toLowerCase())! - 1, Number(m[1]), m.index),
  },
  // 01/03/2022, 1-3-2022
  {
    re: new RegExp(`\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](${YEAR})\\b`, 'g'),
    read: (m) => day(Number(m[3]), Number(m[2]) - 1, Number(m[1]), m.index),
  },
  // Maret 2022
  {
    re: new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(${YEAR})\\b`, 'giu'),
    read: (m) => month(Number(m[2]), monthNumber(m[1]!.toLowerCase())! - 1, m.index),
  },
  // 03/2022
  {
    re: new RegExp(`(?<![\\d/.-])(\\d{1,2})/(${YEAR})\\b`, 'g'),
    read: (m) => month(Number(m[2]), Number(m[1]) - 1, m.index),
  },
];

const BARE_YEAR_RE = new RegExp(`(?<![\\d/.-])(${YEAR})(?![\\d/.-]\\d)`, 'g');

/** Every date in the text, in reading order. A bare year counts only where no fuller date covers it. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const covered: Array<[number, number]> = [];
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (covered.some(([a, b]) => start < b && end > a)) continue;
      const date = read(m);
      if (date) {
        found.push(date);
        covered.push([start, end]);
      }
    }
  }
  BARE_YEAR_RE.lastIndex = 0;
  for (let m = BARE_YEAR_RE.exec(text); m; m = BARE_YEAR_RE.exec(text)) {
    const start = m.index;
    if (covered.some(([a, b]) => start >= a && start < b)) continue;
    const year = Number(m[1]);
    found.push({ earliest: new Date(Date.UTC(year, 0, 1)), latest: new Date(Date.UTC(year, 11, 31, 23, 59, 59)), index: start });
  }
  return found.sort((a, b) => a.index - b.index);
}

// `(?<!\d)`: a number is read from its first digit only. Starting again at every digit of a long run of
// digits makes the search quadratic (1.5 s on 20,000 digits) and finds nothing more; it only misread a
// number glued to a word ("x12 bulan") as its last digits ("2 bulan").
const NUMBER_ALT = `(?<!\\d)\\d+(?:[.,]\\d+)?|${[...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')}`;
const DURATION_RE = new RegExp(
  `(?<![\\p{L}])(${NUMBER_ALT})\\s*(hari|minggu|pekan|bulan|tahun)(?![\\p{L}])|(?<![\\p{L}])se(hari|minggu|pekan|bulan|tahun)(?![\\p{L}])`,
  'iu',
);

/** A stated duration ("6 bulan", "dua tahun", "setahun"), in months; undefined when none. */
export function findDurationMonths(text: string): number | undefined {
  const m = DURATION_RE.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? m[3] ?? '').toLowerCase();
  const raw = m[1]?.toLowerCase();
  const n = raw === undefined ? 1 : (NUMBER_WORDS.get(raw) ?? Number(raw.replace(',', '.')));
  if (!Number.isFinite(n)) return undefined;
  switch (unit) {
    case 'hari':
      return n / 30;
    case 'minggu':
    case 'pekan':
      return (n * 7) / 30;
    case 'bulan':
      return n;
    default:
      return n * 12;
  }
}

/** True when the text names a span of time: a duration, or two dates / months joined as a range. */
export function hasPeriod(text: string): boolean {
  if (findDurationMonths(text) !== undefined) return true;
  if (/(?<![\p{L}])(triwulan|semester|kuartal|caturwulan)(?![\p{L}])/iu.test(text) && new RegExp(YEAR).test(text)) return true;
  const monthWords = text.match(new RegExp(MONTH_WORD_RE.source, 'giu'))?.length ?? 0;
  const dates = findDates(text).length;
  const range = /(s\.?\s?d\.?|sampai|hingga|sd|[–—-]|\bke\b)/iu.test(text);
  return range && (dates >= 2 || (monthWords >= 2 && new RegExp(YEAR).test(text)));
}

/**
 * How long the innovation has run by `now`, as a range in months: [shortest, longest] the text allows.
 * Uses the earliest date named (the start), or a stated duration ("sudah berjalan 2 tahun").
 */
export function ageInMonths(text: string, now: Date): { min: number; max: number } | undefined {
  const dates = findDates(text).filter((d) => d.earliest.getTime() <= now.getTime());
  if (dates.length > 0) {
    const start = dates.reduce((a, b) => (b.earliest < a.earliest ? b : a));
    return { min: monthsBetween(start.latest, now), max: monthsBetween(start.earliest, now) };
  }
  const months = findDurationMonths(text);
  return months === undefined ? undefined : { min: months, max: months };
}

function monthsBetween(from: Date, to: Date): number {
  const ms = to.getTime() - from.getTime();
  return Math.max(0, ms / (1000 * 60 * 60 * 24 * 30.4375));
}

function day(year: number, monthIndex: number, date: number, index: number): FoundDate | undefined {
  if (monthIndex < 0 || monthIndex > 11 || date < 1 || date > 31) return undefined;
  const d = new Date(Date.UTC(year, monthIndex, date));
  return { earliest: d, latest: new Date(Date.UTC(year, monthIndex, date, 23, 59, 59)), index };
}

function month(year: number, monthIndex: number, index: number): FoundDate | undefined {
  if (monthIndex < 0 || monthIndex > 11) return undefined;
  return {
    earliest: new Date(Date.UTC(year, monthIndex, 1)),
    latest: new Date(Date.UTC(year, monthIndex + 1, 0, 23, 59, 59)),
    index,
  };
}
