import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opdScope, regionScope } from '../../../src/people/scope-input.js';
import { ScopeStore } from '../../../src/people/scopes.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';
import { FAKE_OPT_OUT_LINE, FakeBroadcasts } from '../../support/fake-broadcasts.js';
import { person, pick } from '../reports/report-harness.js';
import { innovator, PDF, sentFile } from './broadcast-harness.js';

// Sunday 6 December 2026, 08.00 UTC: 15.00 WIB, 16.00 WITA.
const NOW = new Date('2026-12-06T08:00:00Z');
const RINA = 'telegram:7001';
const ADMIN = 'telegram:7002';
const ANI = 'telegram:7003';
const WA_COORD = 'whatsapp:628111000111@c.us';
const DEWI = 'telegram:7009';

let test: ClockedApp;
const fake = new FakeBroadcasts(() => test.now());
let rina: string;
let ani: string;

beforeAll(async () => {
  test = await startClockedApp(NOW, { RATE_LIMIT_PER_MINUTE: '0' }, { broadcasts: fake });
  const scopes = new ScopeStore(test.app.db);
  // Rina oversees the whole of Kabupaten Bantul and reads times in WITA.
  rina = await person(
    test,
    RINA,
    { fullName: 'Rina Koordinator', opd: 'Bappeda', region: 'Kabupaten Bantul', timeZone: 'Asia/Makassar' },
    'coordinator',
  );
  await scopes.add(rina, regionScope('Kabupaten Bantul'));
  fake.allow(rina, await scopes.list(rina));
  const admin = await person(test, ADMIN, { fullName: 'Admin Pusat', opd: 'Bappeda', region: 'Kota Makassar' }, 'admin');
  fake.allow(admin, 'all');
  // A coordinator of one OPD who works on WhatsApp (numbered choices).
  const wa = await person(test, WA_COORD, { fullName: 'Wati Koordinator', opd: 'Dinkes', region: 'Kabupaten Bantul' }, 'coordinator');
  await scopes.add(wa, opdScope('Dinkes', 'Kabupaten Bantul'));
  fake.allow(wa, await scopes.list(wa));
  // Dewi coordinates Makassar: she must never see or touch Rina's broadcasts.
  const dewi = await person(test, DEWI, { fullName: 'Dewi Koordinator', opd: 'Bappeda', region: 'Kota Makassar' }, 'coordinator');
  await scopes.add(dewi, regionScope('Kota Makassar'));
  fake.allow(dewi, await scopes.list(dewi));

  ani = await innovator(
    test,
    fake,
    ANI,
    { fullName: 'Ani Lestari', opd: 'Dinas Kesehatan', region: 'Kabupaten Bantul' },
    { overdue: true },
  );
  await innovator(
    test,
    fake,
    'whatsapp:628122000222@c.us',
    { fullName: 'Budi Santoso', opd: 'Dinas Pendidikan', region: 'Kabupaten Bantul' },
    { stages: ['penerapan'] },
  );
  await innovator(test, fake, 'telegram:7005', { fullName: 'Citra Dewi', opd: 'Dinas Kesehatan', region: 'Kota Makassar' });
  await innovator(
    test,
    fake,
    'telegram:7006',
    { fullName: 'Dedi Berhenti', opd: 'Dinas Kesehatan', region: 'Kabupaten Bantul' },
    { optedOut: true },
  );
  await innovator(
    test,
    fake,
    'telegram:7007',
    { fullName: 'Eko Senyap', opd: 'Dinas Kesehatan', region: 'Kabupaten Bantul' },
    { channel: null },
  );
  await innovator(
    test,
    fake,
    'telegram:7008',
    { fullName: 'Fajar Usulan', opd: 'Dinkes', region: 'Kabupaten Bantul' },
    { stages: ['usulan'] },
  );
});
afterAll(async () => {
  await test.close();
});

