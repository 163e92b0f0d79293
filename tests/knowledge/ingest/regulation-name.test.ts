import { describe, expect, it } from 'vitest';
import { detectRegulation } from '../../../src/knowledge/ingest/regulation-name.js';

const opening = (title: string): string => `${title}\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang: a. bahwa ...`;

describe('detectRegulation', () => {
  it('names a Peraturan Pemerintah from its opening', () => {
    expect(detectRegulation(opening('PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 38 TAHUN 2017 TENTANG INOVASI DAERAH'))).toEqual({
      regulation: 'PP 38/2017',
      title: 'Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah',
    });
  });

  it('reads through a title line printed twice and OCR digits in the number and year', () => {
    const text = opening('UNDANG-UNDANG REPUBLIK INDONESIA UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 23 TAHUN 2Ol4 TENTANG PEMERINTAHAN DAERAH');
    expect(detectRegulation(text)).toEqual({
      regulation: 'UU 23/2014',
      title: 'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah',
    });
    expect(detectRegulation(opening('PERATURAN DAERAH KABUPATEN CONTOH NOMOR l TAHUN 2O2O TENTANG INOVASI DAERAH'))?.regulation).toBe(
      'Perda Kabupaten Contoh 1/2020',
    );
  });

  it('reads a title typeset with an en dash ("UNDANG–UNDANG")', () => {
    const text = opening('UNDANG–UNDANG REPUBLIK INDONESIA NOMOR 30 TAHUN 2014 TENTANG ADMINISTRASI PEMERINTAHAN');
    expect(detectRegulation(text)).toEqual({
      regulation: 'UU 30/2014',
      title: 'Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan',
    });
  });

  it('keeps a subject split over lines, and "dan/atau" in lower case', () => {
    const text = 'PERATURAN MENTERI DALAM NEGERI\nREPUBLIK INDONESIA\nNOMOR 104 TAHUN 2018\nTENTANG\nPENILAIAN DAN PEMBERIAN PENGHARGAAN\nDAN/ATAU INSENTIF INOVASI DAERAH\n\nDENGAN RAHMAT';
    expect(detectRegulation(text)).toEqual({
      regulation: 'Permendagri 104/2018',
      title: 'Peraturan Menteri Dalam Negeri Nomor 104 Tahun 2018 tentang Penilaian dan Pemberian Penghargaan dan/atau Insentif Inovasi Daerah',
    });
  });

  it.each([
    ['PERATURAN PRESIDEN REPUBLIK INDONESIA NOMOR 12 TAHUN 2020 TENTANG X', 'Perpres 12/2020'],
    ['PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 2 TAHUN 2022 TENTANG X', 'Perppu 2/2022'],
    [
      'PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA NOMOR 91 TAHUN 2021 TENTANG X',
      'Permen PANRB 91/2021',
    ],
    ['KEPUTUSAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI NOMOR 5 TAHUN 2022 TENTANG X', 'Kepmen PANRB 5/2022'],
    ['KEPUTUSAN MENTERI DALAM NEGERI NOMOR 100.2.1.3-1234 TAHUN 2023 TENTANG X', 'Kepmendagri 100.2.1.3-1234/2023'],
    ['KEPUTUSAN MENTERI SOSIAL REPUBLIK INDONESIA NOMOR 3 TAHUN 2020 TENTANG X', 'Kepmen Sosial 3/2020'],
    ['PERATURAN DAERAH PROVINSI JAWA BARAT NOMOR 1 TAHUN 2020 TENTANG X', 'Perda Provinsi Jawa Barat 1/2020'],
    ['PERATURAN GUBERNUR JAWA TIMUR NOMOR 10 TAHUN 2019 TENTANG X', 'Pergub Jawa Timur 10/2019'],
    ['PERATURAN BUPATI CONTOH NOMOR 7 TAHUN 2021 TENTANG X', 'Perbup Contoh 7/2021'],
    ['PERATURAN WALIKOTA BANDUNG NOMOR 5 TAHUN 2022 TENTANG X', 'Perwal Bandung 5/2022'],
  ])('names %s as %s', (title, regulation) => {
    expect(detectRegulation(opening(title))?.regulation).toBe(regulation);
  });

  it('finds nothing in a text that names no regulation', () => {
    expect(detectRegulation('Notulen rapat tim inovasi, 3 Maret 2024.')).toBeUndefined();
  });
});
