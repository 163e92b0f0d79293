import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/messages.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';

// Monday 2 March 2026, 09.00 WITA.
const START = new Date('2026-03-02T08:00:00+07:00');

let test: ClockedApp;
let changed: string[];

beforeEach(async () => {
  changed = [];
  test = await startClockedApp(START, { RATE_LIMIT_PER_MINUTE: '0' }, { onScheduleChanged: (id) => void changed.push(id) });
});
afterEach(async () => {
  await test.close();
});

async function userOf(externalId: string, channel = 'telegram') {
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
  return identity.userId;
}

/** A person who has written once and given their whole profile (Dinas Kesehatan, Kota Makassar, WITA). */
async function personWithProfile(externalId: string): Promise<string> {
  await test.send(`telegram:${externalId}`, '/bantuan');
  const userId = await userOf(externalId);
  await test.app.db.user.update({
    where: { id: userId },
    data: {
      fullName: 'Siti Rahmawati',
      opd: 'Dinas Kesehatan',
      opdKey: 'dinas kesehatan',
      region: 'Kota Makassar',
      regionKey: 'kota makassar',
      timeZone: 'Asia/Makassar',
      profileAt: START,
    },
  });
  return userId;
}

async function innovationsOf(userId: string) {
  return test.app.db.innovation.findMany({ where: { ownerId: userId }, orderBy: { createdAt: 'asc' } });
}

function choiceIds(replies: Reply[]): string[] {
  return replies.at(-1)?.choices?.map((c) => c.id) ?? [];
}

function choiceLabels(replies: Reply[]): string[] {
  return replies.at(-1)?.choices?.map((c) => c.label) ?? [];
}

/** Registers a monthly innovation through the chat; returns its id. */
async function register(from: string, name: string, start = '2/1/2026'): Promise<string> {
  await test.send(from, '', { choiceId: 'innovations:add' });
  const afterName = await test.send(from, name);
  const opd = choiceIds(afterName).find((id) => id.endsWith(':profile'))!;
  const id = opd.split(':')[2]!;
  await test.send(from, '', { choiceId: opd });
  await test.send(from, '', { choiceId: `innovations:stage:${id}:uji_coba` });
  await test.send(from, start);
  await test.send(from, '', { choiceId: `innovations:cad:${id}:monthly` });
  await test.send(from, '', { choiceId: `innovations:save:${id}` });
  return id;
}

