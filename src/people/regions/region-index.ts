import { boundedEditDistance, typoTolerance } from './edit-distance.js';
import type { ProvinceRecord } from './provinces.js';
import { regionKey, regionWords } from './query.js';
import { KIND_PREFIX, type Region, type RegionKind } from './region.js';

/**
 * Every way of writing every region, keyed by its words joined without spaces. Names and spellings are
 * also kept apart for typo tolerance; abbreviations are looked up only as typed.
 */
export class RegionIndex {
  private readonly exactKeys = new Map<string, Region[]>();
  private readonly tolerantKeys = new Map<string, Region[]>();

  constructor(provinces: readonly ProvinceRecord[]) {
    for (const province of provinces) this.addProvince(province);
  }

  /** Regions written exactly this way (of this kind, when given); undefined when there are none. */
  exact(key: string, kind?: RegionKind): Region[] | undefined {
    return nonEmpty(ofKind(this.exactKeys.get(key) ?? [], kind));
  }

  /**
   * Regions whose name is nearest to a mistyped key, within the tolerance for its length; undefined when
   * none is near enough or two different names are equally near (a guess would then be a coin toss).
   */
  nearest(key: string, kind?: RegionKind): Region[] | undefined {
    const tolerance = typoTolerance(key.length);
    if (tolerance === 0) return undefined;
    let best = tolerance + 1;
    let groups: Region[][] = [];
    for (const [candidate, regions] of this.tolerantKeys) {
      const wanted = ofKind(regions, kind);
      if (wanted.length === 0) continue;
      const distance = boundedEditDistance(key, candidate, Math.min(tolerance, best));
      if (distance < best) {
        best = distance;
        groups = [wanted];
      } else if (distance === best) {
        groups.push(wanted);
      }
    }
    const found = [...new Set(groups.flat())];
    // Several spellings of the same region(s) tie harmlessly ("Pasir", "Paser"); different regions do not.
    return groups.every((g) => g.length === found.length) ? nonEmpty(found) : undefined;
  }

  private addProvince(record: ProvinceRecord): void {
    const byName = new Map<string, Region>();
    const add = (kind: RegionKind, base: string) => {
      const region: Region = { kind, name: `${KIND_PREFIX[kind]} ${base}`, province: record.name, zone: record.zone };
      byName.set(region.name, region);
      this.addForm(base, region, true);
    };
    add('province', record.name);
    for (const name of record.regencies) add('regency', name);
    for (const name of record.cities) add('city', name);
    for (const [forms, tolerant] of [
      [record.abbreviations, false],
      [record.spellings, true],
    ] as const) {
      for (const [name, written] of Object.entries(forms ?? {})) {
        const region = byName.get(name);
        if (!region) throw new Error(`Region data for ${record.name} gives other forms of "${name}", which is not one of its regions`);
        for (const form of written) this.addForm(form, region, tolerant);
      }
    }
  }

  private addForm(form: string, region: Region, tolerant: boolean): void {
    const key = regionKey(regionWords(form));
    addTo(this.exactKeys, key, region);
    if (tolerant) addTo(this.tolerantKeys, key, region);
  }
}

function addTo(map: Map<string, Region[]>, key: string, region: Region): void {
  const list = map.get(key);
  if (!list) map.set(key, [region]);
  else if (!list.includes(region)) list.push(region);
}

function ofKind(regions: Region[], kind: RegionKind | undefined): Region[] {
  return kind === undefined ? regions : regions.filter((r) => r.kind === kind);
}

function nonEmpty(regions: Region[]): Region[] | undefined {
  return regions.length > 0 ? regions : undefined;
}
