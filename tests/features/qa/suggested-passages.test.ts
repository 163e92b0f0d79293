import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../../src/core/messages.js';
import { SUGGEST_FROM, suggestedPassages } from '../../../src/features/qa/suggested-passages.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import type { Answer } from '../../../src/knowledge/answer/answer.js';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import { renderNumberedChoices } from '../../../src/channels/render/numbered-choices.js';
import { startBotUnderTest } from '../../channels/telegram/harness.js';
import { startSmallApp } from '../../fixtures/cli/small-knowledge.js';
import { callbackUpdate, messageUpdate } from '../../support/fake-telegram.js';
import { PROJECT_ROOT } from '../../support/test-app.js';
import type { TestApp } from '../../support/test-app.js';

const { t } = loadTranslator(`${PROJECT_ROOT}/locales`);

function chunk(id: string, citation: string, topic?: string): IndexedChunk {
  return { id, citation, topic, text: `Isi ${citation}.` } as IndexedChunk;
}

function refused(confidence: number, chunks: IndexedChunk[]): Answer {
  const hits = chunks.map((c, i) => ({ chunk: c, score: 1 - i / 10, bm25: 1, similarity: 0 }));
  return { kind: 'not_found', text: t('qa.not_found'), citations: [], hits, confidence, via: 'none' };
}

describe('suggestedPassages', () => {
  const chunks = [
    chunk('c1', 'PP 38/2017 Pasal 16 ayat (3)', 'kelonggaran tata laksana selama uji coba inovasi daerah di perangkat daerah'),
    chunk('c2', 'PP 38/2017 Pasal 16 ayat (3)', 'the same article again, from an FAQ'),
    chunk('c3', 'PP 38/2017 Pasal 16 ayat (2)', 'laboratorium uji coba'),
    chunk('c4', 'PP 38/2017 Pasal 17 ayat (1)'),
    chunk('c5', 'PP 38/2017 Pasal 18 ayat (1)', 'hasil uji coba'),
  ];

  it('offers the first three passages with different citations, as qa choices, when the refusal is in the grey zone', () => {
    const offered = suggestedPassages(refused(SUGGEST_FROM, chunks), 'qa', t);
    expect(offered.map((c) => c.id)).toEqual(['qa:p:c1', 'qa:p:c3', 'qa:p:c4']);
    expect(offered[1]!.label).toBe('PP 38/2017 Pasal 16 ayat (2): laboratorium uji coba');
    expect(offered[2]!.label).toBe('PP 38/2017 Pasal 17 ayat (1)');
    // A long topic is cut at a word, so the label stays on one line.
    expect(offered[0]!.label.length).toBeLessThanOrEqual(72);
    expect(offered[0]!.label).toMatch(/^PP 38\/2017 Pasal 16 ayat \(3\): kelonggaran tata laksana .*…$/);
  });

  it('offers nothing below the grey zone (a rule refusal, a question sharing little with the base) or for an answer', () => {
    expect(suggestedPassages(refused(SUGGEST_FROM - 0.01, chunks), 'qa', t)).toEqual([]);
    expect(suggestedPassages(refused(0, chunks), 'qa', t)).toEqual([]);
    expect(suggestedPassages({ ...refused(0.9, chunks), kind: 'answer' }, 'qa', t)).toEqual([]);
  });

  it('leaves out a passage whose id would not fit a choice instead of failing the reply', () => {
    const offered = suggestedPassages(refused(0.4, [chunk('x'.repeat(70), 'Pasal 1'), chunk('ok', 'Pasal 2')]), 'qa', t);
    expect(offered.map((c) => c.id)).toEqual(['qa:p:ok']);
  });
});

/**
 * Through the router of the real app, on the small knowledge base with the abstention threshold raised to
 * 0.9, so a question it would answer (confidence about 0.5) is refused inside the grey zone.
 */
