import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/client.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { runCli } from '../support/run-cli.js';
import { startTestApp } from '../support/test-app.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

let temp: ReturnType<typeof tempDataDir>;
let env: Record<string, string>;
let db: Db;
const dataDir = () => path.join(temp.dir, 'data');
const file = (name: string) => path.join(temp.dir, 'berkas', name);
const inovasi = (...args: string[]) => runCli('src/cli/inovasi.ts', args, { env });

function writeCsv(name: string, lines: string[], { bom = false, eol = '\n' } = {}): string {
  fs.writeFileSync(file(name), `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`);
  return file(name);
}

async function identity(channel: string, externalId: string) {
  return db.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId } }, include: { user: true } });
}

async function innovationsOf(channel: string, externalId: string) {
  const found = await identity(channel, externalId);
  return found ? db.innovation.findMany({ where: { ownerId: found.userId }, orderBy: { name: 'asc' } }) : [];
}

const LONG_REGION = 'Kabupaten '.repeat(9);

/** Semicolon-separated, with a BOM and CRLF (as Excel saves "CSV UTF-8" in an Indonesian locale). */
const FIRST_FILE = [
  'Nama ; OPD;TAHAP;Mulai;jadwal;Kanal;ID-Kanal;Zona;Wilayah;Akhir Uji Coba;Catatan',
  'Posyandu Keliling Lansia;Dinkes;uji coba;15/1/2026;bulanan;telegram;700100;;Kota Makassar;;baru',
  '"Sapa Warga; ""Digital""";Diskominfo;penerapan;2026-02-01;6 bulan setelah penerapan;whatsapp;0812-3456-7001;WIB;;;',
  '"Bank Sampah\r\nKelurahan";DLH;usulan;1 Maret 2026;triwulanan;Telegram;700100;;;;',
  ';Dinkes;uji coba;15/1/2026;;telegram;700101;;;;',
  'Inovasi Tanggal;Dinkes;uji coba;31/2/2027;;telegram;700102;;;;',
  'Inovasi Tahap;12;selesai;15/1/2026;mingguan;email;700103;WITB;;;',
  'Inovasi Telegram;Dinkes;penerapan;15/1/2026;akhir uji coba;telegram;@budi;;;;',
  `Inovasi WA;Dinkes;uji coba;15/1/2026;akhir uji coba;whatsapp;12ab;;${LONG_REGION};kapan-kapan;`,
  '',
  'Inovasi Tanpa Akhir;Dinkes;uji coba;15/1/2026;akhir uji coba;telegram;700104;;;;',
  'Klinik Uji;Dinkes;uji coba;1/2/2026;akhir uji coba;telegram;700105;;;1/1/2026;',
  'Klinik Remaja;Dinkes;uji coba;1/2/2026;akhir uji coba;telegram;700106;WIT;;30/6/2026;',
];

const FIRST_PROBLEMS = [
  'baris 6, kolom nama: wajib diisi',
  'baris 7, kolom mulai: tanggal tidak dikenali ("31/2/2027")',
  'baris 8, kolom opd: nama OPD tidak dikenali ("12")',
  'baris 8, kolom tahap: tahap tidak dikenali ("selesai"); isi usulan, uji coba, atau penerapan',
  'baris 8, kolom jadwal: jadwal tidak dikenali ("mingguan"); isi bulanan, triwulanan, akhir uji coba, atau 6 bulan setelah penerapan',
  'baris 8, kolom kanal: kanal tidak dikenali ("email"); isi telegram atau whatsapp',
  'baris 8, kolom zona: zona tidak dikenali ("WITB"); isi WIB, WITA, atau WIT',
  'baris 9, kolom jadwal: jadwal "akhir uji coba" tidak cocok dengan tahap penerapan',
  'baris 9, kolom id_kanal: id Telegram harus berupa angka (user id), bukan nama pengguna ("@budi")',
  'baris 10, kolom id_kanal: nomor WhatsApp tidak valid ("12ab")',
  'baris 10, kolom wilayah: terlalu panjang (paling banyak 80 karakter)',
  'baris 10, kolom akhir_uji_coba: tanggal tidak dikenali ("kapan-kapan")',
  'baris 12, kolom jadwal: jadwal akhir uji coba memerlukan tanggal di kolom akhir_uji_coba',
  'baris 13, kolom akhir_uji_coba: akhir uji coba (1/1/2026) harus setelah tanggal mulai',
];

