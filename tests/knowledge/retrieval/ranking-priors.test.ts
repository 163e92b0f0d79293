import { describe, expect, it } from 'vitest';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { chunk, indexOf } from '../support/chunks.js';

const PP = 'PP 38/2017';
const index = indexOf([
  chunk({ regulation: PP, pasal: '13', ayat: '1' }, 'Evaluasi usulan oleh Perangkat Daerah litbang dilakukan paling lama 10 hari kerja.'),
  chunk({ regulation: PP, pasal: '6' }, 'Kriteria Inovasi Daerah meliputi pembaharuan, manfaat, dan dapat direplikasi.'),
  chunk({ regulation: PP, pasal: '9', ayat: '2' }, 'Proposal dari anggota DPRD dibahas dalam rapat paripurna.'),
  chunk(
    {
      regulation: PP,
      pasal: '13',
      ayat: '1',
      heading: 'Berapa lama evaluasi proposal inovasi oleh litbang?',
      restsOn: `${PP} Pasal 13 ayat (1)\n${PP} Pasal 6`,
    },
    'Evaluasi proposal inovasi oleh litbang paling lama 10 hari kerja, dengan kriteria Pasal 6.',
  ),
  chunk(
    { citation: 'Praktik kelembagaan litbang daerah', practice: true, heading: 'Litbang daerah di lapangan' },
    'Di banyak daerah evaluasi usulan inovasi dilakukan BRIDA; lamanya beragam, sering lebih dari 10 hari kerja.',
  ),
]);
const rank = async (question: string) => (await new Retriever(index).search(question, 5)).hits.map((h) => `${h.chunk.citation}${h.chunk.restsOn ? ' (FAQ)' : ''}`);

describe('rules above their restatements and practice notes', () => {
  it('ranks the rule an FAQ rests on above the FAQ, even for a question worded like the FAQ', async () => {
    const hits = await rank('berapa lama evaluasi proposal inovasi oleh litbang?');
    expect(hits[0]).toBe(`${PP} Pasal 13 ayat (1)`);
    expect(hits.indexOf(`${PP} Pasal 13 ayat (1) (FAQ)`)).toBeGreaterThan(0);
    // The other rule the FAQ rests on is brought into the results.
    expect(hits).toContain(`${PP} Pasal 6`);
  });

  it('lets a practice note answer a practice question, but not a question about the rule', async () => {
    expect((await rank('berapa hari kerja evaluasi usulan inovasi?'))[0]).toBe(`${PP} Pasal 13 ayat (1)`);
    expect((await rank('praktiknya BRIDA evaluasi usulan berapa lama?'))[0]).toBe('Praktik kelembagaan litbang daerah');
  });
});
