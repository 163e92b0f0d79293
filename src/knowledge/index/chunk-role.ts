import type { IndexedChunk } from './indexed-chunk.js';

/**
 * What a chunk is, as far as ranking cares:
 * - rule: the body of a Pasal or ayat (a regulation's own words, or our wording of one unit);
 * - definition: Pasal 1 angka N;
 * - penjelasan: the elucidation of a Pasal;
 * - restatement: an FAQ entry or a summary, which restates rules stated elsewhere (front matter `rests_on`);
 * - practice: how a programme (IID/IGA, KIPP) ran in a given year or region, not a rule;
 * - note: anything else (a regulation's identity, Menimbang, Penjelasan Umum, a guide's passage).
 */
export type ChunkRole = 'rule' | 'definition' | 'penjelasan' | 'restatement' | 'practice' | 'note';

export function chunkRole(chunk: IndexedChunk): ChunkRole {
  if (chunk.restsOn) return 'restatement';
  if (chunk.practice) return 'practice';
  if (!chunk.pasal) return 'note';
  if (chunk.penjelasan) return 'penjelasan';
  return chunk.angka ? 'definition' : 'rule';
}

/** The citations a restatement rests on, in the order given (its main one first). */
export function restsOn(chunk: IndexedChunk): string[] {
  return (chunk.restsOn ?? '').split('\n').filter(Boolean);
}
