import type ExcelJS from 'exceljs';
import { SheetError, type Cell, type Sheet, type SheetRow } from './sheet.js';

/**
 * Reads the first worksheet of an .xlsx file. Cells keep their kind: text, numbers (a Telegram id, a phone
 * number Excel stored as a number) and real date cells; formulas give their result, links their text.
 * Lines are Excel's row numbers, so a problem is pointed at where the person sees it.
 */
export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  // Loaded by the first spreadsheet read, not with the app (about 28 MB and a second to load).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new SheetError('not_xlsx', {}, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('empty');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based: index 0 is always empty.
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from(values, (v) => toCell(v as ExcelJS.CellValue) ?? '');
    if (cells.some((c) => String(c).trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  const [header, ...data] = rows;
  if (!header) throw new SheetError('empty');
  return { header: header.cells.map((c) => String(c)), rows: data };
}

function toCell(value: ExcelJS.CellValue): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? undefined : toCell(result);
  }
  if ('error' in value) return value.error;
  return undefined;
}
