import type { Translate } from '../../i18n/translator.js';
import type { IndexedChunk } from '../index/indexed-chunk.js';
import type { RetrievalHit } from '../retrieval/retriever.js';

/** Other passages are mentioned when they score at least this share of the best one. */
const RELATED_SHARE = 0.8;
const MAX_RELATED = 2;

/** The citation as shown, marking practice notes so nobody mistakes them for regulation text. */
export function displayCitation(chunk: Pick<IndexedChunk, 'citation' | 'practice'>, t: Translate): string {
  return chunk.practice ? `${chunk.citation} (${t('qa.practice')})` : chunk.citation;
}

/**
 * The passages an answer rests on: the best one, plus close runners-up with a different citation. Close
 * means a lexical score near the best one's (fused scores follow rank, so every second place looks close).
 */
export function supportingHits(hits: readonly RetrievalHit[]): RetrievalHit[] {
  const [best, ...rest] = hits;
  if (!best) return [];
  const chosen = [best];
  const lexical = best.bm25 > 0;
  for (const hit of rest) {
    if (chosen.length > MAX_RELATED) break;
    if (lexical ? hit.bm25 < best.bm25 * RELATED_SHARE : hit.score < best.score * RELATED_SHARE) continue;
    if (chosen.some((c) => c.chunk.citation === hit.chunk.citation || c.chunk.text === hit.chunk.text)) continue;
    chosen.push(hit);
  }
  return chosen;
}
