import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { Db } from '../../../src/db/client.js';
import type { KnowledgeService } from '../../../src/knowledge/knowledge-service.js';
import { pageGroups } from '../../../src/knowledge/store/kb-store.js';
import type { ParsedDocument } from '../../../src/knowledge/types.js';
import { silentLogger } from '../../../src/logger.js';
import { tempDataDir } from '../../support/temp-data.js';

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let knowledge: KnowledgeService;

function document(name: string, chunks: number): ParsedDocument {
  return {
    title: `Catatan ${name}`,
    kind: 'curated',
    status: 'berlaku',
    chunks: Array.from({ length: chunks }, (_, i) => ({ citation: `Catatan ${name} bagian ${i + 1}`, text: `Isi ${name} nomor ${i + 1}.` })),
  };
}

beforeAll(async () => {
  temp = tempDataDir('pandu-chunks-');
  const config = loadConfig({ DATA_DIR: path.join(temp.dir, 'data') }, projectRoot);
  ({ db, knowledge } = await openKnowledge(config, silentLogger()));
  await db.kbDocument.deleteMany();
  const meta = (name: string) => ({ origin: 'admin' as const, sourcePath: `${name}.md`, contentHash: `hash-${name}`, byteSize: 10 });
  // Small documents read together, one larger than a page read alone in pages, and a retired one left out.
  for (const [name, size] of [['a', 3], ['b', 2], ['besar', 1203], ['c', 4], ['d', 1]] as const) {
    await knowledge.store.save(document(name, size), meta(name));
  }
  const old = await knowledge.store.save(document('lama', 2), meta('lama'));
  await db.kbDocument.update({ where: { id: old.id }, data: { retiredAt: new Date('2026-01-01T00:00:00Z') } });
});
afterAll(async () => {
  await db.$disconnect();
  temp.cleanup();
});

describe('reading every live chunk', () => {
  it('returns each live document’s chunks once, documents in id order and chunks in their order', async () => {
    let pauses = 0;
    const chunks = await knowledge.store.allChunks(async () => {
      pauses += 1;
    });
    const expected = await db.kbChunk.findMany({
      where: { document: { retiredAt: null } },
      orderBy: [{ documentId: 'asc' }, { ord: 'asc' }],
      select: { id: true },
    });
    expect(chunks.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(chunks).toHaveLength(3 + 2 + 1203 + 4 + 1);
    expect(chunks.some((c) => c.documentTitle === 'Catatan lama')).toBe(false);
    expect(chunks.find((c) => c.documentTitle === 'Catatan besar')).toMatchObject({ quote: false });
    // The large document takes three pages; the small ones at most two more reads, not one each.
    expect(pauses).toBeLessThanOrEqual(5);
    expect(pauses).toBeGreaterThanOrEqual(3);
  });
});

describe('pageGroups', () => {
  const docs = (...sizes: number[]) => sizes.map((chunks, i) => ({ id: i, _count: { chunks } }));
  const ids = (groups: Array<Array<{ id: number }>>) => groups.map((g) => g.map((d) => d.id));

  it('packs documents in order up to a page, a document larger than a page on its own', () => {
    expect(ids(pageGroups(docs(200, 250, 100, 900, 10, 0, 490), 500))).toEqual([[0, 1], [2], [3], [4, 5, 6]]);
    expect(ids(pageGroups(docs(10, 491), 500))).toEqual([[0], [1]]);
    expect(ids(pageGroups(docs(500, 1), 500))).toEqual([[0], [1]]);
    expect(pageGroups([], 500)).toEqual([]);
  });
});
