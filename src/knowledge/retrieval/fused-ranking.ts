import type { Bm25Hit } from '../index/bm25.js';
import type { VectorHit } from '../index/vector-index.js';
import type { DocScores } from './doc-scores.js';

/** A document's standing after fusion: its reciprocal-rank score and what each half scored it. */
export interface Fused {
  rrf: number;
  bm25: number;
  similarity: number;
}

/** The fused ranking of a question's documents, read from the top. */
export interface FusedRanking {
  /** The best `n` documents, best first. */
  first(n: number): Array<[number, Fused]>;
  /** A document's standing, when either half ranked it. */
  entry(doc: number): Fused | undefined;
  /** A document's lexical hit, when the lexical half ranked it. */
  lexicalHit(doc: number): Bm25Hit | undefined;
}

/** Reciprocal-rank fusion of the lexical ranking (weight 1) and the dense one (`denseWeight`). */
export function fuseRanks(lexical: readonly Bm25Hit[], dense: readonly VectorHit[], rrfK: number, denseWeight: number): FusedRanking {
  const fused = new Map<number, Fused>();
  const entry = (doc: number) => {
    let e = fused.get(doc);
    if (!e) {
      e = { rrf: 0, bm25: 0, similarity: 0 };
      fused.set(doc, e);
    }
    return e;
  };
  lexical.forEach((hit, rank) => {
    const e = entry(hit.doc);
    e.rrf += 1 / (rrfK + rank + 1);
    e.bm25 = hit.score;
  });
  dense.forEach((hit, rank) => {
    const e = entry(hit.doc);
    e.rrf += denseWeight / (rrfK + rank + 1);
    e.similarity = hit.similarity;
  });
  // Without the dense half the fused order is the lexical order (each rank has its own RRF score).
  const ranked = [...fused.entries()];
  if (dense.length > 0) ranked.sort((a, b) => b[1].rrf - a[1].rrf || b[1].bm25 - a[1].bm25 || a[0] - b[0]);
  return {
    first: (n) => ranked.slice(0, n),
    entry: (doc) => fused.get(doc),
    lexicalHit: (doc) => lexical.find((hit) => hit.doc === doc),
  };
}

/**
 * fuseRanks of the adjusted lexical scores alone (their best `limit`), without sorting them all: only
 * the first few places are ever read, and the place of a document a look-up puts first. It reads `scores`
 * as they are, so it must be read before they are filled for another question.
 */
export function lexicalRanking(scores: DocScores, limit: number, rrfK: number): FusedRanking {
  const rankOf = (doc: number) => {
    const rank = scores.rank(doc);
    return rank !== undefined && rank < limit ? rank : undefined;
  };
  const standing = (doc: number, rank: number): Fused => ({ rrf: 1 / (rrfK + rank + 1), bm25: scores.score(doc), similarity: 0 });
  return {
    first: (n) => scores.top(Math.min(n, limit)).map((doc, rank) => [doc, standing(doc, rank)]),
    entry: (doc) => {
      const rank = rankOf(doc);
      return rank === undefined ? undefined : standing(doc, rank);
    },
    lexicalHit: (doc) => (rankOf(doc) === undefined ? undefined : scores.hit(doc)),
  };
}
