import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/messages.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';
import { recordingSender, type RecordingSender } from '../../support/fake-outbound.js';

const ADMIN = 'telegram:9001';
const DAY = 24 * 60 * 60 * 1000;

let test: ClockedApp;
let telegram: RecordingSender;

beforeEach(async () => {
  test = await startClockedApp(undefined, { ADMIN_TELEGRAM_IDS: '9001' });
  telegram = recordingSender('telegram');
  test.app.outbound.register(telegram);
});
afterEach(async () => {
  await test.close();
});

async function userOf(from: string) {
  const [channel, externalId] = from.split(':') as [string, string];
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel, externalId } },
    include: { user: { include: { scopes: true } } },
  });
  return identity.user;
}

/** Walks a new person through the profile so admins can find them by name, OPD and region. */
async function withProfile(from: string, name: string, opd: string, region: string) {
  await test.send(from, '/profil');
  await test.send(from, name);
  await test.send(from, opd);
  const zone = await test.send(from, region);
  await test.send(from, '', { choiceId: zone.at(-1)!.choices![0]!.id });
}

function pick(replies: Reply[], label: string | RegExp): string {
  const found = replies.flatMap((r) => r.choices ?? []).find((c) => (typeof label === 'string' ? c.label === label : label.test(c.label)));
  if (!found) throw new Error(`no choice ${String(label)} in ${JSON.stringify(replies)}`);
  return found.id;
}

