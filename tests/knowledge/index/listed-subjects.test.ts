import { describe, expect, it } from 'vitest';
import { listedSubject } from '../../../src/knowledge/index/listed-subjects.js';
import { chunk, indexOf } from '../support/chunks.js';

const REG = 'UU 23/2014';
const analyzer = indexOf([chunk({ regulation: REG, pasal: '1' }, 'Kepala daerah.')]).analyzer;
const subjectOf = (text: string, parts = {}) => {
  const term = listedSubject(chunk({ regulation: REG, pasal: '67', ...parts }, text), analyzer);
  return term ? term.names[0]!.map((variants) => variants[0]) : undefined;
};

describe('listedSubject', () => {
  it('reads what a rule lists from its opening, past a reference to where the subject is set', () => {
    expect(subjectOf('Kewajiban kepala daerah dan wakil kepala daerah meliputi: a. menaati peraturan; b. menjaga etika.')).toEqual([
      'kewajiban',
      'kepala',
      'daerah',
      'wakil',
    ]);
    expect(subjectOf('Urusan pemerintahan absolut sebagaimana dimaksud dalam Pasal 9 ayat (2) meliputi: a. politik luar negeri; b. pertahanan.')).toEqual([
      'urusan',
      'pemerintahan',
      'absolut',
    ]);
    expect(subjectOf('Perangkat Daerah kabupaten/kota terdiri atas: a. sekretariat daerah; b. inspektorat.')).toContain('perangkat');
    // The kind of item named after the verb, and "yang dimaksud dalam …" read as "sebagaimana dimaksud …".
    expect(subjectOf('AUPB yang dimaksud dalam Undang-Undang ini meliputi asas: a. kepastian hukum; b. kemanfaatan.')).toEqual(['asas', 'aupb']);
  });

  it('names a doer\'s listed tasks, rights or prohibitions by the verb that lists them', () => {
    expect(subjectOf('Camat sebagaimana dimaksud dalam Pasal 224 ayat (1) mempunyai tugas: a. menyelenggarakan urusan; b. mengoordinasikan.')).toEqual([
      'tugas',
      'camat',
    ]);
    expect(subjectOf('Kepala daerah dan wakil kepala daerah dilarang: a. membuat keputusan; b. menjadi pengurus.')?.[0]).toBe('larangan');
    expect(subjectOf('Anggota DPRD provinsi berkewajiban: a. memegang teguh Pancasila; b. menaati peraturan.')?.[0]).toBe('kewajiban');
    expect(subjectOf('Setiap penggunaan Diskresi Pejabat Pemerintahan bertujuan untuk: a. melancarkan; b. mengisi kekosongan hukum.')).toEqual([
      'tujuan',
      'penggunaan',
      'diskresi',
      'pejabat',
      'pemerintahan',
    ]);
    expect(subjectOf('Inovasi Daerah diselenggarakan berdasarkan prinsip: a. peningkatan efisiensi; b. perbaikan efektivitas.')?.[0]).toBe('prinsip');
    expect(subjectOf('Pejabat Pemerintahan yang menggunakan Diskresi harus memenuhi syarat: a. sesuai tujuan; b. tidak bertentangan.')?.[0]).toBe('syarat');
  });

  it('reads what a rule lists "at least" and what a document must contain', () => {
    expect(subjectOf('Laporan keuangan sebagaimana dimaksud pada ayat (1) paling sedikit meliputi: a. neraca; b. laporan operasional.')).toEqual([
      'laporan',
      'keuangan',
    ]);
    expect(subjectOf('Tata tertib DPRD provinsi paling sedikit memuat ketentuan tentang: a. pengucapan sumpah; b. penetapan pimpinan.')).toContain('tertib');
  });

  it('is undefined for what is not such a list: a condition, a definition, a sentence without a colon, an FAQ', () => {
    expect(subjectOf('Dalam hal kepala daerah berhalangan, tugasnya meliputi: a. satu; b. dua.')).toBeUndefined();
    expect(subjectOf('Urusan pemerintahan absolut adalah urusan yang sepenuhnya menjadi kewenangan Pemerintah Pusat.')).toBeUndefined();
    expect(subjectOf('Kriteria Inovasi Daerah meliputi pembaharuan dan manfaat.')).toBeUndefined();
    expect(subjectOf('Kewajiban kepala daerah meliputi: a. satu; b. dua.', { restsOn: `${REG} Pasal 67` })).toBeUndefined();
    expect(subjectOf('Kewajiban kepala daerah meliputi: a. satu; b. dua.', { pasal: '1', angka: '5' })).toBeUndefined();
  });
});
