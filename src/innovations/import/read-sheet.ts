import fs from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { SheetError, type Sheet } from './sheet.js';

export interface SheetLimits {
  maxBytes: number;
  maxRows: number;
}

/** Enough for every innovation of a province; larger files are split (and a typo'd huge file is refused fast). */
export const DEFAULT_LIMITS: SheetLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 };

/** Reads a .csv or .xlsx file within the limits; anything unusable is a SheetError. */
export async function readSheet(file: string, limits: SheetLimits = DEFAULT_LIMITS): Promise<Sheet> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new SheetError('unsupported', { file });
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw new SheetError('not_found', { file }, { cause: error });
  }
  if (size > limits.maxBytes) throw new SheetError('too_big', { size: megabytes(size), max: megabytes(limits.maxBytes) });
  const bytes = await fs.readFile(file);
  const sheet = ext === '.csv' ? parseCsv(bytes) : await readXlsx(bytes);
  if (sheet.rows.length === 0) throw new SheetError('empty');
  if (sheet.rows.length > limits.maxRows) throw new SheetError('too_many_rows', { rows: sheet.rows.length, max: limits.maxRows });
  return sheet;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
}
