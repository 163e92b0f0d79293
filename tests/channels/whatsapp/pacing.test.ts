import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { chatRef } from '../../../src/channels/whatsapp/chat-ref.js';
import { SendQueue, type SendQueueOptions } from '../../../src/channels/whatsapp/send-queue.js';
import { silentLogger } from '../../../src/logger.js';
import { harnessPerTest } from './adapter-harness.js';
import { FakeTimers, settle } from '../../support/fake-timers.js';
import { fakeMessage } from './fake-wa-client.js';

const A = '628111111111@c.us';
const B = '628222222222@c.us';

/** A queue on a fake clock that records, for every send that went out, its chat and when (ms since the start). */
function queueUnderTest(options: Partial<SendQueueOptions> = {}) {
  const timers = new FakeTimers();
  const t0 = timers.now();
  const sent: Array<{ chatId: string; at: number }> = [];
  const queue = new SendQueue({ minGapMs: 1_500, timers, logger: silentLogger(), random: () => 0, ...options });
  const send = (chatId: string) => queue.enqueue({ chatId, kind: 'text' }, async () => sent.push({ chatId, at: timers.now() - t0 }));
  return { timers, queue, sent, send };
}

describe('WhatsApp pacing of outgoing messages', () => {
  const start = harnessPerTest();

  it('serves two chats interleaved instead of one waiting behind the other’s whole answer', async () => {
    const h = start({
      minGapMs: 1_500,
      globalGapMs: 300,
      random: () => 0.5,
      handle: async (msg) =>
        (msg.senderId === A ? ['1', '2', '3'] : ['1', '2']).map((n) => ({ text: `jawaban ${n} untuk ${msg.senderId}` })),
    });
    const t0 = h.timers.now();
    h.client.emit('message', fakeMessage({ from: A }));
    h.client.emit('message', fakeMessage({ from: B }));
    await h.timers.advance(10_000);

    // Per chat: 1500 ms + 25 % × 0.5 jitter = 1687.5 ms apart. Across chats: B's first message goes out
    // one global gap (300 ms) after A's first, not after A's third.
    expect(h.client.sent.map((s) => [s.chatId, s.at - t0])).toEqual([
      [A, 0],
      [B, 300],
      [A, 1_687.5],
      [B, 1_987.5],
      [A, 3_375],
    ]);
    // Each person's messages still arrive in order.
    expect(h.client.texts(A)).toEqual(['1', '2', '3'].map((n) => `jawaban ${n} untuk ${A}`));
    expect(h.client.texts(B)).toEqual(['1', '2'].map((n) => `jawaban ${n} untuk ${B}`));
  });

  it('keeps the minimum gap, with a little random jitter, between two messages to the same chat', async () => {
    const h = start({ minGapMs: 1_500, random: () => 0.5, handle: async () => [{ text: 'satu' }, { text: 'dua' }, { text: 'tiga' }] });
    const t0 = h.timers.now();
    h.client.emit('message', fakeMessage({ from: A }));
    await settle();
    expect(h.client.sent.map((s) => s.at - t0)).toEqual([0]);
    await h.timers.advance(1_687);
    expect(h.client.sent).toHaveLength(1);

    await h.timers.advance(10_000);
    expect(h.client.sent.map((s) => s.at - t0)).toEqual([0, 1_687.5, 3_375]);
    expect(h.client.texts()).toEqual(['satu', 'dua', 'tiga']);
  });

  it('sends without delay when the previous message to the chat left long enough ago', async () => {
    const h = start({ minGapMs: 1_500, random: () => 0 });
    h.client.emit('message', fakeMessage({ body: 'satu' }));
    await settle();
    await h.timers.advance(60_000);
    h.client.emit('message', fakeMessage({ body: 'dua' }));
    await settle();
    expect(h.client.texts()).toEqual(['gema: satu', 'gema: dua']);
  });

  it('starts at most one send per global gap across chats, however many chats are waiting', async () => {
    const { timers, sent, send } = queueUnderTest({ globalGapMs: 300 });
    const chats = Array.from({ length: 5 }, (_, i) => `62800000000${i}@c.us`);
    const results = chats.map((chat) => send(chat));
    await timers.advance(5_000);

    await expect(Promise.all(results)).resolves.toEqual([true, true, true, true, true]);
    expect(sent).toEqual(chats.map((chatId, i) => ({ chatId, at: i * 300 })));
  });

  it('caps the whole deployment at 1 send per 300 ms by default', async () => {
    const { timers, sent, send } = queueUnderTest({ minGapMs: 0 });
    for (let i = 0; i < 10; i += 1) void send(`62800000001${i}@c.us`);
    await timers.advance(1_000);
    // 0, 300, 600, 900: four sends in the first second, whatever the per-chat gap.
    expect(sent).toHaveLength(4);
  });

  it('refuses new sends with a log line once 500 are waiting, and keeps sending the queued ones', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const { timers, queue, sent, send } = queueUnderTest({ minGapMs: 0, globalGapMs: 0, logger });
    const queued = Array.from({ length: 500 }, (_, i) => send(`62810000${String(i).padStart(4, '0')}@c.us`));
    expect(queue.hasRoom(1)).toBe(false);

    await expect(send(A)).resolves.toBe(false);
    expect(lines.join('\n')).toContain('WhatsApp send queue full; message not sent');
    expect(lines.join('\n')).toContain(chatRef(A));
    expect(lines.join('\n')).not.toContain('628111111111');

    await timers.advance(1_000);
    await expect(Promise.all(queued)).resolves.toEqual(Array.from({ length: 500 }, () => true));
    expect(sent).toHaveLength(500);
    expect(queue.hasRoom(500)).toBe(true);
  });

  it('refuses a whole answer when the queue has no room for all its parts, never half of it', async () => {
    const lines: string[] = [];
    const h = start({
      maxPendingSends: 3,
      minGapMs: 1_500,
      logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
      handle: async (msg) => [{ text: `${msg.senderId} 1` }, { text: `${msg.senderId} 2` }],
    });
    h.client.emit('message', fakeMessage({ from: A }));
    h.client.emit('message', fakeMessage({ from: B }));
    await h.timers.advance(10_000);

    expect(h.client.texts()).toEqual([`${A} 1`, `${A} 2`]);
    expect(lines.join('\n')).toContain('WhatsApp send queue full; answer not sent');
    expect(lines.join('\n')).toContain(chatRef(B));
  });

  it('never rejects: a send that fails twice resolves false, and only its own chat waits for the retry', async () => {
    const timers = new FakeTimers();
    const queue = new SendQueue({ minGapMs: 100, globalGapMs: 300, timers, logger: silentLogger(), random: () => 0, retryPauseMs: 500 });
    const log: string[] = [];
    const failing = queue.enqueue({ chatId: A, kind: 'text' }, async () => {
      log.push(`a ${timers.now() - 1_000_000}`);
      throw new Error('Session closed');
    });
    const afterFailing = queue.enqueue({ chatId: A, kind: 'text' }, async () => log.push(`a2 ${timers.now() - 1_000_000}`));
    const other = queue.enqueue({ chatId: B, kind: 'text' }, async () => log.push(`b ${timers.now() - 1_000_000}`));
    await timers.advance(2_000);

    await expect(failing).resolves.toBe(false);
    await expect(afterFailing).resolves.toBe(true);
    await expect(other).resolves.toBe(true);
    // B goes one global gap (300 ms) after A's first try instead of waiting for A's retry. A's retry
    // waits out its 500 ms pause and the global gap after B (600); A's next message, held back until the
    // retry is settled so it cannot overtake, goes one global gap later (900).
    expect(log).toEqual(['a 0', 'b 300', 'a 600', 'a2 900']);
  });
});
