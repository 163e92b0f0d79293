import type { WeightedGroup } from '../index/bm25.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import { colloquialForms } from '../analysis/stemmer.js';
import { QuestionText } from './question-text.js';

/** How much a match through each route counts, relative to the word as typed. */
const ROOT_WEIGHT = 0.85;
const FUZZY_WEIGHT = 0.7;
const LEGAL_GROUP_WEIGHT = 1.5;
/** A matched word pair is a bonus on top of its two words, not a third word. */
const PAIR_GROUP_WEIGHT = 0.5;

export interface PreparedQuery {
  groups: WeightedGroup[];
  /** Group indexes the corpus does not know at all, even after typo correction. */
  unknown: Set<number>;
  /**
   * Word groups whose meaning a known concept already carries ("duit" → anggaran): the corpus may lack
   * the word itself, but the question is not about something unknown, so abstention ignores them.
   */
  absorbed: Set<number>;
}

/**
 * Analyses a question into weighted term groups for BM25: roots count a little less than the word as
 * typed, typo corrections less again, explicit legal references more.
 */
export function prepareQuery(question: string | QuestionText, index: KnowledgeIndex): PreparedQuery {
  const { slang, english } = index.analyzer.options;
  const words = (typeof question === 'string' ? new QuestionText(question) : question).words(slang, english);
  const unknown = new Set<number>();
  const groups = index.analyzer.analyzeWords(words).map((group, i): WeightedGroup => {
    const variants = group.variants.map((token, v) => ({ token, weight: v === 0 ? 1 : ROOT_WEIGHT }));
    let known = variants.some((v) => index.bm25.has(v.token));
    if (!known && group.kind === 'word' && index.analyzer.options.slang) {
      // A chat spelling of a word the corpus has ("minjem" for pinjam) is that word, not a typo of another.
      for (const form of colloquialForms(group.surface)) {
        if (!index.bm25.has(form)) continue;
        variants.push({ token: form, weight: ROOT_WEIGHT });
        for (const root of index.analyzer.stemTable.stems(form)) variants.push({ token: root, weight: ROOT_WEIGHT });
      }
      known = variants.some((v) => index.bm25.has(v.token));
    }
    if (!known && group.kind === 'word') {
      for (const near of index.fuzzy.near(group.surface).slice(0, 3)) {
        variants.push({ token: near, weight: FUZZY_WEIGHT });
        for (const root of index.analyzer.options.stems ? index.analyzer.stemTable.stems(near) : []) variants.push({ token: root, weight: FUZZY_WEIGHT * ROOT_WEIGHT });
      }
      known = variants.some((v) => index.bm25.has(v.token));
    }
    if (!known && group.kind !== 'pair') unknown.add(i);
    const weight = group.kind === 'legal' ? LEGAL_GROUP_WEIGHT : group.kind === 'pair' ? PAIR_GROUP_WEIGHT : 1;
    return { group, weight, variants };
  });
  const absorbed = new Set<number>();
  if (unknown.size === 0) return { groups, unknown, absorbed };
  const conceptWords = new Set<string>();
  groups.forEach((g, i) => {
    if (g.group.kind === 'concept' && !unknown.has(i)) for (const w of g.group.surface.split(' ')) conceptWords.add(w);
  });
  groups.forEach((g, i) => {
    if (g.group.kind === 'word' && unknown.has(i) && conceptWords.has(g.group.surface)) absorbed.add(i);
  });
  return { groups, unknown, absorbed };
}
