import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from './errors.js';
import { extractDocumentText } from './extract-text.js';
import type { DocumentFormat } from './file-format.js';
import { assertContentMatches, formatFromName } from './file-format.js';
import type { IngestLimits } from './limits.js';
import { megabytes, textTooLong, withDefaults } from './limits.js';

/** A file read into memory with its text, before it is parsed into chunks. */
export interface LoadedFile {
  /** Where it came from: the path on disk, or the file name for an in-memory upload. */
  path: string;
  fileName: string;
  format: DocumentFormat;
  bytes: Buffer;
  /** Extracted text, UTF-8, line breaks normalised to "\n". */
  text: string;
  /** sha256 hex of `bytes`: tells whether a re-upload changed anything. */
  contentHash: string;
}

/** `maxBytes` (files larger are refused before they are read) and any other limit to tighten or loosen. */
export type LoadOptions = Pick<IngestLimits, 'maxBytes'> & Partial<IngestLimits>;

/**
 * Reads a file an admin points at (`kb add`). Only reads: on any problem it throws an IngestError and
 * has touched nothing, so the caller can report and move on.
 */
export async function loadFile(filePath: string, opts: LoadOptions): Promise<LoadedFile> {
  const fileName = path.basename(filePath);
  const info = await stat(filePath).catch((error: unknown) => {
    throw fsError(fileName, error);
  });
  if (!info.isFile()) throw new IngestError('unsupported_type', `${fileName}: not a regular file`);
  if (info.size > opts.maxBytes) throw tooBig(fileName, info.size, opts.maxBytes);
  const bytes = await readFile(filePath).catch((error: unknown) => {
    throw fsError(fileName, error);
  });
  return load(filePath, fileName, bytes, opts);
}

/** The same as loadFile for bytes already in memory, e.g. a document uploaded in a chat. */
export async function loadBuffer(fileName: string, bytes: Buffer, opts: LoadOptions): Promise<LoadedFile> {
  return load(fileName, fileName, bytes, opts);
}

async function load(filePath: string, fileName: string, bytes: Buffer, opts: LoadOptions): Promise<LoadedFile> {
  const limits = withDefaults(opts);
  // Checked again after reading: the file may have grown since stat.
  if (bytes.length > limits.maxBytes) throw tooBig(fileName, bytes.length, limits.maxBytes);
  const format = formatFromName(fileName);
  if (bytes.length === 0) throw new IngestError('empty', `${fileName}: the file is empty`);
  assertContentMatches(fileName, format, bytes);
  const text = normaliseText(await extractDocumentText(fileName, format, bytes, limits));
  if (text.length > limits.maxTextChars) throw textTooLong(fileName, limits.maxTextChars);
  if (!text.trim()) {
    // A PDF without a text layer is usually a scan: the file has content, just nothing we can read.
    if (format === 'pdf') throw new IngestError('no_content', `${fileName}: the PDF has no text layer (scanned?)`);
    throw new IngestError('empty', `${fileName}: the document contains only whitespace`);
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return { path: filePath, fileName, format, bytes, text, contentHash };
}

/** Line breaks as "\n", page breaks as line breaks, no other control characters (PostgreSQL refuses NUL). */
function normaliseText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\f/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
      .normalize('NFC')
  );
}

function tooBig(fileName: string, size: number, maxBytes: number): IngestError {
  return new IngestError('too_big', `${fileName}: ${size} bytes is more than the limit of ${maxBytes}`, {
    params: { maxMb: megabytes(maxBytes) },
  });
}

function fsError(fileName: string, error: unknown): IngestError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new IngestError('not_found', `${fileName}: no such file`, { cause: error });
  }
  return new IngestError('unreadable', `${fileName}: cannot be read (${code || String(error)})`, { cause: error });
}
