import fs from 'node:fs';
import path from 'node:path';
import { writeNewFile } from '../../core/files/write-new-file.js';
import type { IncomingFile, OutgoingDocument } from '../../core/messages.js';
import { safeFileName } from '../../reports/attachment-storage.js';
import type { StoredDocument } from './draft-state.js';

/** Telegram bots may download at most 20 MB; announcements stay well below, so WhatsApp sends them too. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Documents people expect in an announcement (letters, forms, schedules, posters); never programs or archives. */
const ALLOWED: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** Formats whose first bytes are fixed: a file named .pdf that is not a PDF would reach people broken. */
const SIGNATURES: ReadonlyArray<[readonly string[], (data: Buffer) => boolean]> = [
  [['pdf'], (d) => d.subarray(0, 5).toString('latin1') === '%PDF-'],
  [['docx', 'xlsx', 'pptx', 'odt', 'ods'], (d) => d[0] === 0x50 && d[1] === 0x4b],
  [['doc', 'xls', 'ppt'], (d) => d.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))],
  [['jpg', 'jpeg'], (d) => d[0] === 0xff && d[1] === 0xd8],
  [['png'], (d) => d.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))],
];

export type DocumentRefusal = 'type' | 'too_large' | 'empty' | 'damaged' | 'download';

/** A file that cannot go out with an announcement; `reason` picks the Indonesian message. */
export class DocumentRefusedError extends Error {
  constructor(
    readonly reason: DocumentRefusal,
    readonly fileName: string,
    readonly size?: number,
    options?: { cause?: unknown },
  ) {
    super(`broadcast document ${fileName} refused: ${reason}`, options);
    this.name = 'DocumentRefusedError';
  }
}

/**
 * The document of an announcement being written, under DATA_DIR/broadcasts/drafts/<userId>/ until the
 * broadcast is created (the session keeps only its path, so a restart in the middle loses nothing).
 */
export class DraftDocuments {
  constructor(
    private readonly dataDir: string,
    readonly maxBytes = MAX_DOCUMENT_BYTES,
  ) {}

  /** Checks and stores a file sent during /umumkan; throws DocumentRefusedError for a bad one. */
  async save(userId: string, file: IncomingFile): Promise<StoredDocument> {
    if (!/^[A-Za-z0-9_-]+$/.test(userId)) throw new Error(`unexpected user id: ${userId}`);
    const ext = path.extname(file.fileName).slice(1).toLowerCase();
    const mimeType = ALLOWED[ext];
    if (!mimeType) throw new DocumentRefusedError('type', file.fileName);
    if (file.size !== undefined && file.size > this.maxBytes) throw new DocumentRefusedError('too_large', file.fileName, file.size);
    let data: Buffer;
    try {
      data = await file.download();
    } catch (error) {
      throw new DocumentRefusedError('download', file.fileName, file.size, { cause: error });
    }
    if (data.length === 0) throw new DocumentRefusedError('empty', file.fileName, 0);
    if (data.length > this.maxBytes) throw new DocumentRefusedError('too_large', file.fileName, data.length);
    const signature = SIGNATURES.find(([exts]) => exts.includes(ext));
    if (signature && !signature[1](data)) throw new DocumentRefusedError('damaged', file.fileName, data.length);
    const written = writeNewFile(path.join(this.dataDir, 'broadcasts', 'drafts', userId), safeFileName(file.fileName), data);
    return {
      fileName: file.fileName,
      mimeType,
      size: data.length,
      path: path.relative(this.dataDir, written).split(path.sep).join('/'),
    };
  }

  /** The stored document as a broadcast carries it. */
  read(stored: StoredDocument): OutgoingDocument {
    return { fileName: stored.fileName, mimeType: stored.mimeType, data: fs.readFileSync(this.resolve(stored)) };
  }

  /** Removes a draft's document (replaced, sent, or the draft cancelled); a missing file is no fault. */
  remove(stored: StoredDocument | undefined): void {
    if (stored) fs.rmSync(this.resolve(stored), { force: true });
  }

  /**
   * Removes every draft document of a person. One person writes one announcement at a time, so when a new
   * one starts, whatever is left (a draft whose session expired) has no owner any more.
   */
  clear(userId: string): void {
    if (!/^[A-Za-z0-9_-]+$/.test(userId)) throw new Error(`unexpected user id: ${userId}`);
    fs.rmSync(path.join(this.dataDir, 'broadcasts', 'drafts', userId), { recursive: true, force: true });
  }

  private resolve(stored: StoredDocument): string {
    const full = path.resolve(this.dataDir, stored.path);
    // The path came back from the session: it must stay inside the drafts folder.
    const root = path.resolve(this.dataDir, 'broadcasts', 'drafts');
    if (!full.startsWith(root + path.sep)) throw new Error(`broadcast draft document outside its folder: ${stored.path}`);
    return full;
  }
}