describe('/inovasi: registering an innovation', () => {
  it('asks for the missing profile first and says to come back to /inovasi', async () => {
    const first = textOf(await test.send('telegram:900', '/inovasi'));
    expect(first).toContain('Fitur ini memerlukan profil Anda');
    expect(first).toContain('Siapa nama lengkap Anda?');
    await test.send('telegram:900', 'Budi Santoso');
    await test.send('telegram:900', 'Bappeda');
    await test.send('telegram:900', 'Kabupaten Bantul');
    const done = textOf(await test.send('telegram:900', '', { choiceId: 'profile:zone:Asia/Jakarta' }));
    expect(done).toContain('Silakan lanjutkan dengan /inovasi');
    expect(textOf(await test.send('telegram:900', '/inovasi'))).toContain('Apa nama inovasinya?');
  });

  it('saves every answer at once, answers a question typed mid-flow, and confirms with the first due dates', async () => {
    const userId = await personWithProfile('901');
    const from = 'telegram:901';
    expect(textOf(await test.send(from, '/inovasi'))).toContain('Apa nama inovasinya?');
    expect(await innovationsOf(userId)).toEqual([]);

    const opdQuestion = await test.send(from, 'Posyandu Keliling Lansia');
    const [draft] = await innovationsOf(userId);
    expect(draft).toMatchObject({
      name: 'Posyandu Keliling Lansia',
      status: 'draft',
      source: 'chat',
      opd: 'Dinas Kesehatan',
      opdKey: 'dinas kesehatan',
      region: 'Kota Makassar',
      regionKey: 'kota makassar',
    });
    const id = draft!.id;
    expect(textOf(opdQuestion)).toContain('OPD mana yang menjalankan inovasi "Posyandu Keliling Lansia"?');
    expect(choiceLabels(opdQuestion)).toEqual(['Dinas Kesehatan', 'OPD lain']);

    // "OPD lain", then a short name that is expanded and stored with its key.
    expect(textOf(await test.send(from, '', { choiceId: `innovations:opd:${id}:other` }))).toContain('Ketik nama OPD');
    const stageQuestion = await test.send(from, 'dinsos');
    expect(textOf(stageQuestion)).toContain('OPD tersimpan: Dinas Sosial.');
    expect((await innovationsOf(userId))[0]).toMatchObject({ opd: 'Dinas Sosial', opdKey: 'dinas sosial' });
    expect(choiceLabels(stageQuestion)).toEqual(['Usulan', 'Uji coba', 'Penerapan']);

    // A question instead of the stage: answered with its citation, not saved, and the stage asked again.
    const before = await innovationsOf(userId);
    const question = await test.send(from, 'berapa lama evaluasi usulan inovasi?');
    expect(textOf(question)).toContain('PP 38/2017 Pasal 13 ayat (1)');
    expect(textOf(question)).toContain('Kita lanjutkan pendaftaran inovasi. Inovasi "Posyandu Keliling Lansia" sekarang ada di tahap apa?');
    expect(choiceIds(question)).toContain(`innovations:stage:${id}:uji_coba`);
    expect(await innovationsOf(userId)).toEqual(before);

    const startQuestion = await test.send(from, 'uji coba');
    expect((await innovationsOf(userId))[0]!.stage).toBe('uji_coba');
    expect(textOf(startQuestion)).toContain('Sejak tanggal berapa tahap uji coba berjalan? Contoh: 2/1/2026, 2 Januari 2026');

    const invalid = textOf(await test.send(from, '31/2'));
    expect(invalid).toContain('Maaf, tanggal "31/2" belum saya pahami. Contoh:');
    expect((await innovationsOf(userId))[0]!.startDate).toBe('2026-03-02');

    // "15 Januari" leans to the past for a start date.
    const cadenceQuestion = await test.send(from, '15 Januari');
    expect(textOf(cadenceQuestion)).toContain('Tanggal mulai tersimpan: 15 Januari 2026.');
    expect((await innovationsOf(userId))[0]!.startDate).toBe('2026-01-15');
    expect(choiceIds(cadenceQuestion)).toEqual([
      `innovations:cad:${id}:monthly`,
      `innovations:cad:${id}:quarterly`,
      `innovations:cad:${id}:end_of_trial`,
    ]);

    expect(textOf(await test.send(from, '', { choiceId: `innovations:cad:${id}:end_of_trial` }))).toContain('Kapan uji coba berakhir?');
    expect((await innovationsOf(userId))[0]!.cadence).toBe('end_of_trial');
    expect(textOf(await test.send(from, '1/1/2026'))).toContain('Akhir uji coba harus setelah tanggal mulai (15 Januari 2026)');
    expect(textOf(await test.send(from, 'kapan-kapan'))).toContain('Contoh: 15/1/2027, 15 Januari 2027, besok, Senin depan, akhir bulan.');

    const summary = textOf(await test.send(from, 'akhir Juni'));
    expect((await innovationsOf(userId))[0]).toMatchObject({ trialEndDate: '2026-06-30', status: 'draft' });
    expect(summary).toContain('Periksa dulu sebelum disimpan:');
    expect(summary).toContain('• Tahap: uji coba, mulai 15 Januari 2026');
    expect(summary).toContain('• Akhir uji coba: 30 Juni 2026');
    expect(summary).toContain('• akhir uji coba: paling lambat 30 Juni 2026');
    expect(summary).toContain('Pengingat datang 3 hari sebelumnya dan pada harinya, pukul 08.00 WITA.');
    expect(changed).toEqual([]);

    const saved = textOf(await test.send(from, '', { choiceId: `innovations:save:${id}` }));
    expect(saved).toContain('Inovasi "Posyandu Keliling Lansia" tersimpan.');
    expect((await innovationsOf(userId))[0]!.status).toBe('active');
    expect(changed).toEqual([id]);
    // The flow is closed: the next message is an ordinary question again.
    expect(textOf(await test.send(from, 'berapa lama evaluasi usulan inovasi?'))).not.toContain('Kita lanjutkan');
  });

  it('shows the first three monthly due dates, and offers the six-month report only for penerapan', async () => {
    await personWithProfile('902');
    const from = 'telegram:902';
    await test.send(from, '/inovasi');
    const opd = choiceIds(await test.send(from, 'Sapa Warga Digital')).find((c) => c.endsWith(':profile'))!;
    const id = opd.split(':')[2]!;
    await test.send(from, '', { choiceId: opd });
    await test.send(from, '', { choiceId: `innovations:stage:${id}:penerapan` });
    const cadences = await test.send(from, '', { choiceId: `innovations:today:${id}` });
    expect(textOf(cadences)).toContain('Tanggal mulai tersimpan: 2 Maret 2026.');
    expect(choiceIds(cadences)).toEqual([
      `innovations:cad:${id}:monthly`,
      `innovations:cad:${id}:quarterly`,
      `innovations:cad:${id}:after_penerapan`,
    ]);
    const summary = textOf(await test.send(from, 'bulanan'));
    expect(summary).toContain(
      '• Maret 2026: paling lambat 31 Maret 2026\n• April 2026: paling lambat 30 April 2026\n• Mei 2026: paling lambat 31 Mei 2026',
    );
  });

  it('cancels a registration with "batal", leaving nothing behind', async () => {
    const userId = await personWithProfile('903');
    await test.send('telegram:903', '/inovasi');
    await test.send('telegram:903', 'Inovasi Coba-coba');
    expect(await innovationsOf(userId)).toHaveLength(1);
    expect(textOf(await test.send('telegram:903', 'batal'))).toContain('Pendaftaran inovasi dibatalkan');
    expect(await innovationsOf(userId)).toEqual([]);
  });

  it('refuses a stale answer button, and never touches another person’s innovation', async () => {
    const owner = await personWithProfile('904');
    const id = await register('telegram:904', 'Lapor Cepat');
    changed = [];
    // The registration is over: its stage button no longer applies.
    expect(textOf(await test.send('telegram:904', '', { choiceId: `innovations:stage:${id}:penerapan` }))).toContain('sudah tidak berlaku');
    await personWithProfile('905');
    for (const payload of [`open:${id}`, `pause:${id}`, `endok:${id}`, `edit:${id}:stage`, `save:${id}`]) {
      expect(textOf(await test.send('telegram:905', '', { choiceId: `innovations:${payload}` }))).toContain('sudah tidak berlaku');
    }
    expect((await innovationsOf(owner))[0]).toMatchObject({ stage: 'uji_coba', status: 'active' });
    expect(changed).toEqual([]);
  });
});

