import net from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { startSmallApp } from '../../fixtures/cli/small-knowledge.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../support/fake-openai.js';
import type { TestApp } from '../../support/test-app.js';
import { startEmbeddingsSwitch, type EmbeddingsSwitch } from '../support/embeddings-switch.js';

let fake: FakeOpenAi;
let embeddings: EmbeddingsSwitch;
let test: TestApp;

const openAiEnv = (baseURL: string) => ({
  OPENAI_BASE_URL: baseURL,
  OPENAI_API_KEY: 'test',
  OPENAI_MODEL: 'pandu-uji-mini',
  OPENAI_EMBEDDING_MODEL: 'pandu-embed-uji',
});

beforeAll(async () => {
  fake = await startFakeOpenAi();
  embeddings = await startEmbeddingsSwitch(fake.baseURL);
  test = await startSmallApp(openAiEnv(embeddings.baseURL));
});
afterAll(async () => {
  await test.close();
  await embeddings.close();
  await fake.close();
});
beforeEach(() => {
  embeddings.down = false;
  embeddings.refused = 0;
  fake.reply = 'Evaluasi paling lama sepuluh hari kerja [1].';
});

/** A logger whose records the test can read. */
function recordingLogger() {
  const records: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info', base: undefined }, { write: (line: string) => records.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, warnings: () => records.filter((r) => r.level === 40), infos: () => records.filter((r) => r.level === 30) };
}

describe('an embeddings outage while Pandu runs', () => {
  it('still answers with the model and cites the passage, from BM25 alone', async () => {
    expect(test.app.index().dense?.embedder.id).toBe('openai:pandu-embed-uji');
    embeddings.down = true;
    const answer = await test.app.answerer.answer('brp lama evaluasi usulan inovasi?');
    expect(embeddings.refused).toBeGreaterThan(0);
    expect(answer).toMatchObject({ kind: 'answer', via: 'llm', citations: ['PP 38/2017 Pasal 13 ayat (1)'] });
    expect(answer.text).toContain('Dasar:\n[1] PP 38/2017 Pasal 13 ayat (1)');
  });

  it('ranks and abstains exactly as BM25 alone does', async () => {
    embeddings.down = true;
    const hybrid = new Retriever(test.app.index());
    const bm25 = new Retriever(test.app.index(), { mode: 'bm25' });
    for (const question of ['poin sampah sy bisa dituker jadi apa aja?', 'berapa gaji PPPK?']) {
      const [during, lexical] = await Promise.all([hybrid.search(question, 5), bm25.search(question, 5)]);
      expect(during).toEqual(lexical);
    }
    expect((await hybrid.search('berapa gaji PPPK?', 5)).abstain).toBe(true);
  });

  it('is logged once when it starts and once when it ends, not on every question', async () => {
    const { logger, warnings, infos } = recordingLogger();
    const retriever = new Retriever(test.app.index(), { logger });
    embeddings.down = true;
    for (let i = 0; i < 3; i += 1) await retriever.search('brp lama evaluasi usulan inovasi?', 5);
    expect(warnings().map((r) => r.msg)).toEqual(['dense retrieval failed; answering from BM25 alone until it works again']);
    embeddings.down = false;
    const { hits } = await retriever.search('brp lama evaluasi usulan inovasi?', 5);
    expect(hits.some((h) => h.similarity > 0)).toBe(true);
    expect(infos().map((r) => r.msg)).toEqual(['dense retrieval works again']);
    embeddings.down = true;
    await retriever.search('brp lama evaluasi usulan inovasi?', 5);
    expect(warnings()).toHaveLength(2);
  });
});

describe('an embeddings outage at start-up', () => {
  it('still builds a working app on the lexical index, and the next reload builds the dense half', async () => {
    embeddings.down = true;
    const cold = await startSmallApp(openAiEnv(embeddings.baseURL));
    try {
      expect(embeddings.refused).toBeGreaterThan(0);
      expect(cold.app.index().dense).toBeUndefined();
      const answer = await cold.app.answerer.answer('brp lama evaluasi usulan inovasi?');
      expect(answer).toMatchObject({ kind: 'answer', via: 'llm', citations: ['PP 38/2017 Pasal 13 ayat (1)'] });
      embeddings.down = false;
      await cold.app.reloadIndex();
      expect((await cold.app.index().dense!.vectors()).size).toBe(11);
    } finally {
      await cold.close();
    }
  });

  it('still builds a working app when nothing listens at OPENAI_BASE_URL, answering without the model', async () => {
    const cold = await startSmallApp(openAiEnv(`http://127.0.0.1:${await closedPort()}/v1`));
    try {
      expect(cold.app.index().dense).toBeUndefined();
      const answer = await cold.app.answerer.answer('brp lama evaluasi usulan inovasi?');
      expect(answer).toMatchObject({ kind: 'answer', via: 'extractive' });
      expect(answer.citations[0]).toBe('PP 38/2017 Pasal 13 ayat (1)');
    } finally {
      await cold.close();
    }
  });
});

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
