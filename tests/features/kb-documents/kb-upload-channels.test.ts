import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningChannel } from '../../../src/channels/channel.js';
import { startChannels } from '../../../src/channels/start-channels.js';
import { startSmallApp } from '../../fixtures/cli/small-knowledge.js';
import { ALICE, callbackUpdate, FAKE_TOKEN, messageUpdate, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import type { TestApp } from '../../support/test-app.js';
import { startHarness, type Harness } from '../../channels/whatsapp/adapter-harness.js';
import { fakeMessage } from '../../channels/whatsapp/fake-wa-client.js';
import { regulationDocx, WAIT_ANSWER, WAIT_QUESTION } from './support/regulation-files.js';

const BOB = { id: 777, is_bot: false, first_name: 'Bowo' } as const;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('/kb_tambah on Telegram (real grammY bot, local fake Bot API)', () => {
  let fake: FakeTelegram;
  let test: TestApp;
  let channels: RunningChannel[];

  beforeAll(async () => {
    fake = await startFakeTelegram();
    test = await startSmallApp({
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      ADMIN_TELEGRAM_IDS: String(ALICE.id),
      RATE_LIMIT_PER_MINUTE: '0',
    });
    channels = (await startChannels(test.app)).running;
  });
  afterAll(async () => {
    await Promise.all(channels.map((c) => c.stop()));
    await fake.close();
    await test.close();
  });

  /** Sends one update and returns the sendMessage calls Pandu made in answer. */
  async function send(update: Parameters<FakeTelegram['pushUpdate']>[0]) {
    const before = fake.callsOf('sendMessage').filter((c) => c.status === 200).length;
    fake.pushUpdate(update);
    const calls = await fake.waitForCount('sendMessage', before + 1, 20_000);
    return calls.slice(before);
  }

  function documentMessage(fileId: string, caption: string | undefined, from = ALICE, size?: number) {
    return messageUpdate(undefined, {
      from,
      extra: {
        document: {
          file_id: fileId,
          file_unique_id: `u-${fileId}`,
          file_name: 'perbup-7-2024.docx',
          mime_type: DOCX_MIME,
          ...(size ? { file_size: size } : {}),
        },
        ...(caption ? { caption, caption_entities: [{ type: 'bot_command', offset: 0, length: caption.length }] } : {}),
      },
    });
  }

  it('downloads a DOCX sent with /kb_tambah as caption, previews it with buttons, and answers from it once confirmed', async () => {
    fake.addFile('doc-v1', await regulationDocx(1));
    const [preview] = await send(documentMessage('doc-v1', '/kb_tambah'));
    expect(String(preview!.payload.text)).toContain('Perbup Contoh 7/2024 Pasal 1 angka 1');
    expect(fake.callsOf('getFile').map((c) => c.payload.file_id)).toContain('doc-v1');
    const keyboard = (
      preview!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard.flat();
    const confirm = keyboard.find((b) => b.callback_data.startsWith('kbdoc:ok:'))!;

    const [done] = await send(callbackUpdate(confirm.callback_data));
    expect(String(done!.payload.text)).toContain('Dokumen aktif');
    const [answer] = await send(messageUpdate(WAIT_QUESTION, { from: BOB }));
    expect(String(answer!.payload.text)).toContain(WAIT_ANSWER[1]);
    expect(String(answer!.payload.text)).toContain('Perbup Contoh 7/2024 Pasal 3');
  });

  it('refuses the upload of someone who is not an admin without downloading it', async () => {
    fake.addFile('doc-bob', await regulationDocx(2));
    const [reply] = await send(documentMessage('doc-bob', '/kb_tambah', BOB));
    expect(String(reply!.payload.text)).toContain('perintah ini hanya untuk admin');
    expect(fake.callsOf('getFile').map((c) => c.payload.file_id)).not.toContain('doc-bob');
  });

  it('takes the document a /kb_tambah reply points at, as a new version of the regulation', async () => {
    fake.addFile('doc-v2', await regulationDocx(2));
    const original = documentMessage('doc-v2', undefined).message!;
    const [preview] = await send(messageUpdate('/kb_tambah', { replyTo: original }));
    expect(String(preview!.payload.text)).toContain('versi 2 dari');
    const keyboard = (preview!.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard.flat();
    await send(callbackUpdate(keyboard.find((b) => b.callback_data.startsWith('kbdoc:ok:'))!.callback_data));
    const [answer] = await send(messageUpdate(WAIT_QUESTION, { from: BOB }));
    expect(String(answer!.payload.text)).toContain(WAIT_ANSWER[2]);
    expect(String(answer!.payload.text)).not.toContain(WAIT_ANSWER[1]);
  });

  it('says plainly that Telegram does not let bots download files over 20 MB', async () => {
    const [reply] = await send(documentMessage('doc-huge', '/kb_tambah', ALICE, 25 * 1024 * 1024));
    expect(String(reply!.payload.text)).toContain('20 MB');
    expect(fake.callsOf('getFile').map((c) => c.payload.file_id)).not.toContain('doc-huge');
  });
});

describe('/kb_tambah on WhatsApp (fake whatsapp-web.js client)', () => {
  const ADMIN = '628111222333@c.us';
  const OTHER = '628444555666@c.us';
  let test: TestApp;
  let h: Harness;

  beforeAll(async () => {
    test = await startSmallApp({ ADMIN_WHATSAPP_NUMBERS: '628111222333', RATE_LIMIT_PER_MINUTE: '0' });
    h = startHarness({ handle: (msg) => test.app.router.handle(msg) });
  });
  afterAll(async () => {
    await h.cleanup();
    await test.close();
  });

  async function exchange(message: ReturnType<typeof fakeMessage>): Promise<string> {
    const before = h.client.sent.length;
    h.client.emit('message', message);
    await vi.waitFor(() => expect(h.client.sent.length).toBeGreaterThan(before), { timeout: 20_000, interval: 20 });
    return h.client.texts().slice(before).join('\n');
  }

  function documentFrom(from: string, bytes: Buffer, caption: string) {
    return fakeMessage({
      from,
      type: 'document',
      hasMedia: true,
      body: caption,
      _data: { filename: 'perbup-7-2024.docx', mimetype: DOCX_MIME, size: bytes.length },
      downloadMedia: async () => ({ mimetype: DOCX_MIME, data: bytes.toString('base64'), filename: 'perbup-7-2024.docx' }),
    });
  }

  it('previews a captioned DOCX as a numbered menu, and a typed "1" makes it live', async () => {
    const preview = await exchange(documentFrom(ADMIN, await regulationDocx(1), '/kb_tambah'));
    expect(preview).toContain('Perbup Contoh 7/2024');
    expect(preview).toMatch(/1\. ✅ Aktifkan/);
    expect(await exchange(fakeMessage({ from: ADMIN, body: '1' }))).toContain('Dokumen aktif');
    const answer = await exchange(fakeMessage({ from: OTHER, body: WAIT_QUESTION }));
    expect(answer).toContain(WAIT_ANSWER[1]);
  });

  it('takes the document a /kb_tambah reply quotes', async () => {
    const bytes = await regulationDocx(2);
    const quoted = documentFrom(ADMIN, bytes, '');
    const reply = fakeMessage({
      from: ADMIN,
      body: '/kb_tambah',
      hasQuotedMsg: true,
      _data: { quotedMsg: { type: 'document', filename: 'perbup-7-2024-perubahan.docx', mimetype: DOCX_MIME, size: bytes.length } },
      getQuotedMessage: async () => quoted,
    });
    expect(await exchange(reply)).toContain('versi 2 dari');
  });

  it('refuses a non-admin upload politely', async () => {
    const reply = await exchange(documentFrom(OTHER, await regulationDocx(2), '/kb_tambah'));
    expect(reply).toContain('perintah ini hanya untuk admin');
    expect(await test.app.db.kbUpload.count({ where: { user: { identities: { some: { externalId: OTHER } } } } })).toBe(0);
  });
});
