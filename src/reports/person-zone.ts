import { ZONES, type Zone } from '../people/regions/zones.js';

/**
 * The zone a person's dates are read in: their profile's, or WIB when it has none (or an unknown value),
 * the zone most Indonesians live in. Reports need a zone before the person finished their profile only
 * when someone else looks at them (a coordinator's overview).
 */
export function personZone(timeZone: string | null | undefined): Zone {
  return (ZONES as readonly string[]).includes(timeZone ?? '') ? (timeZone as Zone) : 'Asia/Jakarta';
}
