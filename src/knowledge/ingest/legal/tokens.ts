import { readOcrNumber } from './ocr-number.js';

/**
 * Regulation text as a flat token stream. OCR scatters the left-margin furniture (ayat markers "(2)",
 * list labels "c.", page breaks) through the prose, so the chunker reasons over tokens: what is a word,
 * what is a marker, what sits where.
 */
export type TokenKind = 'word' | 'newline' | 'break' | 'marker' | 'label' | 'junk';

export interface Token {
  text: string;
  kind: TokenKind;
  /** Ayat number of a marker, or the number of a numeric label ("13." → 13). */
  value?: number;
}

/** Stands in for a removed page header or page number until catchwords around it are resolved. */
export const PAGE_BREAK = '\uE000';

// "(2)", "{2)", "(21" / "(2t" / "(2\" (closing bracket misread), "(l)", "(s)", "(a)" (OCR for 4), "14)".
const MARKER_RE = /^[({[](\d{1,2}|[lIisSa])(?:[)}\]]|[1t\\]|[)}\]][,.;]?)?$/;
const MARKER_LOST_OPEN_RE = /^1(\d)\)$/;
const LETTER_LABEL_RE = /^[a-z]\.$/;
const NUMBER_LABEL_RE = /^([0-9tlIO]{1,3})\.$/;
const ADDRESS_WORD_RE = /^(?:Pasa[l1iI]|ayat|huruf|angka|Nomor|Tahun)$/i;
const JUNK_RE = /^(?:[()[\]{}.,;:'"`*^_|\\/-]+|\{D|[A-Z]?\)|[a-z]')$/;

/** Words split on whitespace, each line break kept as a token, each word classified. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) tokens.push({ text: '\n', kind: 'newline' });
    for (const word of line.split(/\s+/)) if (word) tokens.push(classify(word, tokens[tokens.length - 1]));
  });
  return tokens;
}

function classify(word: string, previous: Token | undefined): Token {
  if (word === PAGE_BREAK) return { text: word, kind: 'break' };
  // "pada ayat (2)" is a reference inside a sentence, never a margin marker.
  const afterAyat = previous?.kind === 'word' && /^ayat$/i.test(previous.text);
  if (!afterAyat) {
    const marker = markerValue(word);
    if (marker !== undefined) return { text: word, kind: 'marker', value: marker };
  }
  // "dalam Pasal 14." / "huruf a." end a reference, they do not open a list item.
  if (previous?.kind === 'word' && ADDRESS_WORD_RE.test(previous.text)) return { text: word, kind: 'word' };
  if (LETTER_LABEL_RE.test(word)) return { text: word, kind: 'label' };
  const numberLabel = NUMBER_LABEL_RE.exec(word)?.[1];
  const value = numberLabel ? readOcrNumber(numberLabel) : undefined;
  if (value !== undefined && value > 0) return { text: word, kind: 'label', value };
  if (JUNK_RE.test(word)) return { text: word, kind: 'junk' };
  return { text: word, kind: 'word' };
}

const LETTER_DIGITS: Record<string, number> = { l: 1, I: 1, i: 1, s: 5, S: 5, a: 4 };

/** The ayat number an OCR-damaged marker stands for, or undefined when the token is not a marker. */
export function markerValue(word: string): number | undefined {
  const lostOpen = MARKER_LOST_OPEN_RE.exec(word);
  if (lostOpen?.[1]) return Number(lostOpen[1]);
  const m = MARKER_RE.exec(word);
  if (!m?.[1]) return undefined;
  const inner = m[1];
  const value = LETTER_DIGITS[inner] ?? Number(inner);
  // "(21" is "(2)" with its bracket read as "1"; a real two-digit marker keeps its bracket.
  if (/^\d\d$/.test(inner) && !/[)}\]]/.test(word)) return Number(inner[0]);
  return value > 0 ? value : undefined;
}

/** The number in an in-text reference "ayat (2]1," / "ayat {21" / "ayat (12)". */
export function referenceValue(word: string): number | undefined {
  const full = /^[({[](\d{1,2})[)}\]]/.exec(word);
  if (full?.[1]) return Number(full[1]);
  const first = /^[({[]([0-9lIi])/.exec(word)?.[1];
  return first ? readOcrNumber(first) : undefined;
}

/** A word that opens a heading (BAB, Bagian, Paragraf, Pasal), never the first word of a provision. */
export function isHeadingWord(text: string): boolean {
  return /^(?:BAB|Bagian|Paragraf|Pasa[l1iI])$/.test(text);
}

/** Margin and page furniture: what is not the words of a provision. */
export function isFurniture(token: Token): boolean {
  return token.kind === 'marker' || token.kind === 'label' || token.kind === 'junk' || token.kind === 'break';
}

/** Joins tokens back into text, one line per newline token, without blank lines. */
export function renderTokens(
  tokens: readonly Token[],
  keep: (t: Token, i: number, all: readonly Token[]) => boolean = () => true,
): string {
  const lines: string[] = [];
  let line: string[] = [];
  tokens.forEach((token, i) => {
    if (token.kind === 'newline') {
      lines.push(line.join(' '));
      line = [];
    } else if (keep(token, i, tokens)) {
      line.push(token.text);
    }
  });
  lines.push(line.join(' '));
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}
