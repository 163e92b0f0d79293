import type { IndexedChunk } from './indexed-chunk.js';
import type { ChunkRole } from './chunk-role.js';
import { runToEnd, type Work } from './paced-work.js';

// "sebagaimana dimaksud dalam Pasal 52 ayat (1) huruf a", "(PP 38/2017 Pasal 13 ayat (3))", "Pasal 6".
const MENTION_RE = /\bPasal\s+(\d{1,3}[A-Z]?)(?:\s+ayat\s+\((\d{1,2})\))?/g;

/**
 * The other articles a chunk sends the reader to, as chunk numbers of the same regulation: a rule that
 * says "keputusan yang tidak memenuhi persyaratan sebagaimana dimaksud dalam Pasal 52 ayat (1)" is
 * answered, in part, by Pasal 52 ayat (1). A mention with an ayat points at that ayat; without one, at
 * every ayat of the Pasal. References inside the chunk's own Pasal ("pada ayat (2)") are not counted.
 */
export function crossReferences(
  chunks: readonly IndexedChunk[],
  roles: readonly ChunkRole[],
  chunksOfPasal: (pasal: string) => readonly number[],
): ReadonlyArray<readonly number[]> {
  return runToEnd(findingCrossReferences(chunks, roles, chunksOfPasal));
}

/** crossReferences as paceable work: with many regulations a Pasal number names hundreds of chunks. */
export function* findingCrossReferences(
  chunks: readonly IndexedChunk[],
  roles: readonly ChunkRole[],
  chunksOfPasal: (pasal: string) => readonly number[],
): Work<ReadonlyArray<readonly number[]>> {
  const out: number[][] = [];
  for (let doc = 0; doc < chunks.length; doc += 1) {
    out.push(referencesOf(chunks, roles, chunksOfPasal, doc));
    yield;
  }
  return out;
}

function referencesOf(
  chunks: readonly IndexedChunk[],
  roles: readonly ChunkRole[],
  chunksOfPasal: (pasal: string) => readonly number[],
  doc: number,
): number[] {
  const chunk = chunks[doc]!;
  if (roles[doc] === 'restatement' || roles[doc] === 'note') return [];
  const targets = new Set<number>();
  for (const m of chunk.text.matchAll(MENTION_RE)) {
    const pasal = m[1]!.toUpperCase();
    if (pasal === chunk.pasal?.toUpperCase()) continue;
    for (const t of chunksOfPasal(pasal)) {
      const target = chunks[t]!;
      if (t === doc || target.regulation !== chunk.regulation || target.penjelasan || roles[t] !== 'rule') continue;
      if (m[2] && target.ayat && target.ayat !== m[2]) continue;
      targets.add(t);
    }
  }
  return [...targets];
}
