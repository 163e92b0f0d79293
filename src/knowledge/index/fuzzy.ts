import { WordMemo } from '../analysis/word-memo.js';

/**
 * Longest word worth correcting. Finding neighbours costs time in the square of the length, and no
 * Indonesian word comes near this (the corpus's longest is 21 letters, "dipertanggungjawabkan").
 */
const MAX_FUZZY_LENGTH = 30;

/**
 * Typo tolerance for words the index does not know ("inovsi", "anggran"): candidates within one edit
 * (insertion, deletion, substitution or adjacent swap), found through a map of one-letter deletions.
 * Failing that, words typed the way chat drops letters ("pnerapanya" for penerapannya, "wktu" for waktu):
 * Indonesian stays readable from its consonants, so a known word with the same consonant skeleton (vowels
 * dropped, doubled letters merged) that contains the typed word letter for letter, with at most three
 * letters more, is taken as that word. Only dropped letters count: a different word that happens to share
 * consonants ("pesangon", "pasangan") is not a typo of it.
 */
export class FuzzyVocabulary {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly bySkeleton = new Map<string, string[]>();
  private readonly words: Set<string>;

  constructor(
    words: Iterable<string>,
    private readonly minLength = 5,
  ) {
    this.words = new Set(words);
    for (const w of this.words) this.learn(w);
  }

  /** The vocabulary's neighbours, learnt a word at a time (a large corpus has tens of thousands). */
  static *learning(words: Iterable<string>, minLength?: number): Generator<void, FuzzyVocabulary, void> {
    const vocabulary = new FuzzyVocabulary([], minLength);
    let i = 0;
    for (const w of words) {
      if (vocabulary.words.has(w)) continue;
      vocabulary.words.add(w);
      vocabulary.learn(w);
      if ((i++ & 255) === 255) yield;
    }
    return vocabulary;
  }

  private learn(w: string): void {
    if (w.length < this.minLength - 1 || /\d/.test(w)) return;
    for (const d of deletions(w)) push(this.byDeletion, d, w);
    const s = skeleton(w);
    if (s.length >= MIN_SKELETON) push(this.bySkeleton, s, w);
  }

  /** Known words one edit away from `word`, most similar first; empty for short and overlong words. */
  near(word: string): readonly string[] {
    if (word.length < MIN_CHAT_LENGTH || word.length > MAX_FUZZY_LENGTH) return [];
    return this.neighbours.get(word);
  }

  /** near, remembered: the same unknown words (a misspelling, a word from outside the corpus) come back. */
  private readonly neighbours = new WordMemo((word) => this.findNear(word), 50_000);

  private findNear(word: string): string[] {
    if (word.length < MIN_CHAT_LENGTH || word.length > MAX_FUZZY_LENGTH || this.words.has(word)) return [];
    const found = new Set<string>();
    if (word.length >= this.minLength) {
      for (const w of this.byDeletion.get(word) ?? []) found.add(w); // word lacks a letter
      for (const d of deletions(word)) {
        if (this.words.has(d)) found.add(d); // word has an extra letter
        for (const w of this.byDeletion.get(d) ?? []) found.add(w); // substitution or swap
      }
      const oneEdit = [...found].filter((w) => editDistanceAtMostOne(word, w)).sort();
      if (oneEdit.length > 0) return oneEdit;
    }
    const s = skeleton(word);
    if (s.length < MIN_SKELETON) return [];
    return (this.bySkeleton.get(s) ?? [])
      .filter((w) => w.length > word.length && w.length - word.length <= MAX_DROPPED && isSubsequence(word, w))
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
      .slice(0, 3);
  }
}

/** Shortest chat word worth reading by its consonants ("wktu"). */
const MIN_CHAT_LENGTH = 4;
/** Fewer consonants than this say too little to identify a word. */
const MIN_SKELETON = 3;
const MAX_DROPPED = 3;

/** "penerapannya" → "pnrpny": vowels dropped, runs of one letter merged. */
export function skeleton(word: string): string {
  return word.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
}

/** Whether every letter of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i += 1;
  return i === short.length;
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
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