beforeAll(async () => {
  temp = tempDataDir('pandu-inovasi-cli-');
  env = cliEnv(dataDir(), { KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir) });
  fs.mkdirSync(path.dirname(file('x')), { recursive: true });
  db = await createDb(loadConfig(env, projectRoot).databaseUrl);
});
afterAll(async () => {
  await db.$disconnect();
  temp.cleanup();
});

describe('npm run inovasi -- import (CSV)', () => {
  it('imports the good rows, reports every bad cell by line and column, and exits 1', async () => {
    const r = await inovasi('import', writeCsv('inovasi.csv', FIRST_FILE, { bom: true, eol: '\r\n' }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(FIRST_PROBLEMS);
    const out = r.stdout.trim().split('\n');
    expect(out).toContain('Kolom yang tidak dikenal diabaikan: Catatan.');
    expect(out).toContain('baris 2: zona kosong; dipakai WITA (dari Kota Makassar)');
    expect(out).toContain('baris 2: orang baru (Telegram 700100); akan dihubungi setelah menulis ke Pandu');
    expect(out).toContain('Selesai: 4 inovasi baru, 0 diperbarui, 0 tanpa perubahan, 7 baris dilewati karena salah.');
    expect(out).toContain(
      '3 orang belum pernah menulis ke Pandu. Pandu baru bisa mengirim pengingat setelah mereka menulis lebih dulu (misalnya "halo") di kanal itu.',
    );

    const siti = await identity('telegram', '700100');
    expect(siti!.firstMessageAt).toBeNull();
    expect(siti!.user).toMatchObject({
      opd: 'Dinas Kesehatan',
      opdKey: 'dinas kesehatan',
      timeZone: 'Asia/Makassar',
      region: 'Kota Makassar',
    });
    const hers = await innovationsOf('telegram', '700100');
    expect(hers.map((i) => [i.name, i.stage, i.startDate, i.cadence, i.status, i.source])).toEqual([
      ['Bank Sampah Kelurahan', 'usulan', '2026-03-01', 'quarterly', 'active', 'import'],
      ['Posyandu Keliling Lansia', 'uji_coba', '2026-01-15', 'monthly', 'active', 'import'],
    ]);
    expect(hers[1]).toMatchObject({ opd: 'Dinas Kesehatan', region: 'Kota Makassar', regionKey: 'kota makassar' });
    const [sapa] = await innovationsOf('whatsapp', '6281234567001@c.us');
    expect(sapa).toMatchObject({ name: 'Sapa Warga; "Digital"', opd: 'Dinas Komunikasi dan Informatika', cadence: 'after_penerapan' });
    expect((await identity('whatsapp', '6281234567001@c.us'))!.user.timeZone).toBe('Asia/Jakarta');
    const [remaja] = await innovationsOf('telegram', '700106');
    expect(remaja).toMatchObject({ cadence: 'end_of_trial', trialEndDate: '2026-06-30' });
    for (const bad of ['700101', '700102', '700103', '700104', '700105']) expect(await identity('telegram', bad)).toBeNull();
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await db.innovation.count();
    const r = await inovasi('import', file('inovasi.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Selesai: 0 inovasi baru, 0 diperbarui, 4 tanpa perubahan, 7 baris dilewati karena salah.');
    expect(await db.innovation.count()).toBe(before);
    expect(await db.user.count()).toBe(3);
  });

  it('checks without writing in a dry run', async () => {
    const path = writeCsv('coba.csv', ['nama,opd,tahap,mulai,kanal,id_kanal', 'Rumah Gizi,Dinkes,uji coba,1/3/2026,telegram,700200']);
    const users = await db.user.count();
    const r = await inovasi('import', path, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Uji coba (--dry-run): tidak ada yang disimpan.');
    expect(r.stdout).toContain('Hasil uji: 1 inovasi akan ditambahkan, 0 diperbarui, 0 tanpa perubahan, 0 baris salah.');
    expect(await db.user.count()).toBe(users);
    expect(await identity('telegram', '700200')).toBeNull();
  });

  it('guesses the zone from the region, keeps a zone the person gave, else uses WIB and says so; exits 0 when every row is good', async () => {
    const r = await inovasi(
      'import',
      writeCsv('zona.csv', [
        'nama,opd,tahap,mulai,jadwal,kanal,id_kanal,zona,wilayah',
        'Papua Sehat,Dinkes,uji coba,1/2/2026,,telegram,700300,,Kota Jayapura',
        'Klinik Remaja Keliling,Dinkes,uji coba,1/2/2026,,telegram,700106,,Kabupaten Bantul',
        'Tanpa Daerah,Bappeda,usulan,1/2/2026,,telegram,700301,,',
      ]),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('baris 2: zona kosong; dipakai WIT (dari Kota Jayapura)');
    expect(r.stdout).toContain('baris 4: zona kosong dan daerah tidak diketahui; dipakai WIB');
    expect(r.stdout).not.toContain('baris 3: zona');
    expect((await identity('telegram', '700300'))!.user.timeZone).toBe('Asia/Jayapura');
    expect((await identity('telegram', '700106'))!.user).toMatchObject({ timeZone: 'Asia/Jayapura', region: 'Kabupaten Bantul' });
    expect((await identity('telegram', '700301'))!.user.timeZone).toBe('Asia/Jakarta');
  });
});

describe('npm run inovasi -- import (XLSX)', () => {
  it('reads the first sheet with real date cells, numbers, rich text and formulas, and points at Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inovasi');
    workbook.addWorksheet('Catatan').addRow(['tidak dibaca']);
    sheet.addRow(['ID Kanal', 'Kanal', 'Nama', 'Tahap', 'Mulai', 'OPD', 'Jadwal']);
    // An existing innovation (from the CSV), now started on 1 February: updated, not duplicated.
    sheet.addRow([
      700100,
      'telegram',
      'posyandu keliling lansia',
      'Uji Coba',
      new Date(Date.UTC(2026, 1, 1)),
      'Dinas Kesehatan',
      'Bulanan',
    ]);
    sheet.addRow([]);
    sheet.addRow([
      81234567002,
      'WhatsApp',
      { richText: [{ text: 'Rumah ' }, { text: 'Literasi', font: { bold: true } }] },
      'penerapan',
      new Date(Date.UTC(2026, 2, 1)),
      'Dispusip',
      '',
    ]);
    sheet.addRow([700400, 'telegram', 'Kebun Sekolah', 'usulan', '30 Februari 2026', 'Disdik', '']);
    sheet.addRow([700401, 'telegram', 'Pasar Digital', 3, '1/2/2026', 'Disperindag', '']);
    sheet.addRow([
      700402,
      'telegram',
      { formula: 'CONCATENATE("Lapak ","UMKM")', result: 'Lapak UMKM' },
      'usulan',
      46054,
      'Diskop',
      'triwulanan',
    ]);
    await workbook.xlsx.writeFile(file('inovasi.xlsx'));

    const r = await inovasi('import', file('inovasi.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'baris 5, kolom mulai: tanggal tidak dikenali ("30 Februari 2026")',
      'baris 6, kolom tahap: tahap tidak dikenali ("3"); isi usulan, uji coba, atau penerapan',
    ]);
    expect(r.stdout).toContain('baris 4: zona kosong dan daerah tidak diketahui; dipakai WIB');
    expect(r.stdout).toContain('Selesai: 2 inovasi baru, 1 diperbarui, 0 tanpa perubahan, 2 baris dilewati karena salah.');

    const hers = await innovationsOf('telegram', '700100');
    expect(hers.map((i) => [i.name, i.startDate])).toEqual([
      ['Bank Sampah Kelurahan', '2026-03-01'],
      ['posyandu keliling lansia', '2026-02-01'],
    ]);
    const [literasi] = await innovationsOf('whatsapp', '6281234567002@c.us');
    expect(literasi).toMatchObject({
      name: 'Rumah Literasi',
      stage: 'penerapan',
      startDate: '2026-03-01',
      opd: 'Dinas Perpustakaan dan Kearsipan',
    });
    const [lapak] = await innovationsOf('telegram', '700402');
    expect(lapak).toMatchObject({ name: 'Lapak UMKM', startDate: '2026-02-01', cadence: 'quarterly' });
  });
});

describe('npm run inovasi -- unusable input', () => {
  it('exits 2 with a reason for missing headers, a broken XLSX, wrong usage and an unknown option, before touching the database', async () => {
    const users = await db.user.count();
    writeCsv('tanpa-kolom.csv', ['nama,opd,tahap,jadwal', 'A,B,usulan,']);
    fs.writeFileSync(file('rusak.xlsx'), 'PK\u0003\u0004 bukan berkas excel');
    const [headers, broken, usage, option] = await Promise.all([
      inovasi('import', file('tanpa-kolom.csv')),
      inovasi('import', file('rusak.xlsx')),
      inovasi('impor'),
      inovasi('import', file('tanpa-kolom.csv'), '--dry-rum'),
    ]);
    expect(headers.stderr).toContain(
      'Kolom wajib tidak ada: mulai, kanal, id_kanal. Baris pertama harus berisi judul kolom: nama,opd,tahap,mulai,jadwal,kanal,id_kanal,zona.',
    );
    expect(broken.stderr).toContain('Berkas tidak dapat dibaca sebagai Excel (.xlsx).');
    expect(usage.stderr).toContain('Pemakaian: npm run inovasi -- import BERKAS.csv|BERKAS.xlsx [--dry-run]');
    expect(option.stderr).toContain("Pilihan tidak dapat dibaca: Unknown option '--dry-rum'");
    expect(option.stderr).toContain('Pemakaian: npm run inovasi -- import');
    expect(option.stderr).not.toMatch(/\n\s+at /);
    for (const r of [headers, broken, usage, option]) expect(r.code).toBe(2);
    expect(await db.user.count()).toBe(users);
  });
});

describe('imported people', () => {
  it('become reachable when they write, keep their innovations, and are asked only what the import did not know', async () => {
    const test = await startTestApp(env, dataDir());
    try {
      const before = await identity('telegram', '700100');
      const greeting = await test.app.router.handle({ channel: 'telegram', senderId: '700100', text: '/inovasi', displayName: 'Siti' });
      const after = await identity('telegram', '700100');
      expect(after!.firstMessageAt).not.toBeNull();
      expect(after!.userId).toBe(before!.userId);
      // OPD, region and zone came with the import; only the name is missing.
      expect(greeting.map((r) => r.text).join('\n')).toContain('Siapa nama lengkap Anda?');
      await test.app.router.handle({ channel: 'telegram', senderId: '700100', text: 'Siti Rahmawati' });
      const list = await test.app.router.handle({ channel: 'telegram', senderId: '700100', text: '/inovasi' });
      const text = list.map((r) => r.text).join('\n');
      expect(text).toContain('1. posyandu keliling lansia — uji coba sejak 1 Februari 2026; laporan bulanan;');
      expect(text).toContain('2. Bank Sampah Kelurahan — usulan sejak 1 Maret 2026; laporan triwulanan;');
    } finally {
      await test.close(true);
    }
  });
});
