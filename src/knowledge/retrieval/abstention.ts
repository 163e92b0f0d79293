import { FILLER_WORDS } from '../analysis/filler-words.js';
import { stemCandidates } from '../analysis/stemmer.js';
import { STOPWORDS } from '../analysis/stopwords.js';
import { OUTSIDE_TOPIC_WORDS } from '../analysis/outside-topics.js';
import type { Bm25Hit } from '../index/bm25.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import type { PreparedQuery } from './query-groups.js';
import type { QuestionCues } from './question-cues.js';

export interface AbstentionSignals {
  /** Share of the question's weight (IDF) that the best hit matches. */
  coverageTop1: number;
  /** Share matched by the best three hits together. */
  coverageTop3: number;
  /** The best share matched by any single one of the top three hits. */
  coverageBest3: number;
  /** Share of the known (non-unseen) weight that the best hit matches. */
  knownCoverageTop1: number;
  /** Share of the question's weight in words the knowledge base has never seen. */
  unknownShare: number;
  /** BM25 score of the best hit divided by the question's total weight. */
  normalisedScore: number;
  topSimilarity: number;
  contentGroups: number;
}

export interface AbstentionInput {
  query: PreparedQuery;
  index: KnowledgeIndex;
  /** BM25 details of the fused top three (undefined where a hit came only from the dense half). */
  top: Array<Bm25Hit | undefined>;
  topSimilarity: number;
  cues: QuestionCues;
  minConfidence?: number;
}

/** Weight of an everyday word the knowledge base lacks: about that of a very common corpus word. */
const FILLER_WEIGHT = 0.5;
/** A subject Pandu deliberately does not cover (outside-topics.ts) and the base lacks. */
const OUTSIDE_BOOST = 3;

/** Below this confidence Pandu says the knowledge base has no basis for an answer. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/**
 * Decides whether the knowledge base covers a question. The main signal is coverage: how much of the
 * question's informative weight the best passages actually match. A question about salaries or CPNS
 * registration shares "ASN" and "daerah" with the corpus but leaves its rare, decisive words unmatched.
 */
export function decideAbstention(input: AbstentionInput): { abstain: boolean; confidence: number; signals: AbstentionSignals } {
  const { query, index } = input;
  const weights = query.groups.map((g, i) => {
    if (g.group.kind === 'pair') return 0; // a bonus for ranking, not part of what the question asks
    if (query.absorbed.has(i)) return 0; // its concept stands for it
    if (query.unknown.has(i)) {
      if (isFiller(g.group.surface)) return FILLER_WEIGHT;
      // A subject Pandu does not cover, or a year it has no facts for ("IGA 2027"), decides the question.
      const outside = OUTSIDE_TOPIC_WORDS.has(g.group.surface) || /^(19|20)\d\d$/.test(g.group.surface);
      return index.bm25.idf('\u0000unseen') * (outside ? OUTSIDE_BOOST : 1);
    }
    const known = g.variants.filter((v) => index.bm25.has(v.token));
    return known.length > 0 ? Math.max(...known.map((v) => index.bm25.idf(v.token) * v.weight)) : 0;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const coveredWeight = (hits: Array<Bm25Hit | undefined>) => {
    let sum = 0;
    weights.forEach((w, g) => {
      if (hits.some((h) => h && h.groupScores[g]! > 0)) sum += w;
    });
    return sum;
  };
  const coveredBy = (hits: Array<Bm25Hit | undefined>) => (total > 0 ? coveredWeight(hits) / total : 0);
  let unknown = 0;
  for (const g of query.unknown) unknown += weights[g]!; // absorbed words weigh 0
  const known = total - unknown;
  const signals: AbstentionSignals = {
    coverageTop1: coveredBy(input.top.slice(0, 1)),
    coverageTop3: coveredBy(input.top),
    coverageBest3: Math.max(0, ...input.top.map((h) => coveredBy([h]))),
    knownCoverageTop1: known > 0 ? coveredWeight(input.top.slice(0, 1)) / known : 0,
    unknownShare: total > 0 ? unknown / total : 1,
    normalisedScore: total > 0 ? (input.top[0]?.score ?? 0) / total : 0,
    topSimilarity: input.topSimilarity,
    contentGroups: query.groups.filter((g) => g.group.kind !== 'pair').length,
  };
  const confidence = total === 0 || input.cues.results ? 0 : confidenceFrom(signals);
  const threshold = input.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  return { abstain: confidence < threshold, confidence, signals };
}

/**
 * Maps the signals to 0..1 with a logistic model fitted on our own labelled questions
 * (tests/fixtures/eval/tune.jsonl; 5-fold cross-validation chose the features and the 0.5 threshold,
 * trading about 4% false abstention for about 78% abstention on deliberately hard out-of-scope questions).
 */
export function confidenceFrom(s: AbstentionSignals): number {
  const z = 2.5 * s.coverageTop1 + 2.9 * s.coverageTop3 - 3.4 * s.unknownShare - 0.7;
  return 1 / (1 + Math.exp(-z));
}

/** An everyday word, or an affixed form of one ("dijadiin" from jadi, "ngomongin" from omong). */
function isFiller(word: string): boolean {
  if (FILLER_WORDS.has(word) || STOPWORDS.has(word)) return true;
  return stemCandidates(word).some((root) => FILLER_WORDS.has(root) || STOPWORDS.has(root));
}
