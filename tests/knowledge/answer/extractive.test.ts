import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayCitation, extractiveAnswer, supportingHits } from '../../../src/knowledge/answer/extractive.js';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import type { RetrievalHit } from '../../../src/knowledge/retrieval/retriever.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { PROJECT_ROOT } from '../../support/test-app.js';

const { t } = loadTranslator(path.join(PROJECT_ROOT, 'locales'));

function hit(score: number, chunk: Partial<IndexedChunk> & { citation: string; text: string }): RetrievalHit {
  return { score, bm25: score, similarity: 0, chunk: { id: chunk.citation, documentId: 'd', penjelasan: false, ...chunk } };
}

const best = hit(1, { citation: 'PP 38/2017 Pasal 13 ayat (1)', text: 'Usulan dievaluasi paling lama 10 hari kerja. Tim dibentuk kepala daerah.' });
const close = hit(0.9, { citation: 'PP 38/2017 Pasal 13 ayat (2)', text: 'Hasil evaluasi disampaikan kepada pengusul. Kalimat kedua. Kalimat ketiga.' });
const far = hit(0.5, { citation: 'PP 38/2017 Pasal 20 ayat (4)', text: 'Laporan penerapan disampaikan paling lambat 6 bulan.' });

describe('extractiveAnswer', () => {
  it('quotes the best passage in full and cites it in the footer', () => {
    const answer = extractiveAnswer([best, far], t);
    expect(answer.body).toBe(best.chunk.text);
    expect(answer.footer).toBe('Dasar: PP 38/2017 Pasal 13 ayat (1)');
    expect(answer.citations).toEqual(['PP 38/2017 Pasal 13 ayat (1)']);
  });

  it('adds the first sentences of a close runner-up and cites both', () => {
    const answer = extractiveAnswer([best, close, far], t);
    expect(answer.body).toContain('Terkait:');
    expect(answer.body).toContain('• PP 38/2017 Pasal 13 ayat (2): Hasil evaluasi disampaikan kepada pengusul. Kalimat kedua.');
    expect(answer.body).not.toContain('Kalimat ketiga');
    expect(answer.citations).toEqual(['PP 38/2017 Pasal 13 ayat (1)', 'PP 38/2017 Pasal 13 ayat (2)']);
    expect(answer.footer).toBe('Dasar: PP 38/2017 Pasal 13 ayat (1); PP 38/2017 Pasal 13 ayat (2)');
  });

  it('puts a regulation’s own wording in quotation marks', () => {
    const quoted = hit(1, { citation: 'Perbup Contoh 7/2021 Pasal 3', text: 'Inovasi dilaksanakan oleh OPD.', quote: true });
    expect(extractiveAnswer([quoted], t).body).toBe('“Inovasi dilaksanakan oleh OPD.”');
  });

  it('marks a practice note so nobody mistakes it for regulation text', () => {
    const practice = hit(1, { citation: 'IID 2023 (Kemendagri)', text: 'Data diunggah melalui aplikasi.', practice: true });
    expect(extractiveAnswer([practice], t).footer).toBe('Dasar: IID 2023 (Kemendagri) (catatan praktik, bukan bunyi peraturan)');
    expect(displayCitation(best, t)).toBe('PP 38/2017 Pasal 13 ayat (1)');
  });

  it('is empty when there are no hits', () => {
    expect(extractiveAnswer([], t)).toEqual({ body: '', footer: '', citations: [] });
  });
});

describe('supportingHits', () => {
  it('skips runners-up with the same citation or the same text, and keeps at most three', () => {
    const twin = hit(0.95, { citation: best.chunk.citation, text: 'lain' });
    const sameText = hit(0.95, { citation: 'FAQ evaluasi', text: best.chunk.text });
    const more = [0.99, 0.98, 0.97, 0.96].map((s, i) => hit(s, { citation: `PP 38/2017 Pasal ${30 + i}`, text: `teks ${i}` }));
    expect(supportingHits([best, twin, sameText, ...more]).map((h) => h.chunk.citation)).toEqual([
      'PP 38/2017 Pasal 13 ayat (1)',
      'PP 38/2017 Pasal 30',
      'PP 38/2017 Pasal 31',
    ]);
  });
});
