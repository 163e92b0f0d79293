import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/messages.js';
import { ScopeStore } from '../../../src/people/scopes.js';
import { opdScope } from '../../../src/people/scope-input.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';
import { innovation, person, pick } from './report-harness.js';

// 10 February 2027, 10.00 WIB: January's monthly reports fell due on 31 January.
const NOW = new Date('2027-02-10T10:00:00+07:00');
const COORDINATOR = 'telegram:6001';
const ADMIN = 'telegram:6002';
const INNOVATOR = 'telegram:6003';
const NO_SCOPE = 'telegram:6004';

let test: ClockedApp;

beforeAll(async () => {
  test = await startClockedApp(NOW);
  // The coordinator oversees Dinas Kesehatan in Bantul and reads times in WITA (they travel; the zone is theirs).
  const coordinator = await person(
    test,
    COORDINATOR,
    { fullName: 'Rina Koordinator', opd: 'Bappeda', region: 'Kabupaten Bantul', timeZone: 'Asia/Makassar' },
    'coordinator',
  );
  await new ScopeStore(test.app.db).add(coordinator, opdScope('Dinkes', 'Kabupaten Bantul'));
  await person(test, ADMIN, { fullName: 'Admin Pusat', opd: 'Bappeda', region: 'Kabupaten Bantul' }, 'admin');
  await person(test, NO_SCOPE, { fullName: 'Koordinator Baru', opd: 'Bappeda', region: 'Kabupaten Bantul' }, 'coordinator');

  const ani = await person(test, INNOVATOR, { fullName: 'Ani Lestari', opd: 'Dinas Kesehatan', region: 'Kabupaten Bantul' });
  const budi = await person(test, 'telegram:6005', { fullName: 'Budi Santoso', opd: 'Dinas Pendidikan', region: 'Kabupaten Bantul' });
  const citra = await person(test, 'telegram:6006', {
    fullName: 'Citra Dewi',
    opd: 'Dinas Kesehatan',
    region: 'Kota Makassar',
    timeZone: 'Asia/Makassar',
  });
  const bantulDinkes = { opd: 'Dinas Kesehatan', region: 'Kabupaten Bantul' };

  const posyandu = await innovation(test, ani, { name: 'Posyandu Digital', ...bantulDinkes, startDate: '2026-11-01' });
  await innovation(test, ani, { name: 'Ambulans Desa', ...bantulDinkes, startDate: '2026-12-01', stage: 'penerapan' });
  await innovation(test, ani, { name: 'Gizi Triwulan', ...bantulDinkes, startDate: '2027-01-01', cadence: 'quarterly' });
  const klinik = await innovation(test, ani, { name: 'Klinik Sore', ...bantulDinkes, startDate: '2026-10-01' });
  await innovation(test, ani, { name: 'Program Dijeda', ...bantulDinkes, startDate: '2026-10-01', status: 'paused' });
  await innovation(test, ani, { name: 'Mulai Maret', ...bantulDinkes, startDate: '2027-03-01' });
  await innovation(test, budi, { name: 'Sekolah Ramah', opd: 'Dinas Pendidikan', region: 'Kabupaten Bantul', startDate: '2026-11-01' });
  await innovation(test, citra, { name: 'Puskesmas Keliling', opd: 'Dinas Kesehatan', region: 'Kota Makassar', startDate: '2026-11-01' });

  // Posyandu Digital reported January in the chat on 2 February, 10.15 WIB (11.15 WITA), with two files.
  const report = await test.app.db.progressReport.create({
    data: {
      innovationId: posyandu.id,
      authorId: ani,
      periodKey: '2027-01',
      status: 'submitted',
      progress: 75,
      activities: 'Pelatihan 30 kader.',
      results: '240 warga terlayani.',
      obstacles: 'Sinyal lemah.',
      nextSteps: 'Perluasan ke 5 desa.',
      submittedAt: new Date('2027-02-02T10:15:00+07:00'),
    },
  });
  for (const [i, fileName] of ['foto-kegiatan.jpg', 'daftar-hadir.pdf'].entries()) {
    await test.app.db.reportAttachment.create({
      data: { reportId: report.id, fileName, size: 10, path: `reports/${report.id}/${fileName}`, createdAt: new Date(NOW.getTime() + i) },
    });
  }
  // Klinik Sore said "sudah lapor" from a reminder.
  await test.app.reports.declareSubmitted(klinik.id, '2027-01', ani, new Date('2027-02-01T08:00:00+07:00'));
});
afterAll(async () => {
  await test.close();
});