describe('/inovasi: the list and changes', () => {
  it('lists innovations with stage, cadence and next due date, and changes stage, start date and cadence, telling the planner each time', async () => {
    const userId = await personWithProfile('910');
    const from = 'telegram:910';
    const first = await register(from, 'Posyandu Keliling Lansia');
    const second = await register(from, 'Sapa Warga Digital', '1 Februari 2026');
    expect(changed).toEqual([first, second]);

    const list = await test.send(from, '/inovasi');
    expect(textOf(list)).toContain('Inovasi Anda:');
    expect(textOf(list)).toContain(
      '1. Posyandu Keliling Lansia — uji coba sejak 2 Januari 2026; laporan bulanan; berikutnya Maret 2026, paling lambat 31 Maret 2026',
    );
    expect(textOf(list)).toContain('2. Sapa Warga Digital — uji coba sejak 1 Februari 2026');
    expect(choiceLabels(list)).toEqual(['Posyandu Keliling Lansia', 'Sapa Warga Digital', 'Tambah inovasi']);

    const view = await test.send(from, '', { choiceId: `innovations:open:${first}` });
    expect(textOf(view)).toContain('• Status: aktif, pengingat berjalan');
    expect(choiceIds(view)).toEqual(
      expect.arrayContaining([`innovations:edit:${first}:stage`, `innovations:pause:${first}`, `innovations:end:${first}`]),
    );

    changed = [];
    await test.send(from, '', { choiceId: `innovations:edit:${first}:stage` });
    const startQuestion = await test.send(from, 'penerapan');
    expect(textOf(startQuestion)).toContain('Sejak tanggal berapa tahap penerapan berjalan?');
    expect((await innovationsOf(userId))[0]!.stage).toBe('penerapan');
    await test.send(from, '1/3/2026');
    expect((await innovationsOf(userId))[0]!.startDate).toBe('2026-03-01');
    const after = textOf(await test.send(from, '6 bulan setelah penerapan'));
    expect(after).toContain('Jadwal laporan tersimpan: sekali, 6 bulan setelah penerapan.');
    expect(after).toContain('• 6 bulan setelah penerapan: paling lambat 1 September 2026');
    expect((await innovationsOf(userId))[0]!.cadence).toBe('after_penerapan');
    expect(changed).toEqual([first, first, first]);

    // One field alone: the start date, then back to the innovation.
    changed = [];
    await test.send(from, '', { choiceId: `innovations:edit:${second}:start` });
    const back = textOf(await test.send(from, 'kemarin'));
    expect(back).toContain('Tanggal mulai tersimpan: 1 Maret 2026.');
    expect(back).toContain('Apa yang ingin diubah?');
    expect(changed).toEqual([second]);
  });

  it('pauses, resumes and ends an innovation; an ended one has no next due date', async () => {
    const userId = await personWithProfile('911');
    const from = 'telegram:911';
    const id = await register(from, 'Bank Sampah Digital');
    changed = [];
    expect(textOf(await test.send(from, '', { choiceId: `innovations:pause:${id}` }))).toContain(
      'Pengingat untuk "Bank Sampah Digital" dijeda.',
    );
    expect((await innovationsOf(userId))[0]!.status).toBe('paused');
    expect(textOf(await test.send(from, '/inovasi'))).toContain('laporan bulanan; dijeda');
    await test.send(from, '', { choiceId: `innovations:unpause:${id}` });
    expect((await innovationsOf(userId))[0]!.status).toBe('active');

    const question = await test.send(from, '', { choiceId: `innovations:end:${id}` });
    expect(textOf(question)).toContain('Akhiri "Bank Sampah Digital"?');
    expect((await innovationsOf(userId))[0]!.status).toBe('active');
    const ended = await test.send(from, '', { choiceId: `innovations:endok:${id}` });
    expect(textOf(ended)).toContain('sudah diakhiri');
    expect(textOf(ended)).not.toContain('Laporan berikutnya');
    expect(choiceIds(ended)).toEqual([`innovations:unpause:${id}`, 'innovations:list']);
    expect((await innovationsOf(userId))[0]!.status).toBe('ended');
    expect(textOf(await test.send(from, '/inovasi'))).toContain('laporan bulanan; selesai');
    expect(changed).toEqual([id, id, id]);
  });

  it('offers an unfinished registration on /inovasi and continues it', async () => {
    const userId = await personWithProfile('912');
    const from = 'telegram:912';
    await test.send(from, '/inovasi');
    await test.send(from, 'Kelas Ibu Hamil');
    // A day and a half later, after other conversations.
    test.advance(36 * 60 * 60 * 1000);
    const list = await test.send(from, '/inovasi');
    expect(textOf(list)).toContain('Pendaftaran yang belum selesai: "Kelas Ibu Hamil".');
    const [draft] = await innovationsOf(userId);
    expect(choiceIds(list)).toEqual([`innovations:resume:${draft!.id}`, 'innovations:add']);
    const resumed = await test.send(from, '', { choiceId: `innovations:resume:${draft!.id}` });
    expect(textOf(resumed)).toContain('OPD mana yang menjalankan inovasi "Kelas Ibu Hamil"?');
  });
});

