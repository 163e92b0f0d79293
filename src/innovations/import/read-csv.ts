import { SheetError, type Sheet, type SheetRow } from './sheet.js';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Reads CSV as spreadsheets write it: comma, semicolon (Excel in Indonesian locale) or tab separated, fields
 * in double quotes with "" for a quote inside and line breaks allowed, CRLF or LF, with or without a BOM.
 * Each row keeps the line it starts on, so a problem can be pointed at in the file; blank lines are skipped.
 */
export function parseCsv(bytes: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new SheetError('not_utf8', {}, { cause: error });
  }
  const delimiter = detectDelimiter(text);
  const records = splitRecords(text, delimiter);
  const first = records.findIndex((r) => !blank(r.cells));
  if (first < 0) throw new SheetError('empty');
  const header = records[first]!.cells.map(String);
  const rows = records.slice(first + 1).filter((r) => !blank(r.cells));
  return { header, rows };
}

/** The separator that splits the header line into the most fields (quotes respected). */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function splitRecords(text: string, delimiter: string): SheetRow[] {
  const records: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let quoteLine = 0;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: startLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      startLine = line;
    } else field += ch;
  }
  if (quoted) throw new SheetError('open_quote', { line: quoteLine });
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}

function blank(cells: readonly unknown[]): boolean {
  return cells.every((c) => String(c).trim() === '');
}
