import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  isLocalDate,
  lastDayOfMonth,
  localDate,
  parts,
  weekday,
  type LocalDate,
} from './local-date.js';
import { timesIn, type TimeOfDay } from './parse-time.js';
import { NUMBER_PATTERN, WEEKDAY_PATTERN, countOf, monthNumber, normaliseDateText, weekdayNumber } from './parse-words.js';

export type { TimeOfDay } from './parse-time.js';

export interface ParseDateOptions {
  /** The person's today (todayIn(now, zone)): relative words count from here. */
  today: LocalDate;
  /**
   * Which way a date without a year (or a bare weekday, "tgl 15") leans: `future` for due dates and
   * reminders (the next such day, today included), `past` for when something started (the latest such
   * day, today included).
   */
  prefer: 'future' | 'past';
}

export type ParsedDate = { ok: true; date: LocalDate; time?: TimeOfDay } | { ok: false };

const MAX_INPUT_CHARS = 80;
/** Relative amounts beyond this ("5000 hari lagi") are slips, not plans. */
const MAX_DAYS_AHEAD = 3660;
/** How far a year-less date may be looked for (29 Februari comes every four years, sometimes eight). */
const YEAR_SEARCH = 8;

const NOT_UNDERSTOOD: ParsedDate = { ok: false };
/** The text is a date form, but the date does not exist ("31/2", "30 Februari"). */
const INVALID = Symbol('invalid');
type Outcome = LocalDate | typeof INVALID | undefined;
type Rule = (text: string, options: ParseDateOptions) => Outcome;

/**
 * Reads a date as people write it in Indonesian chat, optionally with a time: "besok", "lusa", "Senin
 * depan", "minggu depan", "akhir bulan", "3 hari lagi", "15/1", "15-01-2027", "2027-01-15", "15 Januari
 * 2027", "tgl 15", "besok 09.00", "Senin depan jam 10". Dates that do not exist and anything else are
 * `{ ok: false }`: the caller asks again with an example (dateHint in parse-hint.ts).
 */
export function parseIndonesianDate(text: string, options: ParseDateOptions): ParsedDate {
  if (!isLocalDate(options.today)) throw new RangeError(`today is not a local date: ${options.today}`);
  const clean = normaliseDateText(text);
  if (clean.length === 0 || clean.length > MAX_INPUT_CHARS) return NOT_UNDERSTOOD;
  // The whole text as a date first: "15.01" is 15 Januari, not a quarter past three.
  const whole = dateOf(clean, options);
  if (whole !== undefined && whole !== INVALID) return { ok: true, date: whole };
  // Then a date with a time in it: "besok 09.00", "Senin 15.00" (15.00 alone is no date).
  for (const found of timesIn(clean)) {
    if (!found.time || found.rest.length === 0) continue;
    const date = dateOf(found.rest, options);
    if (date !== undefined && date !== INVALID) return { ok: true, date, time: found.time };
  }
  return NOT_UNDERSTOOD;
}

function dateOf(text: string, options: ParseDateOptions): Outcome {
  // Words that frame the date without changing it: "mulai 15 Januari", "pada hari Senin", "besok pagi".
  const core = text
    .replace(/^(?:(?:mulai|sejak|pada|per|nanti|sekitar|tepatnya)\s+)+/, '')
    .replace(/^(?:tanggal|tgl|tg)\s*(?=\d{1,4}[/.-]\d)/, '')
    .replace(/\s+(?:pagi|siang|sore|malam)$/, '')
    .trim();
  for (const rule of RULES) {
    const outcome = rule(core, options);
    if (outcome !== undefined) return outcome;
  }
  return undefined;
}

const DAY_WORDS: Readonly<Record<string, number>> = {
  'hari ini': 0,
  'hr ini': 0,
  sekarang: 0,
  besok: 1,
  besuk: 1,
  bsk: 1,
  esok: 1,
  'esok hari': 1,
  lusa: 2,
  'besok lusa': 2,
  kemarin: -1,
  kemaren: -1,
  kmrn: -1,
  'kemarin lusa': -2,
};

const relativeDay: Rule = (text, { today }) => (text in DAY_WORDS ? addDays(today, DAY_WORDS[text]!) : undefined);

const UNIT = '(hari|minggu|pekan|bulan|tahun)';
const AHEAD = '(lagi|ke depan|kemudian|mendatang)';
const AGO = '(yang lalu|yg lalu|lalu|sebelumnya|silam)';
const AMOUNT_RE = new RegExp(`^(?:(${NUMBER_PATTERN})\\s+${UNIT}|se${UNIT})\\s+(?:${AHEAD}|${AGO})$`);

/** "3 hari lagi", "2 minggu lagi", "sebulan lagi", "dua hari yang lalu". */
const amount: Rule = (text, { today }) => {
  const m = AMOUNT_RE.exec(text);
  if (!m) return undefined;
  const count = m[1] ? countOf(m[1]) : 1;
  const unit = m[2] ?? m[3]!;
  if (count === undefined) return undefined;
  const sign = m[4] ? 1 : -1;
  const n = count * sign;
  const days = unit === 'hari' ? n : unit === 'minggu' || unit === 'pekan' ? n * 7 : undefined;
  if (days !== undefined) return Math.abs(days) > MAX_DAYS_AHEAD ? INVALID : addDays(today, days);
  const months = unit === 'bulan' ? n : n * 12;
  return Math.abs(months) > MAX_DAYS_AHEAD / 30 ? INVALID : addMonths(today, months);
};

