import { OCR_DIGIT, readOcrNumber } from './ocr-number.js';
import { markerValue } from './tokens.js';

/** A Pasal heading found in a section: its number as written in citations and where it sits. */
export interface PasalHeading {
  pasal: string;
  /** Numeric part, for ordering ("15A" → 15). */
  value: number;
  start: number;
  end: number;
}

export interface HeadingScan {
  headings: PasalHeading[];
  /** Spans of a heading printed again at a page break; their text is not content. */
  repeats: Array<{ start: number; end: number }>;
  /** Numbers the sequence skips: their heading is not in the text (OCR lost it). */
  missing: number[];
}

// "Pasal 14", OCR'd as "Pasai 31", "Pasal 1O", "Pasal L4", "Pasal 2 1" (one digit, a space, one digit).
const CANDIDATE_RE = new RegExp(
  String.raw`(?<![\p{L}\d])Pa[s5][a4][l1iI|][^\S\n]{0,2}([${OCR_DIGIT}]{1,3})(?:[^\S\n]([${OCR_DIGIT}]))?([A-Z])?(?![\p{L}\d])`,
  'gud',
);

// Words after which "Pasal N" is a cross-reference ("sebagaimana dimaksud dalam Pasal 14").
const REFERENCE_WORDS = new Set(
  (
    'dalam dan atau pada dengan serta sampai menurut berdasarkan terhadap oleh ketentuan tentang kecuali ' +
    'atas di ke dari sebagaimana yaitu yakni bahwa melalui mengenai'
  ).split(' '),
);
// What follows a cross-reference: "Pasal 7 ayat (1)", "Pasal 23 dan", "Pasal 6,", "Pasal 390 Undang-Undang".
const REFERENCE_FOLLOWERS =
  /^(?:ayat|huruf|angka|dan|atau|sampai|serta|juncto|jo\.?|yang|Undang|UUD|Tahun|tentang)\b|^[,.;:)\]]/;
const DIVISION_RE = /^(?:BAB\s+[IVXLC]+|Bagian\s+Ke\p{Ll}+|Paragraf\s+\d+)\b/u;
// "… pemberhentian. Bagian Kedua Tata Cara Penjatuhan Sanksi Administratif": a division's title ends the line
// so far, after a sentence (OCR joins the title and the next Pasal onto the line of the last provision;
// "Bag'an" is an OCR'd "Bagian").
const DIVISION_TAIL_RE = /(?:^|[.;:]\s+)(?:BAB\s+[IVXLC]+|Bag\S{0,2}an\s+Ke\p{Ll}+|Paragraf\s+\d+)(?:\s+[^\s.;:]+){0,16}$/u;

interface Candidate {
  start: number;
  /** End of the heading when the number is read with its second digit ("2 1"), and without it. */
  endJoined: number;
  endFirst: number;
  joined?: number;
  first?: number;
  suffix: string;
  /** Placed and followed like a heading, not like a cross-reference. */
  shaped: boolean;
  /** Alone at the start of a line and followed by a line break, a marker or a capital. */
  strong: boolean;
  /** Not a cross-reference by its neighbours, even if not placed like a heading. */
  loose: boolean;
}

/**
 * Finds the Pasal headings of a body or Penjelasan section. Headings run 1..N, so the next expected
 * number decides between a heading and a cross-reference that happens to look like one; a heading
 * repeated at a page break is reported so its text can be dropped, and a number the text skips is
 * reported as missing rather than guessed.
 */
export function findPasalHeadings(text: string): HeadingScan {
  const candidates = [...text.matchAll(CANDIDATE_RE)].map((m) => toCandidate(text, m));
  const headings: PasalHeading[] = [];
  const repeats: HeadingScan['repeats'] = [];
  let last = 0;
  for (const c of candidates) {
    if (!c.shaped) continue;
    const accepted = acceptAs(c, last);
    if (accepted) {
      headings.push(accepted);
      last = accepted.value;
    } else if (c.first === last || c.joined === last) {
      repeats.push({ start: c.start, end: c.joined === last ? c.endJoined : c.endFirst });
    }
  }
  fillGaps(headings, candidates);
  return { headings, repeats, missing: missingNumbers(headings) };
}

function acceptAs(c: Candidate, last: number): PasalHeading | undefined {
  const expected = last + 1;
  if (c.joined === expected) return heading(c, c.joined, c.endJoined);
  if (c.first === expected) return heading(c, c.first, c.endFirst);
  // "Pasal 15A" after Pasal 15: an inserted article.
  if (c.suffix && c.first === last && last > 0) return heading(c, c.first, c.endFirst);
  // A lost heading leaves a gap; only a clearly placed heading may jump ahead, and not far.
  const value = c.joined ?? c.first;
  if (c.strong && value !== undefined && value > expected && value <= expected + 5) {
    return heading(c, value, value === c.joined ? c.endJoined : c.endFirst);
  }
  return undefined;
}

