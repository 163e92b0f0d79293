import { parseIndonesianDate } from '../../core/time/parse-date.js';
import { parseTimeOfDay } from '../../core/time/parse-time.js';
import { atLocalTime, todayIn } from '../../core/time/zoned.js';

export type ScheduleParse = { ok: true; at: Date } | { ok: false; reason: 'format' | 'no_time' | 'past' | 'too_far' };

/** A broadcast planned further ahead than this is a typo ("2072"), not a plan. */
const MAX_AHEAD_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When to send, as a coordinator types it: "besok 09.00", "Senin 08.00", "12 Desember 14.30", or a time
 * alone ("15.00": today). Read as a wall-clock time in `zone` (the coordinator's own), so "besok 09.00"
 * is 09.00 WITA for someone in Makassar, unless the text names a zone ("besok 09.00 WIB"). A date without
 * a time is not guessed: the caller asks for one.
 */
export function parseScheduleText(text: string, now: Date, ownZone: string): ScheduleParse {
  const zone = namedZone(text) ?? ownZone;
  const today = todayIn(now, zone);
  const parsed = parseIndonesianDate(text, { today, prefer: 'future' });
  let at: Date;
  if (parsed.ok) {
    if (!parsed.time) return { ok: false, reason: 'no_time' };
    at = atLocalTime(parsed.date, parsed.time.hour, parsed.time.minute, zone);
  } else {
    const time = parseTimeOfDay(text);
    if (!time) return { ok: false, reason: 'format' };
    at = atLocalTime(today, time.hour, time.minute, zone);
  }
  if (at.getTime() <= now.getTime()) return { ok: false, reason: 'past' };
  if (at.getTime() - now.getTime() > MAX_AHEAD_DAYS * DAY_MS) return { ok: false, reason: 'too_far' };
  return { ok: true, at };
}

const NAMED_ZONES: Readonly<Record<string, string>> = { wib: 'Asia/Jakarta', wita: 'Asia/Makassar', wit: 'Asia/Jayapura' };

/** The zone written after the time, if any: someone in Makassar may well announce at "09.00 WIB". */
function namedZone(text: string): string | undefined {
  const m = /(?:^|\s)(wib|wita|wit)\.?$/i.exec(text.trim());
  return m ? NAMED_ZONES[m[1]!.toLowerCase()] : undefined;
}
