import { boundedEditDistance } from '../../people/regions/edit-distance.js';

/**
 * The words Indonesians write dates with: month names and their usual short forms (including the older
 * spellings "Pebruari", "Nopember"), weekdays, and small numbers spelt out. Input vocabulary, not messages:
 * nothing here is shown to a person.
 */
const MONTH_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['januari', 'jan']],
  [2, ['februari', 'pebruari', 'feb', 'peb']],
  [3, ['maret', 'mar']],
  [4, ['april', 'apr']],
  [5, ['mei']],
  [6, ['juni', 'jun']],
  [7, ['juli', 'jul']],
  [8, ['agustus', 'agt', 'ags', 'agu', 'agus', 'agust', 'agst', 'aug']],
  [9, ['september', 'sep', 'sept']],
  [10, ['oktober', 'okt', 'oct']],
  [11, ['november', 'nopember', 'nov', 'nop']],
  [12, ['desember', 'des', 'dec']],
];

const MONTHS = new Map(MONTH_WORDS.flatMap(([month, words]) => words.map((w) => [w, month] as const)));

/** Every spelling of a month, longest first, for a regular expression alternation. */
export const MONTH_PATTERN = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

/** Only long names are matched with a typo: short ones ("mei", "juni", "jul") sit too close to other words. */
const TYPO_MIN_LENGTH = 7;
const LONG_NAMES = [...MONTHS.entries()].filter(([word]) => word.length >= TYPO_MIN_LENGTH);

/** The month (1–12) a word names: "Januari", "jan", "Agt", "Nopember", or a long name one slip off ("Febuari"). */
export function monthNumber(word: string): number | undefined {
  const exact = MONTHS.get(word);
  if (exact !== undefined || word.length < TYPO_MIN_LENGTH - 1) return exact;
  const near = new Set(LONG_NAMES.filter(([name]) => boundedEditDistance(word, name, 1) <= 1).map(([, month]) => month));
  return near.size === 1 ? [...near][0] : undefined;
}

/** Day of the week as Date.getUTCDay counts it (0 = Minggu … 6 = Sabtu). */
const WEEKDAYS = new Map<string, number>([
  ['minggu', 0],
  ['ahad', 0],
  ['senin', 1],
  ['selasa', 2],
  ['rabu', 3],
  ['kamis', 4],
  ['jumat', 5],
  ['jumaat', 5],
  ['sabtu', 6],
]);

export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS.get(word);
}

export const WEEKDAY_PATTERN = [...WEEKDAYS.keys()].join('|');

/** Small numbers spelt out, as people write counts of days, months and items. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ['satu', 1],
  ['dua', 2],
  ['tiga', 3],
  ['empat', 4],
  ['lima', 5],
  ['enam', 6],
  ['tujuh', 7],
  ['delapan', 8],
  ['sembilan', 9],
  ['sepuluh', 10],
  ['sebelas', 11],
  ['dua belas', 12],
]);

export const NUMBER_PATTERN = `\\d{1,4}|${[...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')}`;

/** "3" or "tiga" → 3. */
export function countOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}

/**
 * Lower case, one space between words, no commas, no apostrophes ("Jum'at"), and no dot after a word
 * ("Jan.", "tgl.", "pk."), while the dots of "15.01.2027" and "09.30" stay.
 */
export function normaliseDateText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/(\p{L})\./gu, '$1 ')
    .replace(/[,;!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '')
    .trim();
}
