import { describe, expect, it } from 'vitest';
import { parseIndonesianDate, type ParseDateOptions } from '../../../src/core/time/parse-date.js';
import { parseTimeOfDay } from '../../../src/core/time/parse-time.js';

type Row = [text: string, expected: string | null, time?: [number, number]];

function check(options: ParseDateOptions, rows: Row[]): void {
  for (const [text, expected, time] of rows) {
    const parsed = parseIndonesianDate(text, options);
    const label = `"${text}" on ${options.today} (${options.prefer})`;
    if (expected === null) {
      expect(parsed, label).toEqual({ ok: false });
      continue;
    }
    expect(parsed, label).toEqual({ ok: true, date: expected, ...(time ? { time: { hour: time[0], minute: time[1] } } : {}) });
  }
}

// 2026-03-04 is a Wednesday.
const WEDNESDAY = '2026-03-04';

describe('parseIndonesianDate: words for days, weeks and months', () => {
  it('reads today, tomorrow, the day after and yesterday, with their chat spellings', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['hari ini', '2026-03-04'],
      ['Hari Ini', '2026-03-04'],
      ['sekarang', '2026-03-04'],
      ['besok', '2026-03-05'],
      ['Besok.', '2026-03-05'],
      ['bsk', '2026-03-05'],
      ['esok', '2026-03-05'],
      ['lusa', '2026-03-06'],
      ['kemarin', '2026-03-03'],
      ['kmrn', '2026-03-03'],
      ['kemarin lusa', '2026-03-02'],
      ['besok pagi', '2026-03-05'],
      ['mulai besok', '2026-03-05'],
    ]);
  });

  it('counts days, weeks, months and years ahead or back, in digits or words', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['3 hari lagi', '2026-03-07'],
      ['tiga hari lagi', '2026-03-07'],
      ['sehari lagi', '2026-03-05'],
      ['2 minggu lagi', '2026-03-18'],
      ['dua pekan lagi', '2026-03-18'],
      ['seminggu lagi', '2026-03-11'],
      ['sebulan lagi', '2026-04-04'],
      ['6 bulan lagi', '2026-09-04'],
      ['setahun lagi', '2027-03-04'],
      ['dua belas hari lagi', '2026-03-16'],
      ['2 hari yang lalu', '2026-03-02'],
      ['dua hari yg lalu', '2026-03-02'],
      ['seminggu lalu', '2026-02-25'],
      ['3 bulan yang lalu', '2025-12-04'],
    ]);
  });

  it('takes "minggu depan" and "Senin depan" as next week (weeks start on Monday), and a bare weekday as the nearest', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['minggu depan', '2026-03-09'],
      ['pekan depan', '2026-03-09'],
      ['awal minggu depan', '2026-03-09'],
      ['minggu lalu', '2026-02-23'],
      ['Senin depan', '2026-03-09'],
      ['senin minggu depan', '2026-03-09'],
      ['Jumat depan', '2026-03-13'],
      ['hari minggu depan', '2026-03-15'],
      ['Jumat ini', '2026-03-06'],
      ['Senin ini', '2026-03-02'],
      ['senin lalu', '2026-02-23'],
      ['senin kemarin', '2026-03-02'],
      ['rabu kemarin', '2026-02-25'],
      ['senin', '2026-03-09'],
      ['hari Senin', '2026-03-09'],
      ['rabu', '2026-03-04'],
      ['Jumat', '2026-03-06'],
      ["Jum'at", '2026-03-06'],
      ['minggu', '2026-03-08'],
      ['ahad', '2026-03-08'],
    ]);
    check({ today: WEDNESDAY, prefer: 'past' }, [
      ['senin', '2026-03-02'],
      ['rabu', '2026-03-04'],
      ['jumat', '2026-02-27'],
    ]);
  });

  it('reads the start, middle and end of this, next and last month', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['bulan depan', '2026-04-01'],
      ['awal bulan depan', '2026-04-01'],
      ['akhir bulan', '2026-03-31'],
      ['akhir bulan ini', '2026-03-31'],
      ['akhir bulan depan', '2026-04-30'],
      ['bulan lalu', '2026-02-01'],
      ['akhir bulan lalu', '2026-02-28'],
      ['awal bulan', '2026-04-01'],
      ['awal bulan ini', '2026-03-01'],
      ['pertengahan bulan', '2026-03-15'],
      ['pertengahan bulan depan', '2026-04-15'],
      ['tahun depan', '2027-01-01'],
      ['akhir tahun', '2026-12-31'],
      ['akhir tahun depan', '2027-12-31'],
      ['awal tahun', '2026-01-01'],
    ]);
    check({ today: WEDNESDAY, prefer: 'past' }, [
      ['awal bulan', '2026-03-01'],
      ['pertengahan bulan', '2026-02-15'],
    ]);
  });
});

