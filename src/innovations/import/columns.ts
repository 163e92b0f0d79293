import { SheetError } from './sheet.js';

/** The columns an import understands, by their Indonesian header (as messages name them). */
export const COLUMNS = ['nama', 'opd', 'tahap', 'mulai', 'jadwal', 'kanal', 'id_kanal', 'zona', 'wilayah', 'akhir_uji_coba'] as const;
export type Column = (typeof COLUMNS)[number];

/** A row can only be read with these; jadwal and zona may be left out (monthly; zone from the region). */
const REQUIRED: readonly Column[] = ['nama', 'opd', 'tahap', 'mulai', 'kanal', 'id_kanal'];

/** Other headers people use for the same column. */
const ALIASES: Readonly<Record<string, Column>> = {
  nama_inovasi: 'nama',
  perangkat_daerah: 'opd',
  tanggal_mulai: 'mulai',
  jadwal_laporan: 'jadwal',
  id: 'id_kanal',
  zona_waktu: 'zona',
  daerah: 'wilayah',
  kabupaten_kota: 'wilayah',
  kab_kota: 'wilayah',
  akhir_ujicoba: 'akhir_uji_coba',
  selesai_uji_coba: 'akhir_uji_coba',
};

/** Which cell index holds each column, and the headers nobody reads. */
export interface ColumnMap {
  index: Partial<Record<Column, number>>;
  ignored: string[];
}

/** "ID Kanal", "id-kanal" and " id_kanal " are one header. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Maps a header row to columns; a missing required column or a column given twice makes the file unusable. */
export function mapColumns(header: readonly string[]): ColumnMap {
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const key = headerKey(raw);
    if (key === '') return;
    const column = (COLUMNS as readonly string[]).includes(key) ? (key as Column) : ALIASES[key];
    if (!column) {
      ignored.push(raw.trim());
      return;
    }
    if (index[column] !== undefined) throw new SheetError('duplicate_header', { column });
    index[column] = i;
  });
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length > 0) throw new SheetError('missing_headers', { columns: missing.join(', ') });
  return { index, ignored };
}
