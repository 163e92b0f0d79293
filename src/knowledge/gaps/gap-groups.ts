import { isContentWord, normaliseWords } from '../analysis/analyzer.js';
import { FILLER_WORDS } from '../analysis/filler-words.js';
import { stripInflection } from '../analysis/stemmer.js';

/** Two questions sharing this much of their content words (Jaccard) are one gap. */
const SAME_GAP = 0.6;

export interface GapQuestion {
  text: string;
  outcome: 'abstained' | 'low';
}

export interface GapGroup {
  /** The wording asked most often (the first of equals). */
  text: string;
  count: number;
  abstained: number;
  low: number;
  /** Other wordings in the group, most frequent first. */
  variants: string[];
}

/** The words that carry a question's meaning, without filler, particles and possessives ("waktunya" → waktu). */
export function gapWords(text: string): string[] {
  return [
    ...new Set(
      normaliseWords(text)
        .filter((w) => isContentWord(w) && !FILLER_WORDS.has(w))
        .map(stripInflection),
    ),
  ];
}

/**
 * Groups unanswered questions that ask the same thing: identical after normalising (case, punctuation,
 * chat spelling), or sharing most of their content words. Largest groups first.
 */
export function groupGaps(questions: readonly GapQuestion[]): GapGroup[] {
  const groups: Array<{ words: Set<string>; wordings: Map<string, number>; abstained: number; low: number }> = [];
  for (const q of questions) {
    const words = new Set(gapWords(q.text));
    const display = q.text.trim().replace(/\s+/g, ' ');
    const key = [...words].sort().join(' ');
    let group = groups.find((g) => (key === '' ? [...g.wordings.keys()].some((w) => w.toLowerCase() === display.toLowerCase()) : jaccard(g.words, words) >= SAME_GAP));
    if (!group) {
      group = { words, wordings: new Map(), abstained: 0, low: 0 };
      groups.push(group);
    }
    const known = [...group.wordings.keys()].find((w) => w.toLowerCase() === display.toLowerCase()) ?? display;
    group.wordings.set(known, (group.wordings.get(known) ?? 0) + 1);
    if (q.outcome === 'abstained') group.abstained += 1;
    else group.low += 1;
  }
  return groups
    .map((g) => {
      const wordings = [...g.wordings.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
      return { text: wordings[0]!, count: g.abstained + g.low, abstained: g.abstained, low: g.low, variants: wordings.slice(1) };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}