describe('parseIndonesianDate: written dates', () => {
  it('reads day-first numeric dates with slashes, dashes or dots, two- or four-digit years, and ISO dates', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['15/1/2027', '2027-01-15'],
      ['15-01-2027', '2027-01-15'],
      ['15.01.27', '2027-01-15'],
      ['15/01/27', '2027-01-15'],
      ['1/12/2026', '2026-12-01'],
      ['2027-01-15', '2027-01-15'],
      ['2027/1/15', '2027-01-15'],
      ['tgl 15/1/2027', '2027-01-15'],
      ['tgl. 15/1', '2027-01-15'],
      ['15/1/2020', '2020-01-15'],
    ]);
  });

  it('reads month names, their short forms, old spellings and one-letter slips in long names', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['15 Januari 2027', '2027-01-15'],
      ['15 januari 27', '2027-01-15'],
      ['15 Jan 2027', '2027-01-15'],
      ['15 Jan. 2027', '2027-01-15'],
      ['tanggal 15 Januari 2027', '2027-01-15'],
      ['tgl 1 Pebruari 2027', '2027-02-01'],
      ['17 Agustus 2026', '2026-08-17'],
      ['17 Agt 2026', '2026-08-17'],
      ['17 Ags 2026', '2026-08-17'],
      ['17 agus 2026', '2026-08-17'],
      ['10 Nopember 2026', '2026-11-10'],
      ['10 nop 2026', '2026-11-10'],
      ['25 Des 2026', '2026-12-25'],
      ['1 Mei 2026', '2026-05-01'],
      ['15 Febuari 2027', '2027-02-15'],
      ['15 Januri 2027', '2027-01-15'],
      ['1 Agustis 2026', '2026-08-01'],
      ['2 Septembr 2026', '2026-09-02'],
      ['Senin, 15 Maret 2027', '2027-03-15'],
      ['Januari 2027', '2027-01-01'],
      ['akhir Februari 2028', '2028-02-29'],
      ['awal Maret 2027', '2027-03-01'],
    ]);
  });

  it('leaves short month names without typo tolerance, so nearby words are not taken for months', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['15 jani 2027', null],
      ['15 mai 2027', null],
      ['15 maert 2027', null],
    ]);
  });

  it('puts a year-less date on its next occurrence (future) or its latest one (past), today included', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['15/1', '2027-01-15'],
      ['4/3', '2026-03-04'],
      ['3/3', '2027-03-03'],
      ['15 Jan', '2027-01-15'],
      ['17 Agt', '2026-08-17'],
      ['tgl 15', '2026-03-15'],
      ['tanggal 15', '2026-03-15'],
      ['tgl 4', '2026-03-04'],
      ['tgl 3', '2026-04-03'],
      ['tgl 5 bulan depan', '2026-04-05'],
      ['tgl 31 bulan ini', '2026-03-31'],
      ['Mei', '2026-05-01'],
      ['akhir Februari', '2027-02-28'],
    ]);
    check({ today: WEDNESDAY, prefer: 'past' }, [
      ['15/1', '2026-01-15'],
      ['4/3', '2026-03-04'],
      ['5/3', '2025-03-05'],
      ['17 Agt', '2025-08-17'],
      ['tgl 15', '2026-02-15'],
      ['tgl 3', '2026-03-03'],
      ['Mei', '2025-05-01'],
    ]);
  });
});