/** The Monday of the week `offset` weeks from today's (weeks start on Monday). */
function mondayOf(today: LocalDate, offset: number): LocalDate {
  const sinceMonday = (weekday(today) + 6) % 7;
  return addDays(today, offset * 7 - sinceMonday);
}

/** "minggu depan", "pekan depan", "awal minggu depan" (its Monday); "minggu lalu" (last week's Monday). */
const week: Rule = (text, { today }) => {
  const m = /^(?:awal\s+)?(?:minggu|pekan)\s+(depan|berikutnya|lalu|kemarin|sebelumnya)$/.exec(text);
  if (!m) return undefined;
  return mondayOf(today, m[1] === 'depan' || m[1] === 'berikutnya' ? 1 : -1);
};

const WEEKDAY_RE = new RegExp(
  `^(?:hari\\s+)?(${WEEKDAY_PATTERN})(?:\\s+(depan|berikutnya|ini|kemarin|(?:minggu|pekan)\\s+(?:depan|ini|lalu)|lalu))?$`,
);

/**
 * "Senin", "hari Jumat", "Senin depan" (Monday of next week; weeks start on Monday), "Senin ini" (this
 * week's), "Senin lalu" (last week's), "Senin kemarin" (the latest Monday before today). A bare weekday is
 * the nearest one in the preferred direction, today included.
 */
const weekdayRule: Rule = (text, { today, prefer }) => {
  const m = WEEKDAY_RE.exec(text);
  if (!m) return undefined;
  const target = weekdayNumber(m[1]!)!;
  const offsetInWeek = (target + 6) % 7;
  switch (m[2]?.replace(/^pekan/, 'minggu')) {
    case undefined: {
      const ahead = (target - weekday(today) + 7) % 7;
      return prefer === 'future' ? addDays(today, ahead) : addDays(today, ahead === 0 ? 0 : ahead - 7);
    }
    case 'depan':
    case 'berikutnya':
    case 'minggu depan':
      return addDays(mondayOf(today, 1), offsetInWeek);
    case 'ini':
    case 'minggu ini':
      return addDays(mondayOf(today, 0), offsetInWeek);
    case 'lalu':
    case 'minggu lalu':
      return addDays(mondayOf(today, -1), offsetInWeek);
    default: {
      const back = (weekday(today) - target + 7) % 7;
      return addDays(today, -(back === 0 ? 7 : back));
    }
  }
};

const NEXT = '(?:depan|berikutnya|mendatang)';
const PREVIOUS = '(?:lalu|kemarin|sebelumnya)';
const RELATIVE_MONTH_RE = new RegExp(`^(awal|akhir|pertengahan|tengah)?\\s*bulan(?:\\s+(ini|${NEXT}|${PREVIOUS}))?$`);

/**
 * "bulan depan" and "awal bulan depan" (the 1st of next month), "akhir bulan" (the last day of this one),
 * "akhir bulan depan", "pertengahan bulan" (the 15th), "bulan lalu". Without ini/depan/lalu, "awal bulan"
 * and "pertengahan bulan" lean the preferred way.
 */
const relativeMonth: Rule = (text, { today, prefer }) => {
  const m = RELATIVE_MONTH_RE.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const which = m[1] ?? 'awal';
  const { year, month } = parts(today);
  const dayIn = (y: number, mo: number) => (which === 'akhir' ? lastDayOfMonth(y, mo) : localDate(y, mo, which === 'awal' ? 1 : 15));
  const shifted = (offset: number) => {
    const first = addMonths(localDate(year, month, 1), offset);
    return dayIn(parts(first).year, parts(first).month);
  };
  if (!m[2]) {
    const here = dayIn(year, month);
    const inDirection = prefer === 'future' ? compareDates(here, today) >= 0 : compareDates(here, today) <= 0;
    return inDirection ? here : shifted(prefer === 'future' ? 1 : -1);
  }
  if (m[2] === 'ini') return dayIn(year, month);
  return shifted(new RegExp(`^${NEXT}$`).test(m[2]) ? 1 : -1);
};

const RELATIVE_YEAR_RE = new RegExp(`^(awal|akhir)?\\s*tahun(?:\\s+(ini|${NEXT}|${PREVIOUS}))?$`);

/** "tahun depan" (1 Januari), "akhir tahun" (31 Desember), "awal tahun ini", "akhir tahun lalu". */
const relativeYear: Rule = (text, { today }) => {
  const m = RELATIVE_YEAR_RE.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const offset = !m[2] || m[2] === 'ini' ? 0 : new RegExp(`^${NEXT}$`).test(m[2]) ? 1 : -1;
  const year = parts(today).year + offset;
  return m[1] === 'akhir' ? localDate(year, 12, 31) : localDate(year, 1, 1);
};

