import path from 'node:path';
import { IngestError } from './errors.js';

/** The document formats ingestion can read. */
export type DocumentFormat = 'md' | 'txt' | 'pdf' | 'docx';

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

// Signatures of files people actually send by mistake, so the log can say what the file really is.
const KNOWN_SIGNATURES: ReadonlyArray<[bytes: number[], name: string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [ZIP_SIGNATURE, 'a ZIP archive (or an Office file)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [OLE2_SIGNATURE, 'a legacy Office file (.doc/.xls)'],
  [[0x4d, 0x5a], 'a Windows executable'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a Linux executable'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
];

/** The format a file name promises; unknown extensions are refused. */
export function formatFromName(fileName: string): DocumentFormat {
  const extension = path.extname(fileName).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    throw new IngestError('unsupported_type', `${fileName}: extension "${extension || '(none)'}" is not supported`);
  }
  return format;
}

/**
 * Checks that the bytes are what the extension promises, so a renamed image or executable is refused
 * before any parser sees it. Text has no signature: decodeText refuses NUL bytes and invalid UTF-8.
 */
export function assertContentMatches(fileName: string, format: DocumentFormat, bytes: Uint8Array): void {
  if (format === 'docx' && isEncryptedOffice(bytes)) {
    throw new IngestError('encrypted', `${fileName}: the document is protected by a password`);
  }
  const expected =
    format === 'pdf' && !isPdf(bytes)
      ? 'a PDF document'
      : format === 'docx' && !startsWith(bytes, ZIP_SIGNATURE)
        ? 'a DOCX (ZIP) document'
        : undefined;
  if (expected) {
    const actual = describeContent(bytes);
    throw new IngestError('unsupported_type', `${fileName}: expected ${expected} but the content is ${actual}`);
  }
}

/** A password-protected .docx is not a ZIP but an OLE2 container holding an "EncryptionInfo" stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2_SIGNATURE) && Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

/** PDF allows junk before the header; readers accept "%PDF-" anywhere in the first 1024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** What the bytes look like ("a PNG image"), for log details. */
export function describeContent(bytes: Uint8Array): string {
  return KNOWN_SIGNATURES.find(([signature]) => startsWith(bytes, signature))?.[1] ?? 'of an unknown kind';
}