function heading(c: Candidate, value: number, end: number): PasalHeading {
  const suffix = end === c.endFirst || end === c.endJoined ? c.suffix : '';
  return { pasal: `${value}${suffix}`, value, start: c.start, end };
}

/** How many numbers a gap between two accepted headings may lack for the looser pass to look into it. */
const MAX_GAP = 5;

/**
 * A second, looser pass for headings the first pass skipped between two accepted neighbours: the next
 * number not placed like a heading but not a cross-reference either, or a later number of the gap placed
 * like one (its own predecessor lost to OCR). Each one found narrows the gap for the next.
 */
function fillGaps(headings: PasalHeading[], candidates: Candidate[]): void {
  for (let i = 1; i < headings.length; i++) {
    const before = headings[i - 1];
    const after = headings[i];
    if (!before || !after || after.value - before.value < 2 || after.value - before.value > MAX_GAP + 1) continue;
    const wanted = before.value + 1;
    // Candidates are in text order: look only between the two headings (a hostile file has thousands).
    for (let k = firstAfter(candidates, before.end); k < candidates.length && candidates[k]!.start < after.start; k += 1) {
      const c = candidates[k]!;
      if (!c.loose) continue;
      const value = c.joined !== undefined && c.joined > before.value && c.joined < after.value ? c.joined : c.first;
      if (value === undefined || value <= before.value || value >= after.value || (value !== wanted && !c.shaped)) continue;
      headings.splice(i, 0, heading(c, value, value === c.joined ? c.endJoined : c.endFirst));
      break;
    }
  }
}

/** The index of the first candidate starting after `end` (candidates are sorted by start). */
function firstAfter(candidates: readonly Candidate[], end: number): number {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid]!.start <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function missingNumbers(headings: PasalHeading[]): number[] {
  const missing: number[] = [];
  let last = 0;
  for (const h of headings) {
    for (let n = last + 1; n < h.value; n++) missing.push(n);
    last = Math.max(last, h.value);
  }
  return missing;
}

function toCandidate(text: string, m: RegExpExecArray): Candidate {
  const start = m.index;
  const [g1, g2, g3] = [m.indices?.[1], m.indices?.[2], m.indices?.[3]];
  const firstRaw = m[1] ?? '';
  const firstEnd = g1?.[1] ?? start + m[0].length;
  // "Pasal 2 1" joins a second digit only after a one-digit number; "Pasal 1O I" does not.
  const secondEnd = firstRaw.length === 1 && g2 ? g2[1] : undefined;
  const suffixAfter = g3?.[0];
  const suffix = suffixAfter === firstEnd || (secondEnd !== undefined && suffixAfter === secondEnd) ? (m[3] ?? '') : '';
  const endFirst = suffix && suffixAfter === firstEnd ? firstEnd + 1 : firstEnd;
  const endJoined =
    secondEnd === undefined ? endFirst : suffix && suffixAfter === secondEnd ? secondEnd + 1 : secondEnd;
  const first = readOcrNumber(firstRaw);
  const joined = secondEnd === undefined ? first : readOcrNumber(firstRaw + (m[2] ?? ''));

  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start).trim();
  const beforeWords = before.split(/\s+/).filter(Boolean);
  const onlyFurnitureBefore = beforeWords.every((w) => markerValue(w) !== undefined || /^[a-z0-9]{1,3}\.$/.test(w));
  const previousWord = previousWordOf(text, start);
  const placedLikeHeading =
    onlyFurnitureBefore ||
    /[.;:'"”]$/.test(before) ||
    markerValue(beforeWords[beforeWords.length - 1] ?? '') !== undefined ||
    DIVISION_RE.test(before) ||
    DIVISION_TAIL_RE.test(before);
  const peek = (from: number): string => text.slice(from, from + 40);
  const followed = followedLikeHeading(peek(endJoined)) || followedLikeHeading(peek(endFirst));
  // A heading alone on its line is not a reference, whatever the line before ends with ("… Ketentuan").
  const aloneOnLine = onlyFurnitureBefore && /^[^\S\n]*(?:\n|$)/.test(peek(endJoined));
  const referenceBefore =
    !aloneOnLine && !!previousWord && REFERENCE_WORDS.has(previousWord.toLowerCase()) && !/[.;:]$/.test(before);
  return {
    start,
    endJoined,
    endFirst,
    joined,
    first,
    suffix,
    shaped: placedLikeHeading && !referenceBefore && followed,
    strong: onlyFurnitureBefore && followed,
    loose: !referenceBefore && followed,
  };
}

function followedLikeHeading(after: string): boolean {
  const rest = after.replace(/^[^\S\n]+/, '');
  if (rest === '' || rest.startsWith('\n')) return true;
  if (markerValue(rest.split(/\s/)[0] ?? '') !== undefined) return true;
  return /^[\p{Lu}"“]/u.test(rest) && !REFERENCE_FOLLOWERS.test(rest);
}

function previousWordOf(text: string, index: number): string | undefined {
  const words = text.slice(Math.max(0, index - 60), index).split(/\s+/).filter(Boolean);
  return words[words.length - 1];
}
