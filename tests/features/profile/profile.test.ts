import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';

let test: ClockedApp;

beforeEach(async () => {
  test = await startClockedApp();
});
afterEach(async () => {
  await test.close();
});

async function stored(externalId: string, channel = 'telegram') {
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel, externalId } },
    include: { user: true },
  });
  return identity.user;
}

describe('Profile', () => {
  it('asks a newcomer for name, OPD, region and zone after the greeting, saving each answer at once', async () => {
    const greeting = await test.send('telegram:800', '/start', { displayName: 'Siti R' });
    expect(greeting).toHaveLength(1);
    expect(greeting[0]!.choices!.map((c) => c.id)).toEqual(['profile:start', 'profile:later']);
    const first = await test.send('telegram:800', '', { choiceId: 'profile:start' });
    expect(textOf(first)).toContain('Siapa nama lengkap Anda?');
    expect(first[0]!.choices!.map((c) => c.label)).toEqual(['Pakai nama Siti R']);

    expect(textOf(await test.send('telegram:800', 'Siti Rahmawati'))).toContain('OPD');
    expect((await stored('800')).fullName).toBe('Siti Rahmawati');

    expect(textOf(await test.send('telegram:800', 'dinkes'))).toContain('OPD tersimpan: Dinas Kesehatan.');
    const afterOpd = await stored('800');
    expect([afterOpd.opd, afterOpd.opdKey]).toEqual(['Dinas Kesehatan', 'dinas kesehatan']);

    const zoneQuestion = await test.send('telegram:800', 'kota makassar');
    expect(textOf(zoneQuestion)).toContain('WITA (dari Kota Makassar)');
    expect(zoneQuestion.at(-1)!.choices![0]!.id).toBe('profile:zone:Asia/Makassar');
    const region = await stored('800');
    expect([region.region, region.regionKey, region.profileAt]).toEqual(['Kota Makassar', 'kota makassar', null]);

    const done = textOf(await test.send('telegram:800', '', { choiceId: 'profile:zone:Asia/Makassar' }));
    expect(done).toContain('• Zona waktu: WITA');
    const complete = await stored('800');
    expect(complete.timeZone).toBe('Asia/Makassar');
    expect(complete.profileAt).not.toBeNull();
    // Known now: the next greeting does not invite again.
    expect((await test.send('telegram:800', '/start'))[0]!.choices).toBeUndefined();
  });

  it('answers a question sent right after the greeting as usual, without opening the profile', async () => {
    await test.send('telegram:806', '/start');
    const answer = textOf(await test.send('telegram:806', 'proposal inovasi daerah isinya apa aja?'));
    expect(answer).toContain('PP 38/2017 Pasal 7 ayat (2)');
    expect(answer).not.toContain('profil');
  });

  it('answers a question typed instead of a name, and keeps waiting for the name', async () => {
    await test.send('telegram:801', '', { choiceId: 'profile:start' });
    const replies = textOf(await test.send('telegram:801', 'berapa lama evaluasi usulan inovasi?'));
    expect(replies).toContain('Kita lanjutkan profil Anda. Siapa nama lengkap Anda?');
    expect((await stored('801')).fullName).toBeNull();
    await test.send('telegram:801', 'Budi Santoso');
    expect((await stored('801')).fullName).toBe('Budi Santoso');
  });

  it('reads "batal" at a question as leaving the profile for later, never as the answer', async () => {
    await test.send('telegram:811', '', { choiceId: 'profile:start' });
    expect(textOf(await test.send('telegram:811', 'batal'))).toContain('/profil');
    expect((await stored('811')).fullName).toBeNull();
    // The flow is closed: the next message is a question again.
    expect(textOf(await test.send('telegram:811', 'berapa lama evaluasi usulan inovasi?'))).not.toContain('Siapa nama lengkap Anda?');
  });

  it('offers the places a name can mean, keeps an unknown region as typed, and re-asks nonsense', async () => {
    await test.send('telegram:802', '/profil');
    await test.send('telegram:802', 'Budi');
    expect(textOf(await test.send('telegram:802', '12'))).toContain('Mohon tulis nama OPD');
    await test.send('telegram:802', 'Bappeda');
    const pick = await test.send('telegram:802', 'Bogor');
    expect(pick[0]!.choices!.map((c) => c.label)).toEqual(expect.arrayContaining(['Kota Bogor', 'Kabupaten Bogor']));
    const chosen = pick[0]!.choices!.find((c) => c.label === 'Kabupaten Bogor')!;
    expect(textOf(await test.send('telegram:802', '', { choiceId: chosen.id }))).toContain('WIB');
    expect((await stored('802')).region).toBe('Kabupaten Bogor');

    await test.send('telegram:802', '', { choiceId: 'profile:edit:region' });
    const unknown = textOf(await test.send('telegram:802', 'Desa Sukamaju Lor'));
    expect(unknown).toContain('belum mengenali "Desa Sukamaju Lor"');
    expect(textOf(await test.send('telegram:802', 'jam delapan'))).toContain('Pilih salah satu zona waktu');
    expect(textOf(await test.send('telegram:802', 'wit'))).toContain('Zona waktu tersimpan: WIT.');
    const user = await stored('802');
    expect([user.region, user.timeZone]).toEqual(['Desa Sukamaju Lor', 'Asia/Jayapura']);
  });

  it('lets a person skip for now, and change one field later without walking through the others', async () => {
    const greeting = await test.send('telegram:803', 'halo');
    expect(textOf(greeting)).toContain('boleh kenalan sebentar');
    expect(textOf(await test.send('telegram:803', '', { choiceId: 'profile:later' }))).toContain('/profil');
    expect(textOf(await test.send('telegram:803', 'halo'))).not.toContain('boleh kenalan sebentar');
    await test.send('telegram:803', '', { choiceId: 'profile:edit:opd' });
    const after = textOf(await test.send('telegram:803', 'Diskominfo'));
    expect(after).toContain('OPD tersimpan: Dinas Komunikasi dan Informatika.');
    expect(after).toContain('Profil Anda:');
    expect((await stored('803')).fullName).toBeNull();
  });

  it('lets a person with Telegram and WhatsApp choose where reminders go first', async () => {
    await test.send('telegram:804', 'halo');
    const code = /([A-Z2-9]{6})/.exec(textOf(await test.send('telegram:804', '/hubungkan')))![1]!;
    await test.send('whatsapp:62811804@c.us', `/hubungkan ${code}`);
    await test.send('telegram:804', '/profil');
    await test.send('telegram:804', 'Wati');
    const menu = await test.send('telegram:804', '/profil');
    expect(menu[0]!.choices!.map((c) => c.id)).toEqual(expect.arrayContaining(['profile:channel:telegram', 'profile:channel:whatsapp']));
    await test.send('telegram:804', '', { choiceId: 'profile:channel:whatsapp' });
    expect((await stored('804')).preferredChannel).toBe('whatsapp');
  });
});
