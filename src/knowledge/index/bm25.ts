import type { Analyzer, TermGroup } from '../analysis/analyzer.js';
import { searchableFields, type IndexedChunk } from './indexed-chunk.js';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

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
  /** k1 · (1 − b + b · length / average length), per document, computed once. */
  private readonly lengthNorm: Float64Array;

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
    const { k1, b } = this.params;
    this.lengthNorm = this.docLength.map((len) => k1 * (1 - b + (b * len) / this.avgLength));
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
    const { k1 } = this.params;
    const n = this.size;
    const g = groups.length;
    // Flat typed arrays, reused between queries, instead of per-document objects: this runs on every
    // message, and allocation (with the garbage collection it causes) dominated its tail latency.
    const { total, perGroup, seen } = this.scratch(g);
    const touched: number[] = [];
    groups.forEach((group, gi) => {
      const row = gi * n;
      for (const { token, weight } of group.variants) {
        const p = this.postings.get(token);
        if (!p) continue;
        const idf = this.idf(token) * weight * group.weight;
        const docs = p.docs;
        const tfs = p.weights;
        for (let i = 0; i < docs.length; i += 1) {
          const doc = docs[i]!;
          const tf = tfs[i]!;
          const s = (idf * tf * (k1 + 1)) / (tf + this.lengthNorm[doc]!);
          const old = perGroup[row + doc]!;
          if (s > old) {
            perGroup[row + doc] = s;
            total[doc]! += s - old;
            if (!seen[doc]) {
              seen[doc] = 1;
              touched.push(doc);
            }
          }
        }
      }
    });
    touched.sort((x, y) => total[y]! - total[x]! || x - y);
    const hits = touched.slice(0, limit).map((doc) => {
      const groupScores = new Float64Array(g);
      for (let gi = 0; gi < g; gi += 1) groupScores[gi] = perGroup[gi * n + doc]!;
      return { doc, score: total[doc]!, groupScores };
    });
    // Leave the scratch arrays zeroed for the next query, touching only what this one used.
    for (const doc of touched) {
      total[doc] = 0;
      seen[doc] = 0;
      for (let gi = 0; gi < g; gi += 1) perGroup[gi * n + doc] = 0;
    }
    return hits;
  }

  private buffers?: { total: Float64Array; perGroup: Float64Array; seen: Uint8Array; groups: number };

  private scratch(groups: number): { total: Float64Array; perGroup: Float64Array; seen: Uint8Array } {
    if (!this.buffers || this.buffers.groups < groups) {
      const capacity = Math.max(groups, 16);
      this.buffers = {
        total: new Float64Array(this.size),
        perGroup: new Float64Array(capacity * this.size),
        seen: new Uint8Array(this.size),
        groups: capacity,
      };
    }
    return this.buffers;
  }
}

/** A query group ready for scoring: its tokens with per-variant weights, and a weight for the group. */
export interface WeightedGroup {
  group: TermGroup;
  weight: number;
  variants: Array<{ token: string; weight: number }>;
}
