import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/messages.js';
import { chatRef } from '../../../src/channels/whatsapp/chat-ref.js';
import { WHATSAPP_TEXT_LIMIT } from '../../../src/channels/whatsapp/limits.js';
import { SendQueue } from '../../../src/channels/whatsapp/send-queue.js';
import { harnessPerTest } from './adapter-harness.js';
import { FakeTimers, settle } from '../../support/fake-timers.js';
import { fakeMessage } from './fake-wa-client.js';

const PERSON = '628123456789@c.us';

describe('WhatsApp adapter with a fake whatsapp-web.js client', () => {
  const start = harnessPerTest();

  it('answers a private text message in the same chat and tells the core who wrote it (name from the contact)', async () => {
    const h = start();
    const msg = fakeMessage({ body: 'apa itu inovasi daerah?', notifyName: 'Bu Sari' });
    h.client.emit('message', msg);
    await settle();

    expect(h.received).toEqual([
      {
        channel: 'whatsapp',
        senderId: PERSON,
        messageId: msg.id.id,
        displayName: 'Bu Sari',
        conversation: 'private',
        text: 'apa itu inovasi daerah?',
      },
    ]);
    expect(h.client.sent.map((s) => [s.chatId, s.content])).toEqual([[PERSON, 'gema: apa itu inovasi daerah?']]);
  });

  it('answers a message id only once, even when WhatsApp emits it twice', async () => {
    const h = start();
    const msg = fakeMessage({ body: 'halo' });
    h.client.emit('message', msg);
    h.client.emit('message', msg);
    await settle();
    h.client.emit('message', { ...msg });
    await settle();

    expect(h.received).toHaveLength(1);
    expect(h.client.texts()).toEqual(['gema: halo']);
  });

  it('ignores its own messages, groups, status updates, broadcast lists and channels', async () => {
    const h = start();
    h.client.emit('message', fakeMessage({ fromMe: true }));
    h.client.emit('message', fakeMessage({ from: '120363025555555555@g.us', author: PERSON } as Partial<ReturnType<typeof fakeMessage>>));
    h.client.emit('message', fakeMessage({ from: 'status@broadcast', isStatus: true }));
    h.client.emit('message', fakeMessage({ from: '1700000000@broadcast', broadcast: true }));
    h.client.emit('message', fakeMessage({ from: '120363111111111111@newsletter' }));
    h.client.emit('message', fakeMessage({ type: 'e2e_notification', body: '' }));
    await settle();

    expect(h.received).toEqual([]);
    expect(h.client.sent).toEqual([]);
  });

  it('passes a document to the core as a file whose bytes are downloaded only when asked for', async () => {
    let downloads = 0;
    const h = start({
      handle: async (msg) => {
        const bytes = await msg.file!.download();
        return [{ text: `diterima ${msg.file!.fileName} (${bytes.toString('utf8')})` }];
      },
    });
    h.client.emit(
      'message',
      fakeMessage({
        type: 'document',
        hasMedia: true,
        body: 'ini draf saya',
        _data: { filename: 'draf.docx', mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 4 },
        downloadMedia: async () => {
          downloads += 1;
          return { mimetype: 'application/octet-stream', data: Buffer.from('isi!').toString('base64'), filename: 'draf.docx' };
        },
      }),
    );
    await settle();

    expect(h.received[0]).toMatchObject({ text: 'ini draf saya', file: { fileName: 'draf.docx', size: 4 } });
    expect(downloads).toBe(1);
    expect(h.client.texts()).toEqual(['diterima draf.docx (isi!)']);
  });

  it('tells the core which kind of message it cannot read (video, sticker, voice note, location)', async () => {
    const h = start();
    for (const type of ['video', 'sticker', 'ptt', 'location'])
      h.client.emit('message', fakeMessage({ type, hasMedia: type !== 'location', body: '' }));
    await settle();

    expect(h.received.map((m) => m.unsupported)).toEqual(['video', 'sticker', 'voice', 'location']);
  });

  it('apologises in Indonesian when the core throws, and keeps answering afterwards', async () => {
    let calls = 0;
    const h = start({
      handle: async (msg) => {
        calls += 1;
        if (calls === 1) throw new Error('database is locked');
        return [{ text: `gema: ${msg.text}` }];
      },
    });
    h.client.emit('message', fakeMessage({ body: 'satu' }));
    await settle();
    h.client.emit('message', fakeMessage({ body: 'dua' }));
    await settle();

    expect(h.client.texts()).toEqual([
      'Maaf, Pandu sedang mengalami gangguan saat memproses pesan Anda. Silakan coba lagi beberapa saat lagi.',
      'gema: dua',
    ]);
  });

  it('sends a document reply as media with its caption, after the text', async () => {
    const reply: Reply = {
      text: 'Draf proposal Anda sudah jadi.',
      document: { fileName: 'proposal.docx', mimeType: 'application/octet-stream', data: Buffer.from('DOCX'), caption: 'Proposal inovasi' },
    };
    const h = start({ handle: async () => [reply] });
    h.client.emit('message', fakeMessage({ body: '/ekspor' }));
    await settle();

    expect(h.client.sent).toHaveLength(2);
    expect(h.client.sent[0]!.content).toBe('Draf proposal Anda sudah jadi.');
    expect(h.client.sent[1]!.content).toEqual({
      mimetype: 'application/octet-stream',
      data: Buffer.from('DOCX').toString('base64'),
      filename: 'proposal.docx',
    });
    expect(h.client.sent[1]!.options).toEqual({ caption: 'Proposal inovasi', sendMediaAsDocument: true });
  });

  it('splits a long answer into several messages within WhatsApp’s limit, in order', async () => {
    const paragraph = 'Inovasi daerah adalah semua bentuk pembaharuan dalam penyelenggaraan pemerintahan daerah. '.repeat(20);
    const long = Array.from({ length: 6 }, (_, i) => `Bagian ${i + 1}. ${paragraph.trim()}`).join('\n\n');
    const h = start({ handle: async () => [{ text: long }] });
    h.client.emit('message', fakeMessage());
    await settle();

    const texts = h.client.texts();
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(WHATSAPP_TEXT_LIMIT);
    expect(texts[0]!.startsWith('Bagian 1.')).toBe(true);
    expect(texts.join('\n\n')).toBe(long);
  });

  it('retries a failed send once after a pause, then logs and moves on to the next message', async () => {
    const h = start({ retryPauseMs: 3_000 });
    h.client.failSends = 1;
    h.client.emit('message', fakeMessage({ body: 'satu' }));
    await settle();
    expect(h.client.sent).toEqual([]);
    await h.timers.advance(3_000);
    expect(h.client.texts()).toEqual(['gema: satu']);

    h.client.failSends = 2;
    h.client.emit('message', fakeMessage({ body: 'dua' }));
    h.client.emit('message', fakeMessage({ body: 'tiga' }));
    await h.timers.advance(3_000);
    expect(h.client.texts()).toEqual(['gema: satu', 'gema: tiga']);
  });

  it('apologises in the chat when a document cannot be delivered', async () => {
    const h = start({
      retryPauseMs: 1_000,
      handle: async () => [{ text: '', document: { fileName: 'a.docx', mimeType: 'application/octet-stream', data: Buffer.from('x') } }],
    });
    h.client.failSends = 2;
    h.client.emit('message', fakeMessage());
    await h.timers.advance(1_000);

    expect(h.client.texts()).toEqual(['Maaf, dokumennya gagal terkirim lewat WhatsApp. Silakan minta sekali lagi beberapa saat lagi.']);
  });

  it('names a chat in its logs by a short stable hash, never by the phone number', async () => {
    const lines: string[] = [];
    const h = start({
      retryPauseMs: 1_000,
      logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }),
      handle: async (msg) => {
        if (msg.text === 'rusak') throw new Error(`no session for ${msg.senderId}`);
        return [{ text: 'ok' }];
      },
    });
    const repeated = fakeMessage({ body: 'halo' });
    h.client.emit('message', repeated);
    h.client.emit('message', repeated);
    h.client.emit('message', fakeMessage({ body: 'rusak' }));
    await settle();
    h.client.failSends = 2;
    h.client.emit('message', fakeMessage({ body: 'gagal' }));
    await h.timers.advance(1_000);

    const log = lines.join('\n');
    for (const line of ['repeated WhatsApp message ignored', 'handling a WhatsApp message failed', 'WhatsApp send failed twice'])
      expect(log).toContain(line);
    expect(chatRef(PERSON)).toMatch(/^[0-9a-f]{10}$/);
    expect(log).toContain(`"chat":"${chatRef(PERSON)}"`);
    expect(log).not.toContain('628123456789');
  });

  it('takes the number out of a send error before logging it', async () => {
    const lines: string[] = [];
    const timers = new FakeTimers();
    const queue = new SendQueue({
      minGapMs: 0,
      timers,
      logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
      retryPauseMs: 10,
    });
    const sent = queue.enqueue({ chatId: PERSON, kind: 'text' }, async () => {
      throw new Error(`Evaluation failed: chat ${PERSON} not found`);
    });
    await timers.advance(1_000);

    await expect(sent).resolves.toBe(false);
    expect(lines.join('\n')).toContain(`chat chat:${chatRef(PERSON)} not found`);
    expect(lines.join('\n')).not.toContain('628123456789');
  });

  it('stops taking messages after stop() and closes the browser', async () => {
    const h = start();
    await h.adapter.stop();
    h.client.emit('message', fakeMessage());
    await settle();

    expect(h.received).toEqual([]);
    expect(h.client.destroyCalls).toBeGreaterThanOrEqual(1);
    expect(h.client.listenerCount('message')).toBe(0);
    expect(h.client.listenerCount('disconnected')).toBe(0);
  });
});
