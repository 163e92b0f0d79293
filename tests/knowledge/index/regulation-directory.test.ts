import { describe, expect, it } from 'vitest';
import { normaliseWords } from '../../../src/knowledge/analysis/analyzer.js';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { QuestionText } from '../../../src/knowledge/retrieval/question-text.js';
import { chunk, indexOf } from '../support/chunks.js';

const index = indexOf([
  chunk({ regulation: 'UU 23/2014', pasal: '386', ayat: '1', documentTitle: 'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah' }, 'Pemerintah Daerah dapat melakukan inovasi dalam penyelenggaraan pemerintahan.'),
  chunk({ regulation: 'UU 25/2009', pasal: '1', angka: '1', documentTitle: 'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik' }, 'Pelayanan publik adalah kegiatan pemenuhan kebutuhan pelayanan.'),
  chunk({ regulation: 'UU 25/2009', pasal: '15', documentTitle: 'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik' }, 'Penyelenggara berkewajiban menyusun dan menetapkan standar pelayanan dan melakukan inovasi.'),
  // A curated unit whose document title is its own; the regulation's subject comes from the text.
  chunk({ regulation: 'PP 38/2017', pasal: '2', ayat: '1', documentTitle: 'Tujuan Inovasi Daerah' }, 'Menurut PP No. 38 Tahun 2017 tentang Inovasi Daerah, inovasi bertujuan meningkatkan kinerja pemerintahan.'),
]);
const named = (q: string) => index.regulations.namedBySubject(normaliseWords(q));

describe('regulations named by their subject', () => {
  it('knows a regulation by the subject in its title or in a text that names it in full', () => {
    expect(named('menurut UU pemda inovasi itu wajib?')).toEqual(['UU 23/2014']);
    expect(named('undang-undang pelayanan publik ngatur inovasi?')).toEqual(['UU 25/2009']);
    expect(named('PP inovasi daerah bilang apa soal tujuan')).toEqual(['PP 38/2017']);
    expect(named('peraturan pemerintah tentang inovasi daerah')).toEqual(['PP 38/2017']);
  });

  it('needs the kind to agree and the subject to follow it', () => {
    expect(named('PP pelayanan publik')).toEqual([]);
    expect(named('menurut UU, siapa yang boleh usul inovasi?')).toEqual([]);
    expect(named('pelayanan publik dan inovasi daerah')).toEqual([]);
  });

  it('answers a question that names a regulation from that regulation, not from one that shares its words', async () => {
    const hits = (await new Retriever(index).search('UU pelayanan publik bilang apa soal inovasi?', 3)).hits;
    expect(hits[0]?.chunk.regulation).toBe('UU 25/2009');
    const pemda = (await new Retriever(index).search('UU pemda bilang apa soal inovasi?', 3)).hits;
    expect(pemda[0]?.chunk.citation).toBe('UU 23/2014 Pasal 386 ayat (1)');
  });

  it("does not let the words naming a regulation pull in that regulation's definition of them", async () => {
    expect(index.regulations.subjectWords(normaliseWords('menurut UU pelayanan publik, penyelenggara wajib apa?'))).toEqual(new Set(['uu', 'pelayanan', 'publik']));
    expect(index.regulations.subjectWords(normaliseWords('menurut UU, penyelenggara wajib apa?')).size).toBe(0);
    const hits = (await new Retriever(index).search('menurut UU pelayanan publik, penyelenggara wajib apa?', 3)).hits;
    expect(hits[0]?.chunk.citation).toBe('UU 25/2009 Pasal 15');
  });

  it('reads the subject of a definition question without the words naming the regulation', async () => {
    const title = 'Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan';
    const uu30 = indexOf([
      chunk({ regulation: 'UU 30/2014', pasal: '1', angka: '9', documentTitle: title }, 'Diskresi adalah Keputusan dan/atau Tindakan yang ditetapkan oleh Pejabat Pemerintahan untuk mengatasi persoalan konkret.'),
      chunk({ regulation: 'UU 30/2014', pasal: '22', documentTitle: title }, 'Diskresi hanya dapat dilakukan oleh Pejabat Pemerintahan yang berwenang untuk melancarkan administrasi pemerintahan.'),
      chunk(
        { regulation: 'UU 30/2014', pasal: '25', ayat: '2', penjelasan: true, documentTitle: title },
        'Diskresi yang mengubah alokasi anggaran dicatat dalam administrasi pemerintahan; Diskresi demikian dilaporkan kepada atasan dalam administrasi pemerintahan.',
      ),
    ]);
    for (const q of ['Apa yang dimaksud dengan Diskresi menurut UU Administrasi Pemerintahan?', 'apa itu diskresi dlm undang-undang tentang administrasi pemerintahan']) {
      const hits = (await new Retriever(uu30).search(q, 3)).hits;
      expect(hits[0]?.chunk.citation, q).toBe('UU 30/2014 Pasal 1 angka 9');
    }
  });

  it('takes a kind closing its clause as the one regulation of that kind the index holds', () => {
    const byKind = (q: string) => index.regulations.namedByKind(new QuestionText(q));
    expect(byKind('di PP, daerah yg berhasil itu maksudnya gmn?')).toEqual(['PP 38/2017']);
    expect(byKind('tujuan inovasi menurut peraturan pemerintah?')).toEqual(['PP 38/2017']);
    // Two UUs: "undang-undang" alone names neither; a kind with words after it may name one the index lacks.
    expect(byKind('inovasi itu kewajiban pemda menurut undang-undang?')).toEqual([]);
    expect(byKind('PP pelayanan publik bilang apa?')).toEqual([]);
    // A question naming no kind is not split into clauses at all.
    const read = new QuestionText('siapa yang menilai inovasi daerah?');
    const noClauses = { words: () => read.words(), clauses: () => expect.unreachable('split into clauses') };
    expect(index.regulations.namedByKind(noClauses)).toEqual([]);
  });

  it('answers from the one regulation of a kind the question names without a number', async () => {
    const hits = (await new Retriever(index).search('pemerintah daerah dapat melakukan inovasi dalam pemerintahan, menurut PP?', 3)).hits;
    expect(hits[0]?.chunk.regulation).toBe('PP 38/2017');
  });
});
