import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../src/knowledge/answer/compose.js';
import { displayCitation, supportingHits } from '../../../src/knowledge/answer/extractive.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import { Retriever, type RetrievalHit } from '../../../src/knowledge/retrieval/retriever.js';
import { PROJECT_ROOT } from '../../support/test-app.js';
import { chunk, indexOf } from '../support/chunks.js';

const { t } = loadTranslator(path.join(PROJECT_ROOT, 'locales'));
const PP = 'PP 38/2017';
const index = indexOf([
  chunk({ regulation: PP, pasal: '13', ayat: '1' }, 'Evaluasi usulan dilakukan paling lama 10 hari kerja. Tim dapat dibentuk.'),
  chunk({ regulation: PP, pasal: '13', ayat: '2' }, 'Dalam evaluasi, litbang dapat melibatkan: a. perguruan tinggi; b. Pakar; c. praktisi. Kalimat lain.'),
  chunk({ regulation: PP, pasal: '20', ayat: '1' }, 'Inovasi yang lulus uji coba diterapkan.'),
  chunk({ regulation: PP, pasal: '20', ayat: '2' }, 'Penerapan ditetapkan dengan Perda atau Perkada.'),
  chunk({ regulation: PP, pasal: '20', ayat: '3' }, 'Hak kekayaan intelektual menjadi milik Pemerintah Daerah.'),
  chunk({ regulation: PP, pasal: '20', penjelasan: true, ayat: '3' }, 'Yang dimaksud "tidak dapat dikomersialisasikan" adalah tidak dapat diperdagangkan.'),
  chunk({ regulation: 'UU 30/2014', pasal: '52', ayat: '1', quote: true }, 'Syarat sahnya Keputusan meliputi ditetapkan pejabat berwenang dan dibuat sesuai prosedur.'),
  chunk({ regulation: 'UU 30/2014', pasal: '56', ayat: '1', quote: true }, 'Keputusan yang tidak memenuhi persyaratan sebagaimana dimaksud dalam Pasal 52 ayat (1) merupakan Keputusan yang tidak sah.'),
  chunk(
    { regulation: PP, pasal: '10', ayat: '1', heading: 'Apakah ASN perlu izin atasan?', restsOn: `${PP} Pasal 10 ayat (1)\n${PP} Pasal 13 ayat (1)` },
    'Ya, ASN menyampaikan usulan kepada atasannya untuk mendapat izin tertulis, lalu litbang mengevaluasinya paling lama 10 hari kerja.',
  ),
  chunk({ citation: 'IID 2023 (Kemendagri)', practice: true }, 'Data inovasi diunggah melalui aplikasi IID.'),
]);
const byCitation = (citation: string) => index.chunks.find((c) => c.citation === citation)!;
const hit = (score: number, c: IndexedChunk): RetrievalHit => ({ score, bm25: score, similarity: 0, chunk: c });
const answerTo = async (question: string) => {
  const result = await new Retriever(index).search(question, 5);
  return composeAnswer({ hits: result.hits, index, lookup: result.lookup, cues: result.cues }, t);
};

