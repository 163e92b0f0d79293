import { expect, it } from 'vitest';
import { choice, type Choice, type Reply } from '../../src/core/messages.js';
import type { OutboundChannel } from '../../src/core/outbound.js';
import { SessionStore } from '../../src/core/sessions.js';
import { describeOnBothDatabases, textOf, type ClockedApp } from './support/clocked-app.js';

/** A WhatsApp sender that delivers everything and keeps what it was given. */
function whatsappSender(sent: Array<{ to: string; replies: readonly Reply[] }>): OutboundChannel {
  return {
    channel: 'whatsapp',
    available: () => true,
    async send(to, replies) {
      sent.push({ to, replies });
      return { status: 'sent', messageIds: [`wa-${sent.length}`] };
    },
  };
}

/** Two passages of the small knowledge base with different citations, as suggested-passage choices. */
function passageMenu(test: ClockedApp): { choices: Choice[]; citations: string[] } {
  const chunks = test.app
    .index()
    .chunks.filter((c, i, all) => all.findIndex((x) => x.citation === c.citation) === i)
    .slice(0, 2);
  return { choices: chunks.map((c) => choice('qa', `p:${c.id}`, c.citation)), citations: chunks.map((c) => c.citation) };
}

async function userOf(test: ClockedApp, from: string): Promise<string> {
  await test.send(from, 'halo');
  const [channel, externalId] = from.split(':') as [string, string];
  const identity = await test.app.db.channelIdentity.findFirstOrThrow({ where: { channel, externalId } });
  return identity.userId;
}

describeOnBothDatabases('a menu Pandu sends without being asked (a reminder on WhatsApp)', (running) => {
  it('is remembered, so a number typed in reply picks from it as from any reply', async () => {
    const test = running();
    const sent: Array<{ to: string; replies: readonly Reply[] }> = [];
    const unregister = test.app.outbound.register(whatsappSender(sent));
    try {
      const from = 'whatsapp:628990001';
      const userId = await userOf(test, from);
      const menu = passageMenu(test);
      const delivery = await test.app.outbound.send(userId, [{ text: 'Pengingat laporan.', choices: menu.choices }]);
      expect(delivery.status).toBe('sent');
      expect(textOf(await test.send(from, '2'))).toContain(`Dasar: ${menu.citations[1]}`);
    } finally {
      unregister();
    }
  });

  it('is not remembered for a person in an open flow: the number they type belongs to that flow', async () => {
    const test = running();
    const unregister = test.app.outbound.register(whatsappSender([]));
    try {
      const from = 'whatsapp:628990002';
      const userId = await userOf(test, from);
      await test.send(from, '/profil');
      const before = await test.app.db.conversationState.findUniqueOrThrow({ where: { userId } });
      expect(before.flow).not.toBeNull();
      const menu = passageMenu(test);
      expect((await test.app.outbound.send(userId, [{ text: 'Pengingat laporan.', choices: menu.choices }])).status).toBe('sent');
      const after = await test.app.db.conversationState.findUniqueOrThrow({ where: { userId } });
      expect(after.data).toEqual(before.data);
      expect(textOf(await test.send(from, '2'))).not.toContain(`Dasar: ${menu.citations[1]}`);
    } finally {
      unregister();
    }
  });

  it('is stored for a person without a session yet, and keeps the state of one without a flow', async () => {
    const test = running();
    const sessions = new SessionStore(test.app.db);
    const user = await test.app.db.user.create({ data: { displayName: 'Baru' } });
    const menu = passageMenu(test);
    expect(await sessions.offer(user.id, menu.choices, test.now())).toBe(true);
    expect((await sessions.load(user.id, test.now())).choices).toEqual(menu.choices);

    await sessions.save(user.id, { flow: null, step: null, data: { catatan: 'tetap' }, choices: [], expired: false }, test.now());
    expect(await sessions.offer(user.id, menu.choices.slice(0, 1), test.now())).toBe(true);
    expect(await sessions.load(user.id, test.now())).toMatchObject({
      flow: null,
      data: { catatan: 'tetap' },
      choices: menu.choices.slice(0, 1),
    });
  });
});
