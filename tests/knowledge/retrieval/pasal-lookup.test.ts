import { describe, expect, it } from 'vitest';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { readPasalRequests } from '../../../src/knowledge/retrieval/pasal-lookup.js';
import { chunk, indexOf } from '../support/chunks.js';

const PERBUP = 'Perbup Contoh 7/2021';
const PERDA = 'Perda Contoh 3/2020';
const index = indexOf([
  chunk({ regulation: PERBUP, pasal: '19' }, 'Inovasi yang lulus uji coba diterapkan menurut Pasal 20 dengan keputusan bupati.'),
  chunk({ regulation: PERBUP, pasal: '20', ayat: '1' }, 'Penerapan inovasi ditetapkan dengan keputusan bupati.'),
  chunk({ regulation: PERBUP, pasal: '20', ayat: '2' }, 'Keputusan penerapan memuat nama inovasi dan perangkat daerah pelaksana.'),
  chunk({ regulation: PERBUP, pasal: '20', ayat: '3' }, 'Hak kekayaan intelektual atas inovasi menjadi milik pemerintah daerah.'),
  chunk({ regulation: PERBUP, pasal: '20', penjelasan: true, ayat: '3' }, 'Yang dimaksud hak kekayaan intelektual adalah hak cipta dan paten.'),
  chunk({ regulation: PERBUP, pasal: '21' }, 'Laporan penerapan sebagaimana dimaksud dalam Pasal 20 disampaikan tiap tahun.'),
  chunk({ regulation: PERDA, pasal: '20' }, 'Retribusi pelayanan pasar dipungut setiap bulan.'),
]);
const retriever = new Retriever(index);
const citations = async (question: string, k = 5) => (await retriever.search(question, k)).hits.map((h) => h.chunk.citation);

describe('exact Pasal look-up by metadata', () => {
  it('reads the articles a question names, with ayat, angka and whether it asks for the Penjelasan', () => {
    expect(readPasalRequests('apa isi Pasal 20 ayat (2)?')).toEqual([{ pasal: '20', ayat: '2', penjelasan: false }]);
    expect(readPasalRequests('psl 1 angka 13 itu apa')).toEqual([{ pasal: '1', angka: '13', penjelasan: false }]);
    expect(readPasalRequests('penjelasan pasal 6 dan pasal 7')).toEqual([
      { pasal: '6', penjelasan: true },
      { pasal: '7', penjelasan: true },
    ]);
  });

  it('returns the whole Pasal first, every ayat in reading order, not a neighbour that mentions it', async () => {
    const top = await citations(`apa isi Pasal 20 ${PERBUP}?`, 4);
    expect(top).toEqual([`${PERBUP} Pasal 20 ayat (1)`, `${PERBUP} Pasal 20 ayat (2)`, `${PERBUP} Pasal 20 ayat (3)`, `${PERBUP} Penjelasan Pasal 20 ayat (3)`]);
    const result = await retriever.search(`apa isi Pasal 20 ${PERBUP}?`, 4);
    expect(result.lookup?.requests).toEqual([{ pasal: '20', penjelasan: false }]);
    expect(result.lookup?.regulations).toEqual([PERBUP]);
  });

  it('puts the named ayat first and the Penjelasan first only when asked for', async () => {
    expect((await citations('Pasal 20 ayat 3 bunyinya apa'))[0]).toBe(`${PERBUP} Pasal 20 ayat (3)`);
    expect((await citations('penjelasan pasal 20 ayat 3'))[0]).toBe(`${PERBUP} Penjelasan Pasal 20 ayat (3)`);
  });

  it('takes the article from the regulation the question names', async () => {
    expect((await citations('Pasal 20 Perda Contoh 3/2020 isinya apa'))[0]).toBe(`${PERDA} Pasal 20`);
  });

  it('without a named regulation, takes the one whose article matches the rest of the question', async () => {
    expect((await citations('pasal 20 soal retribusi pasar'))[0]).toBe(`${PERDA} Pasal 20`);
    expect((await citations('pasal 20 soal hak kekayaan intelektual'))[0]).toBe(`${PERBUP} Pasal 20 ayat (3)`);
  });

  it('falls back to ordinary ranking when the index has no such Pasal', async () => {
    const result = await retriever.search('pasal 99 tentang laporan penerapan', 3);
    expect(result.lookup).toBeUndefined();
    expect(result.hits[0]?.chunk.citation).toBe(`${PERBUP} Pasal 21`);
  });
});
