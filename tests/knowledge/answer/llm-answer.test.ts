import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmAnswerer } from '../../../src/knowledge/answer/llm-answer.js';
import { messageText } from '../../../src/llm/chat-model.js';
import { startSmallApp } from '../../fixtures/cli/small-knowledge.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../support/fake-openai.js';
import { PROJECT_ROOT, type TestApp } from '../../support/test-app.js';
import { startSilentServer } from '../support/silent-server.js';

let fake: FakeOpenAi;
let test: TestApp;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  test = await startSmallApp({
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_API_KEY: 'test',
    OPENAI_MODEL: 'pandu-uji-mini',
  });
});
afterAll(async () => {
  await test.close();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.failNext(0);
});

const ask = (question: string) => test.app.answerer.answer(question);
const chatRequests = () => fake.requests.filter((r) => r.url.endsWith('/chat/completions'));
type Message = { role: string; content: string };
const messagesOf = (i = 0) => chatRequests()[i]!.body.messages as Message[];

describe('Answerer with an OpenAI-compatible model', () => {
  it('returns the model’s answer with the citations of the passages it used', async () => {
    fake.reply = 'Poin bisa ditukar dengan token listrik, pulsa, atau potongan tagihan air [1].';
    const answer = await ask('poin sampah sy bisa dituker jadi apa aja?');
    expect(answer).toMatchObject({ kind: 'answer', via: 'llm', citations: ['Perwal Lestari 12/2023 Pasal 5 ayat (1)'] });
    expect(answer.text).toBe(
      'Poin bisa ditukar dengan token listrik, pulsa, atau potongan tagihan air [1].\n\nDasar:\n[1] Perwal Lestari 12/2023 Pasal 5 ayat (1)',
    );
  });

  it('says first how retrieval read an acronym the base never writes, and asks the model the question as typed', async () => {
    fake.reply = 'Pengelolanya Perangkat Daerah yang membidangi lingkungan hidup [1].';
    const answer = await ask('BSD dikelola oleh siapa?');
    expect(answer).toMatchObject({ kind: 'answer', via: 'llm' });
    expect(answer.text.startsWith('(Singkatan dalam pertanyaan saya baca sesuai sebutan di peraturan: BSD = bank sampah digital.')).toBe(true);
    expect(answer.text).toContain('\n\nPengelolanya Perangkat Daerah yang membidangi lingkungan hidup [1].\n\nDasar:\n[1] ');
    expect(messagesOf().at(-1)!.content).toContain('BSD dikelola oleh siapa?');
  });

  it('lists only the passages the model actually marked, in the order it used them', async () => {
    const question = 'poin sampah sy bisa dituker jadi apa aja?';
    await ask(question);
    const context = messagesOf()[1]!.content;
    const second = /\[2\] (.+)\n/.exec(context)![1]!;
    fake.reply = 'Poin berlaku dua belas bulan [2]; penukarannya lewat aplikasi [1].';
    const answer = await ask(question);
    expect(answer.citations).toEqual([second, 'Perwal Lestari 12/2023 Pasal 5 ayat (1)']);
    expect(answer.text).toContain(`Dasar:\n[2] ${second}\n[1] Perwal Lestari 12/2023 Pasal 5 ayat (1)`);
  });

  it('sends the configured model, the system prompt from prompts/qa-system.md and the numbered passages', async () => {
    fake.reply = 'Jawaban [1].';
    await ask('brp lama evaluasi usulan inovasi?');
    expect(chatRequests()).toHaveLength(1);
    const { body } = chatRequests()[0]!;
    expect(body.model).toBe('pandu-uji-mini');
    expect(body.temperature).toBe(0);
    const [system, user] = messagesOf();
    expect(system).toEqual({ role: 'system', content: fs.readFileSync(path.join(PROJECT_ROOT, 'prompts/qa-system.md'), 'utf8').trim() });
    expect(user!.role).toBe('user');
    expect(user!.content).toContain('[1] PP 38/2017 Pasal 13 ayat (1)\nUsulan Inovasi Daerah dievaluasi oleh tim');
    for (const n of [1, 2, 3, 4, 5]) expect(user!.content).toMatch(new RegExp(`^\\[${n}\\] \\S`, 'm'));
    expect(user!.content).not.toMatch(/^\[6\]/m);
    expect(user!.content).toContain('Pertanyaan: brp lama evaluasi usulan inovasi?');
  });

  it('passes the question to the model verbatim, even with "$" patterns that String.replace would expand', async () => {
    fake.reply = 'Jawaban [1].';
    const question = "brp lama evaluasi usulan inovasi? biayanya $& atau $' ?";
    await ask(question);
    expect(messagesOf()[1]!.content).toContain(`Pertanyaan: ${question}\n`);
  });

  it('tells the model which passages are practice notes', async () => {
    fake.reply = 'Data diunggah melalui aplikasi Kemendagri [1].';
    const answer = await ask('cara lapor IID gmn');
    expect(messagesOf()[1]!.content).toContain('[1] IID 2023 (Kemendagri) (catatan praktik)\n');
    expect(answer.text).toContain('[1] IID 2023 (Kemendagri) (catatan praktik, bukan bunyi peraturan)');
  });

  it('repairs a named Pasal with the wrong ayat, removes one outside its context, and drops an unknown marker', async () => {
    fake.reply = 'Menurut Pasal 5 ayat (3), poin ditukar lewat aplikasi [1][9]. Hal ini juga diatur UU 23/2014 Pasal 388 ayat (7).';
    const answer = await ask('poin sampah sy bisa dituker jadi apa aja?');
    expect(answer.via).toBe('llm');
    expect(answer.text).toContain('Menurut Perwal Lestari 12/2023 Pasal 5 ayat (1), poin ditukar lewat aplikasi [1].');
    expect(answer.text).toContain('Hal ini juga diatur ketentuan terkait.');
    expect(answer.text).not.toContain('[9]');
    expect(answer.text).not.toContain('Pasal 388');
    expect(answer.citations).toEqual(['Perwal Lestari 12/2023 Pasal 5 ayat (1)']);
  });

  it('cites the best passage when the model used no markers', async () => {
    fake.reply = 'Evaluasi paling lama sepuluh hari kerja.';
    const answer = await ask('brp lama evaluasi usulan inovasi?');
    expect(answer.citations).toEqual(['PP 38/2017 Pasal 13 ayat (1)']);
    expect(answer.text.endsWith('Dasar:\n[1] PP 38/2017 Pasal 13 ayat (1)')).toBe(true);
  });

  it('turns the model’s TIDAK_DITEMUKAN into the not-found answer', async () => {
    fake.reply = 'TIDAK_DITEMUKAN';
    const answer = await ask('brp lama evaluasi usulan inovasi?');
    expect(answer).toMatchObject({ kind: 'not_found', via: 'llm', citations: [] });
    expect(answer.text).toContain('tidak ditemukan dalam basis pengetahuan');
  });

  it('does not ask the model at all when the knowledge base does not cover the question', async () => {
    const answer = await ask('berapa gaji PPPK?');
    expect(answer).toMatchObject({ kind: 'not_found', via: 'none' });
    expect(chatRequests()).toHaveLength(0);
  });

  it('falls back to the extractive answer with an Indonesian note when the model fails', async () => {
    fake.failNext(5, 500);
    const answer = await ask('brp lama evaluasi usulan inovasi?');
    expect(answer).toMatchObject({ kind: 'answer', via: 'extractive' });
    expect(answer.llmError).toBeTruthy();
    expect(answer.text.startsWith('(Layanan AI sedang tidak tersedia; jawaban berikut disusun langsung dari basis pengetahuan.)\n\nUsulan Inovasi Daerah dievaluasi')).toBe(true);
    expect(answer.citations[0]).toBe('PP 38/2017 Pasal 13 ayat (1)');
    expect(answer.text).toMatch(/\nDasar: PP 38\/2017 Pasal 13 ayat \(1\)/);
    expect(chatRequests().length).toBeGreaterThanOrEqual(1);
  });

  it('asks the model once per question: a failed call is not retried, so LLM_TIMEOUT_MS bounds the wait', async () => {
    fake.failNext(1, 500);
    const answer = await ask('brp lama evaluasi usulan inovasi?');
    expect(answer).toMatchObject({ kind: 'answer', via: 'extractive' });
    expect(chatRequests()).toHaveLength(1);
  });
});

describe('the model call', () => {
  it('gives up after timeoutMs (LLM_TIMEOUT_MS) with a single attempt when the model does not answer', async () => {
    const silent = await startSilentServer();
    try {
      const llm = new LlmAnswerer({ apiKey: 'test', baseURL: silent.baseURL, model: 'pandu-uji-mini', timeoutMs: 300 }, path.join(PROJECT_ROOT, 'prompts'));
      const hits = (await test.app.answerer.answer('brp lama evaluasi usulan inovasi?')).hits;
      await expect(llm.draft('brp lama evaluasi usulan inovasi?', hits)).rejects.toThrow();
      expect(silent.requests).toBe(1);
    } finally {
      await silent.close();
    }
  });

  it('reads the reply text whether the server sends a string or a list of parts', () => {
    expect(messageText({ content: 'Jawaban [1].' })).toBe('Jawaban [1].');
    expect(
      messageText({
        content: [
          { type: 'text', text: 'Jawaban ' },
          { type: 'image_url', image_url: 'data:image/png;base64,AAAA' },
          { type: 'text', text: '[1].' },
        ],
      }),
    ).toBe('Jawaban [1].');
  });
});
