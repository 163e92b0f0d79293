import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startClockedApp, type ClockedApp } from '../../core/support/clocked-app.js';
import { settle } from '../../support/fake-timers.js';
import { startHarness, type Harness } from './adapter-harness.js';
import { FakeChat, fakeMessage } from './fake-wa-client.js';

let test: ClockedApp;
beforeAll(async () => {
  test = await startClockedApp();
});
afterAll(async () => {
  await test.close();
});

/** The WhatsApp adapter in front of the real router and database (one per "run" of Pandu). */
const pandu = (options: Parameters<typeof startHarness>[0] = {}) => startHarness({ handle: (m) => test.app.router.handle(m), ...options });

async function sentCount(h: Harness, count: number): Promise<void> {
  await vi.waitFor(() => expect(h.client.sent.length).toBe(count), { timeout: 10_000, interval: 20 });
}

/** Long enough for anything that would be answered to be answered (real database work). */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('messages that arrived while Pandu was down or reconnecting', () => {
  it('answers the unread ones after its last answer, oldest first, once; not again after a second reconnect or a restart', async () => {
    const chatId = '628111000111@c.us';
    const earlier = fakeMessage({ from: chatId, body: 'halo' });
    const answer = fakeMessage({ from: chatId, fromMe: true, body: 'Halo, saya Pandu.' });
    const missed = [fakeMessage({ from: chatId, body: 'apa itu inovasi daerah?' }), fakeMessage({ from: chatId, body: '/bantuan' })];
    const chat = new FakeChat(chatId, [earlier, answer, ...missed], 2);

    const first = pandu();
    try {
      first.client.chats.push(chat);
      first.client.emit('ready');
      await sentCount(first, 2);
      expect(first.received.map((m) => m.text)).toEqual(['apa itu inovasi daerah?', '/bantuan']);
      expect(first.client.sent.every((s) => s.chatId === chatId)).toBe(true);

      // WhatsApp reconnects; the chat still shows the messages as unread.
      first.client.emit('disconnected', 'NAVIGATION');
      await first.timers.advance(2_000);
      first.client.emit('ready');
      await settle();
      await quiet();
      expect(first.client.sent).toHaveLength(2);
    } finally {
      await first.cleanup();
    }

    // Pandu restarts: nothing in memory, the core's record of handled messages still holds.
    const second = pandu();
    try {
      second.client.chats.push(chat);
      second.client.emit('ready');
      await settle();
      await quiet();
      expect(chat.fetchCalls).toBe(3);
      expect(second.received).toHaveLength(2);
      expect(second.client.sent).toEqual([]);
    } finally {
      await second.cleanup();
    }
  });

  it('does not answer twice a message answered live and found again in the chat under its …@lid name', async () => {
    const h = pandu();
    try {
      const live = fakeMessage({ from: '628222000222@c.us', body: 'halo', key: '3EB0A1B2C3D4E5F6' });
      h.client.emit('message', live);
      await sentCount(h, 1);
      const sameMessage = fakeMessage({ from: '201111222233334@lid', body: 'halo', key: '3EB0A1B2C3D4E5F6' });
      h.client.chats.push(new FakeChat('201111222233334@lid', [sameMessage], 1));
      h.client.emit('ready');
      await settle();
      await quiet();
      expect(h.client.sent).toHaveLength(1);
    } finally {
      await h.cleanup();
    }
  });

  it('leaves groups, read chats and old messages alone', async () => {
    const h = pandu({ catchUp: { maxAgeMs: 60_000 } });
    try {
      const now = h.timers.now();
      h.client.chats.push(
        new FakeChat('120363025555555555@g.us', [fakeMessage({ from: '120363025555555555@g.us' })], 1),
        new FakeChat('628333000333@c.us', [fakeMessage({ from: '628333000333@c.us' })], 0),
        new FakeChat('628444000444@c.us', [fakeMessage({ from: '628444000444@c.us', timestamp: Math.floor((now - 120_000) / 1000) })], 1),
        new FakeChat('628555000555@c.us', [fakeMessage({ from: '628555000555@c.us', timestamp: Math.floor(now / 1000), body: 'baru' })], 1),
      );
      h.client.emit('ready');
      await sentCount(h, 1);
      await quiet();
      expect(h.received.map((m) => m.text)).toEqual(['baru']);
      expect(h.client.chats.map((c) => (c as FakeChat).fetchCalls)).toEqual([0, 0, 1, 1]);
    } finally {
      await h.cleanup();
    }
  });
});
