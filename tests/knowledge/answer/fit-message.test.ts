import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS, clipNote, firstSentences, fitText } from '../../../src/knowledge/answer/fit-message.js';

const sentence = (i: number) => `Kalimat nomor ${i} menjelaskan satu ketentuan inovasi daerah secara ringkas.`;

describe('fitText', () => {
  it('returns short text unchanged', () => {
    expect(fitText('Jawaban pendek.', 100)).toEqual({ text: 'Jawaban pendek.', truncated: false });
  });

  it('cuts long text at the last sentence boundary that fits', () => {
    const text = Array.from({ length: 80 }, (_, i) => sentence(i + 1)).join(' ');
    const fitted = fitText(text, 1000);
    expect(fitted.truncated).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(1000);
    expect(fitted.text.endsWith('secara ringkas.')).toBe(true);
    expect(text.startsWith(fitted.text)).toBe(true);
  });

  it('prefers a paragraph break when there is one late enough', () => {
    const text = `${'a '.repeat(400)}\n\n${'b '.repeat(400)}`;
    const fitted = fitText(text, 1000);
    expect(fitted.text).toBe('a '.repeat(400).trimEnd());
  });

  it('falls back to a word boundary with an ellipsis when there is no sentence end', () => {
    const fitted = fitText('kata '.repeat(500), 300);
    expect(fitted.text.endsWith('kata …')).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(302);
  });

  it('keeps answers well under Telegram’s 4096-character limit by default', () => {
    expect(MAX_ANSWER_CHARS).toBeLessThan(4096);
  });
});

describe('clipNote', () => {
  it('keeps a short text, and cuts a long one after a list item, or else at a space, marked and with its quote closed', () => {
    expect(clipNote('Pendek.', 20)).toBe('Pendek.');
    expect(clipNote('“a. satu dua tiga; b. empat lima enam; c. tujuh delapan”', 40)).toBe('“a. satu dua tiga; b. empat lima enam; …”');
    expect(clipNote('satu dua tiga empat lima enam tujuh delapan', 20)).toBe('satu dua tiga empat …');
  });
});

describe('firstSentences', () => {
  it('takes the first n sentences and collapses whitespace', () => {
    expect(firstSentences('Satu.  Dua!\nTiga? Empat.', 2)).toBe('Satu. Dua!');
  });

  it('keeps numbers and web addresses with inner full stops whole, dropping nothing before them', () => {
    const text = 'Pendaftaran KIPP 2022 ditutup dengan 2.454 proposal, dan 1.917 lolos administrasi. Daftar di sinovik.menpan.go.id sampai pukul 23.59 WIB. Kalimat ketiga.';
    expect(firstSentences(text, 1)).toBe('Pendaftaran KIPP 2022 ditutup dengan 2.454 proposal, dan 1.917 lolos administrasi.');
    expect(firstSentences(text, 2)).toBe(
      'Pendaftaran KIPP 2022 ditutup dengan 2.454 proposal, dan 1.917 lolos administrasi. Daftar di sinovik.menpan.go.id sampai pukul 23.59 WIB.',
    );
  });

  it('returns a text without a final full stop whole', () => {
    expect(firstSentences('Tanpa titik di akhir', 2)).toBe('Tanpa titik di akhir');
  });
});

describe('splitSentences', () => {
  it('never cuts a list at the full stop of its labels ("a.", "b.", "1.") or at an abbreviation', () => {
    const list = 'Proposal memuat: a. bentuk; b. Rancang bangun; c. tujuan. Kalimat berikut.';
    expect(firstSentences(list, 1)).toBe('Proposal memuat: a. bentuk; b. Rancang bangun; c. tujuan.');
    expect(firstSentences('Diatur dalam PP No. 38 Tahun 2017. Kedua.', 1)).toBe('Diatur dalam PP No. 38 Tahun 2017.');
    expect(firstSentences('Tahapannya: 1. Usulan. 2. Uji coba. Selesai.', 1)).toBe('Tahapannya: 1. Usulan. 2. Uji coba.');
  });
});
