import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_TTL_MS, normaliseCode } from '../../src/features/linking/link-codes.js';
import { LOCKOUT_MS } from '../../src/features/linking/link-guard.js';
import { startClockedApp, textOf, type ClockedApp } from './support/clocked-app.js';

let test: ClockedApp;

beforeAll(async () => {
  test = await startClockedApp();
});
afterAll(async () => {
  await test.close();
});

let counter = 0;
/** A fresh person on a channel, so tests do not share codes, sessions or lockouts. */
const person = (channel: 'telegram' | 'whatsapp' | 'terminal') =>
  `${channel}:${channel === 'telegram' ? '' : '62'}${(counter += 1) + 7000}`;

async function issueCode(from: string): Promise<string> {
  const text = textOf(await test.send(from, '/hubungkan'));
  const code = /Kode penghubung Anda: ([A-Z0-9]+)/.exec(text)?.[1];
  if (!code) throw new Error(`no code in: ${text}`);
  return code;
}

async function userIdOf(from: string): Promise<string> {
  const [channel, externalId] = from.split(':') as [string, string];
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
  return identity.userId;
}

describe('/hubungkan (linking Telegram and WhatsApp)', () => {
  it('issues a six-character code that is easy to type, valid for 10 minutes', async () => {
    const from = person('telegram');
    const text = textOf(await test.send(from, '/hubungkan'));
    expect(text).toMatch(/^Kode penghubung Anda: [ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}\n/);
    expect(text).toContain('berlaku 10 menit');
    const code = /: ([A-Z0-9]{6})/.exec(text)![1]!;
    expect(text).toContain(`/hubungkan ${code}`);
    const row = await test.app.db.linkCode.findUniqueOrThrow({ where: { code } });
    expect(row.expiresAt.getTime() - test.now().getTime()).toBe(CODE_TTL_MS);
  });

  it('links the second channel to the first person, moving identities and drafts', async () => {
    const telegram = person('telegram');
    const whatsapp = person('whatsapp');
    await test.send(telegram, 'halo', { displayName: 'Sari' });
    const owner = await userIdOf(telegram);
    await test.send(whatsapp, 'halo');
    const other = await userIdOf(whatsapp);
    const draft = await test.app.db.proposalDraft.create({ data: { userId: other, templateId: 'uji', title: 'Draf dari WhatsApp' } });

    const code = await issueCode(telegram);
    // Typed in lower case with a separator, as people do on a phone.
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`;
    expect(normaliseCode(typed)).toBe(code);
    const reply = textOf(await test.send(whatsapp, `/hubungkan ${typed}`));
    expect(reply).toBe(
      'Berhasil! Akun Anda di Telegram dan WhatsApp sekarang terhubung. Draf proposal dan peran Anda dipakai bersama di semua kanal.',
    );

    expect(await userIdOf(whatsapp)).toBe(owner);
    expect(await userIdOf(telegram)).toBe(owner);
    expect(await test.app.db.proposalDraft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ userId: owner });
    expect(await test.app.db.user.findUnique({ where: { id: other } })).toBeNull();
    expect(await test.app.db.user.findUniqueOrThrow({ where: { id: owner } })).toMatchObject({ displayName: 'Sari' });
    // The next message from WhatsApp is the same person.
    await test.send(whatsapp, 'halo lagi');
    expect(await test.app.db.channelIdentity.count({ where: { userId: owner } })).toBe(2);
  });

  it("keeps the role of the account that issued the code, so entering a stranger's code grants no role", async () => {
    const issuer = person('telegram');
    const coordinator = person('whatsapp');
    await test.send(issuer, 'halo');
    await test.send(coordinator, 'halo');
    await test.app.db.user.update({ where: { id: await userIdOf(coordinator) }, data: { role: 'coordinator' } });
    const code = await issueCode(issuer);
    await test.send(coordinator, `/hubungkan ${code}`);
    expect(await test.app.db.user.findUniqueOrThrow({ where: { id: await userIdOf(issuer) } })).toMatchObject({ role: 'innovator' });
  });

  it('lets only one of two simultaneous redemptions of a code succeed', async () => {
    const issuer = person('telegram');
    const code = await issueCode(issuer);
    const [a, b] = await Promise.all([
      test.send(person('whatsapp'), `/hubungkan ${code}`),
      test.send(person('terminal'), `/hubungkan ${code}`),
    ]);
    const linked = [a, b].filter((r) => textOf(r).startsWith('Berhasil'));
    expect(linked).toHaveLength(1);
    expect(await test.app.db.channelIdentity.count({ where: { userId: await userIdOf(issuer) } })).toBe(2);
  });

  it('does not accept a code twice', async () => {
    const telegram = person('telegram');
    const code = await issueCode(telegram);
    await test.send(person('whatsapp'), `/hubungkan ${code}`);
    expect(textOf(await test.send(person('whatsapp'), `/hubungkan ${code}`))).toContain('Kode tidak dikenali');
  });

  it('says a wrong code is not recognised and how many attempts are left', async () => {
    expect(textOf(await test.send(person('whatsapp'), '/hubungkan ZZZZZZ'))).toBe(
      'Kode tidak dikenali. Periksa lagi kodenya (sisa percobaan: 4), atau minta kode baru dengan /hubungkan di kanal asal.',
    );
  });

  it('says an expired code has expired', async () => {
    const code = await issueCode(person('telegram'));
    test.advance(CODE_TTL_MS + 1000);
    expect(textOf(await test.send(person('whatsapp'), `/hubungkan ${code}`))).toBe(
      'Kode sudah kedaluwarsa. Minta kode baru dengan /hubungkan di kanal asal (sisa percobaan: 4).',
    );
  });

  it('replaces an earlier code when a new one is issued', async () => {
    const telegram = person('telegram');
    const first = await issueCode(telegram);
    const second = await issueCode(telegram);
    expect(second).not.toBe(first);
    expect(textOf(await test.send(person('whatsapp'), `/hubungkan ${first}`))).toContain('Kode tidak dikenali');
  });

  it('refuses a code sent from the account that asked for it', async () => {
    const telegram = person('telegram');
    const code = await issueCode(telegram);
    expect(textOf(await test.send(telegram, `/hubungkan ${code}`))).toBe(test.app.i18n.t('linking.same_user'));
    // The code is still good for the other channel.
    expect(textOf(await test.send(person('whatsapp'), `/hubungkan ${code}`))).toContain('Berhasil!');
  });

  it('locks a person out for 15 minutes after 5 wrong codes, even for a right one', async () => {
    const guesser = person('whatsapp');
    const left: string[] = [];
    for (let i = 0; i < 4; i += 1) left.push(/sisa percobaan: (\d)/.exec(textOf(await test.send(guesser, '/hubungkan AAAAAA')))![1]!);
    expect(left).toEqual(['4', '3', '2', '1']);
    expect(textOf(await test.send(guesser, '/hubungkan AAAAAA'))).toBe(
      'Terlalu banyak kode yang salah. Demi keamanan, coba lagi dalam 15 menit.',
    );

    const code = await issueCode(person('telegram'));
    test.advance(5 * 60_000);
    expect(textOf(await test.send(guesser, `/hubungkan ${code}`))).toBe(
      'Terlalu banyak kode yang salah. Demi keamanan, coba lagi dalam 10 menit.',
    );
    test.advance(LOCKOUT_MS - 5 * 60_000 + 1000);
    const fresh = await issueCode(person('telegram'));
    expect(textOf(await test.send(guesser, `/hubungkan ${fresh}`))).toContain('Berhasil!');
  });
});
