import { describe, expect, it } from 'vitest';
import { splitPenjelasan } from '../../../../src/knowledge/ingest/legal/penjelasan.js';
import { tokenize } from '../../../../src/knowledge/ingest/legal/tokens.js';

const items = (text: string) => splitPenjelasan(tokenize(text));

describe('splitPenjelasan', () => {
  it('addresses each item by ayat, huruf and angka and drops "Cukup jelas."', () => {
    expect(
      items('Ayat (1) Cukup jelas. Ayat (2) Huruf a Cukup jelas. Huruf b Yang dimaksud dengan "mitra" adalah perguruan tinggi. Ayat (3) Angka 1 Contohnya aplikasi daring.'),
    ).toEqual([
      { ayat: '2', huruf: 'b', text: 'Yang dimaksud dengan "mitra" adalah perguruan tinggi.' },
      { ayat: '3', angka: '1', text: 'Contohnya aplikasi daring.' },
    ]);
  });

  it('keeps an explanation of the whole Pasal without an address', () => {
    expect(items('Yang dimaksud dengan "hari" adalah hari kerja.')).toEqual([{ text: 'Yang dimaksud dengan "hari" adalah hari kerja.' }]);
  });

  it('reads a bare "(2)" at the start of an item as "Ayat (2)" and OCR forms like "Ayat (21" and "Ayat (a)"', () => {
    expect(
      items('(1) Cukup jelas.\n(2) Yang dimaksud dengan "tim" adalah tim penilai. Ayat (31 Cukup jelas. Ayat (a) Pelaporan dilakukan secara daring.'),
    ).toEqual([
      { ayat: '2', text: 'Yang dimaksud dengan "tim" adalah tim penilai.' },
      { ayat: '4', text: 'Pelaporan dilakukan secara daring.' },
    ]);
  });

  it('gives the first item ayat (1) when its label was lost and the next is "Ayat (2)"', () => {
    expect(items('l Yang dimaksud dengan "internal" meliputi perencanaan. Ayat (2) Cukup jelas.')).toEqual([
      { ayat: '1', text: 'Yang dimaksud dengan "internal" meliputi perencanaan.' },
    ]);
  });

  it('drops OCR debris and labels whose numbers moved away', () => {
    expect(items('Huruf c R E P u JrTnu t,\',?otf; * . r, o Huruf c Yang dimaksud dengan "beban" adalah pungutan. Ayat Ayat')).toEqual([
      { huruf: 'c', text: 'Yang dimaksud dengan "beban" adalah pungutan.' },
    ]);
  });
});
