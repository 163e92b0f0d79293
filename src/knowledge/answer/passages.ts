import type { RetrievalHit } from '../retrieval/retriever.js';

/**
 * Retrieved passages as a model sees them: numbered "[n] citation" then the text, so the model can cite
 * by number and the citation check can resolve its markers. Practice notes are labelled, so the model
 * does not present them as regulation text.
 */
export function formatPassages(hits: readonly RetrievalHit[]): string {
  return hits
    .map((h, i) => `[${i + 1}] ${h.chunk.citation}${h.chunk.practice ? ' (catatan praktik)' : ''}\n${h.chunk.text.trim()}`)
    .join('\n\n');
}
