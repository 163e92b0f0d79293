import { describe, expect, it } from 'vitest';
import { defersTo, deferralsOf, isUnitOf } from '../../../src/knowledge/answer/deferrals.js';
import { chunk } from '../support/chunks.js';

const PP = 'PP 38/2017';

describe('deferralsOf', () => {
  it('reads the articles a passage hands a matter on to, with the regulation when named and the passage\'s own otherwise', () => {
    const own = chunk(
      { regulation: PP, pasal: '30', ayat: '1' },
      'Kegiatan dianggarkan dalam APBD. Jika belum masuk APBD, berlaku PP 38/2017 Pasal 30 ayat (2). Kriterianya diatur dalam Pasal 23, dan tata caranya dirinci dalam Permen PANRB 91/2021 Pasal 3.',
    );
    expect(deferralsOf(own)).toEqual([
      { regulation: PP, pasal: '30', ayat: '2' },
      { regulation: PP, pasal: '23' },
      { regulation: 'Permen PANRB 91/2021', pasal: '3' },
    ]);
  });

  it('skips where something merely comes from ("menurut …", brackets) and the passage\'s own unit', () => {
    const own = chunk(
      { regulation: PP, pasal: '30', ayat: '1' },
      'Kegiatan yang ditetapkan menurut PP 38/2017 Pasal 14 (PP 38/2017 Pasal 20 ayat (1)) dimasukkan ke RKPD; hal ini diatur dalam PP 38/2017 Pasal 30 ayat (1).',
    );
    expect(deferralsOf(own)).toEqual([]);
  });
  it('reads the articles listed after the first: more ayat, and a range of ayat or of Pasal', () => {
    const own = chunk(
      { regulation: PP, pasal: '40' },
      'Hal itu diatur dalam PP 38/2017 Pasal 25 ayat (1) dan (2). Sisanya berlaku Pasal 34 ayat (1) sampai ayat (3), dan tata caranya tercantum dalam Pasal 8 sampai dengan Pasal 10.',
    );
    expect(deferralsOf(own)).toEqual([
      { regulation: PP, pasal: '25', ayat: '1' },
      { regulation: PP, pasal: '25', ayat: '2' },
      { regulation: PP, pasal: '34', ayat: '1' },
      { regulation: PP, pasal: '34', ayat: '2' },
      { regulation: PP, pasal: '34', ayat: '3' },
      { regulation: PP, pasal: '8' },
      { regulation: PP, pasal: '9' },
      { regulation: PP, pasal: '10' },
    ]);
  });

  it('reads a sentence-initial or lower-case phrase, and never "tidak diatur", a longer number or another regulation\'s Pasal', () => {
    const read = (text: string) => deferralsOf(chunk({ regulation: PP, pasal: '40' }, text));
    expect(read('Diatur dalam pasal 23.')).toEqual([{ regulation: PP, pasal: '23' }]);
    expect(read('Hal ini tidak diatur dalam Pasal 23.')).toEqual([]);
    expect(read('Lihat yang diatur dalam Pasal 1234.')).toEqual([]);
    expect(read('Bobotnya diatur dalam Pasal 5 Permendagri 104/2018.')).toEqual([]);
    expect(read('Bobotnya diatur dalam Permendagri 104/2018 Pasal 5.')).toEqual([{ regulation: 'Permendagri 104/2018', pasal: '5' }]);
  });

  it('reads "dijelaskan", "terdapat" and "lebih lanjut", and an article\'s Penjelasan as its own target', () => {
    const own = chunk(
      { regulation: PP, pasal: '8', ayat: '4' },
      'Jumlah anggota dijelaskan dalam PP 38/2017 Penjelasan Pasal 8 ayat (4). Rinciannya terdapat dalam Pasal 5, dan tata caranya diatur lebih lanjut dalam Permen PANRB 91/2021 Pasal 4.',
    );
    expect(deferralsOf(own)).toEqual([
      { regulation: PP, pasal: '8', ayat: '4', penjelasan: true },
      { regulation: PP, pasal: '5' },
      { regulation: 'Permen PANRB 91/2021', pasal: '4' },
    ]);
  });

  it('leaves out the Penjelasan a Penjelasan itself is', () => {
    const own = chunk({ regulation: PP, pasal: '20', ayat: '3', penjelasan: true }, 'Uraiannya diuraikan dalam PP 38/2017 Penjelasan Pasal 20 ayat (3).');
    expect(deferralsOf(own)).toEqual([]);
  });
});

describe('isUnitOf', () => {
  it('matches every ayat of a Pasal named alone, only the named ayat otherwise, never an elucidation or another regulation', () => {
    const ayat2 = chunk({ regulation: PP, pasal: '30', ayat: '2' }, 'a');
    expect(isUnitOf(ayat2, { regulation: PP, pasal: '30' })).toBe(true);
    expect(isUnitOf(ayat2, { regulation: PP, pasal: '30', ayat: '2' })).toBe(true);
    expect(isUnitOf(ayat2, { regulation: PP, pasal: '30', ayat: '1' })).toBe(false);
    expect(isUnitOf(ayat2, { regulation: 'UU 23/2014', pasal: '30' })).toBe(false);
    expect(isUnitOf(chunk({ regulation: PP, pasal: '30', ayat: '2', penjelasan: true }, 'b'), { regulation: PP, pasal: '30' })).toBe(false);
  });

  it('matches a Penjelasan, and only a Penjelasan, for a deferral to one', () => {
    const deferral = { regulation: PP, pasal: '23', penjelasan: true };
    expect(isUnitOf(chunk({ regulation: PP, pasal: '23', huruf: 'b', penjelasan: true }, 'a'), deferral)).toBe(true);
    expect(isUnitOf(chunk({ regulation: PP, pasal: '23' }, 'b'), deferral)).toBe(false);
  });
});

describe('defersTo', () => {
  it('is true for the article a passage hands a matter on to, and false for one it only names', () => {
    const own = chunk({ regulation: PP, pasal: '30', ayat: '1' }, 'Ditetapkan menurut PP 38/2017 Pasal 14. Jika belum masuk APBD, berlaku PP 38/2017 Pasal 30 ayat (2).');
    expect(defersTo(own, chunk({ regulation: PP, pasal: '30', ayat: '2' }, 'a'))).toBe(true);
    expect(defersTo(own, chunk({ regulation: PP, pasal: '14', ayat: '1' }, 'b'))).toBe(false);
    expect(defersTo(own, chunk({ regulation: PP, pasal: '31', ayat: '2' }, 'c'))).toBe(false);
  });

  it('is true for the Penjelasan a passage sends the reader to, and false for the article body then', () => {
    const own = chunk({ regulation: PP, pasal: '8', ayat: '4' }, 'Anggota tim berasal dari unsur perguruan tinggi. Jumlahnya dijelaskan dalam PP 38/2017 Penjelasan Pasal 8 ayat (4).');
    expect(defersTo(own, chunk({ regulation: PP, pasal: '8', ayat: '4', penjelasan: true }, 'a'))).toBe(true);
    expect(defersTo(own, chunk({ regulation: PP, pasal: '8', ayat: '3' }, 'b'))).toBe(false);
  });
});

