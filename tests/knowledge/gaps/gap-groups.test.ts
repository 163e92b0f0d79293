import { describe, expect, it } from 'vitest';
import { groupGaps } from '../../../src/knowledge/gaps/gap-groups.js';
import { maskPersonal } from '../../../src/knowledge/gaps/gap-store.js';

describe('groupGaps', () => {
  it('puts the same question in other words, cases and punctuation together, largest group first', () => {
    const groups = groupGaps([
      { text: 'Berapa gaji PPPK?', outcome: 'abstained' },
      { text: 'apa syarat cuti melahirkan ASN', outcome: 'low' },
      { text: 'berapa gaji pppk', outcome: 'abstained' },
      { text: 'gaji PPPK berapa ya?', outcome: 'low' },
      { text: 'BERAPA GAJI PPPK?', outcome: 'abstained' },
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ count: 4, abstained: 3, low: 1, text: 'Berapa gaji PPPK?' });
    expect(groups[0]!.variants).toHaveLength(2);
    expect(groups[1]).toMatchObject({ count: 1, abstained: 0, low: 1, text: 'apa syarat cuti melahirkan ASN', variants: [] });
  });

  it('keeps questions that share a word but ask different things apart', () => {
    const groups = groupGaps([
      { text: 'berapa gaji PPPK di daerah?', outcome: 'abstained' },
      { text: 'bagaimana seleksi PPPK tahun ini?', outcome: 'abstained' },
    ]);
    expect(groups).toHaveLength(2);
  });
});

describe('maskPersonal', () => {
  it('masks identity numbers, phone numbers and e-mail addresses, not years or article numbers', () => {
    expect(maskPersonal('NIK saya 3201234567890001, hp 0812-3456-7890, email siti@contoh.go.id: pasal 5 tahun 2017?')).toBe(
      'NIK saya [angka], hp [angka], email [email] pasal 5 tahun 2017?',
    );
  });
});
