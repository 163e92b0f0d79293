import { describe, expect, it } from 'vitest';
import { parseScheduleText } from '../../../src/features/broadcasts/schedule-input.js';

// Sunday 6 December 2026, 08.00 UTC: 15.00 WIB, 16.00 WITA, 17.00 WIT.
const NOW = new Date('2026-12-06T08:00:00Z');
const at = (text: string, zone: string) => {
  const parsed = parseScheduleText(text, NOW, zone);
  return parsed.ok ? parsed.at.toISOString() : parsed.reason;
};

describe('parseScheduleText: when a coordinator wants an announcement sent', () => {
  it('reads "besok 09.00" as 09.00 on the coordinator’s own clock', () => {
    expect(at('besok 09.00', 'Asia/Jakarta')).toBe('2026-12-07T02:00:00.000Z');
    expect(at('besok 09.00', 'Asia/Makassar')).toBe('2026-12-07T01:00:00.000Z');
    expect(at('besok 09.00', 'Asia/Jayapura')).toBe('2026-12-07T00:00:00.000Z');
  });

  it('follows a zone written after the time, whatever the coordinator’s own', () => {
    expect(at('besok 09.00 WIB', 'Asia/Makassar')).toBe('2026-12-07T02:00:00.000Z');
    expect(at('besok jam 9 wit', 'Asia/Jakarta')).toBe('2026-12-07T00:00:00.000Z');
    expect(at('Senin 10.00 WITA.', 'Asia/Jakarta')).toBe('2026-12-07T02:00:00.000Z');
  });

  it('understands weekdays, named dates and times written the Indonesian way', () => {
    expect(at('Senin 08.00', 'Asia/Makassar')).toBe('2026-12-07T00:00:00.000Z');
    expect(at('12 Desember 14.30', 'Asia/Jakarta')).toBe('2026-12-12T07:30:00.000Z');
    expect(at('Senin depan jam 2 siang', 'Asia/Jakarta')).toBe('2026-12-07T07:00:00.000Z');
    expect(at('15/1/2027 pukul 10', 'Asia/Jakarta')).toBe('2027-01-15T03:00:00.000Z');
  });

  it('takes a time alone as today, if it is still ahead', () => {
    expect(at('16.30', 'Asia/Jakarta')).toBe('2026-12-06T09:30:00.000Z');
    // 15.30 WIB is ahead; in Makassar it is already 16.00, so 15.30 WITA has passed.
    expect(at('15.30', 'Asia/Jakarta')).toBe('2026-12-06T08:30:00.000Z');
    expect(at('15.30', 'Asia/Makassar')).toBe('past');
  });

  it('refuses what it cannot schedule, with a reason the flow can explain', () => {
    expect(at('besok', 'Asia/Jakarta')).toBe('no_time');
    expect(at('kapan-kapan saja', 'Asia/Jakarta')).toBe('format');
    expect(at('kemarin 09.00', 'Asia/Jakarta')).toBe('past');
    expect(at('hari ini 14.59', 'Asia/Jakarta')).toBe('past');
    expect(at('1 Januari 2029 09.00', 'Asia/Jakarta')).toBe('too_far');
    expect(at('besok 25.00', 'Asia/Jakarta')).toBe('format');
  });
});
