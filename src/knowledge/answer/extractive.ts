import type { Translate } from '../../i18n/translator.js';
import type { RetrievalHit } from '../retrieval/retriever.js';
import { firstSentences } from './fit-message.js';

/** Other passages are mentioned when they score at least this share of the best one. */
const RELATED_SHARE = 0.8;
const MAX_RELATED = 2;

/** The citation as shown, marking practice notes so nobody mistakes them for regulation text. */
export function displayCitation(hit: RetrievalHit, t: Translate): string {
  return hit.chunk.practice ? `${hit.chunk.citation} (${t('qa.practice')})` : hit.chunk.citation;
}

/** The passages an answer rests on: the best one, plus close runners-up with a different citation. */
export function supportingHits(hits: readonly RetrievalHit[]): RetrievalHit[] {
  const [best, ...rest] = hits;
  if (!best) return [];
  const chosen = [best];
  for (const hit of rest) {
    if (chosen.length > MAX_RELATED) break;
    if (hit.score < best.score * RELATED_SHARE) continue;
    if (chosen.some((c) => c.chunk.citation === hit.chunk.citation || c.chunk.text === hit.chunk.text)) continue;
    chosen.push(hit);
  }
  return chosen;
}

/**
 * An answer built without an LLM: the best passage in full (our curated wording, or the regulation's own
 * words in quotes), a sentence from each closely related passage, and the citations they rest on.
 */
export function extractiveAnswer(
  hits: readonly RetrievalHit[],
  t: Translate,
): { body: string; footer: string; citations: string[] } {
  const chosen = supportingHits(hits);
  const [best, ...related] = chosen;
  if (!best) return { body: '', footer: '', citations: [] };
  const lines: string[] = [passageText(best)];
  if (related.length > 0) {
    lines.push('', `${t('qa.related')}:`);
    for (const hit of related) lines.push(`• ${hit.chunk.citation}: ${firstSentences(passageText(hit), 2)}`);
  }
  const shown = chosen.map((h) => displayCitation(h, t));
  return { body: lines.join('\n'), footer: `${t('qa.basis')}: ${shown.join('; ')}`, citations: chosen.map((h) => h.chunk.citation) };
}

function passageText(hit: RetrievalHit): string {
  const text = hit.chunk.text.trim();
  return hit.chunk.quote ? `“${text}”` : text;
}
