import { describe, expect, it } from 'vitest';
import { firstHitRank } from '../../src/eval/metrics.js';
import { regulationKey, sameSource } from '../../src/eval/source-match.js';

describe('sameSource (eval citation matching)', () => {
  it('matches Pasal citations at Pasal level whatever the ayat, angka, huruf or Penjelasan', () => {
    expect(sameSource('PP 38/2017 Pasal 7 ayat (2)', 'PP 38/2017 Pasal 7')).toBe(true);
    expect(sameSource('PP 38/2017 Penjelasan Pasal 7 ayat (2) huruf b', 'PP 38/2017 Pasal 7 ayat (1)')).toBe(true);
    expect(sameSource('PP 38/2017 Pasal 8 ayat (2)', 'PP 38/2017 Pasal 7 ayat (2)')).toBe(false);
    expect(sameSource('UU 23/2014 Pasal 7', 'PP 38/2017 Pasal 7')).toBe(false);
  });

  it('reads any "<jenis> N/YYYY" however it is spelt', () => {
    expect(sameSource('UU 25/2009 Pasal 4', 'Undang-Undang No. 25 Tahun 2009 Pasal 4')).toBe(true);
    expect(sameSource('Permen PANRB 91/2021 Pasal 3 huruf d', 'PermenPAN-RB 91/2021 Pasal 3')).toBe(true);
    expect(sameSource('Perbup Contoh 7/2021 Pasal 2', 'Perbup Contoh 7/2021 Pasal 2 ayat (1)')).toBe(true);
    expect(regulationKey('Peraturan Pemerintah Nomor 12 Tahun 2017')).toBe('pp 12/2017');
  });

  it('matches a Pasal of a document that never said which regulation it is on the Pasal alone', () => {
    expect(sameSource('Pasal 4 ayat (1)', 'UU 25/2009 Pasal 4')).toBe(true);
    expect(sameSource('Pasal 5', 'UU 25/2009 Pasal 4')).toBe(false);
  });

  it('matches practice notes by year and shared programme, and notes without a year by their words', () => {
    expect(sameSource('KIPP 2022 (KemenPAN-RB)', 'KIPP 2022 (Kepmen PANRB 50/2022)')).toBe(true);
    expect(sameSource('KIPP 2021 (KemenPAN-RB)', 'KIPP 2022 (KemenPAN-RB)')).toBe(false);
    expect(sameSource('Praktik kelembagaan litbang daerah', 'praktik kelembagaan litbang daerah')).toBe(true);
    expect(sameSource('Formulir profil inovasi IID', 'Formulir profil IID')).toBe(true);
    expect(sameSource('FAQ SINOVIK', 'Praktik kelembagaan litbang daerah')).toBe(false);
    expect(sameSource('IID 2021 (Kemendagri)', 'Formulir profil inovasi IID')).toBe(false);
  });

  it('gives the rank of the first retrieved citation that matches any gold one', () => {
    expect(firstHitRank(['FAQ SINOVIK', 'PP 38/2017 Pasal 13 ayat (1)'], ['PP 38/2017 Pasal 13'])).toBe(2);
    expect(firstHitRank(['FAQ SINOVIK'], ['PP 38/2017 Pasal 13'])).toBe(0);
  });
});
