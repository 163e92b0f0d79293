import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { loadBuffer } from '../../../src/knowledge/ingest/load-file.js';
import { parseDocument } from '../../../src/knowledge/ingest/parse-document.js';
import { ingestCodeOf } from './support/ingest-error.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/regulations');
const load = (fileName: string, text: string) => loadBuffer(fileName, Buffer.from(text), { maxBytes: 1_000_000 });

const CURATED = `---
regulation: PP 38/2017
pasal: "13"
ayat: "1"
title: Batas waktu evaluasi
topic: evaluasi inisiatif
source: PP No. 38 Tahun 2017, Bab III
status: berlaku
citation: PP 38/2017 Pasal 13 ayat (1)
---
Evaluasi dilakukan paling lama 10 (sepuluh) hari kerja.
`;

async function codeOf(fileName: string, text: string): Promise<string> {
  const file = await load(fileName, text);
  return ingestCodeOf(Promise.resolve().then(() => parseDocument(file)));
}

describe('parseDocument', () => {
  it('reads markdown with a citation in its front matter as a curated unit', async () => {
    const doc = parseDocument(await load('pasal-13-ayat-1.md', CURATED));
    expect(doc.kind).toBe('curated');
    expect(doc.chunks.map((c) => c.citation)).toEqual(['PP 38/2017 Pasal 13 ayat (1)']);
  });

  it('reads a text with Pasal headings as a regulation', async () => {
    const text = readFileSync(path.join(fixtures, 'perbup-contoh-7-2021-ocr.md'), 'utf8');
    const doc = parseDocument(await load('perbup-7-2021.txt', text));
    expect(doc.kind).toBe('regulation');
    expect(doc.chunks.some((c) => c.citation === 'Perbup Contoh 7/2021 Pasal 5 ayat (1)')).toBe(true);
  });

  it('cites a regulation typed in Word the same as its text version', async () => {
    const text = readFileSync(path.join(fixtures, 'perbup-contoh-7-2021.md'), 'utf8');
    const word = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
    const fromDocx = await loadBuffer('perbup.docx', await Packer.toBuffer(word), { maxBytes: 1_000_000 });
    const citations = (doc: { chunks: Array<{ citation: string }> }) => doc.chunks.map((c) => c.citation);
    expect(citations(parseDocument(fromDocx))).toEqual(citations(parseDocument(await load('perbup.txt', text))));
  });

  it('lets the admin name the regulation and title', async () => {
    const doc = parseDocument(await load('perbup.txt', 'Pasal 1\nSatu.\nPasal 2\nDua.'), {
      regulation: 'Perbup Uji 2/2024',
      title: 'Perbup Uji',
    });
    expect(doc).toMatchObject({ kind: 'regulation', regulation: 'Perbup Uji 2/2024', title: 'Perbup Uji' });
    expect(doc.chunks.map((c) => c.citation)).toEqual(['Perbup Uji 2/2024 Pasal 1', 'Perbup Uji 2/2024 Pasal 2']);
  });

  it('reads other text as plain text titled by its front matter, heading or file name', async () => {
    expect(parseDocument(await load('catatan.md', '---\ntitle: Catatan Rapat\n---\nRapat membahas IGA.')).title).toBe('Catatan Rapat');
    expect(parseDocument(await load('catatan.md', '# Notulen Tim\n\nRapat membahas IGA.')).title).toBe('Notulen Tim');
    const doc = parseDocument(await load('notulen_rapat-iga.txt', 'Rapat membahas Pasal 7 ayat (2) PP 38/2017.'));
    expect(doc).toMatchObject({ kind: 'text', title: 'notulen rapat iga' });
    expect(doc.chunks[0]?.citation).toBe('notulen rapat iga');
  });

  it('refuses a document with nothing citable in it', async () => {
    expect(await codeOf('kosong.md', '---\ntitle: Kosong\n---\n# Judul saja\n')).toBe('no_content');
  });

  it('refuses a curated file whose front matter is invalid', async () => {
    expect(await codeOf('rusak.md', CURATED.replace('ayat: "1"', 'ayat: "2"'))).toBe('invalid_front_matter');
  });
});
