import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capturingLogger } from '../../support/log-lines.js';
import { startClockedApp, type ClockedApp } from '../../core/support/clocked-app.js';
import { startHarness, type Harness } from './adapter-harness.js';
import type { WaMessageLike } from '../../../src/channels/whatsapp/wa-client.js';
import { fakeMessage } from './fake-wa-client.js';

let test: ClockedApp;
beforeAll(async () => {
  test = await startClockedApp();
});
afterAll(async () => {
  await test.close();
});

/** Sends a message and waits until Pandu has answered it (whatever else it adds, such as a profile question). */
async function converse(h: Harness, msg: WaMessageLike): Promise<void> {
  const before = h.client.sent.length;
  const handled = h.received.length + 1;
  h.client.emit('message', msg);
  await vi.waitFor(() => expect(h.received.length).toBe(handled), { timeout: 10_000, interval: 20 });
  await vi.waitFor(() => expect(h.client.sent.length).toBeGreaterThan(before), { timeout: 10_000, interval: 20 });
}

/** The distinct users behind WhatsApp ids. */
async function usersBehind(...ids: string[]): Promise<string[]> {
  const rows = await test.app.db.channelIdentity.findMany({ where: { channel: 'whatsapp', externalId: { in: ids } } });
  return [...new Set(rows.map((r) => r.userId))];
}

describe('one WhatsApp person, whether WhatsApp names them …@c.us or …@lid', () => {
  it('stays one user with the same drafts when the same person writes as …@c.us and later as …@lid', async () => {
    const [lid, pn] = ['201234567890123@lid', '628123456789@c.us'];
    const h = startHarness({ handle: (m) => test.app.router.handle(m) });
    try {
      h.client.knowPerson(lid, pn);
      await converse(h, fakeMessage({ from: pn, body: 'halo', notifyName: 'Bu Sari' }));
      const [userId, ...others] = await usersBehind(lid, pn);
      expect(others).toEqual([]);
      const draft = await test.app.db.proposalDraft.create({ data: { userId: userId!, templateId: 'uji', title: 'Layanan KTP keliling' } });

      await converse(h, fakeMessage({ from: lid, body: 'halo lagi' }));
      expect(await usersBehind(lid, pn)).toEqual([userId]);
      expect((await test.app.db.proposalDraft.findUniqueOrThrow({ where: { id: draft.id } })).userId).toBe(userId);
      expect((await test.app.db.user.findUniqueOrThrow({ where: { id: userId! } })).displayName).toBe('Bu Sari');
      // The core knows the person by the lid; each answer goes to the chat the message came from.
      expect(h.received.map((m) => [m.senderId, m.senderAliases])).toEqual([
        [lid, [pn]],
        [lid, [pn]],
      ]);
      expect(new Set(h.client.sent.map((s) => s.chatId))).toEqual(new Set([pn, lid]));
      expect(h.client.sent[0]!.chatId).toBe(pn);
      expect(h.client.sent.at(-1)!.chatId).toBe(lid);
    } finally {
      await h.cleanup();
    }
  });

  it('merges the two users made while the forms could not be paired, keeping both drafts, once WhatsApp pairs them', async () => {
    const [lid, pn] = ['209876543210987@lid', '628777666555@c.us'];
    const log = capturingLogger('warn');
    const h = startHarness({ handle: (m) => test.app.router.handle(m), logger: log.logger });
    try {
      h.client.failLookups = true;
      await converse(h, fakeMessage({ from: pn, body: 'halo' }));
      await converse(h, fakeMessage({ from: lid, body: 'halo' }));
      const before = [...(await usersBehind(pn)), ...(await usersBehind(lid))];
      expect(new Set(before).size).toBe(2);
      for (const userId of before) await test.app.db.proposalDraft.create({ data: { userId, templateId: 'uji', title: userId } });

      h.client.failLookups = false;
      h.client.knowPerson(lid, pn);
      // A failed lookup is asked again after a minute.
      await h.timers.advance(61_000);
      await converse(h, fakeMessage({ from: lid, body: 'lanjut' }));

      const [survivor, ...rest] = await usersBehind(lid, pn);
      expect(rest).toEqual([]);
      expect(survivor).toBe(before[0]);
      const drafts = await test.app.db.proposalDraft.findMany({ where: { title: { in: before } } });
      expect(drafts.map((d) => d.userId)).toEqual([survivor, survivor]);
      expect(await test.app.db.user.count({ where: { id: { in: before } } })).toBe(1);

      // The failed lookup was logged, with its stack and without the phone number in its message.
      expect(log.text()).toContain('could not look up both WhatsApp ids');
      expect(log.text()).toContain('"stack"');
      expect(log.text()).not.toContain('628123456789');
      expect(log.text()).not.toContain('628777666555');
    } finally {
      await h.cleanup();
    }
  });
});
