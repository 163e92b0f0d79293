import { restsOn, type ChunkRole } from './chunk-role.js';
import type { IndexedChunk } from './indexed-chunk.js';

/** One rule a restatement rests on: the chunks cited so (other restatements left out). */
export interface RestedRule {
  docs: readonly number[];
  /** The restatement is cited as this rule (an FAQ entry under a Pasal), not only resting on it. */
  main: boolean;
}

const NONE: readonly RestedRule[] = [];

/**
 * Per chunk, the rules it rests on, in the order its front matter gives them: what retrieval lends a
 * restatement's place to. Read once per index rather than parsed from `restsOn` for every question.
 * Empty for every chunk that is not a restatement.
 */
export function restedRules(
  chunks: readonly IndexedChunk[],
  roles: readonly ChunkRole[],
  chunksCited: (citation: string) => readonly number[],
): ReadonlyArray<readonly RestedRule[]> {
  return chunks.map((chunk, doc) => {
    if (roles[doc] !== 'restatement') return NONE;
    const main = chunk.pasal ? chunk.citation : undefined;
    return restsOn(chunk).map((citation) => ({
      docs: chunksCited(citation).filter((d) => roles[d] !== 'restatement'),
      main: citation === main,
    }));
  });
}
