import { describe, expect, it } from 'vitest';
import { cleanRegulationText } from '../../../../src/knowledge/ingest/legal/ocr-clean.js';

describe('cleanRegulationText', () => {
  it('removes the President page header in the shapes OCR leaves it, and page numbers', () => {
    const text = [
      'kepada Menteri. PRES I DEN REPUBLIK INDONESIA -5-',
      'Pasal 5 F}1i: S IDEN REPLIBL IK INt)ONESIA',
      'Menteri FRES I DEN REFUtsLIK INDCNESIA _12_ menilai.',
    ].join('\n');
    expect(cleanRegulationText(text)).toBe('kepada Menteri.\nPasal 5\nMenteri menilai.');
  });

  it('keeps the President in a title ("PERATURAN PRESIDEN REPUBLIK INDONESIA")', () => {
    expect(cleanRegulationText('PERATURAN PRESIDEN REPUBLIK INDONESIA NOMOR 5')).toBe(
      'PERATURAN PRESIDEN REPUBLIK INDONESIA NOMOR 5',
    );
  });

  it("removes the issuer's running header, even misread, but not the signature or the title", () => {
    const text = 'PERATURAN BUPATI CONTOH\nsatu. B UPATI CONTOH -2- dua. BUPATl CONTOH tiga.\nBUPATI CONTOH,\nttd.';
    expect(cleanRegulationText(text, ['BUPATI CONTOH'])).toBe('PERATURAN BUPATI CONTOH\nsatu. dua. tiga.\nBUPATI CONTOH,\nttd.');
  });

  it('drops the first copy of a catchword and moves its ayat marker onto the real text', () => {
    const text = 'Daerah. (3) Perangkat (1) PRES I DEN REPUBLIK INDONESIA (3) Perangkat Daerah memutuskan.';
    expect(cleanRegulationText(text)).toBe('Daerah. (1) (3)\n(3) Perangkat Daerah memutuskan.');
  });

  it('drops a catchword repeated after a column of markers without a page header', () => {
    expect(cleanRegulationText('dikomersialisasikan. (2) (3) Hak (3) (4) Hak kekayaan intelektual')).toBe(
      'dikomersialisasikan. (2) (3) (4)\n(3) Hak kekayaan intelektual',
    );
  });

  it('puts a Pasal heading that floated above a page break back after the sentence it interrupted', () => {
    const text = 'untuk bertransaksi. Apabila )\nPasal 8\nAyat Ayat PRES I DEN REPUBLIK INDONESIA -8- Apabila bank menolak. Huruf c Cukup jelas.\n(1) Cukup jelas.';
    expect(cleanRegulationText(text)).toBe(
      'untuk bertransaksi. )\nAyat Ayat Apabila bank menolak.\nPasal 8\nHuruf c Cukup jelas.\n(1) Cukup jelas.',
    );
  });

  it('mends words broken by hyphenation, OCR spaces and misread digits', () => {
    const text =
      'Undang- Undang seluas- luasnya pemerin- tahan antar- Daerah menyej ahterakan danf atau danlatau Tahun 2Ol4 Tahun 20 15';
    expect(cleanRegulationText(text)).toBe(
      'Undang-Undang seluas-luasnya pemerintahan antar-Daerah menyejahterakan dan/atau dan/atau Tahun 2014 Tahun 2015',
    );
  });

  it('leaves a shared prefix ("pra- dan pascabencana") and real separate words alone', () => {
    expect(cleanRegulationText('pra- dan pascabencana di tangan')).toBe('pra- dan pascabencana di tangan');
  });

  it('rejoins a word split by a space when the document spells it whole elsewhere', () => {
    expect(cleanRegulationText('perbankan elektro nik dan layanan elektronik')).toBe(
      'perbankan elektronik dan layanan elektronik',
    );
  });

  it('reads OCR-damaged references ("ayat (l)", "ayat (21", "Pasal L4") as numbers', () => {
    expect(cleanRegulationText('pada ayat (l) dan ayat (21 serta Pasal L4 dan ayat (12)')).toBe(
      'pada ayat (1) dan ayat (2) serta Pasal 14 dan ayat (12)',
    );
  });

  it('removes "^" OCR artifacts', () => {
    expect(cleanRegulationText('paling lama 10 ^(sepuluh) ^hari kerja.')).toBe('paling lama 10 (sepuluh) hari kerja.');
  });
});
