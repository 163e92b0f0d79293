import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingFile } from '../../../src/core/messages.js';
import { reportStartChoice } from '../../../src/features/reports/choice-payloads.js';
import type { ReportRecord } from '../../../src/reports/report-store.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';
import { innovation, person, pick } from './report-harness.js';

const NOW = new Date('2027-02-10T09:00:00+08:00');
const ANI = 'telegram:4100';
const PROFILE = { fullName: 'Ani Lestari', opd: 'Dinas Kesehatan', region: 'Kota Makassar', timeZone: 'Asia/Makassar' as const };

let test: ClockedApp;
let submitted: ReportRecord[];

async function start(env: Record<string, string> = {}): Promise<ClockedApp> {
  submitted = [];
  test = await startClockedApp(NOW, env, { terminalIsAdmin: false, onReportSubmitted: (r) => void submitted.push(r) });
  return test;
}

// Every test starts its own app (some with their own limits).
afterEach(() => test.close());

/** Ani with one innovation reporting monthly since January (January overdue, February running). */
async function aniWithInnovation() {
  const ani = await person(test, ANI, PROFILE);
  const inn = await innovation(test, ani, { name: 'Sapa Warga', opd: 'Dinas Kesehatan', region: 'Kota Makassar', startDate: '2027-01-01' });
  return { ani, inn };
}

const report = () => test.app.db.progressReport.findFirstOrThrow({ include: { attachments: true } });
const bytesFile = (fileName: string, bytes: number, size: number | undefined = bytes): IncomingFile => ({
  fileName,
  size,
  download: async () => Buffer.alloc(bytes, 3),
});

