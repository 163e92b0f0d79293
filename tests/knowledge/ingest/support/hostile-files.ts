import fs from 'node:fs';
import path from 'node:path';
import type { IngestErrorCode } from '../../../../src/knowledge/ingest/errors.js';
import { DOCUMENT_HEAD, DOCUMENT_TAIL, deflated, deflatedRepeat, documentXml, makeDocx, packageParts, paragraph, stored, writeZip } from './make-docx.js';
import { makePdfBomb, makePdfWithManyPages } from './make-pdf.js';

/** A file built to hurt a reader, and the IngestError code it must be refused with under default limits. */
export interface HostileFile {
  file: string;
  /** What it claims to unpack to, for reports. */
  claims: string;
  code: IngestErrorCode;
}

const MB = 1024 * 1024;

/**
 * Writes the zip bombs and PDF bombs `kb add` must refuse (with the default limits) into `dir`: the
 * 1.6 MB DOCX that inflates to 480 MB (as reported in issue 7), the same payload lying about its size,
 * sizes declared in the gigabytes, sixty thousand entries, entries sharing their bytes, a body of empty
 * paragraphs at 686:1, a PDF of a hundred thousand pages and a PDF whose content stream inflates to 1 GB.
 */
export async function writeHostileFiles(dir: string): Promise<HostileFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const line = paragraph('Kalimat panjang tentang inovasi daerah yang diulang-ulang.');
  const payload = await deflatedRepeat('word/document.xml', DOCUMENT_HEAD, line, Math.floor((480 * MB) / line.length), DOCUMENT_TAIL);
  const small = deflated('word/document.xml', documentXml(line));
  const emptyParagraphs = await deflatedRepeat('word/document.xml', DOCUMENT_HEAD, '<w:p/>', Math.floor((90 * MB) / 6), DOCUMENT_TAIL);
  const manyEntries = Array.from({ length: 60_000 }, (_, i) => stored(`customXml/item${i}.xml`, ''));
  const shared = deflated('word/media/foto.bin', Buffer.alloc(64 * 1024, 1));
  const files: Array<HostileFile & { bytes: Buffer }> = [
    { file: 'isi-480mb.docx', claims: '480 MB of XML, declared honestly', code: 'unpacked_too_big', bytes: makeDocx(payload) },
    { file: 'ukuran-4gb.docx', claims: '4 GB declared for a tiny body', code: 'unpacked_too_big', bytes: makeDocx({ ...small, size: 0xfffffffe }) },
    {
      file: 'zip64-100gb.docx',
      claims: '100 GB declared through ZIP64',
      code: 'unpacked_too_big',
      bytes: writeZip([...packageParts(), { ...small, size: 100 * 1024 * MB }], { zip64Sizes: true }),
    },
    { file: 'bohong-10kb.docx', claims: '480 MB of XML declared as 10 KB', code: 'suspicious_archive', bytes: makeDocx({ ...payload, size: 10_000 }) },
    { file: 'bohong-90mb.docx', claims: '480 MB of XML declared as 90 MB', code: 'text_too_long', bytes: makeDocx({ ...payload, size: 90 * MB }) },
    { file: 'entri-60rb.docx', claims: '60,000 entries', code: 'suspicious_archive', bytes: makeDocx(small, manyEntries) },
    {
      file: 'tumpang-tindih.docx',
      claims: '200 entries sharing one 64 KB payload',
      code: 'suspicious_archive',
      bytes: writeZip([...packageParts(), small, shared], {
        aliases: Array.from({ length: 200 }, (_, i) => ({ name: `word/media/salinan${i}.bin`, of: 3 })),
      }),
    },
    { file: 'paragraf-kosong.docx', claims: '90 MB of empty paragraphs (686:1)', code: 'suspicious_archive', bytes: makeDocx(emptyParagraphs) },
    { file: 'halaman-100rb.pdf', claims: '100,000 pages', code: 'too_many_pages', bytes: makePdfWithManyPages(100_000) },
    { file: 'bom-1gb.pdf', claims: 'a content stream of 1 GB', code: 'too_complex', bytes: await makePdfBomb(1024) },
  ];
  return files.map(({ bytes, ...hostile }) => {
    fs.writeFileSync(path.join(dir, hostile.file), bytes);
    return { ...hostile, file: path.join(dir, hostile.file) };
  });
}
