import type { Analyzer, TermGroup } from '../analysis/analyzer.js';
import { searchableFields, type IndexedChunk } from './indexed-chunk.js';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.6 };

interface Posting {
  docs: number[];
  weights: number[];
}

/** Score of one document for a query, with which term groups it matched (for coverage and abstention). */
export interface Bm25Hit {
  doc: number;
  score: number;
  /** Per query group: the best variant's contribution, 0 when the group did not match. */
  groupScores: Float64Array;
}

/**
 * BM25F over the fields of each chunk (citation, topic, aliases, text). Query terms come in groups
 * (a word with its roots, a concept, a legal reference); a document scores the best variant of each group,
 * so morphological expansion widens recall without inflating scores.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  private readonly docLength: Float64Array;
  private readonly avgLength: number;

  constructor(
    readonly size: number,
    tokenized: ReadonlyArray<ReadonlyArray<{ tokens: string[]; weight: number }>>,
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.docLength = new Float64Array(size);
    tokenized.forEach((fields, doc) => {
      const tf = new Map<string, number>();
      let length = 0;
      for (const { tokens, weight } of fields) {
        length += tokens.length * weight;
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + weight);
      }
      this.docLength[doc] = length;
      for (const [token, weight] of tf) {
        let p = this.postings.get(token);
        if (!p) {
          p = { docs: [], weights: [] };
          this.postings.set(token, p);
        }
        p.docs.push(doc);
        p.weights.push(weight);
      }
    });
    this.avgLength = size > 0 ? this.docLength.reduce((a, b) => a + b, 0) / size : 1;
  }

  static build(chunks: readonly IndexedChunk[], analyzer: Analyzer, params?: Bm25Params): Bm25Index {
    const tokenized = chunks.map((chunk) =>
      searchableFields(chunk).map(({ text, weight }) => ({ tokens: analyzer.indexTokens(text), weight })),
    );
    return new Bm25Index(chunks.length, tokenized, params);
  }

  has(token: string): boolean {
    return this.postings.has(token);
  }

  docFreq(token: string): number {
    return this.postings.get(token)?.docs.length ?? 0;
  }

  /** Inverse document frequency; an unseen token gets the rarest possible value. */
  idf(token: string): number {
    const n = this.docFreq(token);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** All documents matching at least one group, best first. `variantWeights` discounts fuzzy guesses. */
  search(groups: readonly WeightedGroup[], limit: number): Bm25Hit[] {
    const { k1, b } = this.params;
    const scores = new Map<number, Float64Array>();
    groups.forEach((group, g) => {
      for (const { token, weight } of group.variants) {
        const p = this.postings.get(token);
        if (!p) continue;
        const idf = this.idf(token) * weight * group.weight;
        for (let i = 0; i < p.docs.length; i += 1) {
          const doc = p.docs[i]!;
          const tf = p.weights[i]!;
          const norm = tf + k1 * (1 - b + (b * this.docLength[doc]!) / this.avgLength);
          const s = (idf * tf * (k1 + 1)) / norm;
          let row = scores.get(doc);
          if (!row) {
            row = new Float64Array(groups.length);
            scores.set(doc, row);
          }
          if (s > row[g]!) row[g] = s;
        }
      }
    });
    const hits: Bm25Hit[] = [];
    for (const [doc, groupScores] of scores) {
      let score = 0;
      for (const s of groupScores) score += s;
      hits.push({ doc, score, groupScores });
    }
    hits.sort((x, y) => y.score - x.score || x.doc - y.doc);
    return hits.slice(0, limit);
  }
}

/** A query group ready for scoring: its tokens with per-variant weights, and a weight for the group. */
export interface WeightedGroup {
  group: TermGroup;
  weight: number;
  variants: Array<{ token: string; weight: number }>;
}
