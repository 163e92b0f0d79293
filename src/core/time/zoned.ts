import { parts, type LocalDate } from './local-date.js';

/** The wall-clock reading of an instant in a time zone. */
export interface ZonedParts {
  date: LocalDate;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** What a clock in `zone` shows at `instant`. */
export function inZone(instant: Date, zone: string): ZonedParts {
  const fields = Object.fromEntries(
    formatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${fields.year}-${fields.month}-${fields.day}`,
    hour: Number(fields.hour),
    minute: Number(fields.minute),
  };
}

/** The local date in `zone` at `instant` ("today" for that person). */
export function todayIn(instant: Date, zone: string): LocalDate {
  return inZone(instant, zone).date;
}

/**
 * The instant a clock in `zone` shows `date` `hour`:`minute`. Indonesia's zones have no daylight saving,
 * but the offset is read from the zone database rather than assumed, so any IANA zone works.
 */
export function atLocalTime(date: LocalDate, hour: number, minute: number, zone: string): Date {
  const { year, month, day } = parts(date);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at the guessed instant; one correction suffices without DST transitions.
  const shown = inZone(new Date(guess), zone);
  const shownUtc = Date.UTC(...ymd(shown.date), shown.hour, shown.minute);
  return new Date(guess - (shownUtc - guess));
}

function ymd(date: LocalDate): [number, number, number] {
  const p = parts(date);
  return [p.year, p.month - 1, p.day];
}

/** "2027-02-26 08:00" in `zone`, for logs and the operator's schedule view. */
export function formatLocal(instant: Date, zone: string): string {
  const z = inZone(instant, zone);
  return `${z.date} ${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}