const draftsDir = () => path.join(test.dataDir, 'broadcasts', 'drafts');
/** The draft documents stored for a person (none when their folder is gone). */
const draftFiles = (userId: string) => {
  const dir = path.join(draftsDir(), userId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('/umumkan: writing, audience, preview, sending', () => {
  it('refuses people who are not coordinators, on the command and on its choices', async () => {
    const forbidden = test.app.i18n.t('common.forbidden', { role: test.app.i18n.t('roles.name.coordinator') });
    expect(textOf(await test.send(ANI, '/umumkan'))).toBe(forbidden);
    expect(textOf(await test.send(ANI, '/umumkan_status'))).toBe(forbidden);
    expect(textOf(await test.send(ANI, '', { choiceId: 'umumkan:next' }))).toBe(forbidden);
    expect(fake.created).toHaveLength(0);
  });

  it('takes a coordinator from the message and a document through filters and a preview to sending now', async () => {
    expect(textOf(await test.send(RINA, '/umumkan'))).toContain('tulis isi pengumumannya');
    const askDoc = await test.send(RINA, 'Yth. Bapak/Ibu inovator, pelatihan IGA diadakan Senin pukul 09.00 di Bappeda.');
    expect(textOf(askDoc)).toContain('Ingin melampirkan dokumen');
    const menu = textOf(await test.send(RINA, '', { file: sentFile('Undangan Pelatihan.pdf', PDF) }));
    expect(menu).toContain('📎 Lampiran diterima: Undangan Pelatihan.pdf (2 KB).');
    expect(menu).toContain('Penerima: semua inovator dalam cakupan Anda');
    // Everyone in Bantul: Ani, Fajar (Telegram), Budi (WhatsApp); Dedi opted out, Eko unreachable; never Citra (Makassar).
    expect(menu).toContain('Menjangkau 3 orang: 2 lewat Telegram, 1 lewat WhatsApp.');
    expect(menu).toContain('1 orang tidak akan menerimanya karena memilih berhenti menerima pengumuman (BERHENTI).');
    expect(menu).toContain('1 orang tidak dapat dihubungi');
    expect(draftFiles(rina)).toEqual(['Undangan Pelatihan.pdf']);

    // Only OPDs within Rina's scope are offered.
    const opds = await test.send(RINA, '', { choiceId: 'umumkan:opd' });
    expect(opds[0]!.choices!.map((c) => c.label)).toEqual([
      'Dinas Kesehatan — Kabupaten Bantul',
      'Dinas Pendidikan — Kabupaten Bantul',
      'Kembali',
    ]);
    const withOpd = textOf(await test.send(RINA, '', { choiceId: pick(opds, 'Dinas Kesehatan — Kabupaten Bantul') }));
    expect(withOpd).toContain('Penerima: OPD Dinas Kesehatan — Kabupaten Bantul');
    expect(withOpd).toContain('Menjangkau 2 orang: 2 lewat Telegram, 0 lewat WhatsApp.');
    const stages = await test.send(RINA, '', { choiceId: 'umumkan:stages' });
    const withStage = textOf(await test.send(RINA, '', { choiceId: pick(stages, 'Tahap uji coba') }));
    expect(withStage).toContain('Penerima: OPD Dinas Kesehatan — Kabupaten Bantul; tahap uji coba');
    expect(withStage).toContain('Menjangkau 1 orang: 1 lewat Telegram, 0 lewat WhatsApp.');

    // A restart in the middle loses nothing: the draft lives in the session.
    await test.restart();
    const preview = await test.send(RINA, '', { choiceId: 'umumkan:next' });
    expect(preview[0]!.text).toBe('👀 Pratinjau: beginilah yang diterima lewat Telegram (1 pesan):');
    expect(preview[1]!.text).toBe(`Yth. Bapak/Ibu inovator, pelatihan IGA diadakan Senin pukul 09.00 di Bappeda.\n\n${FAKE_OPT_OUT_LINE}`);
    expect(preview[2]!.document!.data.equals(PDF)).toBe(true);
    expect(preview.at(-1)!.choices!.map((c) => c.label)).toEqual([
      'Kirim sekarang',
      'Jadwalkan',
      'Ubah penerima',
      'Ubah isi pesan',
      'Batal',
    ]);

    const confirm = textOf(await test.send(RINA, '', { choiceId: pick(preview, 'Kirim sekarang') }));
    expect(confirm).toContain('Kirim pengumuman ini sekarang kepada 1 orang (1 lewat Telegram, 0 lewat WhatsApp)?');
    expect(confirm).toContain('Lampiran: Undangan Pelatihan.pdf');
    expect(fake.created).toHaveLength(0);
    const done = await test.send(RINA, '', { choiceId: 'umumkan:confirm' });
    expect(textOf(done)).toContain('Pengumuman sedang dikirim');
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]).toMatchObject({
      createdById: rina,
      text: 'Yth. Bapak/Ibu inovator, pelatihan IGA diadakan Senin pukul 09.00 di Bappeda.',
      audience: { opds: ['kabupaten bantul/dinas kesehatan'], stages: ['uji_coba'] },
      document: { fileName: 'Undangan Pelatihan.pdf', mimeType: 'application/pdf' },
    });
    expect(fake.created[0]!.document!.data.equals(PDF)).toBe(true);
    expect(fake.created[0]!.scheduledAt).toBeUndefined();
    // The draft and its file are gone; a second tap on the confirmation sends nothing more.
    expect(draftFiles(rina)).toEqual([]);
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:confirm' }))).toBe(test.app.i18n.t('common.choice_expired'));
    expect(fake.created).toHaveLength(1);
  });

  it('matches typed region and OPD names against the coordinator’s scope only', async () => {
    await test.send(RINA, '/umumkan Rapat koordinasi Jumat.');
    await test.send(RINA, '', { choiceId: 'umumkan:skipdoc' });
    const regions = await test.send(RINA, '', { choiceId: 'umumkan:region' });
    expect(regions[0]!.choices!.map((c) => c.label)).toEqual(['Kabupaten Bantul', 'Kembali']);
    expect(textOf(await test.send(RINA, 'Makassar'))).toContain('Wilayah "Makassar" tidak ada dalam cakupan Anda');
    expect(textOf(await test.send(RINA, 'kab bantul'))).toContain('Penerima: wilayah Kabupaten Bantul');
    await test.send(RINA, '', { choiceId: 'umumkan:opd' });
    expect(textOf(await test.send(RINA, 'Dinas Perhubungan'))).toContain('OPD "Dinas Perhubungan" tidak saya temukan');
    const typed = textOf(await test.send(RINA, 'disdik'));
    expect(typed).toContain('Penerima: wilayah Kabupaten Bantul; OPD Dinas Pendidikan — Kabupaten Bantul');
    expect(typed).toContain('Menjangkau 1 orang: 0 lewat Telegram, 1 lewat WhatsApp.');
    // Overdue only: nobody in Dinas Pendidikan is late, so there is nobody to send to.
    await test.send(RINA, '', { choiceId: 'umumkan:overdue' });
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:next' }))).toContain(
      'Tidak ada penerima yang bisa dihubungi dengan pilihan ini',
    );
    const cleared = textOf(await test.send(RINA, '', { choiceId: 'umumkan:all' }));
    expect(cleared).toContain('Penerima: semua inovator dalam cakupan Anda');
    expect(textOf(await test.send(RINA, 'batal'))).toContain('pembuatan pengumuman dihentikan');
  });

  it('offers an OPD coordinator on WhatsApp only their OPD, by numbered choices', async () => {
    await test.send(WA_COORD, '/umumkan');
    const askDoc = await test.send(WA_COORD, 'Mohon lengkapi data IGA paling lambat Jumat.');
    expect(askDoc[0]!.choices!.map((c) => c.label)).toEqual(['Lanjut tanpa lampiran', 'Batal']);
    const menu = await test.send(WA_COORD, '1');
    expect(textOf(menu)).toContain('Menjangkau 2 orang: 2 lewat Telegram, 0 lewat WhatsApp.');
    const labels = menu[0]!.choices!.map((c) => c.label);
    const regions = await test.send(WA_COORD, String(labels.indexOf('+ Wilayah') + 1));
    expect(regions[0]!.choices!.map((c) => c.label)).toEqual(['Kabupaten Bantul', 'Kembali']);
    await test.send(WA_COORD, '2');
    const opds = await test.send(WA_COORD, String(labels.indexOf('+ OPD') + 1));
    expect(opds[0]!.choices!.map((c) => c.label)).toEqual(['Dinas Kesehatan — Kabupaten Bantul', 'Kembali']);
    const back = await test.send(WA_COORD, '2');
    const preview = await test.send(WA_COORD, String(back[0]!.choices!.findIndex((c) => c.label === 'Lanjut ke pratinjau') + 1));
    expect(textOf(preview)).toContain('Mohon lengkapi data IGA paling lambat Jumat.');
    await test.send(WA_COORD, '1'); // Kirim sekarang
    expect(textOf(await test.send(WA_COORD, '1'))).toContain('Pengumuman sedang dikirim');
    expect(fake.created.at(-1)).toMatchObject({ text: 'Mohon lengkapi data IGA paling lambat Jumat.', audience: {} });
  });

  it('previews each channel apart when recipients would get it differently (a long text splits on Telegram only)', async () => {
    const long = `${'Materi pelatihan IGA. '.repeat(200)}Selesai.`;
    await test.send(RINA, `/umumkan ${long}`);
    await test.send(RINA, '', { choiceId: 'umumkan:skipdoc' });
    const preview = await test.send(RINA, '', { choiceId: 'umumkan:next' });
    const texts = preview.map((r) => r.text);
    expect(texts[0]).toBe('👀 Pratinjau: beginilah yang diterima lewat Telegram (2 pesan):');
    expect(texts[1]).toHaveLength(4096);
    expect(texts[3]).toBe('👀 Pratinjau: beginilah yang diterima lewat WhatsApp (1 pesan):');
    expect(texts[4]).toBe(`${long}\n\n${FAKE_OPT_OUT_LINE}`);
    expect(`${texts[1]}${texts[2]}`).toBe(texts[4]);
    expect(textOf(await test.send(RINA, 'batal'))).toContain('dihentikan');
  });

  it('refuses bad files with a clear reason and keeps the draft', async () => {
    await test.send(RINA, '/umumkan Pengumuman dengan lampiran.');
    expect(textOf(await test.send(RINA, '', { file: sentFile('aplikasi.exe', Buffer.from('MZ')) }))).toContain(
      'berkas "aplikasi.exe" tidak bisa dilampirkan',
    );
    expect(textOf(await test.send(RINA, '', { file: sentFile('besar.pdf', PDF, 11 * 1024 * 1024) }))).toContain(
      'berkas "besar.pdf" terlalu besar (11 MB). Batas lampiran pengumuman 10 MB',
    );
    expect(textOf(await test.send(RINA, '', { file: sentFile('palsu.pdf', Buffer.from('bukan pdf')) }))).toContain(
      'Berkas "palsu.pdf" tampaknya rusak',
    );
    expect(textOf(await test.send(RINA, '', { file: sentFile('kosong.docx', Buffer.alloc(0)) }))).toContain('Berkas "kosong.docx" kosong');
    const failed = await test.send(RINA, '', { file: { fileName: 'hilang.pdf', download: () => Promise.reject(new Error('410 Gone')) } });
    expect(textOf(failed)).toContain('Berkas "hilang.pdf" gagal diterima');
    expect(draftFiles(rina)).toEqual([]);
    // The draft is still there: a good file goes on to the audience.
    expect(textOf(await test.send(RINA, '', { file: sentFile('jadwal.pdf', PDF) }))).toContain('Siapa yang menerima');
    // Cancelling removes the stored document.
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:stop' }))).toContain('pembuatan pengumuman dihentikan');
    expect(draftFiles(rina)).toEqual([]);
  });
});

