import { BACKGROUND_WORDS } from '../analysis/background-words.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';

/** A generated "key:count key:count …" list as a map. */
function countsOf(list: string): ReadonlyMap<string, number> {
  return new Map(
    list.split(' ').map((entry) => {
      const at = entry.lastIndexOf(':');
      return [entry.slice(0, at), Number(entry.slice(at + 1))];
    }),
  );
}

const background = countsOf(BACKGROUND_WORDS.counts);

/** Two words in a row and the background lines using them so; parsed at the first question, not at start. */
let backgroundPairs: ReadonlyMap<string, number> | undefined;

/** How many lines of the background regulation use `first second` as neighbours (0 when fewer than three). */
export function backgroundPairCount(first: string, second: string): number {
  backgroundPairs ??= countsOf(BACKGROUND_WORDS.pairs);
  return backgroundPairs.get(`${first}_${second}`) ?? 0;
}

/** How many lines of the background regulation use a word (0 when none does). */
export function backgroundCount(word: string): number {
  return background.get(word) ?? 0;
}

/**
 * How characteristic of the knowledge base a word is, against general regional-government text: the log
 * ratio of the share of the base's passages that use it to the share of the background regulation's lines
 * that do, less the median of that ratio over the words both use (passages and lines differ in length, and
 * any base has its own typical words: the median makes 0 mean "as usual for this base"). "inovasi" is far
 * above 0 for Pandu's base, "DPRD", "kecamatan" or "jabatan" below it: the base mentions them, general
 * government text is about them. A word the base has only through another form ("pemberhentian" through
 * "dihentikan") and the background uses often is well below 0: the base matches it, but does not speak of
 * it. Undefined for a word neither uses.
 */
export function domainSpecificity(word: string, index: KnowledgeIndex): number | undefined {
  const df = index.bm25.docFreq(word);
  const lines = backgroundCount(word);
  // A word neither uses says nothing either way (an everyday word, a name, chat spelling).
  if (df === 0 && lines === 0) return undefined;
  return rawRatio(df, index.bm25.size, lines) - medianOf(index);
}

function rawRatio(df: number, passages: number, lines: number): number {
  return Math.log((df + 0.5) / passages) - Math.log((lines + 0.5) / BACKGROUND_WORDS.lines);
}

/** The median ratio over the words both the base and the background use, once per index (about 3,000 look-ups). */
const medians = new WeakMap<KnowledgeIndex, number>();
function medianOf(index: KnowledgeIndex): number {
  let median = medians.get(index);
  if (median === undefined) {
    const ratios: number[] = [];
    for (const [word, lines] of background) {
      const df = index.bm25.docFreq(word);
      if (df > 0) ratios.push(rawRatio(df, index.bm25.size, lines));
    }
    ratios.sort((a, b) => a - b);
    median = ratios.length > 0 ? ratios[Math.floor(ratios.length / 2)]! : 0;
    medians.set(index, median);
  }
  return median;
}
