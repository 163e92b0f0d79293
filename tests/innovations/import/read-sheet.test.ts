import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headerKey, mapColumns } from '../../../src/innovations/import/columns.js';
import { PROBLEM_CODES, readRow } from '../../../src/innovations/import/import-row.js';
import { parseCsv } from '../../../src/innovations/import/read-csv.js';
import { DEFAULT_LIMITS, readSheet } from '../../../src/innovations/import/read-sheet.js';
import { SHEET_ERROR_CODES, SheetError, type Cell } from '../../../src/innovations/import/sheet.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { projectRoot } from '../../../src/config.js';
import { tempDataDir } from '../../support/temp-data.js';

const temp = tempDataDir('pandu-sheet-');
afterAll(() => temp.cleanup());

function write(name: string, content: string | Buffer): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function sheetError(promise: Promise<unknown> | (() => unknown)): Promise<SheetError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof SheetError) return error;
    throw error;
  }
  throw new Error('expected a SheetError');
}

describe('parseCsv', () => {
  it('reads comma, semicolon and tab separated files, with or without a BOM', () => {
    const cases: Array<[string, string[]]> = [
      ['nama,opd,tahap\n"x; y",b,c\n', ['x; y', 'b', 'c']],
      ['\uFEFFnama;opd;tahap\r\n"x, y";b;c\r\n', ['x, y', 'b', 'c']],
      ['nama\topd\ttahap\nx, y\tb;c\td\n', ['x, y', 'b;c', 'd']],
    ];
    for (const [text, cells] of cases) {
      const sheet = parseCsv(Buffer.from(text));
      expect(sheet.header).toEqual(['nama', 'opd', 'tahap']);
      expect(sheet.rows).toEqual([{ line: 2, cells }]);
    }
  });

  it('keeps quoted separators, doubled quotes and line breaks, and numbers rows by the line they start on', () => {
    const sheet = parseCsv(Buffer.from('nama,opd\n"A, ""satu""",x\n\n"dua\nbaris",y\n  \nlast,z'));
    expect(sheet.rows).toEqual([
      { line: 2, cells: ['A, "satu"', 'x'] },
      { line: 4, cells: ['dua\nbaris', 'y'] },
      { line: 7, cells: ['last', 'z'] },
    ]);
  });

  it('refuses an unclosed quote (saying where it opened) and text that is not UTF-8', async () => {
    expect(await sheetError(() => parseCsv(Buffer.from('a,b\n1,2\n"3,4\n')))).toMatchObject({ code: 'open_quote', details: { line: 3 } });
    expect((await sheetError(() => parseCsv(Buffer.from([0x6e, 0x61, 0x6d, 0x61, 0x0a, 0xe9, 0x0a])))).code).toBe('not_utf8');
  });
});

describe('columns', () => {
  it('matches headers whatever their case, spacing or separators, and knows a few other names', () => {
    expect(['ID Kanal', ' id-kanal ', 'ID_KANAL', 'id.kanal'].map(headerKey)).toEqual(['id_kanal', 'id_kanal', 'id_kanal', 'id_kanal']);
    const map = mapColumns(['Nama Inovasi', 'OPD', 'Tahap', 'Tanggal Mulai', 'Kanal', 'ID', 'Kabupaten/Kota', 'Keterangan', '']);
    expect(map.index).toEqual({ nama: 0, opd: 1, tahap: 2, mulai: 3, kanal: 4, id_kanal: 5, wilayah: 6 });
    expect(map.ignored).toEqual(['Keterangan']);
  });

  it('refuses a missing required column or one given twice', async () => {
    expect(await sheetError(() => mapColumns(['nama', 'opd', 'tahap']))).toMatchObject({
      code: 'missing_headers',
      details: { columns: 'mulai, kanal, id_kanal' },
    });
    expect(await sheetError(() => mapColumns(['nama', 'Nama', 'opd']))).toMatchObject({
      code: 'duplicate_header',
      details: { column: 'nama' },
    });
  });
});

