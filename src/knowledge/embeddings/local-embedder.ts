import { ANALYZER_FINGERPRINT, type Analyzer } from '../analysis/analyzer.js';
import { l2normalise, type Embedder } from './embedder.js';

const DIMS = 512;

/**
 * A local embedder that needs no model download: each analysed token (word, root, concept, legal
 * reference) and the character 3- and 4-grams of each word are hashed into a fixed-size vector, weighted
 * by how rare the token is in the corpus. It is lexical at heart, but cosine over these vectors forgives
 * partial words and typos that exact-token BM25 misses, which is what fusing the two is for.
 */
export class LocalEmbedder implements Embedder {
  /**
   * Vectors depend on the analyzer, so its version and word lists are part of the id: saved vectors from
   * an older Pandu are rebuilt instead of being compared with differently analysed questions.
   */
  readonly id = `local-hash-ngram-${ANALYZER_FINGERPRINT}-${DIMS}`;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly idf: (token: string) => number,
  ) {}

  embedSync(text: string): Float32Array {
    const v = new Float32Array(DIMS);
    const counts = new Map<string, number>();
    for (const t of this.analyzer.indexTokens(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [token, count] of counts) {
      const weight = (1 + Math.log(count)) * this.idf(token);
      add(v, `t:${token}`, weight);
      if (token.includes(':') || token.length < 4) continue;
      const padded = `<${token}>`;
      const grams: string[] = [];
      for (const n of [3, 4]) for (let i = 0; i + n <= padded.length; i += 1) grams.push(padded.slice(i, i + n));
      const share = (weight * 0.7) / Math.sqrt(grams.length);
      for (const g of grams) add(v, `g:${g}`, share);
    }
    return l2normalise(v);
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedSync(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embedSync(text);
  }
}

/** Signed feature hashing: the sign bit halves the damage of collisions. */
function add(v: Float32Array, feature: string, weight: number): void {
  const h = fnv1a(feature);
  const slot = h % DIMS;
  v[slot]! += (h & 0x80000000) !== 0 ? -weight : weight;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
