import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Retriever, defaultDenseWeight } from '../../../src/knowledge/retrieval/retriever.js';
import { startSmallApp } from '../../fixtures/cli/small-knowledge.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../support/fake-openai.js';
import type { TestApp } from '../../support/test-app.js';

let fake: FakeOpenAi;
let test: TestApp;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  test = await startSmallApp({ OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test', OPENAI_EMBEDDING_MODEL: 'pandu-embed-uji' });
});
afterAll(async () => {
  await test.close();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

const embeddingRequests = () => fake.requests.filter((r) => r.url.endsWith('/embeddings'));
const manifestPath = () => path.join(test.dataDir, 'index', 'manifest.json');

describe('the dense index over an OpenAI-compatible embeddings model', () => {
  it('is built on first start through the embeddings cache, sized by the model’s own vectors', async () => {
    const dense = test.app.index().dense;
    expect(dense?.embedder.id).toBe('openai:pandu-embed-uji');
    expect(dense?.started).toBe(true); // built with the index: this model's vectors have a say in answers
    const vectors = await dense!.vectors();
    expect(vectors.size).toBe(11);
    expect(vectors.dims).toBe(16); // the fake's vector length, learnt from the vectors
    expect(await test.app.db.embeddingCache.count()).toBe(11);
  });

  it('is rebuilt after a document is removed with every vector from the cache, asking the model nothing', async () => {
    const doc = (await test.app.knowledge.list()).find((d) => d.title === 'Pendanaan Bank Sampah Digital');
    expect(await test.app.knowledge.remove(doc!.id)).toBe(true);
    await test.app.reloadIndex();
    expect(embeddingRequests()).toEqual([]);
    expect((await test.app.index().dense!.vectors()).size).toBe(10);
    expect(JSON.parse(fs.readFileSync(manifestPath(), 'utf8'))).toMatchObject({ vectors: { size: 10, dims: 16, embedderId: 'openai:pandu-embed-uji' } });
  });

  it('is rebuilt from the cache after DATA_DIR/index is deleted', async () => {
    fs.rmSync(path.join(test.dataDir, 'index'), { recursive: true, force: true });
    await test.app.reloadIndex();
    expect(embeddingRequests()).toEqual([]);
    expect((await test.app.index().dense!.vectors()).size).toBe(10);
    expect(fs.existsSync(manifestPath())).toBe(true);
  });

  it('answers dense queries from the rebuilt index, embedding only the question', async () => {
    const { hits } = await new Retriever(test.app.index(), { mode: 'dense' }).search('poinnya hangus kapan ya', 3);
    expect(hits).toHaveLength(3);
    expect(embeddingRequests().map((r) => r.body.input)).toEqual(['poinnya hangus kapan ya']);
  });

  it('gives the endpoint an equal say in hybrid ranking, so hybrid questions are embedded too', async () => {
    expect(defaultDenseWeight(test.app.index())).toBe(1);
    await new Retriever(test.app.index()).search('siapa yg ngelola bank sampah digital?', 3);
    expect(embeddingRequests().map((r) => r.body.input)).toEqual(['siapa yg ngelola bank sampah digital?']);
  });
});
