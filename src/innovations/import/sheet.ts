/** One cell as read from a spreadsheet: text (CSV, or an XLSX text cell), a number, or a real date cell. */
export type Cell = string | number | Date;

/** A data row with its line as the person sees it (the CSV line, the Excel row number). */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

/** A table read from a file: the header row's texts and the data rows under it (blank rows left out). */
export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

/** Why a file cannot be imported (each has a message under innovations.import.fatal). */
export const SHEET_ERROR_CODES = [
  'not_found',
  'unsupported',
  'too_big',
  'too_many_rows',
  'not_utf8',
  'open_quote',
  'not_xlsx',
  'empty',
  'missing_headers',
  'duplicate_header',
] as const;
export type SheetErrorCode = (typeof SHEET_ERROR_CODES)[number];

/**
 * A file that cannot be imported at all (as opposed to a bad row, which is reported and skipped). Carries
 * what the message needs, so the command line can say it in Indonesian and exit with code 2.
 */
export class SheetError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    readonly details: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`spreadsheet unusable: ${code} ${JSON.stringify(details)}`, options);
    this.name = 'SheetError';
  }
}

/** A cell as text (numbers as written, dates as YYYY-MM-DD), trimmed; empty cells are "". */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
