import path from 'node:path';
import { writeNewFile } from '../core/files/write-new-file.js';
import type { IncomingFile } from '../core/messages.js';

export interface AttachmentLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/** A file larger than the configured limit (known from the channel before download, or after it). */
export class AttachmentTooLargeError extends Error {
  constructor(
    readonly fileName: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`attachment ${fileName} is ${size} bytes; the limit is ${limit}`);
    this.name = 'AttachmentTooLargeError';
  }
}

/** The report already carries as many files as allowed. */
export class TooManyAttachmentsError extends Error {
  constructor(readonly limit: number) {
    super(`a report may carry at most ${limit} attachments`);
    this.name = 'TooManyAttachmentsError';
  }
}

/** The channel could not hand over the bytes (expired file, network fault, Telegram's 20 MB getFile limit). */
export class AttachmentDownloadError extends Error {
  constructor(
    readonly fileName: string,
    options: { cause: unknown },
  ) {
    super(`attachment ${fileName} could not be downloaded`, options);
    this.name = 'AttachmentDownloadError';
  }
}

/** What was written, ready for a ReportAttachment row. */
export interface StoredFile {
  fileName: string;
  mimeType: string | null;
  size: number;
  /** Relative to DATA_DIR, with forward slashes. */
  path: string;
}

/**
 * Evidence files of progress reports, under DATA_DIR/reports/<reportId>/. Limits are checked before the
 * download when the channel knows the size, and again on the bytes; a file never replaces another.
 */
export class AttachmentStorage {
  constructor(
    private readonly dataDir: string,
    private readonly limits: AttachmentLimits,
  ) {}

  get maxFileBytes(): number {
    return this.limits.maxFileBytes;
  }

  get maxFiles(): number {
    return this.limits.maxFiles;
  }

  async save(reportId: string, file: IncomingFile, alreadyAttached: number): Promise<StoredFile> {
    if (!/^[A-Za-z0-9_-]+$/.test(reportId)) throw new Error(`unexpected report id: ${reportId}`);
    if (alreadyAttached >= this.limits.maxFiles) throw new TooManyAttachmentsError(this.limits.maxFiles);
    const { maxFileBytes } = this.limits;
    if (file.size !== undefined && file.size > maxFileBytes) throw new AttachmentTooLargeError(file.fileName, file.size, maxFileBytes);
    let data: Buffer;
    try {
      data = await file.download();
    } catch (error) {
      throw new AttachmentDownloadError(file.fileName, { cause: error });
    }
    if (data.length > maxFileBytes) throw new AttachmentTooLargeError(file.fileName, data.length, maxFileBytes);
    const written = writeNewFile(path.join(this.dataDir, 'reports', reportId), safeFileName(file.fileName), data);
    return {
      fileName: file.fileName,
      mimeType: file.mimeType ?? null,
      size: data.length,
      path: path.relative(this.dataDir, written).split(path.sep).join('/'),
    };
  }

  /** The absolute path of a stored attachment. */
  resolve(relative: string): string {
    return path.join(this.dataDir, relative);
  }
}

/** A name safe on every file system: no folders, no control or reserved characters, not hidden, ≤ 100 chars. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const { name: stem, ext } = path.parse(base);
  const clean = (s: string) => s.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+/, '');
  const extLetters = ext
    .slice(1)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .slice(0, 10);
  const safeExt = extLetters ? `.${extLetters}` : '';
  return `${clean(stem).slice(0, 100 - safeExt.length) || 'berkas'}${safeExt}`;
}
