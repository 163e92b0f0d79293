import { pasalKey } from '../citation.js';
import { restsOn } from '../index/chunk-role.js';
import type { Amendment, IndexedChunk } from '../index/indexed-chunk.js';
import type { DocumentStatus } from './kb-status.js';

interface Mark {
  status: 'diubah' | 'dicabut';
  amendment?: Amendment;
}

/**
 * What answers may rest on, given the statuses admins set: revoked text (a document or a Pasal marked
 * dicabut) leaves the index, so it is never cited as current law; amended text stays, carrying what
 * amended it so the answer can say so. A Pasal's status also reaches our own notes on that Pasal of the
 * same regulation (curated units and FAQ entries resting on it), never another document's own wording of
 * it (a newer version of the regulation). A whole document's status reaches only its own chunks.
 */
export function applyStatuses<T extends IndexedChunk>(chunks: readonly T[], statuses: readonly DocumentStatus[]): T[] {
  const documents = new Map<string, Mark>();
  const pasalOf = new Map<string, { documentId: string; mark: Mark }>();
  const pasalInDocument = new Map<string, Mark>();
  for (const doc of statuses) {
    if (doc.status === 'dicabut') documents.set(doc.documentId, { status: 'dicabut' });
    else if (doc.status === 'diubah') {
      const subject = doc.regulation ?? doc.title;
      documents.set(doc.documentId, { status: 'diubah', amendment: { subject, by: doc.amendedBy ?? '' } });
    }
    for (const p of doc.pasal) {
      const subject = `${doc.regulation ?? doc.title} Pasal ${p.pasal}`;
      const mark: Mark = p.status === 'dicabut' ? { status: 'dicabut' } : { status: 'diubah', amendment: { subject, by: p.amendedBy ?? '' } };
      pasalInDocument.set(`${doc.documentId}\u241f${p.pasal.toUpperCase()}`, mark);
      if (doc.regulation) pasalOf.set(addressKey(doc.regulation, p.pasal), { documentId: doc.documentId, mark });
    }
  }
  if (documents.size === 0 && pasalInDocument.size === 0) return [...chunks];

  const out: T[] = [];
  for (const chunk of chunks) {
    const marks: Mark[] = [];
    if (chunk.pasal) {
      const own = pasalInDocument.get(`${chunk.documentId}\u241f${chunk.pasal.toUpperCase()}`);
      if (own) marks.push(own);
    }
    for (const address of addresses(chunk)) {
      const found = pasalOf.get(address);
      // Another document's own wording of the Pasal (a newer version) keeps its own status.
      if (found && (found.documentId === chunk.documentId || !chunk.quote)) marks.push(found.mark);
    }
    const whole = documents.get(chunk.documentId);
    if (whole) marks.push(whole);
    if (marks.some((m) => m.status === 'dicabut')) continue;
    // The most specific amendment (a Pasal's) comes first.
    const amendment = marks.find((m) => m.amendment)?.amendment;
    out.push(amendment ? { ...chunk, amendment } : chunk);
  }
  return out;
}

/** The Pasal addresses a chunk states or rests on, as "<regulation> Pasal <n>". */
function addresses(chunk: IndexedChunk): string[] {
  const own = chunk.regulation && chunk.pasal ? [addressKey(chunk.regulation, chunk.pasal)] : [];
  const rested = chunk.restsOn ? restsOn(chunk).map((c) => pasalKey(c)) : [];
  return [...new Set([...own, ...rested])];
}

function addressKey(regulation: string, pasal: string): string {
  return `${regulation.trim()} Pasal ${pasal.toUpperCase()}`;
}