describe('/umumkan: scheduling in the coordinator’s zone', () => {
  async function scheduleAs(from: string, when: string): Promise<string> {
    await test.send(from, '/umumkan Batas input data IGA besok.');
    await test.send(from, '', { choiceId: 'umumkan:skipdoc' });
    await test.send(from, '', { choiceId: 'umumkan:next' });
    await test.send(from, '', { choiceId: 'umumkan:schedule' });
    return textOf(await test.send(from, when));
  }

  it('reads "besok 09.00" as 09.00 in the sender’s own zone: WITA for Rina, WIB for the admin', async () => {
    expect(await scheduleAs(RINA, 'besok 09.00')).toContain(
      'Jadwalkan pengumuman ini pada Senin, 7 Desember 2026 pukul 09.00 WITA untuk 3 orang',
    );
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:confirm' }))).toContain(
      'Pengumuman dijadwalkan pada Senin, 7 Desember 2026 pukul 09.00 WITA',
    );
    expect(fake.created.at(-1)!.scheduledAt).toEqual(new Date('2026-12-07T01:00:00Z'));

    expect(await scheduleAs(ADMIN, 'besok 09.00')).toContain('pukul 09.00 WIB untuk 4 orang (3 lewat Telegram, 1 lewat WhatsApp)');
    await test.send(ADMIN, '', { choiceId: 'umumkan:confirm' });
    expect(fake.created.at(-1)!.scheduledAt).toEqual(new Date('2026-12-07T02:00:00Z'));
  });

  it('asks again for times it cannot use, and can still send now', async () => {
    expect(await scheduleAs(RINA, 'kapan-kapan')).toContain('"kapan-kapan" belum bisa saya baca sebagai waktu');
    expect(textOf(await test.send(RINA, 'besok'))).toContain('Jam berapa?');
    expect(textOf(await test.send(RINA, 'hari ini 10.00'))).toContain('sudah lewat');
    const at = textOf(await test.send(RINA, '12 Desember 14.30'));
    expect(at).toContain('Sabtu, 12 Desember 2026 pukul 14.30 WITA');
    // Changing one's mind: send now instead.
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:now' }))).toContain('Kirim pengumuman ini sekarang');
    expect(textOf(await test.send(RINA, 'batal'))).toContain('dihentikan');
  });
});

