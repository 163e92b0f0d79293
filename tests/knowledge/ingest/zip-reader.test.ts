import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ZipEntry } from '../../../src/knowledge/ingest/zip-reader.js';
import { ZipError, readZipDirectory, readZipEntry, readZipText } from '../../../src/knowledge/ingest/zip-reader.js';
import { deflated, deflatedRepeat, stored, writeZip } from './support/make-docx.js';

const MB = 1024 * 1024;
const limits = { maxEntries: 100, maxUnpackedBytes: 10 * MB, maxRatio: 200, ratioFloorBytes: MB };

function kindOf(fn: () => unknown): ZipError['kind'] | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof ZipError) return error.kind;
    throw error;
  }
}

async function readKind(bytes: Buffer, entry: ZipEntry, maxBytes = 10 * MB): Promise<ZipError['kind'] | 'ok'> {
  try {
    for await (const chunk of readZipEntry(bytes, entry, maxBytes)) void chunk;
    return 'ok';
  } catch (error) {
    if (error instanceof ZipError) return error.kind;
    throw error;
  }
}

function only(bytes: Buffer, name: string): ZipEntry {
  const entry = readZipDirectory(bytes, limits).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return entry;
}

describe('readZipDirectory and readZipEntry', () => {
  it('reads the directory and the entries of a DOCX written by another library', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Pasal 1')] }] }));
    const names = readZipDirectory(bytes, limits).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
    expect(await readZipText(bytes, only(bytes, 'word/document.xml'), MB)).toContain('Pasal 1');
  });

  it('reads stored and deflated entries, and sizes declared in ZIP64 extra fields', async () => {
    for (const zip64Sizes of [false, true]) {
      const bytes = writeZip([stored('a.txt', 'disimpan apa adanya'), deflated('b.txt', 'dipadatkan '.repeat(100))], { zip64Sizes });
      expect(await readZipText(bytes, only(bytes, 'a.txt'), MB)).toBe('disimpan apa adanya');
      expect(await readZipText(bytes, only(bytes, 'b.txt'), MB)).toBe('dipadatkan '.repeat(100));
    }
  });

  it('unpacks a large entry in slices of at most 64 KB', async () => {
    const entry = deflated('besar.xml', randomBytes(2 * MB));
    const bytes = writeZip([entry]);
    let largest = 0;
    let total = 0;
    for await (const chunk of readZipEntry(bytes, only(bytes, 'besar.xml'), 10 * MB)) {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    }
    expect(total).toBe(entry.size);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses, from the directory alone, more entries or more declared bytes than allowed', () => {
    const many = Array.from({ length: 101 }, (_, i) => stored(`${i}.xml`, ''));
    expect(kindOf(() => readZipDirectory(writeZip(many), limits))).toBe('suspicious');
    const huge = { ...deflated('a.xml', '<a/>'), size: 11 * MB };
    expect(kindOf(() => readZipDirectory(writeZip([huge]), limits))).toBe('too_big');
    const huge64 = { ...deflated('a.xml', '<a/>'), size: 5 * 1024 * 1024 * MB };
    expect(kindOf(() => readZipDirectory(writeZip([huge64], { zip64Sizes: true }), limits))).toBe('too_big');
  });

  it('refuses a large entry packed more tightly than real documents ever are', async () => {
    const bomb = await deflatedRepeat('word/document.xml', '<a>', '<p/>', 1_000_000, '</a>');
    expect(kindOf(() => readZipDirectory(writeZip([bomb]), limits))).toBe('suspicious');
    // Small entries may compress as they like: a few kilobytes cannot hurt anyone.
    expect(kindOf(() => readZipDirectory(writeZip([deflated('a.xml', '<p/>'.repeat(10_000))]), limits))).toBe('ok');
  });

  it('refuses entries that share bytes and names listed twice', () => {
    const entry = deflated('a.bin', Buffer.alloc(1000, 1));
    expect(kindOf(() => readZipDirectory(writeZip([entry], { aliases: [{ name: 'b.bin', of: 0 }] }), limits))).toBe('suspicious');
    expect(kindOf(() => readZipDirectory(writeZip([entry], { aliases: [{ name: 'a.bin', of: 0 }] }), limits))).toBe('suspicious');
  });

  it('stops as soon as an entry unpacks past its declared size', async () => {
    const payload = await deflatedRepeat('a.xml', '', '<p/>', 10_000_000, '');
    const liar = writeZip([{ ...payload, size: 1000 }]);
    expect(await readKind(liar, only(liar, 'a.xml'))).toBe('suspicious');
  });

  it('refuses an entry shorter than declared, with a wrong checksum, encrypted or compressed another way', async () => {
    const entry = deflated('a.txt', 'isi yang benar');
    const cases: Array<[Partial<typeof entry>, ZipError['kind']]> = [
      [{ size: entry.size + 5 }, 'corrupt'],
      [{ crc32: entry.crc32 ^ 1 }, 'corrupt'],
      [{ flags: 1 }, 'encrypted'],
      [{ method: 12 }, 'corrupt'],
    ];
    for (const [lie, kind] of cases) {
      const bytes = writeZip([{ ...entry, ...lie }]);
      expect(await readKind(bytes, only(bytes, 'a.txt'))).toBe(kind);
    }
  });

  it('refuses an entry declaring more than the caller allows before unpacking it', async () => {
    const bytes = writeZip([deflated('a.txt', 'x'.repeat(5000))]);
    expect(await readKind(bytes, only(bytes, 'a.txt'), 4000)).toBe('too_big');
  });

  it('calls an archive without an end record, or with a damaged directory, corrupt', () => {
    expect(kindOf(() => readZipDirectory(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]), limits))).toBe('corrupt');
    const bytes = writeZip([deflated('a.txt', 'isi')]);
    const damaged = Buffer.from(bytes);
    damaged.writeUInt32LE(0xdeadbeef, bytes.length - 22 - 46 - 'a.txt'.length);
    expect(kindOf(() => readZipDirectory(damaged, limits))).toBe('corrupt');
  });
});
