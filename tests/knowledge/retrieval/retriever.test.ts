import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Retriever, defaultDenseWeight, type RetrievalMode } from '../../../src/knowledge/retrieval/retriever.js';
import { confidenceFrom } from '../../../src/knowledge/retrieval/abstention.js';
import { readCues } from '../../../src/knowledge/retrieval/question-cues.js';
import { startSmallApp } from '../../fixtures/cli/small-knowledge.js';
import { signalsOf } from '../support/signals.js';
import type { TestApp } from '../../support/test-app.js';

let test: TestApp;
let hybrid: Retriever;

beforeAll(async () => {
  test = await startSmallApp();
  hybrid = new Retriever(test.app.index());
});
afterAll(async () => {
  await test.close();
});

const top = async (question: string, retriever = hybrid) => (await retriever.search(question, 5)).hits[0]?.chunk.citation;

describe('Retriever on a small knowledge base', () => {
  it('indexes every unit of the knowledge base', () => {
    expect(test.app.index().chunks).toHaveLength(11);
  });

  it.each([
    ['poin sampah sy bisa dituker jadi apa aja?', 'Perwal Lestari 12/2023 Pasal 5 ayat (1)'],
    ['poinnya hangus kapan ya', 'Perwal Lestari 12/2023 Pasal 5 ayat (2)'],
    ['gmn cara daftar jadi nasabah bank sampah?', 'Perwal Lestari 12/2023 Pasal 3'],
    ['siapa yg ngelola bank sampah digital?', 'Perwal Lestari 12/2023 Pasal 8 ayat (1)'],
    ['keluhan soal penimbangan sampah disampaikan kemana', 'Perwal Lestari 12/2023 Pasal 9'],
    ['bank sampah digital tujuannya apa', 'Perwal Lestari 12/2023 Pasal 2 ayat (1)'],
    ['proposal inovasi daerah isinya apa aja?', 'PP 38/2017 Pasal 7 ayat (2)'],
    ['brp lama evaluasi usulan inovasi?', 'PP 38/2017 Pasal 13 ayat (1)'],
    ['cara lapor IID gmn', 'IID 2023 (Kemendagri)'],
  ])('ranks the right unit first and answers the chat question "%s"', async (question, citation) => {
    const result = await hybrid.search(question, 5);
    expect(result.hits[0]?.chunk.citation).toBe(citation);
    expect(result.abstain).toBe(false);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['Pasal 5 ayat (2) isinya apa?', 'Perwal Lestari 12/2023 Pasal 5 ayat (2)'],
    ['apa bunyi pasal 13 ayat 1', 'PP 38/2017 Pasal 13 ayat (1)'],
    ['PP 38/2017 Pasal 7 ayat (2)', 'PP 38/2017 Pasal 7 ayat (2)'],
    ['Perwal Lestari Pasal 9', 'Perwal Lestari 12/2023 Pasal 9'],
  ])('finds the unit a question names by article: "%s"', async (question, citation) => {
    expect(await top(question)).toBe(citation);
  });

  it('tells the two ayat of one Pasal apart', async () => {
    expect(await top('Pasal 5 ayat (1)')).toBe('Perwal Lestari 12/2023 Pasal 5 ayat (1)');
    expect(await top('Pasal 5 ayat (2)')).toBe('Perwal Lestari 12/2023 Pasal 5 ayat (2)');
  });

  it.each([
    'berapa gaji PPPK?',
    'cara daftar CPNS 2024 gimana?',
    'pajak kendaraan bermotor berapa persen?',
    'siapa pemenang IGA 2024?',
    'resep rendang enak',
  ])('abstains on the out-of-scope question "%s"', async (question) => {
    const result = await hybrid.search(question, 5);
    expect(result.abstain).toBe(true);
    expect(result.confidence).toBeLessThan(0.5);
  });

  it('treats a pasted 20,000-character "word" as unknown and abstains', async () => {
    const result = await hybrid.search('qwertyuiopasdfghjklzxcvbnm'.repeat(800).slice(0, 20_000), 5);
    expect(result).toMatchObject({ abstain: true, confidence: 0 });
    const framed = await hybrid.search(`proposal inovasi daerah isinya apa aja? ${'x'.repeat(20_000)}`, 5);
    expect(framed.hits[0]?.chunk.citation).toBe('PP 38/2017 Pasal 7 ayat (2)');
  });

  it('abstains on a question with no content words at all', async () => {
    const result = await hybrid.search('apa ya?', 5);
    expect(result.abstain).toBe(true);
    expect(result.confidence).toBe(0);
  });

  it('returns at most k hits, best first, with fused scores in [0, 1]', async () => {
    const { hits } = await hybrid.search('bank sampah digital', 3);
    expect(hits).toHaveLength(3);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('honours a stricter minimum confidence', async () => {
    const strict = new Retriever(test.app.index(), { minConfidence: 0.999999 });
    const result = await strict.search('proposal inovasi daerah isinya apa aja?', 5);
    expect(result.abstain).toBe(true);
    expect(result.hits[0]?.chunk.citation).toBe('PP 38/2017 Pasal 7 ayat (2)');
  });
});

describe('retrieval modes', () => {
  const retriever = (mode: RetrievalMode) => new Retriever(test.app.index(), { mode });

  it.each(['hybrid', 'bm25', 'dense'] as const)('%s mode returns ranked results', async (mode) => {
    const { hits } = await retriever(mode).search('poinnya hangus kapan ya', 5);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.chunk.citation)).toContain('Perwal Lestari 12/2023 Pasal 5 ayat (2)');
  });

  it('bm25 mode uses only lexical matches and dense mode only vector similarity', async () => {
    const lexical = await retriever('bm25').search('siapa yg ngelola bank sampah digital?', 5);
    expect(lexical.hits.every((h) => h.bm25 > 0 && h.similarity === 0)).toBe(true);
    const dense = await retriever('dense').search('siapa yg ngelola bank sampah digital?', 5);
    expect(dense.hits).toHaveLength(5);
    expect(dense.hits.every((h) => h.bm25 === 0 && h.similarity > 0)).toBe(true);
    expect(dense.hits[0]?.chunk.citation).toBe('Perwal Lestari 12/2023 Pasal 8 ayat (1)');
  });

  it('bm25 mode returns nothing for words the knowledge base lacks; dense mode still offers neighbours', async () => {
    expect((await retriever('bm25').search('resep rendang enak', 5)).hits).toEqual([]);
    expect((await retriever('dense').search('resep rendang enak', 5)).hits.length).toBeGreaterThan(0);
  });

  it('gives the local embedder no say in hybrid ranking (measured: it does not help), an endpoint an equal one', async () => {
    expect(defaultDenseWeight(test.app.index())).toBe(0);
    const hybridHits = (await retriever('hybrid').search('siapa yg ngelola bank sampah digital?', 5)).hits;
    const lexicalHits = (await retriever('bm25').search('siapa yg ngelola bank sampah digital?', 5)).hits;
    expect(hybridHits.map((h) => h.chunk.citation)).toEqual(lexicalHits.map((h) => h.chunk.citation));
  });
});