describe('/laporan', () => {
  it('asks for the missing profile first and says to run /laporan again', async () => {
    await start();
    const replies = textOf(await test.send('telegram:4101', '/laporan'));
    expect(replies).toContain('Fitur ini memerlukan profil Anda');
    expect(replies).toContain('Siapa nama lengkap Anda?');
  });

  it('points someone without an innovation to /inovasi', async () => {
    await start();
    await person(test, ANI, PROFILE);
    expect(textOf(await test.send(ANI, '/laporan'))).toContain('Daftarkan dulu dengan /inovasi');
  });

  it('lets the person pick among several innovations, and opens the only open period at once', async () => {
    await start();
    const ani = await person(test, ANI, PROFILE);
    await innovation(test, ani, { name: 'Sapa Warga', opd: 'Dinas Kesehatan', region: 'Kota Makassar', startDate: '2027-02-01' });
    await innovation(test, ani, {
      name: 'Antar Obat',
      opd: 'Dinas Kesehatan',
      region: 'Kota Makassar',
      startDate: '2027-02-01',
      cadence: 'quarterly',
    });
    const list = await test.send(ANI, '/laporan');
    expect(list[0]!.choices!.map((c) => c.label)).toEqual(['Antar Obat', 'Sapa Warga']);
    const opened = textOf(await test.send(ANI, '', { choiceId: pick(list, 'Sapa Warga') }));
    expect(opened).toContain('Laporan kemajuan *Sapa Warga* — periode Februari 2027.');
    // Typing the name works as well as the button.
    await test.send(ANI, 'batal');
    await test.send(ANI, '/laporan baru');
    expect(textOf(await test.send(ANI, 'antar'))).toContain('*Antar Obat* — periode Triwulan I 2027');
  });

  it('takes a typed period, and refuses one outside the schedule or not begun yet', async () => {
    await start();
    await aniWithInnovation();
    await test.send(ANI, '/laporan');
    expect(textOf(await test.send(ANI, 'Desember 2026'))).toContain('tidak ada dalam jadwal laporan *Sapa Warga*');
    expect(textOf(await test.send(ANI, 'Maret 2027'))).toContain('Periode Maret 2027 belum dimulai');
    expect(textOf(await test.send(ANI, 'bulan ini'))).toContain('*Sapa Warga* — periode Februari 2027');
    expect((await report()).periodKey).toBe('2027-02');
  });

  it('refuses a percentage it cannot read or above 100, and will not skip an empty one', async () => {
    await start();
    await aniWithInnovation();
    await test.send(ANI, '', { choiceId: pick(await test.send(ANI, '/laporan'), /^Januari 2027/) });
    expect(textOf(await test.send(ANI, '150'))).toContain('angka 0–100');
    expect(textOf(await test.send(ANI, 'lumayan'))).toContain('angka 0–100');
    expect(textOf(await test.send(ANI, 'lewati'))).toContain('Persentase kemajuan perlu diisi');
    expect(textOf(await test.send(ANI, 'kembali'))).toContain('Ini pertanyaan pertama.');
    expect(await report()).toMatchObject({ progress: null, currentStep: 'progress' });
    await test.send(ANI, '45%');
    expect(await report()).toMatchObject({ progress: 45, currentStep: 'activities' });
  });

  it('opens the report from a reminder button, and refuses someone else’s innovation', async () => {
    await start();
    const { inn } = await aniWithInnovation();
    const button = reportStartChoice(inn.id, '2027-01', 'Isi laporan sekarang');
    expect(Buffer.byteLength(button.id)).toBeLessThanOrEqual(64);
    expect(Buffer.byteLength(reportStartChoice(inn.id, 'penerapan-6-bulan', 'x').id)).toBeLessThanOrEqual(64);
    expect(textOf(await test.send(ANI, '', { choiceId: button.id }))).toContain('*Sapa Warga* — periode Januari 2027');
    await person(test, 'telegram:4102', { ...PROFILE, fullName: 'Budi' });
    expect(textOf(await test.send('telegram:4102', '', { choiceId: button.id }))).toContain('tidak terdaftar atas nama Anda');
    expect(await test.app.db.progressReport.count()).toBe(1);
  });

  it('changes one part from the summary and comes straight back to it; "nanti" keeps the draft', async () => {
    await start();
    await aniWithInnovation();
    await test.send(ANI, '', { choiceId: pick(await test.send(ANI, '/laporan'), /^Januari 2027/) });
    for (const answer of ['50', 'Rapat koordinasi.', 'Antrean turun 30 menit.', 'lewati', 'lewati', 'selesai'])
      await test.send(ANI, answer);
    const summary = await test.send(ANI, 'lewati');
    expect(textOf(summary)).toContain('• Kendala: (tidak diisi)');
    const edit = await test.send(ANI, '', { choiceId: pick(summary, 'Ubah kemajuan') });
    expect(textOf(edit)).toContain('Jawaban saat ini: 50%');
    const back = await test.send(ANI, '55');
    expect(textOf(back)).toContain('• Kemajuan: 55%');
    expect(textOf(await test.send(ANI, '', { choiceId: pick(back, 'Simpan dulu, kirim nanti') }))).toContain('disimpan sebagai draf');
    expect(await report()).toMatchObject({ status: 'draft', progress: 55, currentStep: 'confirm' });
    // /laporan brings the summary back, and the button sends it once, calling the reminders' hook.
    const again = await test.send(ANI, '/laporan');
    const sent = await test.send(ANI, '', { choiceId: pick(again, 'Kirim laporan') });
    expect(sent[0]!.document?.fileName).toBe('laporan-sapa-warga-2027-01.docx');
    expect(textOf(sent)).toContain('terkirim pada 10 Februari 2027');
    expect(textOf(await test.send(ANI, '', { choiceId: pick(again, 'Kirim laporan') }))).toContain('sudah terkirim');
    expect(submitted.map((r) => [r.periodKey, r.status, r.progress])).toEqual([['2027-01', 'submitted', 55]]);
  });

  it('answers "sudah lapor" from a reminder: the draft becomes submitted (declared), the flow notices', async () => {
    await start();
    const { ani, inn } = await aniWithInnovation();
    await test.send(ANI, '', { choiceId: reportStartChoice(inn.id, '2027-01', 'x').id });
    await test.send(ANI, '70');
    expect(await test.app.reports.isSubmitted(inn.id, '2027-01')).toBe(false);

    const declared = await test.app.reports.declareSubmitted(inn.id, '2027-01', ani, NOW);
    expect(declared).toMatchObject({ status: 'submitted', via: 'declared', progress: 70, currentStep: null });
    expect(declared.submittedAt?.toISOString()).toBe(NOW.toISOString());
    expect(await test.app.reports.isSubmitted(inn.id, '2027-01')).toBe(true);
    expect(textOf(await test.send(ANI, 'Rapat koordinasi.'))).toContain('sudah terkirim');
    expect((await report()).activities).toBeNull();

    // A second declaration changes nothing; a period without a draft gets its row.
    const later = new Date(NOW.getTime() + 86_400_000);
    expect((await test.app.reports.declareSubmitted(inn.id, '2027-01', ani, later)).submittedAt?.toISOString()).toBe(NOW.toISOString());
    const feb = await test.app.reports.declareSubmitted(inn.id, '2027-02', ani, later);
    expect(feb).toMatchObject({ status: 'submitted', via: 'declared', authorId: ani, progress: null });
    expect(textOf(await test.send(ANI, '/laporan'))).toContain('Semua laporan *Sapa Warga* sudah terkirim. Laporan berikutnya: Maret 2027');
    expect(submitted).toEqual([]);
  });
});