describe('readSheet limits', () => {
  const header = 'nama,opd,tahap,mulai,kanal,id_kanal';

  it('caps the file size and the row count (5 MB, 5000 rows by default)', async () => {
    expect(DEFAULT_LIMITS).toEqual({ maxBytes: 5 * 1024 * 1024, maxRows: 5000 });
    const rows = (n: number) =>
      [header, ...Array.from({ length: n }, (_, i) => `X${i},Dinkes,usulan,1/1/2026,telegram,${9000 + i}`)].join('\n');
    expect((await readSheet(write('pas.csv', rows(5000)))).rows).toHaveLength(5000);
    expect(await sheetError(readSheet(write('banyak.csv', rows(5001))))).toMatchObject({
      code: 'too_many_rows',
      details: { rows: 5001, max: 5000 },
    });
    expect(await sheetError(readSheet(write('besar.csv', rows(50)), { maxBytes: 1024, maxRows: 10 }))).toMatchObject({ code: 'too_big' });
  });

  it('refuses a missing file, another file type and a file without data rows', async () => {
    expect((await sheetError(readSheet(path.join(temp.dir, 'tidak-ada.csv')))).code).toBe('not_found');
    expect((await sheetError(readSheet(temp.dir + '/'))).code).toBe('unsupported');
    expect((await sheetError(readSheet(write('data.txt', header)))).code).toBe('unsupported');
    expect((await sheetError(readSheet(write('judul.csv', `${header}\n\n`)))).code).toBe('empty');
    expect((await sheetError(readSheet(write('kosong.csv', '')))).code).toBe('empty');
  });
});

describe('readRow', () => {
  const columns = mapColumns(['nama', 'opd', 'tahap', 'mulai', 'jadwal', 'kanal', 'id_kanal', 'zona', 'wilayah', 'akhir_uji_coba']);
  const now = new Date('2026-03-02T01:00:00Z');
  const row = (cells: Cell[]) => readRow({ line: 2, cells }, columns, now);

  it('reads Excel day numbers, numeric Telegram ids, and phone numbers Excel stored without their zero', () => {
    const read = row([
      'Inovasi A',
      'Dinkes',
      'uji coba',
      46054,
      '',
      'WA',
      81234567890,
      'wita',
      'Kab. Gowa',
      new Date(Date.UTC(2026, 5, 30)),
    ]);
    expect(read.problems).toEqual([]);
    expect(read.row).toMatchObject({
      startDate: '2026-02-01',
      externalId: '6281234567890@c.us',
      zone: 'Asia/Makassar',
      region: 'Kabupaten Gowa',
      trialEndDate: '2026-06-30',
      cadence: 'monthly',
    });
    expect(row(['B', 'Dinkes', 'usulan', '1/2/2026', '', 'telegram', 123456789]).row?.externalId).toBe('123456789');
    expect(row(['B', 'Dinkes', 'usulan', '1/2/2026', '', 'whatsapp', '+62 812-3456-7890']).row?.externalId).toBe('6281234567890@c.us');
  });

  it('reads a year-less start date as the latest one, and refuses day numbers that are not dates', () => {
    expect(row(['C', 'Dinkes', 'usulan', '15/1', '', 'telegram', '1234']).row?.startDate).toBe('2026-01-15');
    expect(row(['C', 'Dinkes', 'usulan', 12, '', 'telegram', '1234']).problems.map((p) => p.code)).toEqual(['date']);
  });
});

describe('import messages', () => {
  it('has an Indonesian message for every reason a file or a cell is refused', () => {
    const { has } = loadTranslator(path.join(projectRoot, 'locales'));
    for (const code of SHEET_ERROR_CODES) expect(has(`innovations.import.fatal.${code}`), code).toBe(true);
    for (const code of PROBLEM_CODES) expect(has(`innovations.import.problem.${code}`), code).toBe(true);
  });
});
