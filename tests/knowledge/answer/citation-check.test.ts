import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../../src/knowledge/answer/citation-check.js';

const context = ['PP 38/2017 Pasal 7 ayat (2)', 'PP 38/2017 Pasal 13 ayat (1)', 'IID 2023 (Kemendagri)'];

describe('checkCitations', () => {
  it('keeps markers of given passages and reports them in first-use order', () => {
    const result = checkCitations('Evaluasi paling lama 10 hari kerja [2]. Proposal memuat enam hal [1][2].', context);
    expect(result.text).toBe('Evaluasi paling lama 10 hari kerja [2]. Proposal memuat enam hal [1][2].');
    expect(result.used).toEqual([2, 1]);
    expect(result.removed).toEqual([]);
    expect(result.repaired).toEqual([]);
  });

  it('drops an out-of-range marker without leaving a gap before the full stop', () => {
    const result = checkCitations('Proposal memuat enam hal [1]. Evaluasi sepuluh hari [7].', context);
    expect(result.text).toBe('Proposal memuat enam hal [1]. Evaluasi sepuluh hari.');
    expect(result.used).toEqual([1]);
    expect(checkCitations('Lihat [0].', context).text).toBe('Lihat.');
  });

  it('keeps article mentions that are in the context, with or without the regulation name', () => {
    const text = 'Menurut PP 38/2017 Pasal 7 ayat (2) dan Pasal 13 ayat (1), usulan dievaluasi [2].';
    expect(checkCitations(text, context)).toMatchObject({ text, removed: [], repaired: [] });
  });

  it('repairs a mention of the right Pasal with the wrong ayat to the given citation', () => {
    const result = checkCitations('Sesuai PP 38/2017 Pasal 7 ayat (3), proposal memuat bentuk inovasi [1].', context);
    expect(result.text).toBe('Sesuai PP 38/2017 Pasal 7 ayat (2), proposal memuat bentuk inovasi [1].');
    expect(result.repaired).toEqual([{ from: 'PP 38/2017 Pasal 7 ayat (3)', to: 'PP 38/2017 Pasal 7 ayat (2)' }]);
  });

  it('repairs a wrong ayat written without parentheses ("Pasal 7 ayat 3"), leaving no stray ayat behind', () => {
    const result = checkCitations('Sesuai Pasal 7 ayat 3, proposal memuat bentuk inovasi [1].', context);
    expect(result.text).toBe('Sesuai PP 38/2017 Pasal 7 ayat (2), proposal memuat bentuk inovasi [1].');
    expect(result.repaired).toEqual([{ from: 'Pasal 7 ayat 3', to: 'PP 38/2017 Pasal 7 ayat (2)' }]);
  });

  it('accepts "ayat 2" without parentheses when that ayat is in the context', () => {
    const result = checkCitations('Lihat Pasal 7 ayat 2 [1].', context);
    expect(result).toMatchObject({ text: 'Lihat Pasal 7 ayat 2 [1].', removed: [], repaired: [] });
  });

  it('removes a Pasal that is not in the context at all', () => {
    const result = checkCitations('Laporan wajib sesuai UU 23/2014 Pasal 388 ayat (7) [1].', context);
    expect(result.text).toBe('Laporan wajib sesuai ketentuan terkait [1].');
    expect(result.removed).toEqual(['UU 23/2014 Pasal 388 ayat (7)']);
  });

  it('does not let a Pasal of another regulation pass for a given one with the same number', () => {
    const result = checkCitations('Lihat UU 23/2014 Pasal 7 [1].', context);
    expect(result.removed).toEqual(['UU 23/2014 Pasal 7']);
  });
});
