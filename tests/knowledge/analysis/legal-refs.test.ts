import { describe, expect, it } from 'vitest';
import { normaliseWords } from '../../../src/knowledge/analysis/analyzer.js';
import { extractLegalRefs } from '../../../src/knowledge/analysis/legal-refs.js';

/** References as the analyzer extracts them: from normalised words, where "/" and "()" are gone. */
const refsOf = (text: string) => extractLegalRefs(normaliseWords(text).join(' '));

describe('extractLegalRefs', () => {
  it('keeps "Pasal 7 ayat (2)" as article tokens, with and without the ayat', () => {
    expect(refsOf('Pasal 7 ayat (2)').pasal).toEqual(['pasal:7', 'pasal:7:2']);
    expect(refsOf('pasal 7 ayat 2').pasal).toEqual(['pasal:7', 'pasal:7:2']);
    expect(refsOf('psl 15A').pasal).toEqual(['pasal:15a']);
  });

  it('reads "PP 38/2017" and "PP No. 38 Tahun 2017" as the same regulation', () => {
    expect(refsOf('PP 38/2017').regulations).toEqual(['reg:pp:38', 'reg:pp:38:2017']);
    expect(refsOf('PP No. 38 Tahun 2017').regulations).toEqual(refsOf('PP 38/2017').regulations);
    expect(refsOf('Peraturan Pemerintah Nomor 38 Tahun 2017').regulations).toEqual(refsOf('PP 38/2017').regulations);
  });

  it('reads "UU 23/2014" and "Undang-Undang Nomor 23 Tahun 2014" alike', () => {
    expect(refsOf('UU 23/2014').regulations).toEqual(['reg:uu:23', 'reg:uu:23:2014']);
    expect(refsOf('Undang-Undang Nomor 23 Tahun 2014').regulations).toEqual(['reg:uu:23', 'reg:uu:23:2014']);
  });

  it('names a regulation without its year when no year is given', () => {
    expect(refsOf('menurut PP 38 inovasi itu apa').regulations).toEqual(['reg:pp:38']);
  });

  it('also reads the raw lower-cased text with its slash', () => {
    expect(extractLegalRefs('permendagri 104/2018').regulations).toEqual(['reg:permendagri:104', 'reg:permendagri:104:2018']);
  });

  it('qualifies the articles when exactly one regulation is named', () => {
    expect(refsOf('PP 38/2017 Pasal 7 ayat (2)').qualified).toEqual(['ref:pp38:7', 'ref:pp38:7:2']);
    expect(refsOf('Pasal 7 ayat (2)').qualified).toEqual([]);
    expect(refsOf('UU 23/2014 dan PP 38/2017 Pasal 7').qualified).toEqual([]);
  });

  it('reads regional regulations with their region between kind and number', () => {
    expect(refsOf('Perbup Contoh 7/2021').regulations).toEqual(['reg:perbup:7', 'reg:perbup:7:2021']);
    expect(refsOf('perwal lestari no 12 tahun 2023').regulations).toEqual(['reg:perwal:12', 'reg:perwal:12:2023']);
    expect(refsOf('Peraturan Bupati Contoh Nomor 7 Tahun 2021').regulations).toEqual(['reg:perbup:7', 'reg:perbup:7:2021']);
  });

  it('does not invent references from loose numbers', () => {
    expect(refsOf('ada 7 OPD dan 2 kecamatan pada 2017')).toEqual({ regulations: [], pasal: [], qualified: [] });
  });
});
