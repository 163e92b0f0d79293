import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_INCOMING_CHARS } from '../../src/core/router.js';
import type { IncomingMessage } from '../../src/core/messages.js';
import type { Translate } from '../../src/i18n/translator.js';
import { startSmallApp } from '../fixtures/cli/small-knowledge.js';
import type { TestApp } from '../support/test-app.js';
import { textOf } from './support/clocked-app.js';

let test: TestApp;
let t: Translate;

beforeAll(async () => {
  // One person sends every message here, far more than a minute's budget; the limit has its own tests.
  test = await startSmallApp({ RATE_LIMIT_PER_MINUTE: '0' });
  t = test.app.i18n.t;
});
afterAll(async () => {
  await test.close();
});

/** Sends one message through the router; `from` is "channel:senderId". */
function send(text: string, extra: Partial<IncomingMessage> = {}, from = 'telegram:100') {
  const [channel, senderId] = from.split(':') as [IncomingMessage['channel'], string];
  return test.app.router.handle({ channel, senderId, text, ...extra });
}

describe('Router', () => {
  it('answers a question typed as free text, with its citation', async () => {
    const replies = await send('proposal inovasi daerah isinya apa aja?');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('Dasar: PP 38/2017 Pasal 7 ayat (2)');
  });

  it('answers /tanya with the same answer, and asks for the question when it is missing', async () => {
    const free = textOf(await send('brp lama evaluasi usulan inovasi?'));
    expect(textOf(await send('/tanya brp lama evaluasi usulan inovasi?'))).toBe(free);
    expect(textOf(await send('/TANYA@PanduBot brp lama evaluasi usulan inovasi?'))).toBe(free);
    expect(textOf(await send('/tanya'))).toBe(t('qa.ask_prompt'));
  });

  it('says an unknown command is unknown, in Indonesian', async () => {
    expect(textOf(await send('/entahlah'))).toBe('Perintah /entahlah tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah.');
  });

  it('asks for a question when the message is empty', async () => {
    expect(textOf(await send(''))).toBe(t('common.empty'));
    expect(textOf(await send('   \n '))).toBe(t('common.empty'));
    expect(textOf(await test.app.router.handle({ channel: 'whatsapp', senderId: 'x' }))).toBe(t('common.empty'));
  });

  it('refuses an over-long message politely, saying how long it was', async () => {
    const text = 'inovasi '.repeat(1100).trim();
    expect(text.length).toBeGreaterThan(MAX_INCOMING_CHARS);
    expect(textOf(await send(text))).toBe(
      `Pesan Anda terlalu panjang (${text.length} karakter; batas ${MAX_INCOMING_CHARS}). Mohon ringkas atau kirim dalam beberapa bagian.`,
    );
  });

  it('says which kind of message it cannot read (a sticker, a voice note, anything else)', async () => {
    expect(textOf(await send('', { unsupported: 'sticker' }))).toContain('Maaf, Pandu belum bisa membaca stiker.');
    expect(textOf(await send('', { unsupported: 'voice' }))).toContain('belum bisa membaca pesan suara.');
    expect(textOf(await send('', { unsupported: 'poll' }))).toContain('belum bisa membaca jenis pesan ini.');
  });

  it('reads a bare number with no menu open as a stale pick, not as a question about "Pasal 2"', async () => {
    expect(textOf(await send('2', {}, 'telegram:150'))).toBe(t('common.no_menu', { number: '2' }));
    expect(textOf(await send(' 12 ', {}, 'telegram:150'))).toBe(t('common.no_menu', { number: '12' }));
    // A longer number is read as text as before (a year, a regulation number).
    expect(textOf(await send('2017', {}, 'telegram:150'))).not.toBe(t('common.no_menu', { number: '2017' }));
  });

  it('says it is not waiting for a file when one arrives outside a flow', async () => {
    const file = { fileName: 'a.pdf', download: async () => Buffer.from('x') };
    expect(textOf(await send('', { file }))).toBe(t('common.file_not_expected'));
  });

  it('answers an album of files nobody is waiting for once, not once per photo', async () => {
    const photo = (n: number) => ({ fileName: `foto-${n}.jpg`, download: async () => Buffer.from('x') });
    const album = (n: number, text = '') =>
      send(text, { file: photo(n), albumId: '100:album-1', messageId: `album-1-${n}` }, 'telegram:152');
    expect(textOf(await album(1))).toBe(t('common.file_not_expected'));
    expect(await album(2)).toEqual([]);
    expect(await album(3)).toEqual([]);
    // Another album is another sending; one whose first photo carries a question gets its answer, once.
    const withCaption = (n: number, text = '') =>
      send(text, { file: photo(n), albumId: '100:album-2', messageId: `album-2-${n}` }, 'telegram:152');
    expect((await withCaption(1, 'brp lama evaluasi usulan inovasi?'))[0]!.text).toBe(t('common.file_caption_read'));
    expect(await withCaption(2)).toEqual([]);
  });

  it('answers the caption of a file nobody is waiting for, saying the file was not kept', async () => {
    const file = { fileName: 'tangkapan-layar.jpg', download: async () => Buffer.from('x') };
    const replies = await send('brp lama evaluasi usulan inovasi?', { file }, 'telegram:151');
    expect(replies[0]!.text).toBe(t('common.file_caption_read'));
    expect(
      replies
        .slice(1)
        .map((r) => r.text)
        .join('\n'),
    ).toContain('PP 38/2017 Pasal 13');
  });

  it('answers a redelivered message id once', async () => {
    const first = await send('brp lama evaluasi usulan inovasi?', { messageId: 'm-1' });
    expect(first).toHaveLength(1);
    expect(await send('brp lama evaluasi usulan inovasi?', { messageId: 'm-1' })).toEqual([]);
    // The same id on another channel is another message.
    expect(await send('brp lama evaluasi usulan inovasi?', { messageId: 'm-1' }, 'whatsapp:100')).toHaveLength(1);
  });

  it('lists every command the person may run in /bantuan (and its alias /help), and not the others', async () => {
    const help = textOf(await send('/bantuan'));
    const listed = test.app.commands.listed('innovator');
    const privileged = test.app.commands.listed().filter((c) => c.role);
    expect(privileged.length).toBeGreaterThan(0);
    for (const c of privileged) expect(help).not.toContain(`/${c.name} —`);
    expect(listed.map((c) => c.name)).toEqual(expect.arrayContaining(['bantuan', 'tanya', 'hubungkan']));
    for (const c of listed) expect(help).toContain(`${c.usage ?? `/${c.name}`} — ${c.description}`);
    expect(help.startsWith('Perintah yang tersedia:')).toBe(true);
    expect(help).not.toContain('/start');
    expect(textOf(await send('/help'))).toBe(help);
  });

  it('greets on /start by name and names what Pandu can do', async () => {
    const text = textOf(await send('/start', { displayName: 'Sari' }, 'telegram:start-1'));
    expect(text.startsWith('Halo, Sari! Saya Pandu, asisten inovasi daerah.')).toBe(true);
    expect(text).toContain('(/hubungkan)');
    expect(text).toContain('Ketik /bantuan untuk daftar perintah.');
    expect(textOf(await send('/start', {}, 'telegram:start-2')).startsWith('Halo! Saya Pandu')).toBe(true);
  });

  it('keeps one user per channel identity', async () => {
    await send('halo', {}, 'whatsapp:628111');
    await send('halo lagi', {}, 'whatsapp:628111');
    const identity = await test.app.db.channelIdentity.findUnique({
      where: { channel_externalId: { channel: 'whatsapp', externalId: '628111' } },
    });
    expect(identity).not.toBeNull();
    expect(await test.app.db.channelIdentity.count({ where: { externalId: '628111' } })).toBe(1);
  });
});

