import { describe, expect, it } from 'vitest';
import { findPasalHeadings } from '../../../../src/knowledge/ingest/legal/pasal-headings.js';

const numbers = (text: string): string[] => findPasalHeadings(text).headings.map((h) => h.pasal);

/** Headings 1..n, each followed by one sentence of body text. */
function sequence(n: number, heading: (n: number) => string): string {
  return Array.from({ length: n }, (_, i) => `${heading(i + 1)}\nIsi pasal.`).join('\n');
}

describe('findPasalHeadings', () => {
  it('reads headings whose numbers OCR mangled: "Pasal 1O", "Pasal L1", "Pasai 12", "Pasal 1 3"', () => {
    const mangled: Record<number, string> = { 10: 'Pasal 1O', 11: 'Pasal L1', 12: 'Pasai 12', 13: 'Pasal 1 3' };
    const text = sequence(13, (n) => mangled[n] ?? `Pasal ${n}`);
    expect(numbers(text)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
  });

  it('finds a heading that starts in the middle of a line after the previous Pasal ends', () => {
    expect(numbers('Pasal 1\nIni pasal satu. Pasal 2 Ini pasal dua.')).toEqual(['1', '2']);
  });

  it('finds a heading that follows a BAB or Bagian title on the same line', () => {
    expect(numbers('Pasal 1\nSatu.\nBagian Kesatu Pengusulan Pasal 2 (1) Usulan diajukan.')).toEqual(['1', '2']);
  });

  it('finds a heading OCR joined to the end of the last provision after a division title, and the one after it', () => {
    // PP 12/2017 as OCR'd: Pasal 38 sits mid-line after "… pemberhentian. Bagian Kedua <title>", Pasal 39
    // mid-line after a sentence; both were missed, and Pasal 38's text was read as the Bagian's title.
    const text = [
      'Pasal 1',
      'Satu.',
      'Pasal 2',
      'a. teguran; dan',
      'b. pemberhentian. Bagian Kedua Tata Cara Penjatuhan Sanksi Administratif Pasal 3 (l) Kepala daerah dijatuhi teguran.',
      '(2) Teguran dijatuhkan oleh Menteri. Pasal 4 (1) Kepala daerah dapat dibantu pakar.',
      'Pasal 5',
      'Lima.',
    ].join('\n');
    expect(numbers(text)).toEqual(['1', '2', '3', '4', '5']);
    // A BAB title with an OCR'd "Bag'an" before it, the previous number lost.
    const lost = 'Pasal 1\nSatu.\nPasal 2\nDua undang-undang. BAB V PENGHARGAAN Bag\'an Kesatu Umum Pasal 4 Selain bentuk pembinaan.\nPasal 5\nLima.';
    expect(numbers(lost)).toEqual(['1', '2', '4', '5']);
  });

  it('does not take a cross-reference for a heading, even when it is the expected number', () => {
    const text = [
      'Pasal 1',
      'Evaluasi sebagaimana dimaksud dalam Pasal 2 dilakukan segera.',
      'Laporan sesuai Pasal 2 ayat (1) disampaikan.',
      'Pasal 2 ayat (3) berlaku juga.',
      'Pasal 2',
      'Isi pasal dua.',
    ].join('\n');
    const scan = findPasalHeadings(text);
    expect(scan.headings.map((h) => [h.pasal, text.slice(h.start, h.end)])).toEqual([
      ['1', 'Pasal 1'],
      ['2', 'Pasal 2'],
    ]);
    expect(text.slice(scan.headings[1]?.end)).toBe('\nIsi pasal dua.');
  });

  it('reports a heading repeated at a page break so its text can be dropped', () => {
    const text = 'Pasal 1\nSatu.\nPasal 2\n(1) (2)\nPasal 2\nDua.';
    const scan = findPasalHeadings(text);
    expect(scan.headings.map((h) => h.pasal)).toEqual(['1', '2']);
    expect(scan.repeats.map((r) => text.slice(r.start, r.end))).toEqual(['Pasal 2']);
  });

  it('reports a number the text skips as missing, and ignores a far jump', () => {
    const scan = findPasalHeadings('Pasal 1\nSatu.\nPasal 3\nTiga.\nPasal 40\nBukan judul.');
    expect(scan.headings.map((h) => h.pasal)).toEqual(['1', '3']);
    expect(scan.missing).toEqual([2]);
  });

  it('accepts an inserted article after its base number ("Pasal 2A")', () => {
    expect(numbers('Pasal 1\nSatu.\nPasal 2\nDua.\nPasal 2A\nSisipan.\nPasal 3\nTiga.')).toEqual(['1', '2', '2A', '3']);
  });
});
