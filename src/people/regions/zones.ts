/**
 * Indonesia's three time zones, west to east, as IANA names. None observes daylight saving time, so a
 * zone alone fixes the offset (UTC+7, +8, +9).
 */
export const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export type Zone = (typeof ZONES)[number];

export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';

const LABELS: Readonly<Record<Zone, ZoneLabel>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The label Indonesians put after a clock time ("09.00 WITA"); use it when showing a time to a person. */
export function zoneLabel(zone: Zone): ZoneLabel {
  return LABELS[zone];
}