describe('parseIndonesianDate: around year ends and leap years', () => {
  it('crosses into the new year (2026-12-30 is a Wednesday)', () => {
    check({ today: '2026-12-30', prefer: 'future' }, [
      ['besok', '2026-12-31'],
      ['lusa', '2027-01-01'],
      ['3 hari lagi', '2027-01-02'],
      ['bulan depan', '2027-01-01'],
      ['akhir bulan', '2026-12-31'],
      ['akhir bulan depan', '2027-01-31'],
      ['minggu depan', '2027-01-04'],
      ['Senin depan', '2027-01-04'],
      ['Jumat', '2027-01-01'],
      ['Sabtu ini', '2027-01-02'],
      ['15/1', '2027-01-15'],
      ['tgl 5', '2027-01-05'],
      ['31/12', '2026-12-31'],
      ['30/12', '2026-12-30'],
      ['29/12', '2027-12-29'],
      ['awal bulan', '2027-01-01'],
      ['tahun depan', '2027-01-01'],
      ['akhir tahun', '2026-12-31'],
    ]);
    check({ today: '2026-12-30', prefer: 'past' }, [
      ['15/1', '2026-01-15'],
      ['tgl 5', '2026-12-05'],
      ['29/12', '2026-12-29'],
      ['Jumat', '2026-12-25'],
      ['Desember', '2026-12-01'],
    ]);
  });

  it('reaches back into the old year (2027-01-01 is a Friday)', () => {
    check({ today: '2027-01-01', prefer: 'past' }, [
      ['kemarin', '2026-12-31'],
      ['bulan lalu', '2026-12-01'],
      ['akhir bulan lalu', '2026-12-31'],
      ['minggu lalu', '2026-12-21'],
      ['Senin', '2026-12-28'],
      ['31 Desember', '2026-12-31'],
      ['2 minggu yang lalu', '2026-12-18'],
      ['tgl 31', '2026-12-31'],
      ['akhir tahun lalu', '2026-12-31'],
    ]);
    check({ today: '2027-01-01', prefer: 'future' }, [
      ['tgl 31', '2027-01-31'],
      ['31 Desember', '2027-12-31'],
      ['1/1', '2027-01-01'],
    ]);
  });

  it('knows 29 Februari exists only in leap years, and months of 30 days', () => {
    check({ today: '2028-02-28', prefer: 'future' }, [
      ['besok', '2028-02-29'],
      ['lusa', '2028-03-01'],
      ['akhir bulan', '2028-02-29'],
      ['29/2', '2028-02-29'],
      ['29/2/2028', '2028-02-29'],
      ['29/2/2000', '2000-02-29'],
      ['akhir Februari 2100', '2100-02-28'],
    ]);
    check({ today: '2027-06-01', prefer: 'past' }, [['29 Februari', '2024-02-29']]);
    check({ today: '2027-06-01', prefer: 'future' }, [['29/2', '2028-02-29']]);
    check({ today: '2028-01-31', prefer: 'future' }, [['sebulan lagi', '2028-02-29']]);
    check({ today: '2027-02-10', prefer: 'future' }, [
      ['tgl 30', '2027-03-30'],
      ['tgl 29', '2027-03-29'],
      ['akhir bulan', '2027-02-28'],
    ]);
    check({ today: '2028-02-10', prefer: 'future' }, [['tgl 29', '2028-02-29']]);
    check({ today: '2026-04-10', prefer: 'future' }, [['tgl 31', '2026-05-31']]);
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['29/2/2027', null],
      ['29/2/2100', null],
      ['31/4/2027', null],
      ['31 Juni', null],
      ['tgl 31 bulan depan', null],
    ]);
  });
});

