import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../../src/knowledge/ingest/errors.js';
import { loadBuffer, loadFile } from '../../../src/knowledge/ingest/load-file.js';
import { tempDataDir } from '../../support/temp-data.js';
import { ingestCodeOf } from './support/ingest-error.js';
import { makePdf } from './support/make-pdf.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/ingest');
const opts = { maxBytes: 1_000_000 };
const temp = tempDataDir('pandu-load-');
const dir = temp.dir;
afterAll(temp.cleanup);

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('loadFile', () => {
  it('reads a markdown file as UTF-8 with its sha256, dropping the BOM and Windows line endings', async () => {
    const content = '\uFEFF# Pedoman\r\nInovasi Daerah adalah pembaharuan.\r\n';
    const file = await write('pedoman.md', content);
    const loaded = await loadFile(file, opts);
    expect(loaded).toMatchObject({ path: file, fileName: 'pedoman.md', format: 'md' });
    expect(loaded.text).toBe('# Pedoman\nInovasi Daerah adalah pembaharuan.\n');
    expect(loaded.contentHash).toBe(createHash('sha256').update(await readFile(file)).digest('hex'));
  });

  it('reads a plain text file', async () => {
    const loaded = await loadFile(await write('catatan.txt', 'Rapat evaluasi inovasi.'), opts);
    expect(loaded.format).toBe('txt');
    expect(loaded.text).toBe('Rapat evaluasi inovasi.');
  });

  it('extracts the text of a PDF', async () => {
    const file = await write('pp.pdf', makePdf(['Pasal 13', 'Evaluasi dilakukan paling lama 10 hari kerja.']));
    const loaded = await loadFile(file, opts);
    expect(loaded.format).toBe('pdf');
    expect(loaded.text).toContain('Pasal 13');
    expect(loaded.text).toContain('paling lama 10 hari kerja');
  });

  it('extracts the text of a DOCX', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('Pasal 1'), new Paragraph('Daerah adalah Kabupaten Contoh.')] }],
    });
    const loaded = await loadFile(await write('perbup.docx', await Packer.toBuffer(doc)), opts);
    expect(loaded.format).toBe('docx');
    expect(loaded.text).toContain('Pasal 1');
    expect(loaded.text).toContain('Daerah adalah Kabupaten Contoh.');
  });

  it('refuses an empty file and a file of only whitespace as empty', async () => {
    expect(await ingestCodeOf(loadFile(await write('kosong.md', ''), opts))).toBe('empty');
    expect(await ingestCodeOf(loadFile(await write('spasi.txt', ' \n\t\n'), opts))).toBe('empty');
    expect(await ingestCodeOf(loadFile(await write('kosong.pdf', ''), opts))).toBe('empty');
  });

  it('refuses text longer than the text limit, whatever the format', async () => {
    const file = await write('panjang.txt', 'Inovasi daerah. '.repeat(100));
    expect(await ingestCodeOf(loadFile(file, { ...opts, maxTextChars: 1000 }))).toBe('text_too_long');
    expect((await loadFile(file, { ...opts, maxTextChars: 1600 })).text).toHaveLength(1600);
  });

  it('drops control characters from the text and turns page breaks into line breaks', async () => {
    const loaded = await loadFile(await write('kontrol.md', '# Judul\u0007\n\fPasal 1\u001b ayat\t1\n'), opts);
    expect(loaded.text).toBe('# Judul\n\nPasal 1 ayat\t1\n');
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const file = await write('besar.txt', 'x'.repeat(2048));
    expect(await ingestCodeOf(loadFile(file, { maxBytes: 1024 }))).toBe('too_big');
  });

  it('reports a missing file as not found and a folder as unsupported', async () => {
    expect(await ingestCodeOf(loadFile(path.join(dir, 'tidak-ada.pdf'), opts))).toBe('not_found');
    await mkdir(path.join(dir, 'folder.md'));
    expect(await ingestCodeOf(loadFile(path.join(dir, 'folder.md'), opts))).toBe('unsupported_type');
  });

  it('refuses unknown extensions and content that does not match its extension', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await ingestCodeOf(loadFile(await write('setup.exe', Buffer.from('MZ\x90\x00')), opts))).toBe('unsupported_type');
    expect(await ingestCodeOf(loadFile(await write('foto.pdf', png), opts))).toBe('unsupported_type');
    expect(await ingestCodeOf(loadFile(await write('surat.docx', 'bukan zip'), opts))).toBe('unsupported_type');
    expect(await ingestCodeOf(loadFile(await write('gambar.txt', png), opts))).toBe('unsupported_type');
  });

  it('says which kind of file a mismatched one really is, for the log', async () => {
    const error = await loadFile(await write('foto2.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0])), opts).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).detail).toContain('PNG');
  });

  it('refuses text that is not valid UTF-8 as unreadable', async () => {
    expect(await ingestCodeOf(loadFile(await write('latin1.txt', Buffer.from([0x50, 0x61, 0x73, 0xe9, 0x6c])), opts))).toBe(
      'unreadable',
    );
  });

  it('reports a corrupt PDF and a corrupt DOCX as unreadable', async () => {
    expect(await ingestCodeOf(loadFile(await write('rusak.pdf', '%PDF-1.4\nbukan isi pdf'), opts))).toBe('unreadable');
    const notADocx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    expect(await ingestCodeOf(loadFile(await write('rusak.docx', notADocx), opts))).toBe('unreadable');
  });

  it('reports a password-protected PDF as encrypted', async () => {
    expect(await ingestCodeOf(loadFile(path.join(fixtures, 'encrypted.pdf'), opts))).toBe('encrypted');
  });

  it('reports a password-protected DOCX (an OLE2 container with EncryptionInfo) as encrypted', async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const encrypted = Buffer.concat([ole2, Buffer.from('EncryptionInfo', 'utf16le')]);
    expect(await ingestCodeOf(loadFile(await write('rahasia.docx', encrypted), opts))).toBe('encrypted');
    expect(await ingestCodeOf(loadFile(await write('lama.docx', ole2), opts))).toBe('unsupported_type');
  });
});

describe('loadBuffer', () => {
  it('loads an upload from memory and names it by its file name', async () => {
    const bytes = Buffer.from('Catatan rapat.');
    const loaded = await loadBuffer('catatan.txt', bytes, opts);
    expect(loaded).toMatchObject({ path: 'catatan.txt', fileName: 'catatan.txt', format: 'txt', text: 'Catatan rapat.' });
    expect(loaded.bytes).toBe(bytes);
  });

  it('applies the same size limit as loadFile', async () => {
    expect(await ingestCodeOf(loadBuffer('besar.md', Buffer.alloc(10, 65), { maxBytes: 5 }))).toBe('too_big');
  });

  it('leaves the uploaded bytes usable after reading a PDF', async () => {
    const bytes = makePdf(['Pasal 2']);
    const loaded = await loadBuffer('pp.pdf', bytes, opts);
    expect(loaded.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