describe('report attachments', () => {
  it('refuses a file over the size limit with a clear message, stores the others, and stops at the count limit', async () => {
    await start({ REPORT_MAX_FILE_MB: '0.01', REPORT_MAX_FILES: '2' });
    await aniWithInnovation();
    await test.send(ANI, '', { choiceId: pick(await test.send(ANI, '/laporan'), /^Januari 2027/) });

    // Known size: refused before download.
    expect(textOf(await test.send(ANI, '', { file: bytesFile('foto-besar.jpg', 52_000) }))).toBe(
      'Maaf, berkas foto-besar.jpg terlalu besar (51 KB); batasnya 10 KB per berkas. Perkecil dulu (misalnya kompres fotonya atau simpan ulang PDF-nya), lalu kirim lagi.',
    );
    // Unknown size: refused once the bytes are in.
    expect(textOf(await test.send(ANI, '', { file: bytesFile('scan.pdf', 20_000, undefined) }))).toContain(
      'berkas scan.pdf terlalu besar (20 KB)',
    );
    const { id } = await report();
    expect(fs.existsSync(path.join(test.dataDir, 'reports', id))).toBe(false);

    // A photo sent at the first question is kept, and the question asked again.
    const early = textOf(await test.send(ANI, '', { file: { ...bytesFile('foto-123.jpg', 3000), mimeType: 'image/jpeg' } }));
    expect(early).toContain('📎 Lampiran tersimpan: foto-123.jpg (3 KB); 1 dari paling banyak 2 berkas.');
    expect(early).toContain('1/6 · Berapa persen');
    await test.send(ANI, '', { file: bytesFile('daftar hadir.pdf', 1000) });
    expect(textOf(await test.send(ANI, '', { file: bytesFile('lagi.pdf', 10) }))).toContain('paling banyak memuat 2 berkas');
    const failed = textOf(
      await test.send(ANI, '', { file: { fileName: 'hilang.jpg', download: () => Promise.reject(new Error('410 Gone')) } }),
    );
    expect(failed).toContain('paling banyak memuat 2 berkas');

    const stored = (await report()).attachments.map((a) => [a.fileName, a.mimeType, a.size, a.path]);
    expect(stored).toEqual([
      ['foto-123.jpg', 'image/jpeg', 3000, `reports/${id}/foto-123.jpg`],
      ['daftar hadir.pdf', null, 1000, `reports/${id}/daftar hadir.pdf`],
    ]);
    expect(fs.readdirSync(path.join(test.dataDir, 'reports', id)).sort()).toEqual(['daftar hadir.pdf', 'foto-123.jpg']);
  });

  it('says when a file could not be fetched from the channel, and when no report is open', async () => {
    await start();
    await aniWithInnovation();
    expect(textOf(await test.send(ANI, '', { file: bytesFile('a.jpg', 10) }))).toContain('tidak sedang menunggu berkas');
    const menu = await test.send(ANI, '/laporan');
    expect(textOf(await test.send(ANI, '', { file: bytesFile('a.jpg', 10) }))).toContain('Pilih dulu inovasi dan periode');
    await test.send(ANI, '', { choiceId: pick(menu, /^Januari 2027/) });
    const failed = textOf(
      await test.send(ANI, '', { file: { fileName: 'hilang.jpg', download: () => Promise.reject(new Error('410 Gone')) } }),
    );
    expect(failed).toContain('berkas hilang.jpg gagal diterima');
  });
});
