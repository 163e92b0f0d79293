import type { Token } from './tokens.js';
import { isFurniture, isHeadingWord } from './tokens.js';
import { endsSentence } from './sentences.js';

/**
 * Printed regulations repeat the first words of the next page at the bottom of each page (the catchword,
 * "(3) Perangkat" … page header … "(3) Perangkat Daerah sebagaimana …"). OCR keeps both copies and
 * scatters the margin furniture between them. This removes the first copy, moves its ayat marker to the
 * real text (so the ayat stays anchored) and puts a heading that floated up from the next page back
 * after the sentence the catchword continues.
 */
export function resolveCatchwords(input: readonly Token[]): Token[] {
  const tokens = [...input];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const startsGap = token?.kind === 'break' || (token?.kind === 'marker' && !isFurniture(tokens[i - 1] ?? WORD));
    if (!startsGap) continue;
    const gapEnd = skipFurniture(tokens, i);
    const hasBreak = tokens.slice(i, gapEnd).some((t) => t.kind === 'break');
    const match = findCatchword(tokens, i, gapEnd, hasBreak);
    if (match) {
      applyCatchword(tokens, match);
      i = Math.max(-1, match.start - 2);
    }
  }
  return tokens;
}

const WORD: Token = { text: '', kind: 'word' };
const MAX_CATCHWORD = 3;
const SEARCH_BACK = 16;

interface CatchwordMatch {
  /** First token of the first copy. */
  start: number;
  length: number;
  /** Index of the continuation (the second copy) before the first copy is removed. */
  continuation: number;
  /** Heading tokens ("Pasal", "8") that floated between the copies. */
  floatingHeading?: number;
}

function findCatchword(
  tokens: Token[],
  gapStart: number,
  gapEnd: number,
  hasBreak: boolean,
): CatchwordMatch | undefined {
  const after = wordsFrom(tokens, gapEnd, MAX_CATCHWORD);
  if (after.length === 0) return undefined;
  for (let k = Math.min(MAX_CATCHWORD, after.length); k >= 1; k--) {
    const wanted = after.slice(0, k).map((i) => tokens[i]?.text ?? '');
    // Walk back over the floating region: furniture, and (only across a page break) a floated heading.
    let pos = gapStart;
    let floatingHeading: number | undefined;
    for (let steps = 0; steps < SEARCH_BACK && pos - k >= 0; steps++) {
      const run = contentRun(tokens, pos, k);
      // Across a page break, or printed with its marker ("(3) Ddam … (3) Dalam"), a misread copy still counts.
      const fuzzy = hasBreak || tokens[(run?.[0] ?? 0) - 1]?.kind === 'marker';
      if (run && sameWords(run.map((i) => tokens[i]?.text ?? ''), wanted, fuzzy) && isCatchword(tokens, run)) {
        const continuation = after[0] ?? gapEnd;
        return { start: run[0] ?? pos, length: k, continuation, floatingHeading };
      }
      const previous = tokens[pos - 1];
      if (!previous) break;
      if (isFurniture(previous) || previous.kind === 'newline') {
        pos--;
      } else if (hasBreak && isHeadingNumber(tokens, pos - 1)) {
        floatingHeading = pos - 2;
        pos -= 2;
      } else if (hasBreak && /^(Ayat|Huruf)$/.test(previous.text)) {
        pos--;
      } else {
        break;
      }
    }
  }
  return undefined;
}

/** The k non-newline tokens ending just before `end`, or undefined if they include furniture words. */
function contentRun(tokens: Token[], end: number, k: number): number[] | undefined {
  const run: number[] = [];
  for (let i = end - 1; i >= 0 && run.length < k; i--) {
    const t = tokens[i];
    if (!t || t.kind === 'newline') continue;
    if (t.kind !== 'word' && t.kind !== 'label') return undefined;
    run.unshift(i);
  }
  return run.length === k ? run : undefined;
}

function isCatchword(tokens: Token[], run: number[]): boolean {
  const last = tokens[run[run.length - 1] ?? -1];
  const hasWord = run.some((i) => tokens[i]?.kind === 'word');
  // A catchword is cut mid-sentence: a copy that ends a sentence is just a repeated word.
  return hasWord && !!last && (last.kind === 'label' || !/[.;:,]$/.test(last.text));
}

function isHeadingNumber(tokens: Token[], i: number): boolean {
  return /^\d{1,3}$/.test(tokens[i]?.text ?? '') && /^Pasa[l1iI]$/.test(tokens[i - 1]?.text ?? '');
}

function applyCatchword(tokens: Token[], match: CatchwordMatch): void {
  let continuation = match.continuation;
  const anchorIndex = match.start - 1;
  const anchor = tokens[anchorIndex];
  const first = tokens[continuation];
  const continuesSentence = first?.kind === 'word' && /^\p{Lu}/u.test(first.text) && !isHeadingWord(first.text);
  let heading: Token[] = [];
  if (match.floatingHeading !== undefined) {
    heading = tokens.splice(match.floatingHeading, 2);
    continuation -= 2;
  }
  tokens.splice(match.start, match.length);
  continuation -= match.length;
  // The marker printed with the catchword ("(3) Perangkat") numbers the continuation, not the gap.
  if (anchor && (anchor.kind === 'marker' || anchor.kind === 'label') && continuesSentence) {
    tokens.splice(anchorIndex, 1);
    continuation -= 1;
    tokens.splice(continuation, 0, NEWLINE, anchor);
    continuation += 1;
  }
  if (heading.length) {
    const end = sentenceEnd(tokens, continuation);
    tokens.splice(end + 1, 0, NEWLINE, ...heading, NEWLINE);
  }
}

const NEWLINE: Token = { text: '\n', kind: 'newline' };

function sentenceEnd(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind === 'word' && endsSentence(t.text, nextWord(tokens, i + 1))) return i;
  }
  return tokens.length - 1;
}

function nextWord(tokens: Token[], from: number): string | undefined {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t && t.kind !== 'newline' && t.kind !== 'break') return t.text;
  }
  return undefined;
}

function skipFurniture(tokens: Token[], from: number): number {
  let i = from;
  while (i < tokens.length && (isFurniture(tokens[i] ?? WORD) || tokens[i]?.kind === 'newline')) {
    if (tokens[i]?.kind === 'label' && tokens[i + 1]?.kind === 'word') break;
    i++;
  }
  return i;
}

function wordsFrom(tokens: Token[], from: number, count: number): number[] {
  const out: number[] = [];
  for (let i = from; i < tokens.length && out.length < count; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'newline') continue;
    if (t.kind !== 'word' && t.kind !== 'label') break;
    out.push(i);
  }
  return out;
}

function sameWords(a: string[], b: string[], fuzzy: boolean): boolean {
  let nearMisses = 0;
  for (let i = 0; i < a.length; i++) {
    const x = normalise(a[i] ?? '');
    const y = normalise(b[i] ?? '');
    if (x === y) continue;
    if (!fuzzy || /\d/.test(x + y)) return false;
    const distance = editDistance(x, y);
    // OCR misreads one copy ("Ddam" / "Dalam", "IT." / "II."): tolerate small, word-initial-safe slips.
    if (x.length >= 4 && x[0] === y[0] && distance <= 2) continue;
    if (a.length > 1 && distance <= 1 && ++nearMisses <= 1) continue;
    return false;
  }
  return true;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\d]/gu, '');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}
