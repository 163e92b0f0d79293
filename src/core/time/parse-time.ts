import { normaliseDateText } from './parse-words.js';

/** A wall-clock time as a person gives it, in their own zone. */
export interface TimeOfDay {
  /** 0–23 */
  hour: number;
  /** 0–59 */
  minute: number;
}

type PartOfDay = 'pagi' | 'siang' | 'sore' | 'malam';

const PART = '(pagi|siang|sore|malam)';
const ZONE = '(?:\\s+(?:wib|wita|wit))?';
/** "jam 9", "pukul 14.30", "jam 2 siang", "pk 9:30 wib". */
const WITH_KEYWORD = new RegExp(`(?:^|\\s)(?:jam|pukul|pkl|pk)\\s*(\\d{1,2})(?:[.:](\\d{2}))?(?:\\s+${PART})?${ZONE}(?=\\s|$)`);
/** "09.00", "9:30 malam": a bare clock reading, never part of a date such as 15.01.2027. */
const CLOCK = new RegExp(`(?<![\\d./:-])(\\d{1,2})[.:](\\d{2})(?![\\d./:-])(?:\\s+${PART})?${ZONE}(?=\\s|$)`);
/** "9 pagi", "7 malam": an hour made clear by the part of the day. */
const HOUR_AND_PART = new RegExp(`(?<![\\d./:-])(\\d{1,2})\\s+${PART}${ZONE}(?=\\s|$)`);
/** A whole answer to "jam berapa?": "9", "09.00", "jam 8 pagi", "14:30 WITA". */
const WHOLE = new RegExp(`^(?:(?:jam|pukul|pkl|pk)\\s*)?(\\d{1,2})(?:[.:](\\d{2}))?(?:\\s+${PART})?${ZONE}$`);

/**
 * Reads a time of day as Indonesians write it: "09.00", "9:30", "jam 9", "pukul 14.30", "jam 2 siang",
 * "jam 8 pagi", "jam 7 malam", "9" (an hour alone). Undefined when the text is not a time or names an
 * impossible one ("25.00", "jam 3 pagi" is fine, "jam 15 pagi" is not).
 */
export function parseTimeOfDay(text: string): TimeOfDay | undefined {
  const m = WHOLE.exec(normaliseDateText(text));
  return m ? toTime(m[1]!, m[2], m[3] as PartOfDay | undefined) : undefined;
}

/** A time found inside a longer answer ("besok 09.00"), and the text around it. */
export interface FoundTime {
  /** Undefined when a time was written but cannot exist ("jam 25"): the whole answer is then rejected. */
  time: TimeOfDay | undefined;
  rest: string;
}

/**
 * Every reading of a time of day inside normalised text, most explicit first ("jam 9" before "09.00"
 * before "9 pagi"), each with the text around it; the caller keeps the one whose rest is a date.
 */
export function timesIn(normalised: string): FoundTime[] {
  const found: FoundTime[] = [];
  for (const re of [WITH_KEYWORD, CLOCK, HOUR_AND_PART]) {
    for (const m of normalised.matchAll(new RegExp(re.source, 'g'))) {
      const rest = `${normalised.slice(0, m.index)} ${normalised.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
      const minute = re === HOUR_AND_PART ? undefined : m[2];
      const part = (re === HOUR_AND_PART ? m[2] : m[3]) as PartOfDay | undefined;
      found.push({ time: toTime(m[1]!, minute, part), rest });
    }
  }
  return found;
}

function toTime(hourText: string, minuteText: string | undefined, part: PartOfDay | undefined): TimeOfDay | undefined {
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const hour = withPartOfDay(Number(hourText), part);
  if (hour === undefined || hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/**
 * The 24-hour reading of "jam 2 siang" (14), "jam 7 malam" (19), "jam 12 malam" (0). A 24-hour reading
 * that fits the part of the day stays ("jam 14 siang"); one that contradicts it is refused ("jam 20 pagi").
 */
function withPartOfDay(hour: number, part: PartOfDay | undefined): number | undefined {
  switch (part) {
    case undefined:
      return hour;
    case 'pagi':
      return hour <= 11 ? hour : undefined;
    case 'siang':
      if (hour >= 10 && hour <= 15) return hour;
      return hour >= 1 && hour <= 3 ? hour + 12 : undefined;
    case 'sore':
      if (hour >= 14 && hour <= 19) return hour;
      return hour >= 2 && hour <= 7 ? hour + 12 : undefined;
    case 'malam':
      if (hour === 12) return 0;
      if (hour >= 18 && hour <= 23) return hour;
      if (hour >= 6 && hour <= 11) return hour + 12;
      return hour <= 4 ? hour : undefined;
  }
}