describe('Roles', () => {
  it('makes a configured admin an admin on first contact, also on a linked channel', async () => {
    await test.send(ADMIN, 'halo');
    expect((await userOf(ADMIN)).role).toBe('admin');
    const code = /([A-Z2-9]{6})/.exec(textOf(await test.send(ADMIN, '/hubungkan')))![1]!;
    await test.send('whatsapp:62812000@c.us', `/hubungkan ${code}`);
    expect(textOf(await test.send('whatsapp:62812000@c.us', '/peran'))).toContain('Kelola peran');
  });

  it('lets an admin make a known person coordinator of their OPD, tells them, and writes the audit log', async () => {
    await withProfile('telegram:500', 'Siti Rahmawati', 'Dinas Kesehatan', 'Kabupaten Bantul');
    await test.send(ADMIN, 'halo');
    await test.send(ADMIN, '/peran');
    await test.send(ADMIN, '', { choiceId: 'roles:grant' });
    const people = await test.send(ADMIN, 'rahma');
    const roleMenu = await test.send(ADMIN, '', { choiceId: pick(people, /^Siti Rahmawati/) });
    const scopeMenu = await test.send(ADMIN, '', { choiceId: pick(roleMenu, 'koordinator') });
    const confirm = await test.send(ADMIN, '', { choiceId: pick(scopeMenu, 'Dinas Kesehatan — Kabupaten Bantul') });
    expect(textOf(confirm)).toContain('Berikan peran koordinator untuk Dinas Kesehatan — Kabupaten Bantul kepada Siti Rahmawati');
    const done = textOf(await test.send(ADMIN, '', { choiceId: 'roles:ok' }));
    expect(done).toContain('sekarang koordinator');
    expect(done).toContain('sudah diberi tahu');

    const siti = await userOf('telegram:500');
    expect(siti.role).toBe('coordinator');
    expect(siti.scopes.map((s) => [s.kind, s.regionKey, s.opdKey, s.label])).toEqual([
      ['opd', 'kabupaten bantul', 'dinas kesehatan', 'Dinas Kesehatan — Kabupaten Bantul'],
    ]);
    expect(telegram.sent).toEqual([
      { to: '500', text: expect.stringContaining('koordinator inovasi untuk Dinas Kesehatan — Kabupaten Bantul') },
    ]);
    const audit = await test.app.db.auditEvent.findMany({ where: { action: 'role.grant' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: (await userOf(ADMIN)).id, subject: siti.id, before: { role: 'innovator' } });
    // The new coordinator now runs what coordinators run, and still not what admins run.
    expect(textOf(await test.send('telegram:500', '/peran'))).toContain('hanya untuk admin');
  });

  it('gives a role through a one-time invitation code, scoped to a region typed by the admin', async () => {
    await test.send(ADMIN, '/peran');
    await test.send(ADMIN, '', { choiceId: 'roles:invite' });
    await test.send(ADMIN, '', { choiceId: 'roles:role:coordinator' });
    expect(textOf(await test.send(ADMIN, 'Bogor'))).toContain('Kota Bogor');
    await test.send(ADMIN, 'Kota Makassar');
    const created = textOf(await test.send(ADMIN, '', { choiceId: 'roles:ok' }));
    const code = /\/undangan ([A-Z2-9]{10})/.exec(created)![1]!;

    expect(textOf(await test.send('whatsapp:62813111@c.us', `/undangan ${code.toLowerCase()}`))).toContain(
      'koordinator inovasi untuk Kota Makassar',
    );
    const person = await userOf('whatsapp:62813111@c.us');
    expect(person.role).toBe('coordinator');
    expect(person.scopes.map((s) => [s.kind, s.regionKey])).toEqual([['region', 'kota makassar']]);
    expect(telegram.sent.at(-1)!.text).toContain('sudah dipakai oleh');
    // Used once: a second person gets nothing.
    expect(textOf(await test.send('telegram:777', `/undangan ${code}`))).toContain('sudah pernah dipakai');
    expect((await userOf('telegram:777')).role).toBe('innovator');
  });

  it('refuses an expired code and locks out a person guessing codes', async () => {
    await test.send(ADMIN, '/peran');
    await test.send(ADMIN, '', { choiceId: 'roles:invite' });
    await test.send(ADMIN, '', { choiceId: 'roles:role:admin' });
    const code = /\/undangan ([A-Z2-9]{10})/.exec(textOf(await test.send(ADMIN, '', { choiceId: 'roles:ok' })))![1]!;
    test.advance(8 * DAY);
    expect(textOf(await test.send('telegram:778', `/undangan ${code}`))).toContain('kedaluwarsa');
    for (let i = 0; i < 4; i += 1) await test.send('telegram:778', '/undangan ABCDEFGHJK');
    expect(textOf(await test.send('telegram:778', `/undangan ${code}`))).toContain('Terlalu banyak kode yang salah');
    expect((await userOf('telegram:778')).role).toBe('innovator');
  });

  it("revokes a role (not the admin's own, not a configured admin) and records it", async () => {
    await withProfile('telegram:501', 'Budi Santoso', 'Bappeda', 'Kota Makassar');
    const budi = await userOf('telegram:501');
    await test.send(ADMIN, 'halo');
    const admin = await userOf(ADMIN);
    await test.app.db.user.update({ where: { id: budi.id }, data: { role: 'coordinator' } });

    const menu = await test.send(ADMIN, '', { choiceId: 'roles:revoke' });
    expect(menu[0]!.choices!.map((c) => c.id)).toEqual([`roles:rv:${budi.id}`]);
    await test.send(ADMIN, '', { choiceId: `roles:rv:${budi.id}` });
    expect(textOf(await test.send(ADMIN, '', { choiceId: `roles:rvok:${budi.id}` }))).toContain('sudah dicabut');
    expect((await userOf('telegram:501')).role).toBe('innovator');
    expect(telegram.sent.at(-1)).toEqual({ to: '501', text: expect.stringContaining('telah dicabut') });
    expect(await test.app.db.auditEvent.count({ where: { action: 'role.revoke', subject: budi.id } })).toBe(1);

    expect(textOf(await test.send(ADMIN, '', { choiceId: `roles:rvok:${admin.id}` }))).toContain('peran Anda sendiri');
    await test.send('telegram:502', 'halo');
    const other = await userOf('telegram:502');
    await test.app.db.user.update({ where: { id: other.id }, data: { role: 'admin' } });
    expect(textOf(await test.send('telegram:502', '', { choiceId: `roles:rvok:${admin.id}` }))).toContain('konfigurasi server');
  });
});
