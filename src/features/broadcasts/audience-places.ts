import type { Db } from '../../db/client.js';
import { canonicalOpd, opdKey, textKey } from '../../people/opd-names.js';
import { regionKey } from '../../people/profile-store.js';
import { matchRegion } from '../../people/regions/match-region.js';
import { parseScopeText } from '../../people/scope-input.js';
import { scopeFilter, type Scope } from '../../people/scopes.js';
import type { PlaceOption } from './draft-state.js';

/** The regions and OPDs where people in a sender's scope are, as audience filters can name them. */
export interface Places {
  /** value: a regionKey. */
  regions: PlaceOption[];
  /** value: `<regionKey>/<opdKey>` (the Audience's form). */
  opds: PlaceOption[];
}

/**
 * Where the people a sender may reach are, so the audience menu offers only what lies in the sender's scope:
 * the regions and OPDs of people's profiles and of the innovations they run (the engine places people by
 * either). The sender's own profile is left out (they never receive their own announcement).
 * `scopes` undefined: an admin, everywhere.
 */
export async function placesInScope(db: Db, scopes: readonly Scope[] | undefined, senderId?: string): Promise<Places> {
  const filter = scopeFilter(scopes) ?? {};
  const people = await db.user.findMany({
    where: { regionKey: { not: null }, ...(senderId ? { id: { not: senderId } } : {}), ...filter },
    select: { region: true, regionKey: true, opd: true, opdKey: true },
    distinct: ['regionKey', 'opdKey'],
  });
  const innovations = await db.innovation.findMany({
    where: { regionKey: { not: null }, ...filter },
    select: { region: true, regionKey: true, opd: true, opdKey: true },
    distinct: ['regionKey', 'opdKey'],
  });
  const regions = new Map<string, string>();
  const opds = new Map<string, string>();
  for (const row of [...people, ...innovations]) {
    // Profiles keep the region as typed ("Kab. Bantul"); show the name Pandu knows it by.
    const region = (row.region && matchRegion(row.region)?.name) ?? row.region ?? row.regionKey!;
    if (!regions.has(row.regionKey!)) regions.set(row.regionKey!, region);
    const opdValue = `${row.regionKey}/${row.opdKey}`;
    if (row.opdKey && row.opd && !opds.has(opdValue)) opds.set(opdValue, `${canonicalOpd(row.opd)} — ${region}`);
  }
  const options = (map: Map<string, string>) =>
    [...map.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'id'));
  return { regions: options(regions), opds: options(opds) };
}

/** The OPDs among `opds` that lie in one of `regionKeys` (all of them when no region was chosen). */
export function opdsWithin(opds: readonly PlaceOption[], regionKeys: readonly string[] | undefined): PlaceOption[] {
  if (!regionKeys?.length) return [...opds];
  return opds.filter((o) => regionKeys.includes(o.value.slice(0, o.value.indexOf('/'))));
}

/** A region typed by the coordinator ("Bantul", "Kab. Bantul"), among those offered; ambiguous names settle on an offered one. */
export function matchTypedRegion(text: string, regions: readonly PlaceOption[]): PlaceOption[] {
  const found = matchRegion(text);
  const keys = found ? [found.name, ...(found.ambiguous ?? [])].map((name) => regionKey(name)) : [regionKey(text)];
  return regions.filter((r) => keys.includes(r.value));
}

/**
 * An OPD typed by the coordinator, among those offered: "Dinkes" (every offered Dinas Kesehatan),
 * "Dinkes, Kabupaten Bantul" (that one), or part of a name ("kesehatan") when nothing matches whole.
 */
export function matchTypedOpd(text: string, opds: readonly PlaceOption[]): PlaceOption[] {
  if (text.includes(',')) {
    const parsed = parseScopeText(text);
    if (parsed.ok && parsed.scope.kind === 'opd') {
      const value = `${parsed.scope.regionKey}/${parsed.scope.opdKey}`;
      return opds.filter((o) => o.value === value);
    }
  }
  const key = opdKey(text);
  const exact = opds.filter((o) => o.value.slice(o.value.indexOf('/') + 1) === key);
  if (exact.length > 0) return exact;
  const words = textKey(canonicalOpd(text));
  if (words.length < 3) return [];
  return opds.filter((o) => textKey(o.label).includes(words));
}
