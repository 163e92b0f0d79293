import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { Db } from '../../../src/db/client.js';
import { migrate } from '../../../src/db/migrate.js';
import type { KnowledgeService } from '../../../src/knowledge/knowledge-service.js';
import { pageGroups } from '../../../src/knowledge/store/kb-store.js';
import type { ParsedDocument } from '../../../src/knowledge/types.js';
import { silentLogger } from '../../../src/logger.js';
import { createTestDatabase, TEST_PG_URL } from '../../support/pg-database.js';
import { tempDataDir } from '../../support/temp-data.js';

function document(name: string, chunks: number): ParsedDocument {
  return {
    title: `Catatan ${name}`,
    kind: 'curated',
    status: 'berlaku',
    chunks: Array.from({ length: chunks }, (_, i) => ({ citation: `Catatan ${name} bagian ${i + 1}`, text: `Isi ${name} nomor ${i + 1}.` })),
  };
}

/** A regulation whose chunks fill every field a chunk has, or leave it empty: what is written must read back. */
const REGULATION: ParsedDocument = {
  title: 'Peraturan Uji Nomor 3 Tahun 2024',
  regulation: 'Perbup Uji 3/2024',
  kind: 'regulation',
  status: 'berlaku',
  chunks: [
    {
      citation: 'Perbup Uji 3/2024 Pasal 2 ayat (1) huruf a angka 4',
      regulation: 'Perbup Uji 3/2024',
      pasal: '2',
      ayat: '1',
      huruf: 'a',
      angka: '4',
      heading: 'BAB I KETENTUAN UMUM',
      topic: `uji "kutip" dan 'petik'`,
      aliases: ['satu', 'dua'],
      restsOn: ['Perbup Uji 3/2024 Pasal 2', 'Perbup Uji 3/2024 Pasal 3'],
      practice: true,
      text: 'Teks dengan baris\nkedua, emoji 🙂, dan tanda “kutip”.',
    },
    { citation: 'Perbup Uji 3/2024 Penjelasan Pasal 2', regulation: 'Perbup Uji 3/2024', pasal: '2', penjelasan: true, text: 'Cukup jelas.' },
  ],
};

/** The live chunks as the client's own query reads them, in index order. */
function storedChunks(db: Db) {
  return db.kbChunk.findMany({ where: { document: { retiredAt: null } }, orderBy: [{ documentId: 'asc' }, { ord: 'asc' }] });
}

/** Where the chunks are stored: SQLite always; PostgreSQL when TEST_DATABASE_URL names a server. */
const STORAGES = [
  { name: 'SQLite', skip: false, postgres: false },
  { name: TEST_PG_URL ? 'PostgreSQL' : 'PostgreSQL (skipped: TEST_DATABASE_URL not set)', skip: !TEST_PG_URL, postgres: true },
];

// A loop rather than describe.each: vitest shortens a `$name` longer than 40 characters with "…".
for (const { name, skip, postgres } of STORAGES) describe(`reading every live chunk on ${name}`, () => {
  let temp: ReturnType<typeof tempDataDir>;
  let db: Db;
  let knowledge: KnowledgeService;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (skip) return;
    temp = tempDataDir('pandu-chunks-');
    let url: string | undefined;
    if (postgres) {
      ({ url, drop } = await createTestDatabase());
      await migrate(url, path.join(projectRoot, 'prisma'));
    }
    const config = loadConfig({ DATA_DIR: path.join(temp.dir, 'data'), LOG_LEVEL: 'silent', ...(url ? { DATABASE_URL: url } : {}) }, projectRoot);
    ({ db, knowledge } = await openKnowledge(config, silentLogger()));
    await db.kbDocument.deleteMany();
    const meta = (name: string) => ({ origin: 'admin' as const, sourcePath: `${name}.md`, contentHash: `hash-${name}`, byteSize: 10 });
    // Small documents read together, one larger than a page read alone in pages, and a retired one left out.
    for (const [name, size] of [['a', 3], ['b', 2], ['besar', 1203], ['c', 4], ['d', 1]] as const) {
      await knowledge.store.save(document(name, size), meta(name));
    }
    await knowledge.store.save(REGULATION, meta('perbup'));
    const old = await knowledge.store.save(document('lama', 2), meta('lama'));
    await db.kbDocument.update({ where: { id: old.id }, data: { retiredAt: new Date('2026-01-01T00:00:00Z') } });
  });
  afterAll(async () => {
    if (skip) return;
    await db?.$disconnect();
    await drop?.();
    temp?.cleanup();
  });

  it.skipIf(skip)('returns each live document’s chunks once, documents in id order and chunks in their order', async () => {
    let pauses = 0;
    const chunks = await knowledge.store.allChunks(async () => {
      pauses += 1;
    });
    const expected = await storedChunks(db);
    expect(chunks.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(chunks).toHaveLength(3 + 2 + 1203 + 4 + 1 + 2);
    expect(chunks.some((c) => c.documentTitle === 'Catatan lama')).toBe(false);
    expect(chunks.find((c) => c.documentTitle === 'Catatan besar')).toMatchObject({ quote: false });
    // The large document pauses between its three pages; the small ones share a pause a group.
    expect(pauses).toBeLessThanOrEqual(6);
    expect(pauses).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(skip)('reads every field back as it was written, an empty one as null', async () => {
    const chunks = await knowledge.store.allChunks();
    // Both halves: the rows as the client's own query reads them, and allChunks' reading of the same rows.
    expect(chunks.map(({ quote: _quote, documentTitle: _title, ...row }) => row)).toEqual(await storedChunks(db));
    const [rule, explanation] = chunks.filter((c) => c.regulation === 'Perbup Uji 3/2024');
    expect(rule).toMatchObject({
      citation: 'Perbup Uji 3/2024 Pasal 2 ayat (1) huruf a angka 4',
      pasal: '2',
      ayat: '1',
      huruf: 'a',
      angka: '4',
      penjelasan: false,
      practice: true,
      heading: 'BAB I KETENTUAN UMUM',
      topic: `uji "kutip" dan 'petik'`,
      aliases: 'satu\ndua',
      restsOn: 'Perbup Uji 3/2024 Pasal 2\nPerbup Uji 3/2024 Pasal 3',
      text: 'Teks dengan baris\nkedua, emoji 🙂, dan tanda “kutip”.',
      quote: true,
      documentTitle: 'Peraturan Uji Nomor 3 Tahun 2024',
    });
    expect(explanation).toMatchObject({ penjelasan: true, practice: false, ayat: null, huruf: null, angka: null, heading: null, aliases: null, restsOn: null });
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
