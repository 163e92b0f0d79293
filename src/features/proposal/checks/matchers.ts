import { findDates, hasPeriod } from './dates.js';

/**
 * Built-in tests a template can name in a section's required elements (`match: [period]`). They cover
 * what a regular expression in YAML would get wrong or repeat in every template: Indonesian dates,
 * ranges and durations, Rupiah amounts and the 17 SDGs (TPB).
 */
export const MATCHER_NAMES = ['date', 'period', 'year', 'rupiah', 'number', 'sdg'] as const;
export type MatcherName = (typeof MATCHER_NAMES)[number];

/**
 * "Rp45.000.000", "45 juta", "1,5 M", "IDR 2000". An amount is tried only from the start of its run of
 * digits and separators (`(?<![\d.,])`, then the leading separators, then a digit), never from each digit
 * inside it: starting at every digit (`\d[\d.,]*`) takes about a second on 20,000 characters of "1.1.1…".
 * Where in the run the amount starts does not change the answer, since the unit comes after the run either way.
 */
const RUPIAH_RE =
  /(?<![\p{L}])rp\.?\s*\d|(?<![\d.,])[.,]*\d[\d.,]*\s*(?:rupiah|ribu|rb|juta|jt|miliar|milyar|m(?![\p{L}]))|(?<![\p{L}])idr\s*\d/iu;

/**
 * SDG/TPB by number ("SDG 3", "TPB ke-16", "Tujuan 11"), or the goal's usual Indonesian name next to the
 * word SDGs/TPB: a name alone ("air bersih") says what the innovation does, not that it is linked to a goal.
 */
const SDG_NUMBER_RE =
  /(?<![\p{L}])(?:sdgs?|tpb|tujuan(?:\s+pembangunan\s+berkelanjutan)?)\s*(?:ke[-\s]?|nomor\s+|no\.?\s*|#)?(?:[1-9]|1[0-7])(?!\d)/iu;
const SDG_WORD_RE = /(?<![\p{L}])(?:sdgs?|tpb|tujuan pembangunan berkelanjutan)(?![\p{L}])/iu;
const SDG_NAMES = [
  'tanpa kemiskinan',
  'tanpa kelaparan',
  'kehidupan sehat',
  'kesehatan yang baik',
  'pendidikan berkualitas',
  'kesetaraan gender',
  'air bersih',
  'sanitasi layak',
  'energi bersih',
  'pekerjaan layak',
  'industri, inovasi',
  'berkurangnya kesenjangan',
  'mengurangi kesenjangan',
  'kota dan permukiman',
  'permukiman yang berkelanjutan',
  'konsumsi dan produksi',
  'penanganan perubahan iklim',
  'perubahan iklim',
  'ekosistem lautan',
  'ekosistem laut',
  'ekosistem daratan',
  'perdamaian, keadilan',
  'kelembagaan yang tangguh',
  'kemitraan untuk mencapai tujuan',
];

const TESTS: Record<MatcherName, (text: string) => boolean> = {
  date: (text) => findDates(text).length > 0,
  period: hasPeriod,
  year: (text) => /(?<!\d)(?:19|20)\d{2}(?!\d)/.test(text),
  rupiah: (text) => RUPIAH_RE.test(text),
  number: (text) => /\d/.test(text),
  sdg: (text) => SDG_NUMBER_RE.test(text) || (SDG_WORD_RE.test(text) && SDG_NAMES.some((name) => text.toLowerCase().includes(name))),
};

export function matches(name: MatcherName, text: string): boolean {
  return TESTS[name](text);
}
