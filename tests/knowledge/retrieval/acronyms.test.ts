import { describe, expect, it } from 'vitest';
import { spellOutAcronyms } from '../../../src/knowledge/retrieval/acronyms.js';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { chunk, indexOf } from '../support/chunks.js';

// A made-up regulation that writes its names out and never abbreviates them.
const index = indexOf([
  chunk({ regulation: 'PP 9/2030', pasal: '1' }, 'Sumber pendapatan daerah terdiri atas: a. pendapatan asli daerah; b. pendapatan transfer; dan c. lain-lain pendapatan yang sah.'),
  chunk({ regulation: 'PP 9/2030', pasal: '2' }, 'Pendapatan asli daerah meliputi pajak daerah dan retribusi daerah.'),
  chunk({ regulation: 'PP 9/2030', pasal: '3' }, 'Laporan hasil pemeriksaan Badan Pemeriksa Keuangan dibahas oleh dewan paling lama 30 hari.'),
  chunk({ regulation: 'PP 9/2030', pasal: '4' }, 'Anggaran pendapatan dan belanja kampung ditetapkan setiap tahun. Anggaran pendapatan dan belanja kampung memuat belanja pegawai.'),
  chunk({ regulation: 'PP 9/2030', pasal: '5' }, 'Tahap penjaringan, pengukuran, dan penilaian dilakukan oleh tim. Pembayaran honor tim dilakukan setiap bulan.'),
  chunk({ regulation: 'PP 9/2030', pasal: '6' }, 'Pegawai menerima tunjangan setiap bulan sesuai ketentuan.'),
  chunk({ regulation: 'PP 9/2030', pasal: '8' }, 'Dewan meminta penjelasan atas laporan hasil pemeriksaan.'),
  chunk({ regulation: 'PP 9/2030', pasal: '7' }, 'Usulan dinas dievaluasi oleh tim. Pelaksanaan tugas tim dilaporkan.'),
]);
const spell = (question: string) => spellOutAcronyms(question, index);

describe('spelling out acronyms the base never writes', () => {
  it('reads an acronym as the phrase of those initials in the passages about the rest of the question', () => {
    expect(spell('PAD itu sumbernya dari mana?')).toEqual({
      text: 'pendapatan asli daerah itu sumbernya dari mana?',
      spelledOut: [{ acronym: 'PAD', phrase: 'pendapatan asli daerah' }],
    });
  });

  it('spells out several (a phrase in two passages, a name written once with capitals) and keeps a suffix typed after one', () => {
    expect(spell('LHP BPK-nya dibahas dewan kapan?')).toEqual({
      text: 'laporan hasil pemeriksaan badan pemeriksa keuangan-nya dibahas dewan kapan?',
      spelledOut: [
        { acronym: 'LHP', phrase: 'laporan hasil pemeriksaan' },
        { acronym: 'BPK', phrase: 'badan pemeriksa keuangan' },
      ],
    });
  });

  it('lets a name of four initials or more hold "dan" between them', () => {
    expect(spell('APBK ditetapkan kapan?')?.spelledOut).toEqual([{ acronym: 'APBK', phrase: 'anggaran pendapatan dan belanja kampung' }]);
  });

  it('never reads a phrase across punctuation, nor words that follow each other only once, as a name', () => {
    // "tahap penjaringan, pengukuran": the initials of TPP, split by a comma.
    expect(spell('kapan pembayaran TPP bulan ini?')).toBeUndefined();
    // "pelaksanaan tugas tim": once, in lower case, is two words in a row, not a name.
    expect(spell('PTT dilaporkan ke siapa?')).toBeUndefined();
  });

  it('leaves alone what the base knows, an acronym of two letters and one typed in lower case', () => {
    // "OPD" is a concept the analyzer knows (perangkat daerah); "dinas" is in the base.
    expect(spell('OPD mana yang mengusulkan?')).toBeUndefined();
    expect(spell('usulan PT dievaluasi oleh siapa?')).toBeUndefined();
    expect(spell('pad itu sumbernya dari mana?')).toBeUndefined();
  });

  it('reads no acronym in a message typed in capitals, where every word is in capitals', () => {
    // In ordinary case "PAD" is read; in caps lock its words are only words, the unknown ones unknown.
    expect(spell('PAD ITU SUMBERNYA DARI MANA?')).toBeUndefined();
    expect(spell('APA SAJA SUMBER PENDAPATAN DAERAH?')).toBeUndefined();
  });

  it('ranks the passage that writes the phrase first, says what it read, and can be switched off', async () => {
    const on = await new Retriever(index).search('PAD itu dari pajak juga?', 3);
    expect(on.hits[0]?.chunk.citation).toBe('PP 9/2030 Pasal 2');
    expect(on.spelledOut).toEqual([{ acronym: 'PAD', phrase: 'pendapatan asli daerah' }]);
    const off = await new Retriever(index, { priors: { spelledOutAcronyms: false } }).search('PAD itu dari pajak juga?', 3);
    expect(off.spelledOut).toBeUndefined();
  });
});