/** "2027-01-15", "2027/1/15". */
const isoDate: Rule = (text) => {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  return m ? exactDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
};

/** "15/1", "15/1/2027", "15-01-2027", "15.01.27": day first, as in Indonesia. */
const numericDate: Rule = (text, options) => {
  const m = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(text);
  if (!m) return undefined;
  const [day, month] = [Number(m[1]), Number(m[3])];
  return m[4] ? exactDate(fullYear(m[4]), month, day) : yearless(month, (year) => dayOf(year, month, day), options);
};

const NAMED_MONTH_RE = /^(?:(?:tanggal|tgl|tg)\s*)?(\d{1,2})\s*([a-z]+)(?:\s+(?:tahun\s+)?(\d{2}|\d{4}))?$/;

/** "15 Januari 2027", "15 Jan", "tgl 15 Agt 27", "1 Nopember". */
const namedMonth: Rule = (text, options) => {
  const m = NAMED_MONTH_RE.exec(text);
  const month = m ? monthNumber(m[2]!) : undefined;
  if (!m || month === undefined) return undefined;
  const day = Number(m[1]);
  return m[3] ? exactDate(fullYear(m[3]), month, day) : yearless(month, (year) => dayOf(year, month, day), options);
};

const PART_OF_MONTH_RE = /^(?:(awal|akhir|pertengahan|tengah)\s+)?(?:bulan\s+)?([a-z]+)(?:\s+(?:tahun\s+)?(\d{4}))?$/;

/** "Januari 2027" and "awal Maret" (the 1st), "akhir Februari" (its last day), "pertengahan Juni" (the 15th). */
const partOfMonth: Rule = (text, options) => {
  const m = PART_OF_MONTH_RE.exec(text);
  const month = m ? monthNumber(m[2]!) : undefined;
  if (!m || month === undefined) return undefined;
  const build = (year: number) =>
    m[1] === 'akhir' ? lastDayOfMonth(year, month) : localDate(year, month, m[1] ? (m[1] === 'awal' ? 1 : 15) : 1);
  return m[3] ? build(Number(m[3])) : yearless(month, build, options);
};

const DAY_OF_MONTH_RE = new RegExp(`^(?:tanggal|tgl|tg)\\s*(\\d{1,2})(?:\\s+bulan\\s+(ini|${NEXT}|${PREVIOUS}))?$`);

/** "tgl 15", "tanggal 15": this month's or the next one that has it (or the last, preferring the past); "tgl 5 bulan depan". */
const dayOfMonth: Rule = (text, { today, prefer }) => {
  const m = DAY_OF_MONTH_RE.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return INVALID;
  const { year, month } = parts(today);
  const inMonth = (offset: number) => {
    const first = parts(addMonths(localDate(year, month, 1), offset));
    return dayOf(first.year, first.month, day);
  };
  if (m[2]) return inMonth(m[2] === 'ini' ? 0 : new RegExp(`^${NEXT}$`).test(m[2]) ? 1 : -1) ?? INVALID;
  const step = prefer === 'future' ? 1 : -1;
  for (let offset = 0; Math.abs(offset) <= 12; offset += step) {
    const date = inMonth(offset);
    if (date && compareDates(date, today) * step >= 0) return date;
  }
  return INVALID;
};

const WITH_WEEKDAY_RE = new RegExp(`^(?:hari\\s+)?(${WEEKDAY_PATTERN})\\s+(.+)$`);

/** "Senin, 15 Januari 2027": the weekday must agree with the date, or the answer is not trusted. */
const weekdayAndDate: Rule = (text, options) => {
  const m = WITH_WEEKDAY_RE.exec(text);
  if (!m) return undefined;
  const date = [isoDate, numericDate, namedMonth].reduce<Outcome>((found, rule) => found ?? rule(m[2]!, options), undefined);
  if (date === undefined || date === INVALID) return date;
  return weekday(date) === weekdayNumber(m[1]!) ? date : INVALID;
};

const RULES: readonly Rule[] = [
  relativeDay,
  amount,
  week,
  weekdayRule,
  relativeMonth,
  relativeYear,
  isoDate,
  numericDate,
  namedMonth,
  dayOfMonth,
  partOfMonth,
  weekdayAndDate,
];

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function dayOf(year: number, month: number, day: number): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return localDate(year, month, day);
}

function exactDate(year: number, month: number, day: number): Outcome {
  if (year < 1900 || year > 2199) return INVALID;
  return dayOf(year, month, day) ?? INVALID;
}

/**
 * A date given without its year: the next one from today (future) or the latest up to today (past).
 * `build` returns undefined for years in which the date does not exist (29 Februari).
 */
function yearless(month: number, build: (year: number) => LocalDate | undefined, { today, prefer }: ParseDateOptions): Outcome {
  if (month < 1 || month > 12) return INVALID;
  const step = prefer === 'future' ? 1 : -1;
  const { year } = parts(today);
  for (let i = 0; i <= YEAR_SEARCH; i += 1) {
    const date = build(year + i * step);
    if (date && compareDates(date, today) * step >= 0) return date;
  }
  return INVALID;
}
