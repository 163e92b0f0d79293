import { describe, expect, it } from 'vitest';
import { extractDocxText } from '../../../src/knowledge/ingest/docx-text.js';
import { ingestRejectionOf } from './support/ingest-error.js';
import { DOCUMENT_HEAD, DOCUMENT_TAIL, deflated, deflatedRepeat, documentXml, makeDocx, paragraph, writeZip } from './support/make-docx.js';

const MB = 1024 * 1024;
const limits = { maxUnpackedBytes: 20 * MB, maxTextChars: 100_000 };

const errorOf = (bytes: Buffer, opts = limits) => ingestRejectionOf(extractDocxText('uji.docx', bytes, opts));

describe('extractDocxText', () => {
  it('reads the body the package relationships point at, whatever its name', async () => {
    const body = deflated('word/utama.xml', documentXml(paragraph('Pasal 1') + paragraph('Daerah adalah Kabupaten Contoh.')));
    expect(await extractDocxText('uji.docx', makeDocx(body), limits)).toBe('Pasal 1\n\nDaerah adalah Kabupaten Contoh.\n\n');
  });

  it('falls back to word/document.xml when the package has no relationships part', async () => {
    const bytes = writeZip([deflated('word/document.xml', documentXml(paragraph('Tanpa relasi')))]);
    expect(await extractDocxText('uji.docx', bytes, limits)).toBe('Tanpa relasi\n\n');
  });

  it('stops reading at the text limit, saying which limit', async () => {
    const line = paragraph('Kalimat tentang inovasi daerah.');
    const body = await deflatedRepeat('word/document.xml', DOCUMENT_HEAD, line, 5_000, DOCUMENT_TAIL);
    const error = await errorOf(makeDocx(body));
    expect(error.code).toBe('text_too_long');
    expect(error.params).toEqual({ maxChars: 100_000 });
  });

  it('refuses a body declaring more than the unpacked limit, saying the limit in MB', async () => {
    const error = await errorOf(makeDocx({ ...deflated('word/document.xml', documentXml('')), size: 21 * MB }));
    expect(error.code).toBe('unpacked_too_big');
    expect(error.params).toEqual({ maxMb: 20 });
  });

  it('refuses a body that unpacks past what it declares as a suspicious archive', async () => {
    const body = await deflatedRepeat('word/document.xml', DOCUMENT_HEAD, paragraph('isi'), 100_000, DOCUMENT_TAIL);
    expect((await errorOf(makeDocx({ ...body, size: 4096 }))).code).toBe('suspicious_archive');
  });

  it('refuses a ZIP that is not a Word document as an unsupported type', async () => {
    const workbook = deflated(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    );
    expect((await errorOf(makeDocx(workbook))).code).toBe('unsupported_type');
    expect((await errorOf(writeZip([deflated('foto.txt', 'bukan dokumen')]))).code).toBe('unsupported_type');
  });

  it('calls a damaged archive unreadable and an encrypted body encrypted', async () => {
    const body = deflated('word/document.xml', documentXml(paragraph('Rahasia')));
    expect((await errorOf(makeDocx({ ...body, crc32: body.crc32 ^ 1 }))).code).toBe('unreadable');
    expect((await errorOf(makeDocx({ ...body, flags: 1 }))).code).toBe('encrypted');
  });
});
