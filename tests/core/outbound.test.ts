import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClockedApp, type ClockedApp } from './support/clocked-app.js';
import { recordingSender, type RecordingSender } from '../support/fake-outbound.js';

let test: ClockedApp;
let telegram: RecordingSender;
let whatsapp: RecordingSender;

beforeEach(async () => {
  test = await startClockedApp();
  telegram = recordingSender('telegram');
  whatsapp = recordingSender('whatsapp');
  test.app.outbound.register(telegram);
  test.app.outbound.register(whatsapp);
});
afterEach(async () => {
  await test.close();
});

/** A person who wrote on Telegram, then linked WhatsApp (also written from). */
async function linkedPerson(): Promise<string> {
  await test.send('telegram:700', 'halo');
  const code = /([A-Z2-9]{6})/.exec((await test.send('telegram:700', '/hubungkan'))[0]!.text)![1]!;
  test.advance(60_000);
  await test.send('whatsapp:62811700@c.us', `/hubungkan ${code}`);
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'telegram', externalId: '700' } },
  });
  return identity.userId;
}

describe('Outbound messages', () => {
  it('reaches a person on the channel they used last, and records which one delivered', async () => {
    const userId = await linkedPerson();
    const delivery = await test.app.outbound.send(userId, [{ text: 'Pengingat laporan' }]);
    expect(delivery).toMatchObject({ status: 'sent', channel: 'whatsapp', messageIds: ['whatsapp-1'] });
    expect(whatsapp.sent).toEqual([{ to: '62811700@c.us', text: 'Pengingat laporan' }]);
    expect(telegram.sent).toEqual([]);
  });

  it('prefers the channel the person chose, and falls back to the other when it fails', async () => {
    const userId = await linkedPerson();
    await test.app.db.user.update({ where: { id: userId }, data: { preferredChannel: 'telegram' } });
    telegram.next.push({ status: 'failed', reason: 'server error', retryable: true });
    const delivery = await test.app.outbound.send(userId, [{ text: 'A' }]);
    expect(delivery.status).toBe('sent');
    expect(delivery.channel).toBe('whatsapp');
    expect(delivery.attempts.map((a) => [a.channel, a.status])).toEqual([
      ['telegram', 'failed'],
      ['whatsapp', 'sent'],
    ]);
    expect((await test.app.outbound.send(userId, [{ text: 'B' }])).channel).toBe('telegram');
  });

  it('marks an identity blocked when the person blocked Pandu, skips it afterwards, and clears it when they write again', async () => {
    await test.send('telegram:701', 'halo');
    const { userId } = await test.app.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: '701' } },
    });
    telegram.next.push({ status: 'blocked', reason: 'Forbidden: bot was blocked by the user' });
    expect((await test.app.outbound.send(userId, [{ text: 'A' }])).status).toBe('blocked');
    const stored = await test.app.db.channelIdentity.findFirstOrThrow({ where: { userId } });
    expect(stored.blockedAt).not.toBeNull();
    expect(await test.app.outbound.send(userId, [{ text: 'B' }])).toMatchObject({ status: 'unreachable', attempts: [] });
    await test.send('telegram:701', 'saya buka blokirnya');
    expect((await test.app.outbound.send(userId, [{ text: 'C' }])).status).toBe('sent');
    expect(telegram.sent.map((s) => s.text)).toEqual(['C']);
  });

  it('never writes first to someone who has not written to Pandu, and reaches them once they do', async () => {
    const user = await test.app.db.user.create({
      data: { displayName: 'Impor', identities: { create: { channel: 'telegram', externalId: '702', firstMessageAt: null } } },
    });
    expect((await test.app.outbound.send(user.id, [{ text: 'A' }])).status).toBe('unreachable');
    await test.send('telegram:702', 'halo');
    expect((await test.app.outbound.send(user.id, [{ text: 'B' }])).status).toBe('sent');
  });

  it('says a channel that is down can be retried, and sends nothing', async () => {
    await test.send('telegram:703', 'halo');
    const { userId } = await test.app.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: '703' } },
    });
    telegram.up = false;
    expect(await test.app.outbound.send(userId, [{ text: 'A' }])).toMatchObject({ status: 'failed', retryable: true });
    expect(telegram.sent).toEqual([]);
  });
});
