import { describe, expect, it } from 'vitest';
import { hasNumber, parseNumberWords } from '../../src/reports/number-words.js';
import { parseProgress } from '../../src/reports/progress-input.js';

describe('reading a progress percentage', () => {
  it.each([
    ['60', 60],
    ['60%', 60],
    ['60 %', 60],
    ['60 persen', 60],
    ['sekitar 60%', 60],
    ['sudah mencapai 75 persen', 75],
    ['62,5%', 63],
    ['0', 0],
    ['100%', 100],
    ['enam puluh persen', 60],
    ['tujuh puluh lima', 75],
    ['seratus persen', 100],
    ['sepuluh', 10],
    ['dua belas persen', 12],
  ])('reads "%s" as %i', (text, value) => {
    expect(parseProgress(text)).toEqual({ ok: true, value });
  });

  it('refuses a number above 100 as out of range, and anything without a number as unreadable', () => {
    expect(parseProgress('150')).toEqual({ ok: false, reason: 'range' });
    expect(parseProgress('seratus lima puluh persen')).toEqual({ ok: false, reason: 'range' });
    expect(parseProgress('lumayan')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseProgress('60 atau 70')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseProgress('-5')).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('Indonesian number words', () => {
  it('adds up units, teens, tens, hundreds and thousands', () => {
    expect(parseNumberWords('dua ratus tiga puluh empat')).toBe(234);
    expect(parseNumberWords('sebelas')).toBe(11);
    expect(parseNumberWords('tiga ribu lima ratus')).toBe(3500);
    expect(parseNumberWords('seribu dua ratus')).toBe(1200);
  });

  it('refuses words that are not a number, or numbers that do not read as one', () => {
    expect(parseNumberWords('dua tiga')).toBeUndefined();
    expect(parseNumberWords('puluh')).toBeUndefined();
    expect(parseNumberWords('enam warga')).toBeUndefined();
    expect(parseNumberWords('')).toBeUndefined();
  });

  it('tells results that state a quantity from results that do not', () => {
    expect(hasNumber('240 warga terlayani')).toBe(true);
    expect(hasNumber('waktu layanan turun dari tiga hari jadi satu hari')).toBe(true);
    expect(hasNumber('ratusan keluarga terbantu')).toBe(true);
    expect(hasNumber('Warga lebih mudah mendaftar tanpa antre')).toBe(false);
    expect(hasNumber('masyarakat senang dan terbantu')).toBe(false);
  });
});
