import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { Db } from '../../../src/db/client.js';
import type { Embedder } from '../../../src/knowledge/embeddings/embedder.js';
import { IndexFiles } from '../../../src/knowledge/index/index-files.js';
import { KnowledgeService } from '../../../src/knowledge/knowledge-service.js';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { silentLogger } from '../../../src/logger.js';
import { SMALL_KNOWLEDGE, writeSmallKnowledge } from '../../fixtures/cli/small-knowledge.js';
import { curatedUnit, tempDataDir } from '../../support/temp-data.js';

/** Counts the texts the embedder is asked to embed, to tell a reused index from a rebuilt one. */
let embedded = 0;
function counting(inner: Embedder): Embedder {
  return {
    id: inner.id,
    embedQuery: (text) => inner.embedQuery(text),
    async embedDocuments(texts) {
      embedded += texts.length;
      return inner.embedDocuments(texts);
    },
  };
}

let temp: ReturnType<typeof tempDataDir>;
let knowledgeDir: string;
let db: Db;
let service: KnowledgeService;
let files: IndexFiles;
const indexDir = () => path.join(temp.dir, 'data', 'index');

beforeAll(async () => {
  temp = tempDataDir('pandu-dense-');
  knowledgeDir = writeSmallKnowledge(temp.dir);
  const config = loadConfig({ DATA_DIR: path.join(temp.dir, 'data') }, projectRoot);
  ({ db } = await openKnowledge(config, silentLogger()));
  service = new KnowledgeService({
    db,
    dataDir: config.dataDir,
    maxFileBytes: config.kb.maxFileBytes,
    logger: silentLogger(),
    embedderFor: (lexical) => counting(lexical.localEmbedder()),
  });
  files = new IndexFiles(indexDir());
  const sync = await service.syncShipped(knowledgeDir);
  expect(sync).toMatchObject({ added: 11, updated: 0, removed: 0, unchanged: 0, failed: [] });
});
afterAll(async () => {
  await db.$disconnect();
  temp.cleanup();
});

// The local embedder's vectors wait for their first reader unless asked for now (as the kb command does):
// these tests ask for them now; the last block is about waiting.
const buildNow = (opts: { force?: boolean } = {}) => service.buildIndex({ ...opts, denseNow: true });

