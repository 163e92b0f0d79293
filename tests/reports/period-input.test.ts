import { describe, expect, it } from 'vitest';
import { parsePeriodText } from '../../src/reports/period-input.js';
import { keysOverlapping, periodsInWindow, windowByKey } from '../../src/reports/period-window.js';
import { reportablePeriods } from '../../src/reports/report-periods.js';

const TODAY = '2027-02-10';
const key = (text: string, today = TODAY) => parsePeriodText(text, today)?.key;

describe('a period typed by a person', () => {
  it('understands this month, last month and this or last quarter', () => {
    expect(key('bulan ini')).toBe('2027-02');
    expect(key('Bulan lalu')).toBe('2027-01');
    expect(key('bulan lalu', '2027-01-05')).toBe('2026-12');
    expect(key('triwulan ini')).toBe('2027-Q1');
    expect(key('triwulan lalu')).toBe('2026-Q4');
    expect(key('kuartal ini', '2027-08-01')).toBe('2027-Q3');
  });

  it('understands month names with or without a year, and numeric months', () => {
    expect(key('Januari 2027')).toBe('2027-01');
    expect(key('jan 2027')).toBe('2027-01');
    expect(key('Agustus 2026')).toBe('2026-08');
    expect(key('periode Desember 2026')).toBe('2026-12');
    expect(key('januari')).toBe('2027-01');
    // A month without a year is the latest that has begun.
    expect(key('desember')).toBe('2026-12');
    expect(key('2027-01')).toBe('2027-01');
    expect(key('1/2027')).toBe('2027-01');
    expect(key('12/2026')).toBe('2026-12');
  });

  it('understands quarters written several ways', () => {
    for (const text of ['2027-Q1', '2027 Q1', 'Q1 2027', 'triwulan I 2027', 'Triwulan 1 2027', 'TW 1 2027'])
      expect(key(text), text).toBe('2027-Q1');
    expect(key('triwulan IV 2026')).toBe('2026-Q4');
  });

  it('refuses what is not a period', () => {
    for (const text of ['kemarin sore', '2027-13', 'Q5 2027', 'tahun depan', '']) expect(key(text), text).toBeUndefined();
  });
});

describe('periods of a schedule in a window', () => {
  const monthly = { cadence: 'monthly' as const, startDate: '2026-11-15', dueDay: 0 };
  const quarterly = { cadence: 'quarterly' as const, startDate: '2026-11-15', dueDay: 10 };

  it('gives a monthly innovation its month, and a quarterly one the quarter the month lies in', () => {
    expect(periodsInWindow(monthly, windowByKey('2027-01')!).map((p) => p.key)).toEqual(['2027-01']);
    expect(periodsInWindow(quarterly, windowByKey('2027-01')!).map((p) => [p.key, p.due])).toEqual([['2027-Q1', '2027-04-10']]);
    expect(periodsInWindow(monthly, windowByKey('2027-Q1')!).map((p) => p.key)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(periodsInWindow(monthly, windowByKey('2026-10')!)).toEqual([]);
  });

  it('lists one-off periods while they run', () => {
    const trial = { cadence: 'end_of_trial' as const, startDate: '2026-11-01', trialEndDate: '2027-04-30', dueDay: 0 };
    expect(periodsInWindow(trial, windowByKey('2027-01')!).map((p) => p.key)).toEqual(['akhir-uji-coba']);
    expect(periodsInWindow(trial, windowByKey('2027-06')!)).toEqual([]);
  });

  it('names every key a report in the window can carry', () => {
    expect(keysOverlapping(windowByKey('2027-02')!)).toEqual(['2027-02', '2027-Q1', 'akhir-uji-coba', 'penerapan-6-bulan']);
    expect(keysOverlapping(windowByKey('2027-Q2')!)).toEqual([
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-Q2',
      'akhir-uji-coba',
      'penerapan-6-bulan',
    ]);
  });
});

describe('periods a person can report on', () => {
  const schedule = { cadence: 'monthly' as const, startDate: '2026-01-01', dueDay: 0 };

  it('proposes the earliest overdue period first, then the others up to the one running today', () => {
    const open = reportablePeriods(schedule, '2026-04-10', new Set(['2026-01', '2026-03']));
    expect(open.map((p) => p.key)).toEqual(['2026-02', '2026-04']);
  });

  it('includes a period falling due within the next days', () => {
    expect(reportablePeriods(schedule, '2026-04-25', new Set(['2026-01', '2026-02', '2026-03'])).map((p) => p.key)).toEqual(['2026-04']);
    const dueLater = { ...schedule, dueDay: 5 };
    expect(reportablePeriods(dueLater, '2026-05-01', new Set(['2026-01', '2026-02', '2026-03'])).map((p) => [p.key, p.due])).toEqual([
      ['2026-04', '2026-05-05'],
      ['2026-05', '2026-06-05'],
    ]);
  });

  it('stops offering periods overdue for more than a year', () => {
    expect(reportablePeriods(schedule, '2027-06-15', new Set())[0]!.key).toBe('2026-06');
  });

  it('offers nothing before the innovation starts', () => {
    expect(reportablePeriods({ ...schedule, startDate: '2026-06-01' }, '2026-04-10', new Set())).toEqual([]);
  });
});
