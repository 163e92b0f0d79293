import { describe, expect, it } from 'vitest';
import { chunkPlainText, splitPassages } from '../../../src/knowledge/ingest/text-chunker.js';

const sentence = (i: number): string => `Kalimat nomor ${i} menjelaskan langkah pengisian profil inovasi secara rinci.`;

describe('chunkPlainText', () => {
  it('cites the document title and keeps the section heading path', () => {
    const doc = chunkPlainText('# Pedoman IID\n\n## Pelaporan\n\nLaporan diisi setiap tahun.\n\n## Penilaian\n\nNilai diumumkan.', {
      title: 'Pedoman IID 2023',
    });
    expect(doc).toMatchObject({ kind: 'text', title: 'Pedoman IID 2023', status: 'berlaku' });
    expect(doc.chunks).toEqual([
      { label: 'Pedoman IID 2023', citation: 'Pedoman IID 2023', heading: 'Pedoman IID > Pelaporan', text: 'Laporan diisi setiap tahun.' },
      { label: 'Pedoman IID 2023', citation: 'Pedoman IID 2023', heading: 'Pedoman IID > Penilaian', text: 'Nilai diumumkan.' },
    ]);
  });

  it('prefixes the regulation when the document belongs to one', () => {
    const doc = chunkPlainText('Isi lampiran.', { title: 'Lampiran', regulation: 'PP 38/2017' });
    expect(doc.chunks[0]?.citation).toBe('PP 38/2017 Lampiran');
  });
});

describe('splitPassages', () => {
  it('packs paragraphs into chunks of at most the limit without cutting a sentence', () => {
    const text = Array.from({ length: 6 }, (_, p) => Array.from({ length: 5 }, (_, s) => sentence(p * 5 + s)).join(' ')).join('\n\n');
    const passages = splitPassages(text, 500);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(500);
      expect(p.text).toMatch(/^Kalimat nomor \d+ .*rinci\.$/s);
    }
    expect(passages.map((p) => p.text).join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('cuts between words only a single sentence longer than a chunk', () => {
    const long = `${'kata '.repeat(60).trim()}.`;
    const passages = splitPassages(long, 100);
    expect(passages.every((p) => p.text.length <= 100)).toBe(true);
    expect(passages.map((p) => p.text).join(' ')).toBe(long);
  });

  it('treats a short line in capitals as a section heading in plain text', () => {
    expect(splitPassages('PENDAHULUAN\nLatar belakang singkat.\nMETODE\nWawancara dan survei.')).toEqual([
      { heading: 'PENDAHULUAN', text: 'Latar belakang singkat.' },
      { heading: 'METODE', text: 'Wawancara dan survei.' },
    ]);
  });

  it('joins wrapped lines of a paragraph and keeps list items on their own lines', () => {
    expect(splitPassages('Syarat pendaftaran\nadalah sebagai berikut:\n- proposal;\n- video.')).toEqual([
      { text: 'Syarat pendaftaran adalah sebagai berikut:\n- proposal;\n- video.' },
    ]);
  });
});
