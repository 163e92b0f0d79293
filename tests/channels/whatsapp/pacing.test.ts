import { describe, expect, it } from 'vitest';
import { SendQueue } from '../../../src/channels/whatsapp/send-queue.js';
import { silentLogger } from '../../../src/logger.js';
import { harnessPerTest } from './adapter-harness.js';
import { FakeTimers, settle } from './fake-timers.js';
import { fakeMessage } from './fake-wa-client.js';

describe('WhatsApp pacing of outgoing messages', () => {
  const start = harnessPerTest();

  it('keeps at least the minimum gap between messages, across chats, with a little random jitter', async () => {
    const h = start({
      minGapMs: 1_500,
      random: () => 0.5,
      handle: async (msg) => [{ text: `jawaban 1 untuk ${msg.senderId}` }, { text: `jawaban 2 untuk ${msg.senderId}` }],
    });
    const t0 = h.timers.now();
    h.client.emit('message', fakeMessage({ from: '628111111111@c.us' }));
    h.client.emit('message', fakeMessage({ from: '628222222222@c.us' }));
    await settle();
    // The first message leaves at once; the burst behind it waits.
    expect(h.client.sent.map((s) => s.at - t0)).toEqual([0]);
    await h.timers.advance(1_000);
    expect(h.client.sent).toHaveLength(1);

    await h.timers.advance(10_000);
    const times = h.client.sent.map((s) => s.at - t0);
    // 1500 ms gap + 25 % × 0.5 jitter = 1687.5 ms between any two sends, whichever chat they go to.
    expect(times).toEqual([0, 1_687.5, 3_375, 5_062.5]);
    expect(new Set(h.client.sent.map((s) => s.chatId)).size).toBe(2);
  });

  it('sends without delay when the previous message left long enough ago', async () => {
    const h = start({ minGapMs: 1_500, random: () => 0 });
    h.client.emit('message', fakeMessage({ body: 'satu' }));
    await settle();
    await h.timers.advance(60_000);
    h.client.emit('message', fakeMessage({ body: 'dua' }));
    await settle();
    expect(h.client.texts()).toEqual(['gema: satu', 'gema: dua']);
  });

  it('never rejects: a send that fails twice resolves false and the queue carries on', async () => {
    const timers = new FakeTimers();
    const queue = new SendQueue({ minGapMs: 100, timers, logger: silentLogger(), random: () => 0, retryPauseMs: 500 });
    const log: string[] = [];
    const failing = queue.enqueue({ chatId: 'a@c.us', kind: 'text' }, async () => {
      log.push(`try ${timers.now() - 1_000_000}`);
      throw new Error('Session closed');
    });
    const next = queue.enqueue({ chatId: 'b@c.us', kind: 'text' }, async () => log.push(`b ${timers.now() - 1_000_000}`));
    await timers.advance(2_000);

    await expect(failing).resolves.toBe(false);
    await expect(next).resolves.toBe(true);
    // First try at 0, retry after the 500 ms pause (the gap has passed by then), next send one gap later.
    expect(log).toEqual(['try 0', 'try 500', 'b 600']);
  });
});
