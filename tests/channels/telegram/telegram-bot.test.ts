import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, Reply } from '../../../src/core/messages.js';
import { ALICE, callbackUpdate, FAKE_TOKEN, groupChat, messageUpdate, type ApiCall } from '../../support/fake-telegram.js';
import { sleep, startBotUnderTest, translator, type BotUnderTest } from './harness.js';

const BOB = { id: 502, is_bot: false, first_name: 'Bayu' };
const echo = async (msg: IncomingMessage): Promise<Reply[]> => [
  { text: `Anda menulis: ${msg.text ?? msg.choiceId ?? msg.unsupported ?? ''}` },
];

let current: BotUnderTest | undefined;
async function start(...args: Parameters<typeof startBotUnderTest>): Promise<BotUnderTest> {
  current = await startBotUnderTest(...args);
  return current;
}
afterEach(async () => {
  await current?.stop();
  current = undefined;
});

const keyboardOf = (call: ApiCall) => (call.payload.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;

describe('the Telegram bot against a fake Bot API', () => {
  it('publishes the command menu from the registry and removes a leftover webhook at start', async () => {
    const { fake } = await start(echo);
    const shared = [
      { command: 'tanya', description: 'Tanya aturan inovasi daerah' },
      { command: 'bantuan', description: 'Daftar perintah' },
    ];
    // Personal commands only where they work: private chats. Groups and the default scope get the rest.
    expect(fake.commandMenus()).toEqual({
      default: shared,
      all_private_chats: [...shared, { command: 'hubungkan', description: 'Hubungkan akun Telegram dan WhatsApp' }],
      all_group_chats: shared,
    });
    expect(fake.callsOf('setMyCommands')).toHaveLength(3);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
  });

  it('starts, and still sets the other menus, when Telegram refuses one command menu', async () => {
    const bot = await start(echo, {
      beforeLaunch: (fake) => fake.failNext('setMyCommands', 1, 400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID'),
    });
    bot.fake.pushUpdate(messageUpdate('halo'));
    await bot.fake.waitForCount('sendMessage', 1);
    expect(bot.logs.join('\n')).toContain('command menu not set');
    expect(Object.keys(bot.fake.commandMenus())).toHaveLength(2);
  });

  it('treats free text as a question and replies in plain text, without "typing" for a quick answer', async () => {
    const { fake, received } = await start(echo);
    fake.pushUpdate(messageUpdate('Apa itu inovasi daerah?'));
    const [sent] = await fake.waitForCount('sendMessage', 1);
    expect(received[0]).toMatchObject({
      channel: 'telegram',
      text: 'Apa itu inovasi daerah?',
      conversation: 'private',
      senderId: String(ALICE.id),
    });
    expect(sent!.payload).toMatchObject({ chat_id: ALICE.id, text: 'Anda menulis: Apa itu inovasi daerah?' });
    expect(sent!.payload).not.toHaveProperty('parse_mode');
    await sleep(50);
    expect(fake.callsOf('sendChatAction')).toEqual([]);
  });

  it('sends *word* as bold entities without asterisks, still without parse_mode', async () => {
    const { fake } = await start(async () => [{ text: '✅ Tersimpan. Ketik *lanjut* bila selesai.' }]);
    fake.pushUpdate(messageUpdate('jawaban saya'));
    const [sent] = await fake.waitForCount('sendMessage', 1);
    expect(sent!.payload).toMatchObject({
      text: '✅ Tersimpan. Ketik lanjut bila selesai.',
      entities: [{ type: 'bold', offset: 19, length: 6 }],
    });
    expect(sent!.payload).not.toHaveProperty('parse_mode');
  });

  it('keeps message text and phone numbers out of its logs, even when handling fails', async () => {
    const { fake, logs } = await start(async () => {
      throw new Error('core down');
    });
    fake.failNext('sendMessage', 1, 400, 'Bad Request: message is too long');
    fake.pushUpdate(messageUpdate('nomor saya 081234567890, tolong hubungi'));
    fake.pushUpdate(messageUpdate(undefined, { extra: { contact: { phone_number: '+6281298765432', first_name: 'Siti' } } }));
    // The first answer is refused (400) and replaced by an apology; the contact gets the apology too.
    await fake.waitForCount('sendMessage', 2);
    const log = logs.join('\n');
    expect(log).toContain('message handling failed');
    expect(log).toContain('telegram update failed');
    for (const secret of ['081234567890', '6281298765432', 'tolong hubungi']) expect(log).not.toContain(secret);
  });

  it('shows a menu as an inline keyboard and passes a button press to the core as a choice, answering the query', async () => {
    const { fake, received } = await start(async (msg) => {
      if (msg.choiceId) return [{ text: `Pilihan diterima: ${msg.choiceId}` }];
      return [
        {
          text: 'Mau lanjut?',
          choices: [
            { id: 'demo:ya', label: 'Ya, lanjut' },
            { id: 'demo:tidak', label: 'Tidak' },
          ],
        },
      ];
    });
    fake.pushUpdate(messageUpdate('menu'));
    const [menu] = await fake.waitForCount('sendMessage', 1);
    expect(keyboardOf(menu!)).toEqual([
      [{ text: 'Ya, lanjut', callback_data: 'demo:ya' }],
      [{ text: 'Tidak', callback_data: 'demo:tidak' }],
    ]);

    const press = callbackUpdate('demo:ya');
    fake.pushUpdate(press);
    await fake.waitForCount('sendMessage', 2);
    expect(fake.callsOf('answerCallbackQuery')[0]?.payload).toMatchObject({ callback_query_id: press.callback_query!.id });
    expect(received[1]).toMatchObject({ choiceId: 'demo:ya', messageId: `callback:${press.callback_query!.id}` });
    expect(fake.sentTexts()[1]).toBe('Pilihan diterima: demo:ya');
  });

  it('answers a button press even when handling it fails', async () => {
    const { fake } = await start(async () => {
      throw new Error('core down');
    });
    fake.pushUpdate(callbackUpdate('demo:ya'));
    await fake.waitForCall('answerCallbackQuery');
    await fake.waitForCount('sendMessage', 1);
    expect(fake.sentTexts()).toEqual([translator.t('telegram.error')]);
  });

  it('splits a 5,000-character answer into two messages under 4096 characters, in order, with no word broken', async () => {
    const sentence = 'Evaluasi inovasi daerah dilakukan oleh tim yang dibentuk kepala daerah. ';
    const long = sentence
      .repeat(Math.ceil(5000 / sentence.length))
      .slice(0, 5000)
      .replace(/\s+\S*$/, '');
    expect(long.length).toBeGreaterThan(4900);
    const { fake } = await start(async () => [{ text: long, choices: [{ id: 'qa:lagi', label: 'Tanya lagi' }] }]);
    fake.pushUpdate(messageUpdate('jelaskan evaluasi'));
    const sent = await fake.waitForCount('sendMessage', 2);
    const texts = sent.map((c) => String(c.payload.text));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    expect(texts.join(' ').split(/\s+/)).toEqual(long.split(/\s+/));
    expect(keyboardOf(sent[0]!)).toBeUndefined();
    expect(keyboardOf(sent[1]!)).toEqual([[{ text: 'Tanya lagi', callback_data: 'qa:lagi' }]]);
  });

  it('waits the retry_after of a 429 and then delivers the reply', async () => {
    const { fake } = await start(echo);
    fake.rateLimitNext('sendMessage', 1, 1);
    fake.pushUpdate(messageUpdate('halo'));
    await fake.waitForCount('sendMessage', 1, 5_000);
    const [limited, delivered] = fake.callsOf('sendMessage');
    expect(limited?.status).toBe(429);
    expect(delivered?.status).toBe(200);
    expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(delivered?.payload.text).toBe('Anda menulis: halo');
  });

  it('delivers a reply through a short Bot API outage (5xx), retrying with back-off', async () => {
    const { fake } = await start(echo, { bot: { retry: { backoff: { baseMs: 20, maxMs: 20 } } } });
    fake.failNext('sendMessage', 2, 502, 'Bad Gateway');
    fake.pushUpdate(messageUpdate('halo'));
    await fake.waitForCount('sendMessage', 1);
    expect(fake.callsOf('sendMessage').map((c) => c.status)).toEqual([502, 502, 200]);
    expect(fake.sentTexts()).toEqual(['Anda menulis: halo']);
  });

  it('gives a reply up after four retries instead of retrying without end, and apologises', async () => {
    const { fake, logs } = await start(echo, { bot: { retry: { backoff: { baseMs: 10, maxMs: 10 } } } });
    fake.failNext('sendMessage', 5, 500, 'Internal Server Error');
    fake.pushUpdate(messageUpdate('halo'));
    await fake.waitForCount('sendMessage', 1);
    expect(fake.callsOf('sendMessage').map((c) => c.status)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(fake.sentTexts()).toEqual([translator.t('telegram.error')]);
    expect(logs.join('\n')).toContain('"error_code":500');
  });

  it('shows "typing" once an answer is slow, keeps it up while it is prepared and stops once it is sent', async () => {
    const { fake } = await start(
      async () => {
        await sleep(400);
        return [{ text: 'selesai' }];
      },
      { bot: { typingIntervalMs: 50, typingDelayMs: 100 } },
    );
    fake.pushUpdate(messageUpdate('pertanyaan sulit'));
    await sleep(60);
    expect(fake.callsOf('sendChatAction')).toEqual([]);
    await fake.waitForCount('sendMessage', 1);
    const [typing] = fake.callsOf('sendChatAction');
    expect(typing!.payload).toMatchObject({ chat_id: ALICE.id, action: 'typing' });
    // One more action may cross the reply on the wire; after that the chat must stay quiet.
    await sleep(60);
    const shown = fake.callsOf('sendChatAction').length;
    expect(shown).toBeGreaterThanOrEqual(3);
    await sleep(200);
    expect(fake.callsOf('sendChatAction')).toHaveLength(shown);
  });

  it('still replies when the chat action fails, without retrying the chat action', async () => {
    const { fake } = await start(echo, { bot: { typingDelayMs: 0 } });
    fake.failNext('sendChatAction', 1, 500, 'Internal Server Error');
    fake.pushUpdate(messageUpdate('halo'));
    await fake.waitForCount('sendMessage', 1);
    expect(fake.callsOf('sendChatAction')).toHaveLength(1);
  });

  it('apologises in Indonesian when the core fails, logs the fault without the token, and keeps serving', async () => {
    let calls = 0;
    const { fake, logs } = await start(async (msg) => {
      calls += 1;
      if (calls === 1) throw new Error(`boom ${FAKE_TOKEN}`);
      return echo(msg);
    });
    fake.pushUpdate(messageUpdate('pertama'));
    await fake.waitForCount('sendMessage', 1);
    expect(fake.sentTexts()[0]).toBe(translator.t('telegram.error'));
    fake.pushUpdate(messageUpdate('kedua'));
    await fake.waitForCount('sendMessage', 2);
    expect(fake.sentTexts()[1]).toBe('Anda menulis: kedua');
    expect(logs.join('\n')).toContain('message handling failed');
    expect(logs.join('\n')).not.toContain(FAKE_TOKEN);
  });

  it('logs a reply Telegram refuses, apologises, and keeps serving', async () => {
    const { fake, logs } = await start(echo);
    fake.failNext('sendMessage', 1, 400, 'Bad Request: message is too long');
    fake.pushUpdate(messageUpdate('pertama'));
    await fake.waitForCount('sendMessage', 1);
    expect(fake.sentTexts()).toEqual([translator.t('telegram.error')]);
    expect(logs.join('\n')).toContain('telegram update failed');
    fake.pushUpdate(messageUpdate('kedua'));
    await fake.waitForCount('sendMessage', 2);
  });

  it('apologises for rate limiting when Telegram asks for a longer pause than Pandu waits', async () => {
    const { fake } = await start(echo, { bot: { retry: { maxRetryAfterSeconds: 0 } } });
    fake.rateLimitNext('sendMessage', 1, 30);
    fake.pushUpdate(messageUpdate('halo'));
    await fake.waitForCount('sendMessage', 1);
    expect(fake.sentTexts()).toEqual([translator.t('telegram.rate_limited')]);
  });

  it('in a group answers only what is addressed to it, without the mention, quoting the question', async () => {
    const { fake, received } = await start(echo);
    const group = groupChat();
    fake.pushUpdate(messageUpdate('rapat jam 9 ya', { chat: group, from: BOB }));
    const question = messageUpdate('@PanduTestBot apa itu IID?', { chat: group });
    fake.pushUpdate(question);
    await fake.waitForCount('sendMessage', 1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ text: 'apa itu IID?', conversation: 'group' });
    expect(fake.callsOf('sendMessage')[0]?.payload).toMatchObject({
      chat_id: group.id,
      reply_parameters: { message_id: question.message!.message_id, allow_sending_without_reply: true },
    });
  });

  it('handles one chat in arrival order while other chats are answered meanwhile', async () => {
    const { fake } = await start(async (msg) => {
      if (msg.text === 'lambat') await sleep(300);
      return [{ text: `${msg.senderId}:${msg.text}` }];
    });
    fake.pushUpdate(messageUpdate('lambat'));
    fake.pushUpdate(messageUpdate('cepat'));
    fake.pushUpdate(messageUpdate('cepat', { from: BOB }));
    await fake.waitForCount('sendMessage', 3);
    expect(fake.sentTexts()).toEqual([`${BOB.id}:cepat`, `${ALICE.id}:lambat`, `${ALICE.id}:cepat`]);
  });

  it('uploads a document with its file name and caption', async () => {
    const data = Buffer.from('isi dokumen proposal');
    const { fake } = await start(async () => [
      {
        text: 'Draf Anda siap.',
        document: { fileName: 'proposal-inovasi.docx', mimeType: 'application/octet-stream', data, caption: 'Draf proposal' },
      },
    ]);
    fake.pushUpdate(messageUpdate('/unduh'));
    const upload = await fake.waitForCall('sendDocument');
    expect(upload.files).toEqual([{ field: 'document', fileName: 'proposal-inovasi.docx', size: data.length }]);
    expect(upload.payload).toMatchObject({ caption: 'Draf proposal' });
    expect(fake.sentTexts()).toEqual(['Draf Anda siap.']);
    expect(fake.calls.findIndex((c) => c.method === 'sendMessage')).toBeLessThan(fake.calls.indexOf(upload));
  });

  it('uploads a document whose name has a ";" or quotes under a name the multipart header keeps whole', async () => {
    const data = Buffer.from('isi surat');
    const { fake } = await start(async () => [
      { text: 'Surat terlampir.', document: { fileName: 'Surat Edaran; Inovasi "final".pdf', mimeType: 'application/pdf', data } },
    ]);
    fake.pushUpdate(messageUpdate('/unduh'));
    const upload = await fake.waitForCall('sendDocument');
    expect(upload.files).toEqual([{ field: 'document', fileName: "Surat Edaran, Inovasi 'final'.pdf", size: data.length }]);
  });

  it('lets the core download a document the person sent, through getFile and the file URL', async () => {
    const { fake } = await start(async (msg) => {
      const bytes = msg.file ? await msg.file.download() : Buffer.alloc(0);
      return [{ text: `${msg.file?.fileName}: ${bytes.toString()}` }];
    });
    fake.addFile('F-1', Buffer.from('isi berkas'));
    fake.pushUpdate(
      messageUpdate(undefined, {
        extra: { document: { file_id: 'F-1', file_unique_id: 'U-1', file_name: 'proposal.txt', file_size: 10 } },
      }),
    );
    await fake.waitForCount('sendMessage', 1);
    expect(fake.sentTexts()).toEqual(['proposal.txt: isi berkas']);
    expect(fake.callsOf('getFile')[0]?.payload).toMatchObject({ file_id: 'F-1' });
  });

  it('logs, and leaves the rest of Pandu running, when Telegram stops accepting its polls (a revoked token)', async () => {
    const bot = await start(echo, { beforeLaunch: (fake) => fake.failNext('getUpdates', 1, 401, 'Unauthorized') });
    for (let waited = 0; !bot.logs.join('').includes('telegram polling stopped'); waited += 10) {
      if (waited > 5_000) throw new Error('polling failure not logged');
      await sleep(10);
    }
    expect(bot.logs.join('\n')).toContain('"error_code":401');
    expect(bot.logs.join('\n')).not.toContain(FAKE_TOKEN);
  });

  it("gives up a Bot API call that hangs and sends again, so the chat is not held for grammY's 500 s", async () => {
    const bot = await start(echo, { bot: { requestTimeoutSeconds: 1, retry: { backoff: { baseMs: 10, maxMs: 10 } } } });
    bot.fake.stallNext('sendMessage', 1);
    bot.fake.pushUpdate(messageUpdate('halo'));
    await bot.fake.waitForCount('sendMessage', 1, 5_000);
    const sends = bot.fake.callsOf('sendMessage');
    expect(sends.map((c) => c.status)).toEqual([0, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('gives up downloading a file that hangs, so the core can say so', async () => {
    const { fake } = await start(
      async (msg) => {
        const outcome = await msg.file!.download().then(
          () => 'terunduh',
          (error: unknown) => `gagal: ${(error as Error).name}`,
        );
        return [{ text: outcome }];
      },
      { bot: { downloadTimeoutMs: 300 } },
    );
    fake.addFile('F-2', Buffer.from('isi'));
    fake.stallNext('file', 1);
    fake.pushUpdate(
      messageUpdate(undefined, { extra: { document: { file_id: 'F-2', file_unique_id: 'U-2', file_name: 'bukti.pdf', file_size: 3 } } }),
    );
    await fake.waitForCount('sendMessage', 1, 5_000);
    expect(fake.sentTexts()).toEqual(['gagal: TimeoutError']);
  });

  it('polls on after another getUpdates for the bot cut its poll short (409), saying so once, and answers what comes next', async () => {
    const bot = await start(echo, {
      bot: { reconnect: { baseMs: 20, maxMs: 50 } },
      beforeLaunch: (fake) => fake.failNext('getUpdates', 3, 409, 'Conflict: terminated by other getUpdates request'),
    });
    bot.fake.pushUpdate(messageUpdate('masih di sana?'));
    await bot.fake.waitForCount('sendMessage', 1);
    expect(bot.fake.sentTexts()).toEqual(['Anda menulis: masih di sana?']);
    const log = bot.logs.join('\n');
    expect(log).not.toContain('telegram polling stopped');
    expect(log.match(/Another getUpdates request for this bot cut polling short/g)).toHaveLength(1);
    expect(log).toContain('"error_code":409');
  });

  it('finishes the reply in hand when stopped and confirms the handled updates to Telegram', async () => {
    const bot = await startBotUnderTest(
      async () => {
        await sleep(200);
        return [{ text: 'selesai' }];
      },
      { bot: { typingDelayMs: 0 } },
    );
    const id = bot.fake.pushUpdate(messageUpdate('halo'));
    await bot.fake.waitForCall('sendChatAction');
    await bot.running.stop();
    expect(bot.fake.sentTexts()).toEqual(['selesai']);
    expect(bot.fake.confirmedOffset()).toBe(id + 1);
    await bot.fake.close();
  });
});

describe('the Telegram bot in webhook mode', () => {
  it('registers the webhook with a secret, answers posted updates, and refuses posts without the secret', async () => {
    const bot = await start(echo, {
      webhook: { url: 'https://pandu.example.go.id/telegram/hook', secret: 'rahasia-uji', port: 0, host: '127.0.0.1' },
    });
    expect(bot.fake.webhook()).toEqual({ url: 'https://pandu.example.go.id/telegram/hook', secretToken: 'rahasia-uji' });
    expect(bot.fake.callsOf('setWebhook')[0]?.payload).toMatchObject({ allowed_updates: ['message', 'callback_query'] });
    if (bot.running.mode !== 'webhook') throw new Error('expected webhook mode');
    const port = bot.running.port;
    const post = (secret: string | undefined, path = '/telegram/hook') =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify({ update_id: 900, ...messageUpdate('lewat webhook') }),
      });

    expect((await post('salah')).status).toBe(401);
    expect((await post('rahasia-uji', '/lain')).status).toBe(404);
    expect((await post('rahasia-uji')).status).toBe(200);
    await bot.fake.waitForCount('sendMessage', 1);
    expect(bot.received.map((m) => m.text)).toEqual(['lewat webhook']);
    expect(bot.fake.callsOf('getUpdates')).toHaveLength(0);
  });

  it('generates a secret when none is configured', async () => {
    const bot = await start(echo, { webhook: { url: 'https://pandu.example.go.id/hook', port: 0, host: '127.0.0.1' } });
    expect(bot.fake.webhook()?.secretToken).toMatch(/^[0-9a-f]{64}$/);
  });
});