describe('question cues and the confidence model', () => {
  it('reads a results question (winner, ranking of a year) as one Pandu cannot answer', () => {
    expect(readCues('siapa pemenang IGA 2024?').results).toBe(true);
    expect(readCues('pemenang IGA dapat hadiah apa?').results).toBe(false);
    // "Yang menang" is the winner in everyday words.
    expect(readCues('Siapa yang menang Innovative Government Award kategori provinsi tahun 2022?').results).toBe(true);
    expect(readCues('kabupaten mana yg memenangkan IGA 2023?').results).toBe(true);
    expect(readCues('inovasi yang menang IGA bisa dapat insentif apa?').results).toBe(false);
    expect(readCues('inovasi daerah itu maksudnya apa?').definition).toBe(true);
  });

  it('reads a question about what existed before a regulation took effect, not every "sebelum" or "berlaku"', () => {
    for (const q of [
      'inovasi yg udh dibikin sblm PP ini keluar masih diakui ga?',
      'izin yang terbit sebelum UU 30/2014 berlaku masih sah?',
      'keputusan yang dibuat sebelum peraturan baru terbit gimana nasibnya?',
      'bagaimana masa peralihan setelah perda ditetapkan?',
    ]) {
      expect(readCues(q).transition).toBe(true);
    }
    for (const q of ['sebelum uji coba, proposal dibahas siapa?', 'PP 38/2017 mulai berlaku kapan?', 'laporan disampaikan sebelum tanggal berapa?']) {
      expect(readCues(q).transition).toBe(false);
    }
  });

  it('reads a question about a regulation\'s framing (lampiran, menimbang, latar belakang), not the everyday words that share a name with it', () => {
    for (const q of ['isi lampiran UU 23/2014 soal pendidikan?', 'apa dasar pertimbangan UU pemda dibuat?', 'latar belakang PP 38/2017 apa?', 'bagian menimbang PP 38 isinya?']) {
      expect(readCues(q).framing).toBe(true);
    }
    for (const q of ['Mengingat anggaran terbatas, bolehkah inovasi tanpa uji coba?', 'apa pertimbangan tim independen menilai proposal?', 'syarat pembentukan kecamatan apa saja?']) {
      expect(readCues(q).framing).toBe(false);
    }
  });

  it('grows with coverage and shrinks with unknown words and each out-of-scope sign', () => {
    const base = signalsOf();
    expect(confidenceFrom({ ...base, coverageTop1: 0.9 })).toBeGreaterThan(confidenceFrom(base));
    expect(confidenceFrom({ ...base, unknownShare: 0.6 })).toBeLessThan(confidenceFrom(base));
    // regionRecord and absentArticle are rules (confidence 0), not weights.
    for (const sign of ['outsideTopic', 'absentRegulation', 'answerTypeMissing', 'factMissing', 'asksCurrent', 'yearMismatch'] as const) {
      expect(confidenceFrom({ ...base, [sign]: 1 }), sign).toBeLessThan(confidenceFrom(base));
    }
    expect(confidenceFrom({ ...base, coverageTop1: 1, coverageTop3: 1, unknownShare: 0 })).toBeGreaterThan(0.9);
  });
});