describe('parseIndonesianDate: with a time', () => {
  it('reads a date followed or preceded by a time of day', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['besok 09.00', '2026-03-05', [9, 0]],
      ['besok jam 9', '2026-03-05', [9, 0]],
      ['Senin depan jam 10', '2026-03-09', [10, 0]],
      ['Senin depan pukul 14.30', '2026-03-09', [14, 30]],
      ['besok jam 2 siang', '2026-03-05', [14, 0]],
      ['lusa jam 7 malam', '2026-03-06', [19, 0]],
      ['besok 8 pagi', '2026-03-05', [8, 0]],
      ['jam 9 besok', '2026-03-05', [9, 0]],
      ['15/1/2027 09:30', '2027-01-15', [9, 30]],
      ['15 Januari 2027 pukul 09.30 WIB', '2027-01-15', [9, 30]],
      ['Senin 15.00', '2026-03-09', [15, 0]],
      ['31.12 10.00', '2026-12-31', [10, 0]],
      ['pk. 08.00 hari ini', '2026-03-04', [8, 0]],
    ]);
  });

  it('refuses a time alone, and a date with a time that cannot exist', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['jam 9', null],
      ['09.00', null],
      ['besok jam 25', null],
      ['besok 10.75', null],
      ['besok jam 20 pagi', null],
    ]);
  });

  it('reads "15.01" as a date, not as a quarter past three', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [['15.01', '2027-01-15']]);
  });
});

describe('parseIndonesianDate: what is not a date', () => {
  it('answers { ok: false } for dates that do not exist and for anything else', () => {
    check({ today: WEDNESDAY, prefer: 'future' }, [
      ['31/2', null],
      ['30 Februari', null],
      ['30 Februari 2028', null],
      ['2027-02-30', null],
      ['0/1', null],
      ['32/1', null],
      ['15/13', null],
      ['15/0/2027', null],
      ['tgl 0', null],
      ['tgl 32', null],
      ['15/1/1800', null],
      ['Kamis, 6 Maret 2026', null],
      ['5000 hari lagi', null],
      ['', null],
      ['   ', null],
      ['halo', null],
      ['kapan-kapan', null],
      ['secepatnya', null],
      ['15 blabla', null],
      ['besok atau lusa', null],
      ['minggu', '2026-03-08'],
      ['bulan', null],
      ['tahun', null],
      ['besok '.repeat(20), null],
    ]);
  });

  it('refuses a today that is not a local date (a programming error, not user input)', () => {
    expect(() => parseIndonesianDate('besok', { today: '4/3/2026', prefer: 'future' })).toThrow(RangeError);
  });
});

describe('parseTimeOfDay', () => {
  const rows: Array<[string, [number, number] | undefined]> = [
    ['09.00', [9, 0]],
    ['9.00', [9, 0]],
    ['9:30', [9, 30]],
    ['14:45', [14, 45]],
    ['jam 9', [9, 0]],
    ['Jam 9', [9, 0]],
    ['jam 9.30', [9, 30]],
    ['pukul 14.30', [14, 30]],
    ['pkl 7', [7, 0]],
    ['pk. 08.00', [8, 0]],
    ['jam 8 pagi', [8, 0]],
    ['8 pagi', [8, 0]],
    ['jam 2 siang', [14, 0]],
    ['jam 11 siang', [11, 0]],
    ['jam 12 siang', [12, 0]],
    ['jam 3 sore', [15, 0]],
    ['jam 5 sore', [17, 0]],
    ['jam 7 malam', [19, 0]],
    ['jam 12 malam', [0, 0]],
    ['jam 1 malam', [1, 0]],
    ['jam 14 siang', [14, 0]],
    ['jam 19 malam', [19, 0]],
    ['08.00 WIB', [8, 0]],
    ['jam 9 wita', [9, 0]],
    ['9', [9, 0]],
    ['0', [0, 0]],
    ['23.59', [23, 59]],
    ['24.00', undefined],
    ['25', undefined],
    ['9.75', undefined],
    ['jam 20 pagi', undefined],
    ['jam 9 sore', undefined],
    ['besok', undefined],
    ['jam', undefined],
    ['', undefined],
    ['jam sembilan', undefined],
  ];

  it('reads clock readings, hours with "jam"/"pukul", and the part of the day', () => {
    for (const [text, expected] of rows) {
      expect(parseTimeOfDay(text), text).toEqual(expected ? { hour: expected[0], minute: expected[1] } : undefined);
    }
  });
});
