import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isLocalDate, weekday } from '../../../src/core/time/local-date.js';
import { atLocalTime, formatLocal, inZone, todayIn } from '../../../src/core/time/zoned.js';

describe('Local dates and time zones', () => {
  it('puts 08:00 WIT on 23:00 UTC of the day before, and WIB and WITA an hour apart each', () => {
    expect(atLocalTime('2027-03-01', 8, 0, 'Asia/Jayapura').toISOString()).toBe('2027-02-28T23:00:00.000Z');
    expect(atLocalTime('2027-03-01', 8, 0, 'Asia/Makassar').toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(atLocalTime('2027-03-01', 8, 0, 'Asia/Jakarta').toISOString()).toBe('2027-03-01T01:00:00.000Z');
  });

  it('reads the local date and time back from an instant (both halves agree)', () => {
    const instant = atLocalTime('2027-12-31', 23, 30, 'Asia/Jayapura');
    expect(inZone(instant, 'Asia/Jayapura')).toEqual({ date: '2027-12-31', hour: 23, minute: 30 });
    expect(todayIn(instant, 'Asia/Jakarta')).toBe('2027-12-31');
    expect(todayIn(new Date('2027-12-31T15:30:00Z'), 'Asia/Jayapura')).toBe('2028-01-01');
    expect(formatLocal(instant, 'Asia/Makassar')).toBe('2027-12-31 22:30');
  });

  it('adds months clamping to the end of the month, counts days and names weekdays', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(daysBetween('2027-02-26', '2027-03-01')).toBe(3);
    expect(weekday('2027-01-04')).toBe(1);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});