describe('the act a who-question asks about', () => {
  it.each([
    ['siapa yang menilai inovasi daerah?', 'menilai'],
    ['yg nilai daerah inovatif itu siapa', 'nilai'],
    ['pihak mana yang berhak menetapkan keputusan?', 'menetapkan'],
    ['proposal dibahas oleh siapa', 'dibahas'],
    ['kemendagri pas menilai inovasi dibantu unit apa?', 'dibantu'],
    // "bikin" is "membuat", not the "buat" that chat spelling reads as "untuk".
    ['perda itu yang bikin siapa?', 'membuat'],
  ])('reads "%s" as asking who does "%s"', (question, act) => {
    expect(readCues(question).act).toBe(act);
  });

  it.each(['siapa aja yang boleh diajak kemendagri menilai inovasi?', 'proposalnya dikirim ke siapa?', 'izin tertulis dari siapa?', 'inovasi yang diusulkan harus urusan siapa?', 'apa kriteria penilaian?'])(
    'reads no doer asked for in "%s"',
    (question) => {
      expect(readCues(question).act).toBeUndefined();
    },
  );
});

describe('questions asking for a period', () => {
  it.each(['berapa lama uji coba?', 'batas akhir penetapan perencanaan tahunan tanggal berapa?', 'batas waktu laporan?'])('reads "%s" as asking for a period', (question) => {
    expect(readCues(question).duration).toBe(true);
  });
});

describe('questions asking for a list', () => {
  it.each(['apa saja kewajiban kepala daerah?', 'sebutkan jenis inovasi daerah', 'keputusan dianggap sah kalau memenuhi syarat apa', 'DPRD punya hak apa?', 'tugasnya apa aja?'])(
    'reads "%s" as asking for a list',
    (question) => {
      expect(readCues(question).list).toBe(true);
    },
  );

  it.each(['apa itu inovasi daerah?', 'siapa yang menilai proposal?', 'syarat itu diatur di pasal berapa?'])('reads no list asked for in "%s"', (question) => {
    expect(readCues(question).list).toBe(false);
  });
});

describe('questions asking by what instrument something is set', () => {
  it.each(['aturannya pakai apa?', 'inovasi yang membebani warga ditetapkan dengan apa?', 'dipayungi aturan apa?', 'pake perda atau perkada?'])('reads "%s" as asking for the instrument', (question) => {
    expect(readCues(question).instrument).toBe(true);
  });

  it('does not read a question about the instrument\'s content as asking for it', () => {
    expect(readCues('isi perda inovasi apa saja?').instrument).toBe(false);
  });
});
