import { canonicalOpd, opdKey } from './opd-names.js';
import { regionKey } from './profile-store.js';
import { matchRegion } from './regions/match-region.js';
import type { Scope } from './scopes.js';

export type ScopeParse = { ok: true; scope: Scope } | { ok: false; reason: 'format' | 'ambiguous'; options?: string[] };

/**
 * A scope typed by an admin: "Kabupaten Bantul" (the whole region) or "Dinas Kesehatan, Kabupaten Bantul"
 * (one OPD there). The region must be one Pandu knows, so a typo cannot create a scope nobody matches.
 */
export function parseScopeText(text: string): ScopeParse {
  const clean = text.replace(/\s+/g, ' ').trim();
  const comma = clean.lastIndexOf(',');
  const regionText = comma < 0 ? clean : clean.slice(comma + 1).trim();
  const opdText = comma < 0 ? '' : clean.slice(0, comma).trim();
  const region = matchRegion(regionText);
  if (!region) return { ok: false, reason: 'format' };
  if (region.ambiguous?.length) return { ok: false, reason: 'ambiguous', options: [region.name, ...region.ambiguous] };
  if (comma >= 0 && opdText.length < 2) return { ok: false, reason: 'format' };
  return { ok: true, scope: opdText ? opdScope(opdText, region.name) : regionScope(region.name) };
}

export function regionScope(region: string): Scope {
  return { kind: 'region', regionKey: regionKey(region), opdKey: '', label: region };
}

export function opdScope(opd: string, region: string): Scope {
  return { kind: 'opd', regionKey: regionKey(region), opdKey: opdKey(opd), label: `${canonicalOpd(opd)} — ${region}` };
}
