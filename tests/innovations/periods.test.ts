import { describe, expect, it } from 'vitest';
import { periodByKey, periodContaining, periodsDueBetween, upcomingPeriods } from '../../src/innovations/periods.js';

describe('Reporting periods', () => {
  it('gives monthly periods from the start month, due on their last day by default', () => {
    const schedule = { cadence: 'monthly' as const, startDate: '2027-01-15', dueDay: 0 };
    expect(upcomingPeriods(schedule, '2027-01-01', 3).map((p) => [p.key, p.due])).toEqual([
      ['2027-01', '2027-01-31'],
      ['2027-02', '2027-02-28'],
      ['2027-03', '2027-03-31'],
    ]);
    expect(upcomingPeriods(schedule, '2027-02-28', 1)[0]!.key).toBe('2027-02');
    expect(upcomingPeriods(schedule, '2027-03-01', 1)[0]!.key).toBe('2027-03');
  });

  it('moves the due date to a day of the following month when one is set', () => {
    const schedule = { cadence: 'monthly' as const, startDate: '2027-12-01', dueDay: 5 };
    expect(upcomingPeriods(schedule, '2027-12-01', 2).map((p) => [p.key, p.due])).toEqual([
      ['2027-12', '2028-01-05'],
      ['2028-01', '2028-02-05'],
    ]);
  });

  it('gives quarters, the end of the uji coba, and six months after penerapan', () => {
    expect(
      upcomingPeriods({ cadence: 'quarterly', startDate: '2027-05-10', dueDay: 0 }, '2027-01-01', 2).map((p) => [p.key, p.due]),
    ).toEqual([
      ['2027-Q2', '2027-06-30'],
      ['2027-Q3', '2027-09-30'],
    ]);
    expect(
      upcomingPeriods({ cadence: 'end_of_trial', startDate: '2027-01-10', trialEndDate: '2027-07-10', dueDay: 0 }, '2027-01-01', 5),
    ).toEqual([{ key: 'akhir-uji-coba', start: '2027-01-10', end: '2027-07-10', due: '2027-07-10' }]);
    expect(upcomingPeriods({ cadence: 'after_penerapan', startDate: '2027-03-31', dueDay: 0 }, '2027-01-01', 5).map((p) => p.due)).toEqual([
      '2027-09-30',
    ]);
    expect(upcomingPeriods({ cadence: 'end_of_trial', startDate: '2027-01-10', dueDay: 0 }, '2027-01-01', 5)).toEqual([]);
  });

  it('finds a period by its key and by a date inside it, and lists those due in a window', () => {
    const schedule = { cadence: 'monthly' as const, startDate: '2027-01-15', dueDay: 0 };
    expect(periodByKey(schedule, '2027-04')).toMatchObject({ start: '2027-04-01', due: '2027-04-30' });
    expect(periodByKey(schedule, '2027-Q2')).toBeUndefined();
    expect(periodContaining(schedule, '2027-06-10')?.key).toBe('2027-06');
    expect(periodContaining(schedule, '2026-12-31')).toBeUndefined();
    expect(periodsDueBetween(schedule, '2027-02-01', '2028-03-31').map((p) => p.key)).toHaveLength(14);
  });
});
