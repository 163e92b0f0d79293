import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncomingFile } from '../../src/core/messages.js';
import {
  AttachmentDownloadError,
  AttachmentStorage,
  AttachmentTooLargeError,
  safeFileName,
  TooManyAttachmentsError,
} from '../../src/reports/attachment-storage.js';
import { tempDataDir } from '../support/temp-data.js';

let temp: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  temp = tempDataDir('pandu-attachments-');
});
afterEach(() => temp.cleanup());

function file(name: string, bytes: number, size: number | undefined = bytes): IncomingFile & { download: ReturnType<typeof vi.fn> } {
  return { fileName: name, mimeType: 'image/jpeg', size, download: vi.fn(async () => Buffer.alloc(bytes, 1)) };
}

describe('storing report attachments', () => {
  it('writes the file under DATA_DIR/reports/<reportId>/ and never over an earlier one with the same name', async () => {
    const storage = new AttachmentStorage(temp.dir, { maxFileBytes: 1000, maxFiles: 5 });
    const first = await storage.save('rep1', file('foto.jpg', 10), 0);
    const second = await storage.save('rep1', file('foto.jpg', 20), 1);
    expect(first).toEqual({ fileName: 'foto.jpg', mimeType: 'image/jpeg', size: 10, path: 'reports/rep1/foto.jpg' });
    expect(second.path).toBe('reports/rep1/foto-2.jpg');
    expect(fs.statSync(path.join(temp.dir, 'reports/rep1/foto-2.jpg')).size).toBe(20);
  });

  it('refuses a file the channel says is too large without downloading it', async () => {
    const storage = new AttachmentStorage(temp.dir, { maxFileBytes: 1000, maxFiles: 5 });
    const big = file('besar.pdf', 5000);
    await expect(storage.save('rep1', big, 0)).rejects.toBeInstanceOf(AttachmentTooLargeError);
    expect(big.download).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(temp.dir, 'reports'))).toBe(false);
  });

  it('refuses a file of unknown size once its bytes turn out too large, storing nothing', async () => {
    const storage = new AttachmentStorage(temp.dir, { maxFileBytes: 1000, maxFiles: 5 });
    const error = await storage.save('rep1', file('besar.pdf', 5000, undefined), 0).catch((e: unknown) => e);
    expect(error).toMatchObject({ fileName: 'besar.pdf', size: 5000, limit: 1000 });
    expect(fs.existsSync(path.join(temp.dir, 'reports'))).toBe(false);
  });

  it('refuses a file beyond the count limit, and reports a failed download with its cause', async () => {
    const storage = new AttachmentStorage(temp.dir, { maxFileBytes: 1000, maxFiles: 2 });
    await expect(storage.save('rep1', file('c.jpg', 10), 2)).rejects.toBeInstanceOf(TooManyAttachmentsError);
    const broken: IncomingFile = { fileName: 'x.jpg', download: () => Promise.reject(new Error('file is too big')) };
    const error = await storage.save('rep1', broken, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentDownloadError);
    expect((error as Error).cause).toMatchObject({ message: 'file is too big' });
  });

  it('keeps names safe: no folders, no hidden files, no odd characters, the extension kept', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\ani\\foto rapat.JPG')).toBe('foto rapat.JPG');
    expect(safeFileName('.env')).toBe('env');
    expect(safeFileName('...')).toBe('berkas');
    expect(safeFileName('laporan:final?.pdf')).toBe('laporan_final_.pdf');
    expect(safeFileName(`${'a'.repeat(300)}.docx`)).toHaveLength(100);
  });
});
