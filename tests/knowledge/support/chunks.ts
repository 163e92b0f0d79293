import { formatCitation } from '../../../src/knowledge/citation.js';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import { KnowledgeIndex } from '../../../src/knowledge/index/knowledge-index.js';
import type { CitationParts } from '../../../src/knowledge/types.js';

/** A chunk for in-memory indexes: its citation is formatted from the parts given. */
export function chunk(parts: CitationParts & Partial<Omit<IndexedChunk, 'penjelasan'>>, text: string): IndexedChunk {
  const { penjelasan, ...rest } = parts;
  const citation = parts.citation ?? formatCitation(parts);
  return { id: citation + text.length, documentId: parts.regulation ?? 'doc', penjelasan: Boolean(penjelasan), ...rest, citation, text };
}

/** A lexical index over chunks, built in memory (no database, no vectors). */
export function indexOf(chunks: IndexedChunk[]): KnowledgeIndex {
  return KnowledgeIndex.buildLexical(chunks);
}
