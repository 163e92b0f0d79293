import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { runTerminalChannel } from '../../../src/channels/terminal/terminal-channel.js';
import { replyBlocks } from '../../support/run-cli.js';
import { tempDataDir } from '../../support/temp-data.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';
import { innovation, person } from './report-harness.js';

const temp = tempDataDir('pandu-report-terminal-');
afterAll(() => temp.cleanup());

const START = new Date('2027-02-03T09:00:00+07:00');
const PHOTO = path.join(temp.dir, 'foto kegiatan.jpg');
fs.writeFileSync(PHOTO, Buffer.alloc(2048, 7));

/** The report row after a message, as the database holds it. */
type Snapshot = {
  step: string | null;
  progress: number | null;
  activities: string | null;
  results: string | null;
  obstacles: string | null;
  nextSteps: string | null;
  files: number;
};

/**
 * Runs the terminal channel over `lines` on the app's router, one message per line, and reads the report
 * back from the database after every message, so each answer is seen stored before the next one is typed.
 */
async function terminal(test: ClockedApp, lines: string[]): Promise<{ blocks: string[]; after: Snapshot[] }> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const after: Snapshot[] = [];
  await runTerminalChannel({
    handle: async (msg) => {
      const replies = await test.app.router.handle(msg);
      const row = await test.app.db.progressReport.findFirst({ include: { attachments: true } });
      after.push({
        step: row?.currentStep ?? null,
        progress: row?.progress ?? null,
        activities: row?.activities ?? null,
        results: row?.results ?? null,
        obstacles: row?.obstacles ?? null,
        nextSteps: row?.nextSteps ?? null,
        files: row?.attachments.length ?? 0,
      });
      return replies;
    },
    t: test.app.i18n.t,
    input: Readable.from([`${lines.join('\n')}\n`]),
    output,
    interactive: false,
    senderId: 'ani',
    exportDir: path.join(test.dataDir, 'exports'),
  });
  const blocks = replyBlocks(printed);
  expect(blocks, printed).toHaveLength(lines.length);
  return { blocks, after };
}

