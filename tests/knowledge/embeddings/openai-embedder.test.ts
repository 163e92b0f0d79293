import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiEmbedder } from '../../../src/knowledge/embeddings/openai-embedder.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../support/fake-openai.js';
import { startSilentServer, type SilentServer } from '../support/silent-server.js';

let fake: FakeOpenAi;
let silent: SilentServer;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  silent = await startSilentServer();
});
afterAll(async () => {
  await silent.close();
  await fake.close();
});

describe('OpenAiEmbedder', () => {
  it('returns unit vectors of the model’s own length', async () => {
    const embedder = new OpenAiEmbedder({ apiKey: 'test', baseURL: fake.baseURL, model: 'pandu-embed-uji' });
    const [a, b] = await embedder.embedDocuments(['inovasi daerah', 'bank sampah']);
    const q = await embedder.embedQuery('inovasi');
    for (const v of [a!, b!, q]) {
      expect(v).toHaveLength(16);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });

  it('gives up on a question after one attempt bounded by timeoutMs (LLM_TIMEOUT_MS), so retrieval can go on without it', async () => {
    const embedder = new OpenAiEmbedder({ apiKey: 'test', baseURL: silent.baseURL, model: 'pandu-embed-uji', timeoutMs: 300 });
    silent.requests = 0;
    await expect(embedder.embedQuery('brp lama evaluasi usulan inovasi?')).rejects.toThrow();
    expect(silent.requests).toBe(1);
  });
});