describe('/inovasi from a finished proposal', () => {
  async function finishProposal(from: string, title: string): Promise<Reply[]> {
    await test.send(from, '/proposal baru');
    await test.send(from, '', { choiceId: 'proposal:tpl:pp38-2017' });
    await test.send(from, title);
    await test.send(from, 'lanjut');
    await test.send(from, 'Inovasi pelayanan publik di urusan kesehatan.');
    return test.send(from, 'selesai');
  }

  it('offers one button that registers the innovation under the proposal’s title, linked to the proposal', async () => {
    const userId = await personWithProfile('920');
    const from = 'telegram:920';
    const finished = await finishProposal(from, 'Dapur Gizi Desa');
    const draft = await test.app.db.proposalDraft.findFirstOrThrow({ where: { userId } });
    const offer = finished.at(-1)!.choices!.find((c) => c.id === `innovations:from:${draft.id}`);
    expect(offer?.label).toBe('Daftarkan sebagai inovasi (pengingat laporan)');

    const nameQuestion = await test.send(from, '', { choiceId: offer!.id });
    expect(textOf(nameQuestion)).toContain('Nama inovasinya "Dapur Gizi Desa", sesuai judul proposal?');
    const [row] = await innovationsOf(userId);
    expect(row).toMatchObject({ name: 'Dapur Gizi Desa', source: 'proposal', proposalDraftId: draft.id, status: 'draft' });
    await test.send(from, '', { choiceId: choiceIds(nameQuestion)[0]! });
    await test.send(from, '', { choiceId: `innovations:opd:${row!.id}:profile` });
    await test.send(from, '', { choiceId: `innovations:stage:${row!.id}:usulan` });
    await test.send(from, 'hari ini');
    await test.send(from, '', { choiceId: `innovations:cad:${row!.id}:quarterly` });
    await test.send(from, '', { choiceId: `innovations:save:${row!.id}` });
    expect((await innovationsOf(userId))[0]).toMatchObject({ status: 'active', cadence: 'quarterly', source: 'proposal' });

    const again = textOf(await test.send(from, '', { choiceId: offer!.id }));
    expect(again).toContain('Inovasi dari proposal ini sudah terdaftar.');
    expect(await innovationsOf(userId)).toHaveLength(1);
  });

  it('keeps the link to the proposal while the profile is filled in first', async () => {
    const from = 'telegram:921';
    const finished = await finishProposal(from, 'Sekolah Lapang Iklim');
    const offer = finished.at(-1)!.choices!.find((c) => c.id.startsWith('innovations:from:'))!;
    expect(textOf(await test.send(from, '', { choiceId: offer.id }))).toContain('Fitur ini memerlukan profil Anda');
    const userId = await userOf('921');
    expect((await innovationsOf(userId))[0]).toMatchObject({ name: 'Sekolah Lapang Iklim', source: 'proposal', status: 'draft' });
    await test.send(from, 'Andi Wijaya');
    await test.send(from, 'Dinas Pertanian');
    await test.send(from, 'Kabupaten Gowa');
    await test.send(from, '', { choiceId: 'profile:zone:Asia/Makassar' });
    const list = await test.send(from, '/inovasi');
    expect(choiceLabels(list)).toEqual(['Lanjutkan: Sekolah Lapang Iklim', 'Tambah inovasi']);
  });
});

describe('innovations and linked channels', () => {
  it('keep their innovations when the person links the account that owns them to another channel', async () => {
    const owner = await personWithProfile('930');
    const id = await register('telegram:930', 'Ambulans Desa');
    // A new WhatsApp account issues the code; the Telegram account that owns the innovation redeems it.
    await test.send('whatsapp:62811930@c.us', 'halo');
    const code = /([A-Z2-9]{6})/.exec(textOf(await test.send('whatsapp:62811930@c.us', '/hubungkan')))![1]!;
    await test.send('telegram:930', `/hubungkan ${code}`);
    const merged = await userOf('62811930@c.us', 'whatsapp');
    expect(merged).not.toBe(owner);
    expect(await userOf('930')).toBe(merged);
    expect((await innovationsOf(merged)).map((i) => i.id)).toEqual([id]);
  });
});