describe('/umumkan_status: reports and actions', () => {
  it('lists the coordinator’s broadcasts with a delivery report, never another coordinator’s', async () => {
    const list = await test.send(RINA, '/umumkan_status');
    const text = textOf(list);
    expect(text).toContain('📋 Pengumuman terbaru Anda');
    expect(text).toContain('"Batas input data IGA besok."');
    expect(text).toContain('dijadwalkan Senin, 7 Desember 2026 pukul 09.00 WITA');
    expect(text).toContain('"Yth. Bapak/Ibu inovator, pelatihan IGA diadakan Senin…"');
    // Out of those it can reach: Dedi opted out and Eko cannot be reached.
    expect(text).toContain('sedang dikirim · ✅ 0/1 terkirim · ⏳ 1 menunggu');
    expect(text).not.toContain('Mohon lengkapi data IGA');
    expect(textOf(await test.send(DEWI, '/umumkan_status'))).toContain('Belum ada pengumuman');
    expect(textOf(await test.send(DEWI, '', { choiceId: 'umumkan:show:b1' }))).toBe(test.app.i18n.t('broadcast.error.not_found'));
    expect(textOf(await test.send(DEWI, '', { choiceId: 'umumkan:cancelok:b1' }))).toBe(test.app.i18n.t('broadcast.error.not_found'));
  });

  it('shows every outcome, pauses, resumes, resends the unknown after a warning, and cancels', async () => {
    await test.send(RINA, '/umumkan Sosialisasi KIPP.');
    await test.send(RINA, '', { choiceId: 'umumkan:skipdoc' });
    await test.send(RINA, '', { choiceId: 'umumkan:next' });
    await test.send(RINA, '', { choiceId: 'umumkan:now' });
    await test.send(RINA, '', { choiceId: 'umumkan:confirm' });
    const id = (await fake.list(rina, 1))[0]!.id;
    const [aniRow, fajar, budi] = (await fake.recipients(id)).filter((r) => r.status === 'pending').map((r) => r.userId);
    fake.deliver(id, aniRow!, 'sent');
    fake.deliver(id, fajar!, 'unknown');
    fake.deliver(id, budi!, 'deferred');
    const shown = await test.send(RINA, '', { choiceId: `umumkan:show:${id}` });
    const report = textOf(shown);
    expect(report).toContain('Laporan pengiriman (5 penerima):');
    expect(report).toContain('✅ Terkirim: 1');
    expect(report).toContain('🔕 Memilih berhenti menerima pengumuman (BERHENTI): 1');
    expect(report).toContain('📵 Tidak dapat dihubungi di kanal mana pun: 1');
    expect(report).toContain('❓ Status tidak diketahui (sistem terhenti saat mengirim): 1');
    expect(report).toContain('📅 Dikirim besok (batas harian WhatsApp tercapai): 1');
    expect(shown[0]!.choices!.map((c) => c.label)).toEqual([
      'Jeda pengiriman',
      'Hentikan pengiriman',
      'Kirim ulang yang statusnya tidak diketahui',
      'Unduh daftar penerima (XLSX)',
      'Perbarui laporan',
    ]);

    const paused = await test.send(RINA, '', { choiceId: pick(shown, 'Jeda pengiriman') });
    expect(textOf(paused)).toContain('Pengiriman dijeda');
    expect(textOf(paused)).toContain('Status: dijeda');
    expect((await fake.get(id))!.state).toBe('paused');
    // Pausing twice is refused in words, not with a fault.
    expect(textOf(await test.send(RINA, '', { choiceId: `umumkan:pause:${id}` }))).toBe(test.app.i18n.t('broadcast.error.bad_state'));
    const resumed = await test.send(RINA, '', { choiceId: pick(paused, 'Lanjutkan pengiriman') });
    expect(textOf(resumed)).toContain('Pengiriman dilanjutkan');
    expect((await fake.get(id))!.state).toBe('sending');

    const warning = await test.send(RINA, '', { choiceId: pick(resumed, 'Kirim ulang yang statusnya tidak diketahui') });
    expect(textOf(warning)).toContain('sebagian dari mereka bisa menerima pengumuman ini dua kali');
    expect((await fake.get(id))!.counts.unknown).toBe(1);
    expect(textOf(await test.send(RINA, '', { choiceId: pick(warning, 'Ya, kirim ulang') }))).toContain('1 penerima dimasukkan lagi');
    expect((await fake.get(id))!.counts.unknown).toBe(0);

    const ask = await test.send(RINA, '', { choiceId: `umumkan:cancel:${id}` });
    expect(textOf(ask)).toContain('Batalkan pengumuman "Sosialisasi KIPP."? 2 penerima yang belum dikirimi');
    const cancelled = await test.send(RINA, '', { choiceId: pick(ask, 'Ya, batalkan') });
    expect(textOf(cancelled)).toContain('⛔ Tidak dikirim karena dibatalkan: 2');
    expect((await fake.get(id))!.state).toBe('cancelled');
    expect(cancelled[0]!.choices!.map((c) => c.label)).toEqual(['Unduh daftar penerima (XLSX)', 'Perbarui laporan']);
  });

  it('cancels a scheduled broadcast before its time', async () => {
    const scheduled = (await fake.list(rina, 10)).find((b) => b.state === 'scheduled')!;
    const shown = await test.send(RINA, '', { choiceId: `umumkan:show:${scheduled.id}` });
    const ask = await test.send(RINA, '', { choiceId: pick(shown, 'Batalkan jadwal') });
    expect(textOf(await test.send(RINA, '', { choiceId: pick(ask, 'Ya, batalkan') }))).toContain('Pengumuman dibatalkan');
    expect((await fake.get(scheduled.id))!.state).toBe('cancelled');
  });

  it('lets an admin see every broadcast', async () => {
    const text = textOf(await test.send(ADMIN, '/umumkan_status'));
    expect(text).toContain('Mohon lengkapi data IGA');
    expect(text).toContain('Sosialisasi KIPP.');
  });

  it('sends the recipient list as XLSX with each person’s status, reason and send time in the coordinator’s zone', async () => {
    fake.deliver('b1', ani, 'sent');
    const shown = await test.send(RINA, '', { choiceId: 'umumkan:show:b1' });
    const replies = await test.send(RINA, '', { choiceId: pick(shown, 'Unduh daftar penerima (XLSX)') });
    expect(replies[0]!.text).toBe('📄 Daftar 3 penerima beserta status pengirimannya.');
    const document = replies[0]!.document!;
    expect(document.fileName).toBe('penerima-pengumuman-2026-12-06.xlsx');
    expect(document.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(document.data as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Penerima');
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Nama', 'OPD', 'Wilayah', 'Kanal', 'Status', 'Keterangan', 'Waktu terkirim (WITA)'],
      // Sent at 08.00 UTC: 16.00 in Makassar, stored as a wall-clock cell.
      ['Ani Lestari', 'Dinas Kesehatan', 'Kabupaten Bantul', 'Telegram', 'Terkirim', '', new Date('2026-12-06T16:00:00Z')],
      ['Dedi Berhenti', 'Dinas Kesehatan', 'Kabupaten Bantul', '', 'Memilih berhenti (BERHENTI)', ''],
      ['Eko Senyap', 'Dinas Kesehatan', 'Kabupaten Bantul', '', 'Tidak dapat dihubungi', ''],
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('/umumkan: refusals of the engine become Indonesian messages, and the draft survives them', () => {
  async function toConfirm(from: string, text: string): Promise<void> {
    await test.send(from, `/umumkan ${text}`);
    await test.send(from, '', { choiceId: 'umumkan:skipdoc' });
    await test.send(from, '', { choiceId: 'umumkan:next' });
    await test.send(from, '', { choiceId: 'umumkan:now' });
  }

  it('asks for a shorter text when the announcement is too long', async () => {
    await toConfirm(RINA, 'Panjang. '.repeat(400));
    const refused = await test.send(RINA, '', { choiceId: 'umumkan:confirm' });
    expect(textOf(refused)).toBe(test.app.i18n.t('broadcast.error.too_long'));
    // Back at the text: a shorter one goes through.
    await test.send(RINA, 'Versi singkat.');
    await test.send(RINA, '', { choiceId: 'umumkan:skipdoc' });
    await test.send(RINA, '', { choiceId: 'umumkan:next' });
    await test.send(RINA, '', { choiceId: 'umumkan:now' });
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:confirm' }))).toContain('Pengumuman sedang dikirim');
    expect(fake.created.at(-1)!.text).toBe('Versi singkat.');
  });

  it('asks for another time when the chosen one passed while the confirmation waited', async () => {
    await toConfirm(RINA, 'Rapat sore ini.');
    await test.send(RINA, '', { choiceId: 'umumkan:schedule' });
    // 16.00 WITA now; 16.30 WITA is ahead.
    expect(textOf(await test.send(RINA, '16.30'))).toContain('Minggu, 6 Desember 2026 pukul 16.30 WITA');
    test.advance(60 * 60 * 1000);
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:confirm' }))).toBe(test.app.i18n.t('broadcast.error.in_past'));
    expect(textOf(await test.send(RINA, 'besok 08.00'))).toContain('Senin, 7 Desember 2026 pukul 08.00 WITA');
    await test.send(RINA, '', { choiceId: 'umumkan:confirm' });
    expect(fake.created.at(-1)!.scheduledAt).toEqual(new Date('2026-12-07T00:00:00Z'));
  });

  it('sends the coordinator back to the audience when their scope no longer covers it', async () => {
    await test.send(RINA, '/umumkan Khusus Dinkes.');
    await test.send(RINA, '', { choiceId: 'umumkan:skipdoc' });
    await test.send(RINA, '', { choiceId: 'umumkan:opd' });
    await test.send(RINA, 'dinkes');
    await test.send(RINA, '', { choiceId: 'umumkan:next' });
    await test.send(RINA, '', { choiceId: 'umumkan:now' });
    const before = fake.created.length;
    fake.allow(rina, [opdScope('Disdik', 'Kabupaten Bantul')]);
    const refused = textOf(await test.send(RINA, '', { choiceId: 'umumkan:confirm' }));
    expect(refused).toContain(test.app.i18n.t('broadcast.error.out_of_scope'));
    expect(refused).toContain('Siapa yang menerima pengumuman ini?');
    expect(fake.created).toHaveLength(before);
    fake.allow(rina, await new ScopeStore(test.app.db).list(rina));
    expect(textOf(await test.send(RINA, 'batal'))).toContain('dihentikan');
  });

  it('keeps a draft for days, then says it lapsed and clears its document', async () => {
    await test.send(RINA, '/umumkan Draf lama.');
    await test.send(RINA, '', { file: sentFile('lama.pdf', PDF) });
    test.advance(2 * 24 * 60 * 60 * 1000);
    expect(textOf(await test.send(RINA, '', { choiceId: 'umumkan:next' }))).toContain('Draf lama.');
    test.advance(8 * 24 * 60 * 60 * 1000);
    expect(textOf(await test.send(RINA, 'halo'))).toContain('Pengumuman yang sedang Anda tulis sudah tidak aktif terlalu lama');
    expect(draftFiles(rina)).toEqual(['lama.pdf']);
    await test.send(RINA, '/umumkan');
    expect(draftFiles(rina)).toEqual([]);
  });
});