describe('a progress report in the terminal chat', () => {
  it('takes every answer, resumes after a restart and on a linked channel, stores the evidence and sends back a DOCX', async () => {
    // --- First run: the person, an innovation that started in January, and the first answers.
    const test = await startClockedApp(START, {}, { terminalIsAdmin: false });
    const ani = await person(test, 'terminal:ani', { fullName: 'Ani Lestari', opd: 'Dinas Kesehatan', region: 'Kabupaten Bantul' });
    await innovation(test, ani, {
      name: 'Posyandu Digital Sehat',
      opd: 'Dinas Kesehatan',
      region: 'Kabupaten Bantul',
      startDate: '2027-01-04',
    });

    const first = await terminal(test, [
      '/laporan',
      '1',
      'enam puluh persen',
      'Sosialisasi ke 12 posyandu dan pelatihan 30 kader.',
      'Warga lebih mudah mendaftar tanpa antre',
      'berapa lama uji coba inovasi?',
      '240 warga terlayani dalam sebulan',
      'kembali',
      'lewati',
      'Sinyal internet lemah di dua desa.',
      'batal',
    ]);
    const [menu, started, progress, activities, noFigure, question, figure, back, skipped, obstacles, cancelled] = first.blocks as [
      string,
      ...string[],
    ];
    // January is overdue (due 31 January), February is running: the earliest is proposed first.
    expect(menu).toContain('Yang paling awal belum dilaporkan: Januari 2027 (terlambat 3 hari)');
    expect(menu).toContain('1. Januari 2027 (terlambat 3 hari)');
    expect(menu).toContain('2. Februari 2027 (jatuh tempo 28 Februari 2027)');
    expect(started).toContain('Laporan kemajuan *Posyandu Digital Sehat* — periode Januari 2027.');
    expect(started).toContain('1/6 · Berapa persen kemajuan');
    expect(progress).toContain('2/6 · Kegiatan apa saja');
    expect(activities).toContain('3/6 · Apa hasil dan manfaatnya');
    expect(noFigure).toContain('Ada angkanya?');
    expect(question).toContain('pertanyaan tadi tidak disimpan');
    expect(question).toContain('Ada angkanya?');
    expect(figure).toContain('4/6 · Apa kendala');
    expect(back).toContain('3/6 · Apa hasil dan manfaatnya');
    expect(back).toContain('Jawaban saat ini: Warga lebih mudah mendaftar tanpa antre\n240 warga terlayani dalam sebulan');
    expect(skipped).toContain('Dilewati.');
    expect(skipped).toContain('4/6 · Apa kendala');
    expect(obstacles).toContain('5/6 · Apa langkah berikutnya?');
    expect(cancelled).toContain('disimpan sebagai draf');

    // Every answer was in the database before the next message; the question was never saved.
    const a = first.after;
    expect(a[1]).toMatchObject({ step: 'progress', progress: null });
    expect(a[2]).toMatchObject({ step: 'activities', progress: 60 });
    expect(a[3]).toMatchObject({ step: 'results', activities: 'Sosialisasi ke 12 posyandu dan pelatihan 30 kader.' });
    expect(a[4]).toMatchObject({ step: 'results_number', results: 'Warga lebih mudah mendaftar tanpa antre' });
    expect(a[5]).toEqual(a[4]);
    expect(a[6]).toMatchObject({
      step: 'obstacles',
      results: 'Warga lebih mudah mendaftar tanpa antre\n240 warga terlayani dalam sebulan',
    });
    expect(a[7]).toMatchObject({ step: 'results' });
    expect(a[8]).toMatchObject({ step: 'obstacles', results: a[6]!.results });
    expect(a[9]).toMatchObject({ step: 'next_steps', obstacles: 'Sinyal internet lemah di dua desa.' });
    expect(a[10]).toEqual(a[9]);

    // --- Restart an hour later: a new app on the same DATA_DIR picks the draft up where it was.
    test.advance(60 * 60 * 1000);
    await test.restart();
    const second = await terminal(test, ['/laporan', 'Perluasan ke 5 puskesmas lain.', `/lampiran ${PHOTO}`, '/lampiran tidak-ada.jpg']);
    expect(second.blocks[0]).toContain('Melanjutkan draf laporan *Posyandu Digital Sehat* — periode Januari 2027.');
    expect(second.blocks[0]).toContain('5/6 · Apa langkah berikutnya?');
    expect(second.blocks[1]).toContain('6/6 · Kirim bukti dukung');
    expect(second.blocks[2]).toContain('📎 Lampiran tersimpan: foto kegiatan.jpg (2 KB); 1 dari paling banyak 10 berkas.');
    expect(second.blocks[3]).toContain('Berkas tidak ditemukan: tidak-ada.jpg');
    expect(second.after[1]).toMatchObject({ step: 'evidence', nextSteps: 'Perluasan ke 5 puskesmas lain.' });
    expect(second.after[2]!.files).toBe(1);

    // --- A linked Telegram account sees the same draft and adds a document.
    const code = /Kode penghubung Anda: ([A-Z0-9]+)/.exec(textOf(await test.send('terminal:ani', '/hubungkan')))![1]!;
    await test.send('telegram:555', `/hubungkan ${code}`);
    const resumed = textOf(await test.send('telegram:555', '/laporan'));
    expect(resumed).toContain('Melanjutkan draf laporan *Posyandu Digital Sehat*');
    expect(resumed).toContain('Lampiran yang sudah tersimpan: foto kegiatan.jpg.');
    const notes = Buffer.from('%PDF-1.4 notulen rapat');
    const added = textOf(
      await test.send('telegram:555', '', {
        file: { fileName: 'notulen.pdf', mimeType: 'application/pdf', size: notes.length, download: async () => notes },
      }),
    );
    expect(added).toContain('Lampiran tersimpan: notulen.pdf (1 KB); 2 dari paling banyak 10 berkas.');

    // --- Back in the terminal: finish, confirm, and the document comes back.
    const third = await terminal(test, ['selesai', '1']);
    expect(third.blocks[0]).toContain('Ringkasan laporan *Posyandu Digital Sehat* — periode Januari 2027:');
    expect(third.blocks[0]).toContain('• Kemajuan: 60%');
    expect(third.blocks[0]).toContain('• Bukti dukung: foto kegiatan.jpg, notulen.pdf');
    expect(third.blocks[0]).toContain('1. Kirim laporan');
    expect(third.blocks[1]).toContain('✅ Laporan *Posyandu Digital Sehat* periode Januari 2027 terkirim pada 3 Februari 2027.');
    const saved = /\[dokumen disimpan: (.+\.docx)\]/.exec(third.blocks[1]!)?.[1];
    expect(saved, third.blocks[1]).toBe(path.join(test.dataDir, 'exports', 'laporan-posyandu-digital-sehat-2027-01.docx'));

    const row = await test.app.db.progressReport.findFirstOrThrow({ include: { attachments: { orderBy: { createdAt: 'asc' } } } });
    expect(row).toMatchObject({ status: 'submitted', via: 'chat', periodKey: '2027-01', currentStep: null });
    expect(row.submittedAt?.toISOString()).toBe(test.now().toISOString());
    expect(row.attachments.map((f) => [f.fileName, f.size, f.path])).toEqual([
      ['foto kegiatan.jpg', 2048, `reports/${row.id}/foto kegiatan.jpg`],
      ['notulen.pdf', notes.length, `reports/${row.id}/notulen.pdf`],
    ]);
    expect(fs.readFileSync(path.join(test.dataDir, row.attachments[1]!.path))).toEqual(notes);
    expect(await test.app.reports.isSubmitted(row.innovationId, '2027-01')).toBe(true);

    const { value: docText } = await mammoth.extractRawText({ path: saved! });
    for (const expected of [
      'Laporan Kemajuan Inovasi Daerah',
      'Posyandu Digital Sehat',
      'Periode: Januari 2027',
      'Perangkat Daerah: Dinas Kesehatan',
      'Daerah: Kabupaten Bantul',
      'Tahap: uji coba',
      'Pelapor: Ani Lestari',
      'Tanggal laporan: 3 Februari 2027',
      '1. Kemajuan',
      '60%',
      'Sosialisasi ke 12 posyandu dan pelatihan 30 kader.',
      '240 warga terlayani dalam sebulan',
      'Sinyal internet lemah di dua desa.',
      'Perluasan ke 5 puskesmas lain.',
      '6. Bukti dukung (lampiran)',
      'foto kegiatan.jpg',
      'notulen.pdf',
    ]) {
      expect(docText).toContain(expected);
    }
    // Submitted: the next /laporan offers February, not the finished January report.
    expect(textOf(await test.send('terminal:ani', '/laporan'))).toContain('Februari 2027');
    await test.close();
  });
});