describe('a refused question in the grey zone, on WhatsApp and Telegram', () => {
  let test: TestApp;
  let n = 0;
  beforeAll(async () => {
    test = await startSmallApp({ RETRIEVAL_MIN_CONFIDENCE: '0.9' });
  });
  afterAll(async () => {
    await test.close();
  });
  const send = (msg: Partial<IncomingMessage>) =>
    test.app.router.handle({ channel: 'whatsapp', senderId: '6281234', messageId: `m${(n += 1)}`, ...msg });
  const QUESTION = 'kalau poin sampah saya hilang karena aplikasinya error, ganti rugi ke siapa ya?';

  it('says plainly that the base has no answer, then offers the closest passages; a typed number shows one, cited', async () => {
    const [refusal] = await send({ text: QUESTION });
    expect(refusal!.text).toContain('tidak ditemukan dalam basis pengetahuan');
    expect(refusal!.text).toContain('belum tentu menjawabnya');
    const offered = refusal!.choices ?? [];
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.every((c) => c.id.startsWith('qa:p:'))).toBe(true);
    expect(renderNumberedChoices(refusal!.text, offered, t)).toContain(`1. ${offered[0]!.label}`);

    const [second] = await send({ text: '2' });
    const citation = offered[1]!.label.split(':')[0]!;
    expect(second!.text).toContain(`Dasar: ${citation}`);
    expect(second!.text).not.toContain('tidak ditemukan');
    // The same menu again, so another number can still be read.
    expect(second!.choices?.map((c) => c.id)).toEqual(offered.map((c) => c.id));
    const [first] = await send({ text: '1' });
    expect(first!.text).toContain(`Dasar: ${offered[0]!.label.split(':')[0]}`);
  });

  it('shows the passage when its button is pressed (Telegram), and says so when the passage is gone', async () => {
    const [refusal] = await send({ channel: 'telegram', senderId: '777', text: QUESTION });
    const picked = refusal!.choices![0]!;
    const [shown] = await send({ channel: 'telegram', senderId: '777', choiceId: picked.id });
    expect(shown!.text).toContain(`Dasar: ${picked.label.split(':')[0]}`);
    const [gone] = await send({ channel: 'telegram', senderId: '777', choiceId: 'qa:p:no-such-chunk' });
    expect(gone!.text).toBe(t('qa.suggested_gone'));
  });

  it('reaches Telegram as buttons through the Bot API, and a pressed button brings the passage', async () => {
    const bot = await startBotUnderTest((msg) => test.app.router.handle(msg));
    try {
      bot.fake.pushUpdate(messageUpdate(QUESTION));
      await bot.fake.waitForCount('sendMessage', 1);
      const [menu] = bot.fake.callsOf('sendMessage');
      const keyboard = (menu!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> })
        .inline_keyboard;
      const buttons = keyboard.flat();
      expect(buttons.length).toBeGreaterThanOrEqual(2);
      expect(buttons.every((b) => b.callback_data.startsWith('qa:p:'))).toBe(true);
      bot.fake.pushUpdate(callbackUpdate(buttons[0]!.callback_data));
      await bot.fake.waitForCount('sendMessage', 2);
      expect(bot.fake.sentTexts()[1]).toContain(`Dasar: ${buttons[0]!.text.split(':')[0]}`);
    } finally {
      await bot.stop();
    }
  });

  it('offers nothing inside another flow that passed the question on, whose menu keeps the numbers typed next', async () => {
    const who = { channel: 'whatsapp' as const, senderId: '6281235' };
    await send({ ...who, text: '/profil' });
    const replies = await send({ ...who, text: QUESTION });
    expect(replies[0]!.text).toContain('tidak ditemukan');
    expect(replies.flatMap((r) => r.choices ?? []).filter((c) => c.id.startsWith('qa:'))).toEqual([]);
  });

  it('offers nothing in a group, where the choices could not be picked', async () => {
    const [reply] = await send({ channel: 'telegram', senderId: '778', text: QUESTION, conversation: 'group' });
    expect(reply!.text).toContain('tidak ditemukan');
    expect(reply!.choices ?? []).toEqual([]);
  });
});
