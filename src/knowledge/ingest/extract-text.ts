import { extractDocxText } from './docx-text.js';
import { IngestError } from './errors.js';
import type { DocumentFormat } from './file-format.js';
import { describeContent } from './file-format.js';
import type { IngestLimits } from './limits.js';
import { extractPdfText } from './pdf-text.js';

/**
 * Turns the bytes of a checked file into text; the format has already been verified against the bytes.
 * Every reader stops at the limits, so the text is never longer than `maxTextChars` (checked again by the
 * caller for formats that cannot stop early).
 */
export async function extractDocumentText(
  fileName: string,
  format: DocumentFormat,
  bytes: Buffer,
  limits: IngestLimits,
): Promise<string> {
  switch (format) {
    case 'pdf':
      return extractPdfText(fileName, bytes, limits);
    case 'docx':
      return extractDocxText(fileName, bytes, limits);
    case 'md':
    case 'txt':
      return decodeText(fileName, bytes);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 only (with or without BOM); UTF-16 is accepted when it says so with a BOM, as Notepad writes it. */
function decodeText(fileName: string, bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) {
    throw new IngestError('unsupported_type', `${fileName}: binary content (${describeContent(bytes)}), not text`);
  }
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new IngestError('unreadable', `${fileName}: the text is not valid UTF-8`, { cause: error });
  }
}
