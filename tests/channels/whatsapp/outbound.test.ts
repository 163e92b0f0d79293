import { describe, expect, it } from 'vitest';
import { settle } from '../../support/fake-timers.js';
import { startHarness } from './adapter-harness.js';

const PERSON = '628123456789@c.us';

describe('WhatsApp messages Pandu sends first', () => {
  it('waits for WhatsApp to be connected: refused as unavailable before "ready" and while the state is not CONNECTED', async () => {
    const h = startHarness();
    try {
      await settle();
      expect(await h.adapter.deliver(PERSON, [{ text: 'Pengingat' }])).toMatchObject({ status: 'unavailable' });
      h.client.emit('ready');
      expect(h.adapter.isReady()).toBe(true);
      h.client.emit('change_state', 'TIMEOUT');
      expect(await h.adapter.deliver(PERSON, [{ text: 'Pengingat' }])).toMatchObject({ status: 'unavailable' });
      h.client.emit('change_state', 'CONNECTED');
      expect(h.adapter.isReady()).toBe(true);
      h.client.emit('disconnected', 'NAVIGATION');
      expect(h.adapter.isReady()).toBe(false);
      expect(h.client.sent).toEqual([]);
    } finally {
      await h.cleanup();
    }
  });

  it('sends through the paced queue in order, as numbered menus and split text, and returns the message ids', async () => {
    const h = startHarness();
    try {
      await settle();
      h.client.emit('ready');
      const long = `${'Kalimat pengingat yang panjang. '.repeat(200)}Akhir.`;
      const result = await h.adapter.deliver(PERSON, [
        { text: long },
        { text: 'Pilih:', choices: [{ id: 'reminders:snooze:x:2027-01', label: 'Ingatkan besok' }] },
      ]);
      expect(result.status).toBe('sent');
      const texts = h.client.sent.map((s) => String(s.content));
      expect(texts.length).toBeGreaterThanOrEqual(3);
      expect(texts.at(-2)!.endsWith('Akhir.')).toBe(true);
      expect(texts.at(-1)).toContain('1. Ingatkan besok');
      expect(result).toEqual({ status: 'sent', messageIds: texts.map((_, i) => `sent-${i + 1}`) });
      expect(h.client.sent.every((s) => s.chatId === PERSON)).toBe(true);
    } finally {
      await h.cleanup();
    }
  });

  it('says a failure before anything went out may be retried, and one after a part went out may not', async () => {
    const h = startHarness({ retryPauseMs: 0 });
    try {
      await settle();
      h.client.emit('ready');
      h.client.failSends = 2;
      expect(await h.adapter.deliver(PERSON, [{ text: 'Satu' }])).toMatchObject({ status: 'failed', retryable: true });
      // The first part goes out, then every send fails.
      const send = h.client.sendMessage.bind(h.client);
      let calls = 0;
      h.client.sendMessage = async (...args) => {
        calls += 1;
        if (calls > 1) throw new Error('Evaluation failed: fake send failure');
        return send(...args);
      };
      const long = 'Bagian pesan yang panjang sekali. '.repeat(250);
      expect(await h.adapter.deliver(PERSON, [{ text: long }])).toMatchObject({ status: 'failed', retryable: false });
      expect(h.client.sent).toHaveLength(1);
    } finally {
      await h.cleanup();
    }
  });
});
