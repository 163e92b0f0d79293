import { PROVINCES, type ProvinceRecord } from './provinces.js';
import { parseRegionQuery, regionKey, regionWords, type RegionQuery } from './query.js';
import type { Region, RegionKind, RegionMatch } from './region.js';
import { RegionIndex } from './region-index.js';

/** Which candidate leads when a bare name fits several: the province (it contains its namesake kota), then the kota. */
const PREFERENCE: Readonly<Record<RegionKind, number>> = { province: 0, city: 1, regency: 2 };

export type RegionMatcher = (text: string) => RegionMatch | undefined;

/**
 * Builds a matcher over the given provinces (all of Indonesia unless a test hands in fewer). The index is
 * built on the first call, not at import, so code that never asks for a region pays nothing.
 */
export function createRegionMatcher(provinces: readonly ProvinceRecord[] = PROVINCES): RegionMatcher {
  let index: RegionIndex | undefined;
  return (text) => {
    index ??= new RegionIndex(provinces);
    return match(index, text);
  };
}

/**
 * Reads a region as people type it ("Kab. Bantul", "pemkot makassar", "Sulsel", "Makasar", "Banjar, Kalsel")
 * and returns the kabupaten, kota or province it names, with its time zone. A name that fits several regions
 * (Bogor, Jayapura, Jambi) returns one of them with the others in `ambiguous`; ask the person before storing
 * it when that matters. Undefined when the text names no region.
 */
export const matchRegion: RegionMatcher = createRegionMatcher();

function match(index: RegionIndex, text: string): RegionMatch | undefined {
  // "Banjar, Kalimantan Selatan": what follows a comma may name the province that settles the choice.
  const [head = '', ...qualifiers] = text.split(',');
  const query = parseRegionQuery(head);
  if (query.name.length === 0) return undefined;
  const found = exactly(index, query) ?? withTrailingProvince(index, query) ?? nearly(index, query);
  if (!found) return undefined;
  const named = qualifiers.flatMap((q) => [...provincesNamed(index, regionWords(q))]);
  return toRegionMatch(narrow(found, new Set(named)));
}

/** The kind the text asked for before any kind: "Kota Sleman" still finds Kabupaten Sleman, the only Sleman. */
function exactly(index: RegionIndex, query: RegionQuery): Region[] | undefined {
  const key = regionKey(query.name);
  const whole = regionKey(query.whole);
  return (
    index.exact(key, query.kind) ??
    (query.kind ? index.exact(key) : undefined) ??
    // Names that begin with a kind word: "Kota Baru" is Kabupaten Kotabaru.
    (whole !== key ? index.exact(whole) : undefined)
  );
}

function nearly(index: RegionIndex, query: RegionQuery): Region[] | undefined {
  const key = regionKey(query.name);
  return index.nearest(key, query.kind) ?? (query.kind ? index.nearest(key) : undefined);
}

/** "Sleman DIY", "Bogor Jawa Barat": the name, then its province without a comma. */
function withTrailingProvince(index: RegionIndex, query: RegionQuery): Region[] | undefined {
  for (let size = 1; size < query.name.length; size += 1) {
    const provinces = provincesNamed(index, query.name.slice(-size));
    if (provinces.size === 0) continue;
    const name = query.name.slice(0, -size);
    const rest = { ...query, name, whole: query.whole.slice(0, -size) };
    const found = exactly(index, rest) ?? nearly(index, rest);
    if (found) return narrow(found, provinces);
  }
  return undefined;
}

function provincesNamed(index: RegionIndex, words: string[]): Set<string> {
  const query = parseRegionQuery(words.join(' '));
  return new Set((index.exact(regionKey(query.name), 'province') ?? []).map((r) => r.province));
}

/** Keeps the candidates in the named province, unless that would leave none (then the province was a slip). */
function narrow(found: Region[], provinces: Set<string>): Region[] {
  const within = found.filter((r) => provinces.has(r.province));
  return within.length > 0 ? within : found;
}

function toRegionMatch(candidates: Region[]): RegionMatch {
  const [first, ...others] = [...candidates].sort((a, b) => PREFERENCE[a.kind] - PREFERENCE[b.kind]);
  if (!first) throw new Error('toRegionMatch needs at least one region');
  const sameZone = others.every((r) => r.zone === first.zone);
  return {
    kind: first.kind,
    name: first.name,
    province: first.province,
    ...(sameZone ? { zone: first.zone } : {}),
    ...(others.length > 0 ? { ambiguous: others.map((r) => r.name) } : {}),
  };
}