describe('the saved dense index (IndexFiles manifest)', () => {
  it('is built and saved with a manifest on the first build', async () => {
    embedded = 0;
    const index = await buildNow();
    expect(embedded).toBe(11);
    const vectors = await index.dense!.vectors();
    expect(vectors.size).toBe(11);
    const manifest = files.readManifest();
    expect(manifest?.vectors).toEqual({ size: 11, dims: vectors.dims, embedderId: index.dense!.embedder.id });
    expect(fs.existsSync(path.join(indexDir(), 'vectors.hnsw'))).toBe(true);
  });

  it('is reused when nothing changed, and still answers dense queries', async () => {
    const before = files.readManifest();
    embedded = 0;
    const index = await buildNow();
    expect(embedded).toBe(0);
    expect(files.readManifest()).toEqual(before);
    const { hits } = await new Retriever(index, { mode: 'dense' }).search('poinnya hangus kapan ya', 3);
    expect(hits.map((h) => h.chunk.citation)).toContain('Perwal Lestari 12/2023 Pasal 5 ayat (2)');
  });

  it('is rebuilt when a chunk changes, and the new vectors see the new text', async () => {
    const before = files.readManifest()!;
    fs.writeFileSync(
      path.join(knowledgeDir, 'perwal-lestari/pasal-09.md'),
      curatedUnit({
        regulation: 'Perwal Lestari 12/2023',
        pasal: '9',
        citation: 'Perwal Lestari 12/2023 Pasal 9',
        title: 'Pengaduan nasabah',
        topic: 'pengaduan nasabah bank sampah',
        text: 'Nasabah yang keberatan menyampaikan pengaduan kepada petugas kelurahan secara langsung atau melalui surat elektronik.',
      }),
    );
    expect(await service.syncShipped(knowledgeDir)).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 10 });
    embedded = 0;
    const index = await buildNow();
    expect(embedded).toBe(11);
    const after = files.readManifest()!;
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.vectors?.size).toBe(11);
    const { hits } = await new Retriever(index, { mode: 'dense' }).search('pengaduan lewat surat elektronik ke kelurahan', 1);
    expect(hits[0]?.chunk.citation).toBe('Perwal Lestari 12/2023 Pasal 9');
  });

  it('is rebuilt when a unit is removed from the knowledge folder', async () => {
    const before = files.readManifest()!;
    fs.rmSync(path.join(knowledgeDir, 'perwal-lestari/pasal-11.md'));
    expect(await service.syncShipped(knowledgeDir)).toMatchObject({ removed: 1 });
    embedded = 0;
    const index = await buildNow();
    expect(embedded).toBe(10);
    expect(index.chunks.map((c) => c.citation)).not.toContain('Perwal Lestari 12/2023 Pasal 11');
    expect(files.readManifest()).toMatchObject({ vectors: { size: 10 } });
    expect(files.readManifest()!.fingerprint).not.toBe(before.fingerprint);
    // Put it back for the tests below.
    fs.writeFileSync(path.join(knowledgeDir, 'perwal-lestari/pasal-11.md'), SMALL_KNOWLEDGE['perwal-lestari/pasal-11.md']!);
    await service.syncShipped(knowledgeDir);
    await buildNow();
  });

  it('is rebuilt on request (reindex --full) even when nothing changed', async () => {
    embedded = 0;
    await buildNow({ force: true });
    expect(embedded).toBe(11);
  });

  it('is rebuilt when the vectors file is missing, and ignored for another embedder', async () => {
    const manifest = files.readManifest()!;
    const embedderId = manifest.vectors!.embedderId;
    expect(await files.load(manifest.fingerprint, 'another-embedder')).toBeUndefined();
    expect(await files.load('another-fingerprint', embedderId)).toBeUndefined();
    fs.rmSync(path.join(indexDir(), 'vectors.hnsw'));
    expect(await files.load(manifest.fingerprint, embedderId)).toBeUndefined();
    embedded = 0;
    await buildNow();
    expect(embedded).toBe(11);
    expect(fs.existsSync(path.join(indexDir(), 'vectors.hnsw'))).toBe(true);
  });
});

describe('vectors with no say in answers (the local embedder’s)', () => {
  it('are not made by a build; the first dense reader makes and saves them, and the index stamp stays', async () => {
    embedded = 0;
    const index = await service.buildIndex({ force: true });
    expect(embedded).toBe(0);
    expect(files.readManifest()?.vectors).toBeUndefined();
    const stamp = service.indexStamp();
    // Answers (hybrid, where these vectors weigh 0) do not need them.
    expect((await new Retriever(index).search('poinnya hangus kapan ya', 3)).hits.length).toBeGreaterThan(0);
    expect(index.dense?.started).toBe(false);
    expect(embedded).toBe(0);

    const { hits } = await new Retriever(index, { mode: 'dense' }).search('poinnya hangus kapan ya', 3);
    expect(embedded).toBe(11);
    expect(hits.map((h) => h.chunk.citation)).toContain('Perwal Lestari 12/2023 Pasal 5 ayat (2)');
    expect(files.readManifest()?.vectors).toMatchObject({ size: 11, embedderId: index.dense!.embedder.id });
    expect(service.indexStamp()).toBe(stamp); // a running bot must not take saved vectors for a new index
  });

  it('are loaded from the saved file when the next index is first read, embedding nothing', async () => {
    embedded = 0;
    const index = await service.buildIndex();
    const { hits } = await new Retriever(index, { mode: 'dense' }).search('poinnya hangus kapan ya', 3);
    expect(embedded).toBe(0);
    expect(hits.map((h) => h.chunk.citation)).toContain('Perwal Lestari 12/2023 Pasal 5 ayat (2)');
  });
});
