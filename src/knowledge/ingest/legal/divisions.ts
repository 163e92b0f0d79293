import { markerValue } from './tokens.js';

/** BAB / Bagian / Paragraf: the divisions above Pasal, shown as a chunk's `heading`. */
export interface Division {
  level: 0 | 1 | 2;
  /** "BAB III PENGUSULAN DAN PENETAPAN INISIATIF INOVASI DAERAH", "Bagian Kesatu Pengusulan …". */
  label: string;
}

const DIVISION_START_RE = /(?:BAB\s+[IVXLC]+|Bagian\s+Ke\p{Ll}+|Paragraf\s+\d+)\b/gu;

/**
 * Splits the text that follows a Pasal into the Pasal's own content and the divisions that open the next
 * part (they are printed between the last Pasal of one part and the first of the next).
 */
export function splitTrailingDivisions(block: string): { content: string; divisions: Division[] } {
  for (const m of block.matchAll(DIVISION_START_RE)) {
    const lineStart = block.lastIndexOf('\n', m.index - 1) + 1;
    const before = block.slice(lineStart, m.index);
    // A division heading starts its line (after margin markers), or follows a sentence on a joined line.
    const startsLine = before.split(/\s+/).filter(Boolean).every(isMarginWord);
    const afterSentence = /[.;:]\s+$/.test(before) && isDivisionTitled(block.slice(m.index));
    if (!startsLine && !afterSentence) continue;
    return { content: block.slice(0, m.index), divisions: parseDivisions(block.slice(m.index)) };
  }
  return { content: block, divisions: [] };
}

function isMarginWord(word: string): boolean {
  return markerValue(word) !== undefined || /^[a-z0-9]{1,3}\.$/.test(word) || /^[^\p{L}\d]+$/u.test(word);
}

function isDivisionTitled(text: string): boolean {
  return /^(?:BAB\s+[IVXLC]+\s+\p{Lu}{3,}|Bagian\s+Ke\p{Ll}+\s+\p{Lu}|Paragraf\s+\d+\s+\p{Lu})/u.test(text);
}

function parseDivisions(text: string): Division[] {
  const starts = [...text.matchAll(DIVISION_START_RE)];
  return starts.map((m, i) => {
    const end = starts[i + 1]?.index ?? text.length;
    const words = text
      .slice(m.index, end)
      .split(/\s+/)
      .filter((w) => w && markerValue(w) === undefined && !/^[a-z]\.$/.test(w));
    const level = m[0].startsWith('BAB') ? 0 : m[0].startsWith('Bagian') ? 1 : 2;
    return { level, label: words.join(' ') };
  });
}

/** The running BAB > Bagian > Paragraf context; a new BAB clears Bagian and Paragraf. */
export class DivisionPath {
  private readonly path: Array<string | undefined> = [undefined, undefined, undefined];

  enter(division: Division): void {
    this.path[division.level] = division.label;
    for (let level = division.level + 1; level < this.path.length; level++) this.path[level] = undefined;
  }

  toString(): string {
    return this.path.filter(Boolean).join(' > ');
  }
}