describe('Router in a group conversation', () => {
  const group = { conversation: 'group' as const };

  it('lists in /bantuan only the commands that work in a group', async () => {
    const help = textOf(await send('/bantuan', group));
    const personal = test.app.commands.listed('innovator').filter((c) => c.privateOnly);
    expect(personal.map((c) => c.name)).toContain('hubungkan');
    for (const c of personal) expect(help).not.toContain(`/${c.name} —`);
    expect(help).toContain('/tanya');
  });

  it('refuses a private-only command and asks the person to chat privately', async () => {
    expect(textOf(await send('/hubungkan', group))).toBe(t('common.private_only'));
    expect(await test.app.db.linkCode.count()).toBe(0);
  });

  it('still answers a question', async () => {
    expect(textOf(await send('/tanya proposal inovasi daerah isinya apa aja?', group))).toContain('PP 38/2017 Pasal 7 ayat (2)');
    expect(textOf(await send('proposal inovasi daerah isinya apa aja?', group))).toContain('PP 38/2017 Pasal 7 ayat (2)');
  });

  it('refuses a button press, which belongs to a private flow', async () => {
    expect(textOf(await send('', { ...group, choiceId: 'linking:x' }))).toBe(t('common.private_only'));
  });
});

describe('Router when a feature fails', () => {
  it('apologises with common.error, and the next message works', async () => {
    const spy = vi.spyOn(test.app.answerer, 'answer').mockRejectedValueOnce(new Error('index rusak'));
    try {
      expect(await send('brp lama evaluasi usulan inovasi?')).toEqual([{ text: t('common.error') }]);
      expect(t('common.error')).toContain('Data Anda aman');
      expect(textOf(await send('brp lama evaluasi usulan inovasi?'))).toContain('PP 38/2017 Pasal 13 ayat (1)');
    } finally {
      spy.mockRestore();
    }
  });
});