async function workbook(replies: Reply[]): Promise<ExcelJS.Worksheet> {
  const document = replies.find((r) => r.document)?.document;
  expect(document?.fileName).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(document!.data as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

describe('/rekap for coordinators', () => {
  it('shows a coordinator the status of their OPD for last month, and never another OPD or region', async () => {
    const menu = await test.send(COORDINATOR, '/rekap');
    expect(menu[0]!.choices!.map((c) => c.label)).toEqual([
      'Bulan ini (Februari 2027)',
      'Bulan lalu (Januari 2027)',
      'Triwulan ini (Triwulan I 2027)',
      'Periode lain',
    ]);
    const text = textOf(await test.send(COORDINATOR, '', { choiceId: pick(menu, 'Bulan lalu (Januari 2027)') }));
    expect(text).toContain('📊 Rekap laporan kemajuan — Januari 2027');
    expect(text).toContain('Cakupan: Dinas Kesehatan — Kabupaten Bantul');
    expect(text).toContain('4 laporan: ✅ 2 terkirim · ⏳ 1 belum jatuh tempo · ⚠️ 1 terlambat');
    expect(text).toContain('1 inovasi tidak punya kewajiban lapor pada periode ini.');
    expect(text).toContain('• Ambulans Desa (Dinas Kesehatan) — Ani Lestari: Januari 2027, terlambat 10 hari');
    expect(text).toContain('• Gizi Triwulan (Dinas Kesehatan) — Ani Lestari: Triwulan I 2027, jatuh tempo 31 Maret 2027');
    expect(text).toContain('• Posyandu Digital (Dinas Kesehatan) — Ani Lestari: Januari 2027, 2 Februari 2027, kemajuan 75%');
    expect(text).toContain('• Klinik Sore (Dinas Kesehatan) — Ani Lestari: Januari 2027, 1 Februari 2027 (dinyatakan sudah lapor)');
    for (const outside of ['Sekolah Ramah', 'Puskesmas Keliling', 'Program Dijeda']) expect(text).not.toContain(outside);
  });

  it('understands a typed period, with the command or after "Periode lain"', async () => {
    expect(textOf(await test.send(COORDINATOR, '/rekap 2027-01'))).toContain('4 laporan: ✅ 2 terkirim');
    expect(textOf(await test.send(COORDINATOR, '/rekap kemarin sore'))).toContain('Periode "kemarin sore" tidak saya kenali');
    const menu = await test.send(COORDINATOR, '/rekap');
    expect(textOf(await test.send(COORDINATOR, '', { choiceId: pick(menu, 'Periode lain') }))).toContain('Ketik periodenya');
    expect(textOf(await test.send(COORDINATOR, 'desember 2026'))).toContain('Rekap laporan kemajuan — Desember 2026');
    // The flow ended with the answer: the next message is an ordinary one again.
    expect(textOf(await test.send(COORDINATOR, 'januari 2027'))).not.toContain('Rekap laporan');
  });

  it('exports the period as XLSX: a frozen header, one row per innovation in scope, times in the coordinator’s zone', async () => {
    const shown = await test.send(COORDINATOR, '/rekap Januari 2027');
    const replies = await test.send(COORDINATOR, '', { choiceId: pick(shown, 'Unduh Excel (XLSX)') });
    expect(replies[0]!.document!.fileName).toBe('rekap-laporan-2027-01.xlsx');
    const sheet = await workbook(replies);
    expect(sheet.name).toBe('Rekap 2027-01');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Nama inovasi',
      'OPD',
      'Daerah',
      'Penanggung jawab',
      'Tahap',
      'Periode',
      'Jatuh tempo',
      'Status',
      'Dikirim (WITA)',
      'Kemajuan (%)',
      'Kegiatan',
      'Hasil dan manfaat',
      'Kendala',
      'Langkah berikutnya',
      'Lampiran',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toEqual(['Ambulans Desa', 'Gizi Triwulan', 'Klinik Sore', 'Mulai Maret', 'Posyandu Digital']);

    const row = (name: string) => sheet.getRow(names.indexOf(name) + 2);
    const posyandu = row('Posyandu Digital');
    expect(posyandu.getCell(2).value).toBe('Dinas Kesehatan');
    expect(posyandu.getCell(3).value).toBe('Kabupaten Bantul');
    expect(posyandu.getCell(4).value).toBe('Ani Lestari');
    expect(posyandu.getCell(5).value).toBe('uji coba');
    expect(posyandu.getCell(6).value).toBe('Januari 2027');
    expect(posyandu.getCell(7).value).toBe('31 Januari 2027');
    expect(posyandu.getCell(8).value).toBe('Terkirim');
    // 10.15 WIB is 11.15 WITA: the cell holds the coordinator's wall clock.
    expect((posyandu.getCell(9).value as Date).toISOString()).toBe('2027-02-02T11:15:00.000Z');
    expect(posyandu.getCell(9).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(posyandu.getCell(10).value).toBe(75);
    expect(posyandu.getCell(11).value).toBe('Pelatihan 30 kader.');
    expect(posyandu.getCell(12).value).toBe('240 warga terlayani.');
    expect(posyandu.getCell(13).value).toBe('Sinyal lemah.');
    expect(posyandu.getCell(14).value).toBe('Perluasan ke 5 desa.');
    expect(posyandu.getCell(15).value).toBe('foto-kegiatan.jpg, daftar-hadir.pdf');

    const ambulans = row('Ambulans Desa');
    expect([ambulans.getCell(5).value, ambulans.getCell(8).value, ambulans.getCell(9).value, ambulans.getCell(10).value]).toEqual([
      'penerapan',
      'Terlambat 10 hari',
      null,
      null,
    ]);
    expect(row('Klinik Sore').getCell(8).value).toBe('Terkirim (dinyatakan)');
    expect(row('Gizi Triwulan').getCell(8).value).toBe('Belum jatuh tempo');
    expect([row('Mulai Maret').getCell(6).value, row('Mulai Maret').getCell(8).value]).toEqual(['', 'Tidak ada laporan pada periode ini']);
  });

  it('shows an admin every region', async () => {
    const text = textOf(await test.send(ADMIN, '/rekap Januari 2027'));
    expect(text).toContain('Cakupan: semua daerah (admin)');
    expect(text).toContain('Sekolah Ramah');
    expect(text).toContain('Puskesmas Keliling');
    const sheet = await workbook(await test.send(ADMIN, '', { choiceId: 'rekap:xlsx:2027-01' }));
    expect(sheet.rowCount).toBe(1 + 7);
  });

  it('tells a coordinator without scope what to do, and refuses an innovator', async () => {
    expect(textOf(await test.send(NO_SCOPE, '/rekap bulan lalu'))).toContain('belum ada OPD atau daerah yang Anda awasi');
    expect(textOf(await test.send(NO_SCOPE, '', { choiceId: 'rekap:xlsx:2027-01' }))).toContain('belum ada OPD atau daerah');
    const refused = test.app.i18n.t('common.forbidden', { role: 'koordinator' });
    expect(textOf(await test.send(INNOVATOR, '/rekap'))).toBe(refused);
    expect(textOf(await test.send(INNOVATOR, '', { choiceId: 'rekap:xlsx:2027-01' }))).toBe(refused);
  });

  it('keeps a long overview within one chat message and points to the spreadsheet for the rest', async () => {
    const owner = (await test.app.db.user.findFirstOrThrow({ where: { fullName: 'Ani Lestari' } })).id;
    await test.app.db.innovation.createMany({
      data: Array.from({ length: 80 }, (_, i) => ({
        ownerId: owner,
        name: `Inovasi Layanan Terpadu Nomor ${i + 1}`,
        opd: 'Dinas Kesehatan',
        opdKey: 'dinas kesehatan',
        region: 'Kabupaten Bantul',
        regionKey: 'kabupaten bantul',
        startDate: '2026-12-01',
      })),
    });
    const [reply] = await test.send(COORDINATOR, '/rekap Januari 2027');
    expect(reply!.text.length).toBeLessThan(4096);
    expect(reply!.text).toContain('84 laporan: ✅ 2 terkirim · ⏳ 1 belum jatuh tempo · ⚠️ 81 terlambat');
    expect(reply!.text).toMatch(/• … dan \d+ lainnya \(lengkapnya di file Excel\)/);
    const sheet = await workbook(await test.send(COORDINATOR, '', { choiceId: reply!.choices![0]!.id }));
    expect(sheet.rowCount).toBe(1 + 85);
  });
});