describe('composeAnswer', () => {
  it('quotes the best passage in full and cites it in the footer', () => {
    const best = byCitation(`${PP} Pasal 20 ayat (3)`);
    const answer = composeAnswer({ hits: [hit(1, best)], index }, t);
    expect(answer.body).toBe(best.text);
    expect(answer.footer).toBe(`Dasar: ${PP} Pasal 20 ayat (3)`);
    expect(answer.citations).toEqual([`${PP} Pasal 20 ayat (3)`]);
  });

  it('adds close runners-up in whole sentences, never cutting a list at "b."', () => {
    const answer = composeAnswer({ hits: [hit(1, byCitation(`${PP} Pasal 13 ayat (1)`)), hit(0.9, byCitation(`${PP} Pasal 13 ayat (2)`))], index }, t);
    expect(answer.body).toContain(`• ${PP} Pasal 13 ayat (2): Dalam evaluasi, litbang dapat melibatkan: a. perguruan tinggi; b. Pakar; c. praktisi. Kalimat lain.`);
    expect(answer.footer).toBe(`Dasar: ${PP} Pasal 13 ayat (1); ${PP} Pasal 13 ayat (2)`);
  });

  it('quotes at most a few hundred characters of a runner-up whose list runs on without a full stop (OCR text)', () => {
    const items = Array.from({ length: 30 }, (_, i) => `kepala daerah tidak menyampaikan laporan nomor ${i + 1} kepada Menteri`).join('; ');
    const long = indexOf([
      chunk({ regulation: 'PP 12/2017', pasal: '16', ayat: '3', quote: true }, 'Pengawasan dilakukan pada tahapan perencanaan dan penganggaran daerah.'),
      chunk({ regulation: 'PP 12/2017', pasal: '36', ayat: '2', quote: true }, `Pelanggaran administratif terdiri atas: ${items}.`),
    ]);
    const of = (citation: string) => long.chunks.find((c) => c.citation === citation)!;
    const hits = [hit(1, of('PP 12/2017 Pasal 16 ayat (3)')), hit(0.95, of('PP 12/2017 Pasal 36 ayat (2)'))];
    const line = composeAnswer({ hits, index: long }, t).body.split('\n').find((l) => l.startsWith('•'))!;
    expect(line.length).toBeLessThan(450);
    // Cut after a whole item, marked, and the quote closed.
    expect(line).toMatch(/kepada Menteri; …”$/);
  });

  it('writes a related note from the passage it is given, also when an index rebuilt with a changed text has the same citation', () => {
    // One cache for both indexes, as the answerer keeps one across reloads.
    const notes = new WeakMap();
    const note = (ayat2: string) => {
      const rebuilt = indexOf([
        chunk({ regulation: PP, pasal: '13', ayat: '1' }, 'Evaluasi usulan dilakukan paling lama 10 hari kerja.'),
        chunk({ regulation: PP, pasal: '13', ayat: '2' }, ayat2),
      ]);
      const of = (citation: string) => rebuilt.chunks.find((c) => c.citation === citation)!;
      const hits = [hit(1, of(`${PP} Pasal 13 ayat (1)`)), hit(0.9, of(`${PP} Pasal 13 ayat (2)`))];
      return composeAnswer({ hits, index: rebuilt, notes }, t).body.split('\n').find((line) => line.startsWith('•'));
    };
    expect(note('Evaluasi melibatkan perguruan tinggi. Kalimat kedua. Kalimat ketiga.')).toBe(
      `• ${PP} Pasal 13 ayat (2): Evaluasi melibatkan perguruan tinggi. Kalimat kedua.`,
    );
    expect(note('Evaluasi melibatkan pakar. Kalimat kedua. Kalimat ketiga.')).toBe(`• ${PP} Pasal 13 ayat (2): Evaluasi melibatkan pakar. Kalimat kedua.`);
  });

  it('answers "apa isi Pasal 20" with the whole Pasal, every ayat in order, and cites each', async () => {
    const answer = await answerTo('apa isi Pasal 20?');
    expect(answer.body).toBe(
      [`Bunyi ${PP} Pasal 20:`, '(1) Inovasi yang lulus uji coba diterapkan.', '(2) Penerapan ditetapkan dengan Perda atau Perkada.', '(3) Hak kekayaan intelektual menjadi milik Pemerintah Daerah.'].join('\n'),
    );
    expect(answer.citations).toEqual([`${PP} Pasal 20 ayat (1)`, `${PP} Pasal 20 ayat (2)`, `${PP} Pasal 20 ayat (3)`]);
    expect((await answerTo('pasal 20 ayat 3 isinya apa')).citations).toEqual([`${PP} Pasal 20 ayat (3)`]);
    expect((await answerTo('penjelasan pasal 20')).citations).toEqual([`${PP} Penjelasan Pasal 20 ayat (3)`]);
  });

  it('answers "apa isi Pasal 20" with every curated ayat when each ayat is its own file, in reading order', async () => {
    const files = indexOf([
      chunk({ regulation: PP, pasal: '20', ayat: '2', documentId: 'pasal-20-ayat-2' }, 'Penerapan ditetapkan dengan Perda atau Perkada.'),
      chunk({ regulation: PP, pasal: '20', ayat: '10', documentId: 'pasal-20-ayat-10' }, 'Ayat kesepuluh berlaku.'),
      chunk({ regulation: PP, pasal: '20', ayat: '1', documentId: 'pasal-20-ayat-1' }, 'Inovasi yang lulus uji coba diterapkan.'),
    ]);
    const result = await new Retriever(files).search('apa isi Pasal 20?', 5);
    const answer = composeAnswer({ hits: result.hits, index: files, lookup: result.lookup, cues: result.cues }, t);
    expect(answer.citations).toEqual([`${PP} Pasal 20 ayat (1)`, `${PP} Pasal 20 ayat (2)`, `${PP} Pasal 20 ayat (10)`]);
    expect(answer.body.split('\n')[0]).toBe(`Bunyi ${PP} Pasal 20:`);
    // An ayat the Pasal does not have: said so, then the whole Pasal.
    const absent = await new Retriever(files).search('Pasal 20 ayat 6 isinya apa?', 5);
    const whole = composeAnswer({ hits: absent.hits, index: files, lookup: absent.lookup, cues: absent.cues }, t);
    expect(whole.body.split('\n').slice(0, 2)).toEqual([
      `Basis pengetahuan tidak memuat ayat (6) dalam ${PP} Pasal 20; berikut seluruh isi pasal itu.`,
      `Bunyi ${PP} Pasal 20:`,
    ]);
    expect(whole.citations).toHaveLength(3);
    // A Pasal held undivided holds its ayat: no such line.
    const undivided = indexOf([chunk({ regulation: PP, pasal: '19' }, 'Inovasi Daerah yang sederhana langsung diterapkan tanpa uji coba.')]);
    const one = await new Retriever(undivided).search('Pasal 19 ayat (1) isinya apa?', 5);
    expect(composeAnswer({ hits: one.hits, index: undivided, lookup: one.lookup, cues: one.cues }, t).body).not.toContain('tidak memuat');
  });

  it('shows a Pasal held twice (regulation text and curated units) once, in the regulation\'s own words', () => {
    const curated = chunk({ regulation: 'UU 30/2014', pasal: '52', ayat: '1', documentId: 'curated' }, 'Keputusan sah bila memenuhi tiga syarat.');
    const both = indexOf([...index.chunks, curated]);
    const request = { pasal: '52', penjelasan: false };
    const answer = composeAnswer({ hits: [], index: both, lookup: { requests: [request], docs: [], regulations: ['UU 30/2014'] } }, t);
    expect(answer.body).toBe('“Syarat sahnya Keputusan meliputi ditetapkan pejabat berwenang dan dibuat sesuai prosedur.”');
    expect(answer.citations).toEqual(['UU 30/2014 Pasal 52 ayat (1)']);
  });

  it('brings in the article the best passage defers to, quoting a regulation in its own words', async () => {
    const answer = await answerTo('keputusan tidak memenuhi persyaratan apakah tidak sah');
    expect(answer.body.startsWith('“Keputusan yang tidak memenuhi persyaratan')).toBe(true);
    expect(answer.body).toContain('• UU 30/2014 Pasal 52 ayat (1): “Syarat sahnya Keputusan');
    expect(answer.citations.slice(0, 2)).toEqual(['UU 30/2014 Pasal 56 ayat (1)', 'UU 30/2014 Pasal 52 ayat (1)']);
  });

  it('brings in the article our own wording hands a matter on to when retrieval ranks it right after the best passage', () => {
    const pointer = chunk(
      { regulation: PP, pasal: '30', ayat: '1' },
      'Kegiatan inovasi dianggarkan dalam APBD. Jika belum masuk APBD tahun berjalan, berlaku PP 38/2017 Pasal 30 ayat (2).',
    );
    const handedOn = chunk({ regulation: PP, pasal: '30', ayat: '2' }, 'Kegiatan yang belum dianggarkan dimasukkan dalam APBD perubahan atau tahun berikutnya.');
    const aside = chunk({ regulation: PP, pasal: '14', ayat: '1' }, 'Kepala Daerah menetapkan keputusan tentang Inovasi Daerah.');
    const files = indexOf([pointer, handedOn, aside]);
    // Lexically far behind (no runner-up by score), but second: the pointer's question is about it too.
    const second = composeAnswer({ hits: [hit(1, pointer), hit(0.3, handedOn), hit(0.2, aside)], index: files }, t);
    expect(second.body).toContain(`• ${PP} Pasal 30 ayat (2): Kegiatan yang belum dianggarkan`);
    expect(second.citations).toEqual([`${PP} Pasal 30 ayat (1)`, `${PP} Pasal 30 ayat (2)`]);
    // Further down it was mostly an aside to the question: left out.
    const third = composeAnswer({ hits: [hit(1, pointer), hit(0.3, aside), hit(0.2, handedOn)], index: files }, t);
    expect(third.citations).toEqual([`${PP} Pasal 30 ayat (1)`]);
    // The definition asked for ("apa itu …") still stands alone.
    const definition = composeAnswer({ hits: [hit(1, pointer), hit(0.3, handedOn)], index: files, definitionFirst: true }, t);
    expect(definition.citations).toEqual([`${PP} Pasal 30 ayat (1)`]);
  });

  it('brings in the Penjelasan our wording sends the reader to, when retrieval ranks it right after the best passage', () => {
    const pointer = chunk({ regulation: PP, pasal: '8', ayat: '4' }, 'Anggota tim independen berasal dari unsur perguruan tinggi. Jumlahnya dijelaskan dalam PP 38/2017 Penjelasan Pasal 8 ayat (4).');
    const explained = chunk({ regulation: PP, pasal: '8', ayat: '4', penjelasan: true, citation: `${PP} Penjelasan Pasal 8 ayat (4)` }, 'Tim beranggotakan paling sedikit tiga orang.');
    const answer = composeAnswer({ hits: [hit(1, pointer), hit(0.3, explained)], index: indexOf([pointer, explained]) }, t);
    expect(answer.body).toContain(`• ${PP} Penjelasan Pasal 8 ayat (4): Tim beranggotakan paling sedikit tiga orang.`);
    expect(answer.citations).toEqual([`${PP} Pasal 8 ayat (4)`, `${PP} Penjelasan Pasal 8 ayat (4)`]);
    // Further down too: the article's own explanation is no aside. One lettered item of it would be.
    const aside = chunk({ regulation: PP, pasal: '14', ayat: '1' }, 'Kepala Daerah menetapkan keputusan tentang Inovasi Daerah.');
    const item = chunk({ regulation: PP, pasal: '8', ayat: '4', huruf: 'a', penjelasan: true, citation: `${PP} Penjelasan Pasal 8 ayat (4) huruf a` }, 'Unsur perguruan tinggi.');
    const files = indexOf([pointer, explained, aside, item]);
    const third = composeAnswer({ hits: [hit(1, pointer), hit(0.3, aside), hit(0.2, explained)], index: files }, t);
    expect(third.citations).toEqual([`${PP} Pasal 8 ayat (4)`, `${PP} Penjelasan Pasal 8 ayat (4)`]);
    const lettered = composeAnswer({ hits: [hit(1, pointer), hit(0.3, aside), hit(0.2, item)], index: files }, t);
    expect(lettered.citations).toEqual([`${PP} Pasal 8 ayat (4)`]);
  });

  it('does not repeat an FAQ\'s own "Ya," and cites every rule the FAQ rests on', () => {
    const faq = index.chunks.find((c) => c.restsOn)!;
    const answer = composeAnswer({ hits: [hit(1, faq)], index }, t);
    expect(answer.body.startsWith('ASN menyampaikan usulan')).toBe(true);
    expect(answer.citations).toEqual([`${PP} Pasal 10 ayat (1)`, `${PP} Pasal 13 ayat (1)`]);
  });

  it('marks a practice note in the footer so nobody mistakes it for regulation text', () => {
    const note = byCitation('IID 2023 (Kemendagri)');
    expect(composeAnswer({ hits: [hit(1, note)], index }, t).footer).toBe('Dasar: IID 2023 (Kemendagri) (catatan praktik, bukan bunyi peraturan)');
    expect(displayCitation(byCitation(`${PP} Pasal 20 ayat (1)`), t)).toBe(`${PP} Pasal 20 ayat (1)`);
  });

  it('lets the definition asked for stand alone, and counts a runner-up close only by its lexical score', () => {
    const def = hit(1, byCitation(`${PP} Pasal 20 ayat (3)`));
    const second = hit(0.95, byCitation(`${PP} Pasal 20 ayat (2)`));
    expect(composeAnswer({ hits: [def, second], index, definitionFirst: true }, t).citations).toEqual([`${PP} Pasal 20 ayat (3)`]);
    // Second by rank (fused score 0.92) but far behind in BM25: not a close runner-up.
    const far = { ...second, score: 0.92, bm25: 0.3 };
    expect(composeAnswer({ hits: [def, far], index }, t).citations).toEqual([`${PP} Pasal 20 ayat (3)`]);
  });

  it('is empty when there are no hits', () => {
    expect(composeAnswer({ hits: [], index }, t)).toEqual({ body: '', footer: '', citations: [], used: [] });
  });
});

describe('supportingHits', () => {
  it('skips runners-up with the same citation or the same text, and keeps at most three', () => {
    const best = hit(1, byCitation(`${PP} Pasal 13 ayat (1)`));
    const twin = hit(0.95, { ...best.chunk, text: 'lain' });
    const sameText = hit(0.95, { ...best.chunk, citation: 'FAQ evaluasi' });
    const more = [0.99, 0.98, 0.97, 0.96].map((s, i) => hit(s, { ...best.chunk, citation: `${PP} Pasal ${30 + i}`, text: `teks ${i}` }));
    expect(supportingHits([best, twin, sameText, ...more]).map((h) => h.chunk.citation)).toEqual([`${PP} Pasal 13 ayat (1)`, `${PP} Pasal 30`, `${PP} Pasal 31`]);
  });
});
