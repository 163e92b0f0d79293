import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../../src/knowledge/answer/fit-message.js';
import { startSmallApp } from '../../fixtures/cli/small-knowledge.js';
import { curatedUnit } from '../../support/temp-data.js';
import type { TestApp } from '../../support/test-app.js';

/** A unit far longer than a chat message: 60 distinct sentences about accepted kinds of waste. */
const LONG_TEXT = Array.from(
  { length: 60 },
  (_, i) => `Kelompok sampah nomor ${i + 1} yang diterima Bank Sampah Digital wajib dipilah, dibersihkan, dan dikeringkan oleh nasabah sebelum disetorkan ke unit penimbangan.`,
).join(' ');

let test: TestApp;

beforeAll(async () => {
  test = await startSmallApp({}, {
    'perwal-lestari/pasal-06.md': curatedUnit({
      regulation: 'Perwal Lestari 12/2023',
      pasal: '6',
      citation: 'Perwal Lestari 12/2023 Pasal 6',
      title: 'Jenis sampah yang diterima',
      topic: 'jenis sampah yang diterima bank sampah',
      text: LONG_TEXT,
    }),
  });
});
afterAll(async () => {
  await test.close();
});

const ask = (question: string) => test.app.answerer.answer(question);
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('Answerer without an LLM (extractive answers)', () => {
  it('quotes the best passage and cites it', async () => {
    const answer = await ask('poinnya hangus kapan ya');
    expect(answer).toMatchObject({ kind: 'answer', via: 'extractive' });
    expect(answer.citations[0]).toBe('Perwal Lestari 12/2023 Pasal 5 ayat (2)');
    expect(answer.text.startsWith('Poin sampah berlaku selama dua belas bulan sejak setoran dicatat.')).toBe(true);
    expect(lastLine(answer.text)).toMatch(/^Dasar: Perwal Lestari 12\/2023 Pasal 5 ayat \(2\)/);
  });

  it('cites exactly the passages it quotes', async () => {
    const answer = await ask('poin sampah sy bisa dituker jadi apa aja?');
    const footer = lastLine(answer.text)!;
    expect(footer).toBe(`Dasar: ${answer.citations.join('; ')}`);
    const [first, ...related] = answer.citations;
    expect(answer.text.startsWith('Poin yang dikumpulkan nasabah dari setoran sampah terpilah dapat ditukarkan')).toBe(true);
    expect(first).toBe('Perwal Lestari 12/2023 Pasal 5 ayat (1)');
    for (const citation of related) expect(answer.text).toContain(`• ${citation}: `);
  });

  it('shortens a long passage at a sentence boundary to fit a chat message, keeping the citation footer', async () => {
    const answer = await ask('jenis sampah apa saja yang diterima bank sampah digital?');
    expect(answer.citations[0]).toBe('Perwal Lestari 12/2023 Pasal 6');
    expect(answer.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(answer.text).toContain('(Jawaban diringkas. Tanyakan bagian yang lebih spesifik untuk rincian.)');
    const body = answer.text.split('\n\n(Jawaban diringkas')[0]!;
    expect(body.endsWith('sebelum disetorkan ke unit penimbangan.')).toBe(true);
    expect(LONG_TEXT.startsWith(body)).toBe(true);
    expect(lastLine(answer.text)).toMatch(/^Dasar: Perwal Lestari 12\/2023 Pasal 6/);
  });

  it('says first how it read an acronym the base never writes, then answers from the passage that writes it out', async () => {
    const answer = await ask('BSD dikelola oleh siapa?');
    expect(answer).toMatchObject({ kind: 'answer', via: 'extractive' });
    expect(answer.text.split('\n')[0]).toBe(
      '(Singkatan dalam pertanyaan saya baca sesuai sebutan di peraturan: BSD = bank sampah digital. Bila maksud Anda lain, mohon tulis kepanjangannya.)',
    );
    expect(answer.text).toContain('Bank Sampah Digital dikelola oleh Perangkat Daerah yang membidangi lingkungan hidup.');
    expect(lastLine(answer.text)).toMatch(/^Dasar: /);
  });

  it('marks a practice note as practice, not regulation text', async () => {
    const answer = await ask('cara lapor IID gmn');
    expect(answer.citations[0]).toBe('IID 2023 (Kemendagri)');
    expect(lastLine(answer.text)).toContain('IID 2023 (Kemendagri) (catatan praktik, bukan bunyi peraturan)');
  });

  it.each(['berapa gaji PPPK?', 'cara daftar CPNS 2024 gimana?'])('says "%s" is not found in the knowledge base instead of guessing', async (question) => {
    const answer = await ask(question);
    expect(answer).toMatchObject({ kind: 'not_found', via: 'none', citations: [] });
    expect(answer.text).toContain('tidak ditemukan dalam basis pengetahuan');
    expect(answer.text).not.toContain('Dasar:');
  });

  it('says which article is missing, what the named regulation has instead, and where that number is, when the base lacks the article asked for', async () => {
    const answer = await ask('Perwal Lestari 12/2023 Pasal 7 isinya apa?');
    expect(answer).toMatchObject({ kind: 'not_found', via: 'none', citations: [] });
    const lines = answer.text.split('\n');
    expect(lines[0]).toBe('Maaf, Perwal Lestari 12/2023 Pasal 7 tidak ada dalam basis pengetahuan Pandu, jadi saya tidak bisa menyampaikan isinya.');
    expect(lines[1]).toBe('Dari Perwal Lestari 12/2023, basis pengetahuan memuat Pasal 2–3, 5–6, 8–9, 11.');
    // PP 38/2017 Pasal 7 is in the base: perhaps the regulation was misnamed.
    expect(lines[2]).toBe('Pasal 7 ada dalam PP 38/2017 di basis pengetahuan; untuk membacanya, tanyakan misalnya "PP 38/2017 Pasal 7".');
    expect(answer.text).toContain('JDIH');
    // What the hint suggests works.
    const suggested = await ask('PP 38/2017 Pasal 7');
    expect(suggested).toMatchObject({ kind: 'answer' });
    expect(suggested.citations[0]).toMatch(/^PP 38\/2017 Pasal 7\b/);
    // Without a regulation named, the article of whichever regulation has it answers.
    expect((await ask('Pasal 7 isinya apa?')).citations[0]).toMatch(/^PP 38\/2017 Pasal 7\b/);
  });
});
