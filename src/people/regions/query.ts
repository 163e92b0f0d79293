import { boundedEditDistance, typoTolerance } from './edit-distance.js';
import type { RegionKind } from './region.js';

/** Short forms inside names, written out: "Kab. Kep. Seribu", "Sumatra Utara". */
const WORD_FORMS: Readonly<Record<string, string>> = { kep: 'kepulauan', kepl: 'kepulauan', sumatra: 'sumatera' };

/** Words that say which kind of region follows ("Kab.", "Pemkot", "Prov."). */
const KIND_WORDS: Readonly<Record<string, RegionKind>> = {
  kab: 'regency',
  kabupaten: 'regency',
  pemkab: 'regency',
  kota: 'city',
  pemkot: 'city',
  kotamadya: 'city',
  kotamadia: 'city',
  kodya: 'city',
  prov: 'province',
  provinsi: 'province',
  propinsi: 'province',
  prop: 'province',
  pemprov: 'province',
  pemprop: 'province',
};

/** Kind words long enough to recognise with a typo ("kabupatn", "provinsi"). */
const LONG_KIND_WORDS = Object.keys(KIND_WORDS).filter((w) => typoTolerance(w.length) > 0);

/** DKI Jakarta's kabupaten and kota are "administrasi": a word to pass over, not part of the name. */
const ADMINISTRATIVE = new Set(['administrasi', 'adm']);

/**
 * Lower-case words without accents, punctuation or bracketed asides: "Kab. Kep. Seribu (DKI)" →
 * kab, kepulauan, seribu. Names and queries go through the same function so they meet.
 */
export function regionWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => WORD_FORMS[w] ?? w);
}

/** Words joined without spaces, so "Gunung Kidul", "Pare-Pare" and "Pangkal Pinang" meet their official spelling. */
export function regionKey(words: readonly string[]): string {
  return words.join('');
}

export interface RegionQuery {
  /** The kind the text named with its prefix, if any. */
  kind?: RegionKind;
  /** The name after the prefix: "Kab. Bantul" → bantul. */
  name: string[];
  /** The words with the kind word kept, for names that begin with one ("Kota Baru" is Kabupaten Kotabaru). */
  whole: string[];
}

/** Splits "Pemerintah Kabupaten Bantul" into the kind it names (regency) and the name (bantul). */
export function parseRegionQuery(text: string): RegionQuery {
  const words = regionWords(text);
  let start = 0;
  if (words[0] === 'pemda') start = 1;
  else if (words[0] === 'pemerintah') start = words[1] === 'daerah' ? 2 : 1;
  const whole = words.slice(start);
  const kind = kindOf(whole[0]);
  if (!kind) return { name: whole, whole };
  const skip = kind !== 'province' && ADMINISTRATIVE.has(whole[1] ?? '') ? 2 : 1;
  return { kind, name: whole.slice(skip), whole };
}

function kindOf(word: string | undefined): RegionKind | undefined {
  if (word === undefined) return undefined;
  const exact = KIND_WORDS[word];
  if (exact) return exact;
  const tolerance = typoTolerance(word.length);
  if (tolerance === 0) return undefined;
  const near = LONG_KIND_WORDS.find((w) => boundedEditDistance(word, w, tolerance) <= tolerance);
  return near === undefined ? undefined : KIND_WORDS[near];
}
