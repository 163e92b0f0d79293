import { extractText, getDocumentProxy } from 'unpdf';
import { extractDocxText } from './docx-text.js';
import { IngestError } from './errors.js';
import type { DocumentFormat } from './file-format.js';
import { describeContent } from './file-format.js';
import type { IngestLimits } from './limits.js';

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
      return extractPdfText(fileName, bytes);
    case 'docx':
      return extractDocxText(fileName, bytes, limits);
    case 'md':
    case 'txt':
      return decodeText(fileName, bytes);
  }
}

async function extractPdfText(fileName: string, bytes: Buffer): Promise<string> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // pdf.js may detach the buffer it is given; hand it a copy so LoadedFile.bytes stays usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } catch (error) {
    if (errorName(error) === 'PasswordException') {
      throw new IngestError('encrypted', `${fileName}: the PDF is protected by a password`, { cause: error });
    }
    throw new IngestError('unreadable', `${fileName}: the PDF could not be parsed (${errorMessage(error)})`, {
      cause: error,
    });
  } finally {
    await pdf?.destroy();
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

// pdf.js rejects with plain objects as well as Errors, so read the name structurally.
function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
