import fs from 'node:fs';
import path from 'node:path';
import { chunkRegulation } from '../../../src/knowledge/ingest/legal-chunker.js';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import { KnowledgeIndex } from '../../../src/knowledge/index/knowledge-index.js';
import { PROJECT_ROOT } from '../../support/test-app.js';

/**
 * The real regulation texts kept beside the project in shared/data/regulations (PANDU_SHARED_DIR, or a
 * shared/ folder next to the project or to its worktree folder). A fresh clone has none: suites that need
 * them skip.
 */
export function sharedRegulationsDir(): string | undefined {
  const candidates = [
    process.env.PANDU_SHARED_DIR,
    path.resolve(PROJECT_ROOT, '..', 'shared'),
    path.resolve(PROJECT_ROOT, '..', '..', 'shared'),
  ].filter((d): d is string => Boolean(d));
  return candidates.map((d) => path.join(d, 'data', 'regulations')).find((d) => fs.existsSync(d));
}

/**
 * A regulation ingested alone, the way `kb add` does it (chunked as a regulation, quoted, titled), but kept
 * in memory: the lexical index is all retrieval uses with the local embedder.
 */
export function indexOfRegulation(file: string): KnowledgeIndex {
  const parsed = chunkRegulation(fs.readFileSync(file, 'utf8'));
  const chunks: IndexedChunk[] = parsed.chunks.map((c, i) => ({
    id: `c${i}`,
    documentId: 'doc',
    citation: c.citation,
    regulation: c.regulation ?? null,
    pasal: c.pasal ?? null,
    ayat: c.ayat ?? null,
    huruf: c.huruf ?? null,
    angka: c.angka ?? null,
    penjelasan: Boolean(c.penjelasan),
    heading: c.heading ?? null,
    quote: true,
    documentTitle: parsed.title,
    text: c.text,
  }));
  return KnowledgeIndex.buildLexical(chunks);
}
