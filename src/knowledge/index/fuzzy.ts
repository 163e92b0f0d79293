/**
 * Longest word worth correcting. Finding neighbours costs time in the square of the length, and no
 * Indonesian word comes near this (the corpus's longest is 21 letters, "dipertanggungjawabkan").
 */
const MAX_FUZZY_LENGTH = 30;

/**
 * Typo tolerance for words the index does not know ("inovsi", "anggran"): candidates within one edit
 * (insertion, deletion, substitution or adjacent swap), found through a map of one-letter deletions.
 */
export class FuzzyVocabulary {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly words: Set<string>;

  constructor(words: Iterable<string>, private readonly minLength = 5) {
    this.words = new Set(words);
    for (const w of this.words) {
      if (w.length < minLength - 1 || /\d/.test(w)) continue;
      for (const d of deletions(w)) {
        const list = this.byDeletion.get(d);
        if (list) list.push(w);
        else this.byDeletion.set(d, [w]);
      }
    }
  }

  /** Known words one edit away from `word`, most similar first; empty for short and overlong words. */
  near(word: string): string[] {
    if (word.length < this.minLength || word.length > MAX_FUZZY_LENGTH || this.words.has(word)) return [];
    const found = new Set<string>();
    for (const w of this.byDeletion.get(word) ?? []) found.add(w); // word lacks a letter
    for (const d of deletions(word)) {
      if (this.words.has(d)) found.add(d); // word has an extra letter
      for (const w of this.byDeletion.get(d) ?? []) found.add(w); // substitution or swap
    }
    return [...found].filter((w) => editDistanceAtMostOne(word, w)).sort();
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance ≤ 1 (so an adjacent swap counts as one edit). */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}
