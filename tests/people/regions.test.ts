import { describe, expect, it } from 'vitest';
import { createRegionMatcher, matchRegion } from '../../src/people/regions/match-region.js';
import { PROVINCES, type ProvinceRecord } from '../../src/people/regions/provinces.js';
import type { RegionMatch } from '../../src/people/regions/region.js';
import { ZONES, zoneLabel, type Zone } from '../../src/people/regions/zones.js';

const WIB: Zone = 'Asia/Jakarta';
const WITA: Zone = 'Asia/Makassar';
const WIT: Zone = 'Asia/Jayapura';

function regency(name: string, province: string, zone: Zone): RegionMatch {
  return { kind: 'regency', name: `Kabupaten ${name}`, province, zone };
}
function city(name: string, province: string, zone: Zone): RegionMatch {
  return { kind: 'city', name: `Kota ${name}`, province, zone };
}
function province(name: string, zone: Zone): RegionMatch {
  return { kind: 'province', name: `Provinsi ${name}`, province: name, zone };
}

describe('matchRegion', () => {
  it.each<[string, RegionMatch]>([
    // The ways people write a kabupaten.
    ['Kab. Bantul', regency('Bantul', 'DI Yogyakarta', WIB)],
    ['kabupaten bantul', regency('Bantul', 'DI Yogyakarta', WIB)],
    ['Pemkab Bantul', regency('Bantul', 'DI Yogyakarta', WIB)],
    ['Pemerintah Daerah Kabupaten Sleman', regency('Sleman', 'DI Yogyakarta', WIB)],
    ['KABUPATEN BANYUWANGI', regency('Banyuwangi', 'Jawa Timur', WIB)],
    ['Kab Kep. Seribu', regency('Kepulauan Seribu', 'DKI Jakarta', WIB)],
    ['Kab. Adm. Kepulauan Seribu', regency('Kepulauan Seribu', 'DKI Jakarta', WIB)],
    ['Kabupaten Bogor', regency('Bogor', 'Jawa Barat', WIB)],
    ['Lima Puluh Kota', regency('Lima Puluh Kota', 'Sumatera Barat', WIB)],
    ['Kab. 50 Kota', regency('Lima Puluh Kota', 'Sumatera Barat', WIB)],
    ['Kota Baru', regency('Kotabaru', 'Kalimantan Selatan', WITA)],
    ['Kab. Mimika', regency('Mimika', 'Papua Tengah', WIT)],
    ['Merauke', regency('Merauke', 'Papua Selatan', WIT)],
    ['Pegunungan Arfak', regency('Pegunungan Arfak', 'Papua Barat', WIT)],
    ['Raja Ampat', regency('Raja Ampat', 'Papua Barat Daya', WIT)],
    ['Jayawijaya', regency('Jayawijaya', 'Papua Pegunungan', WIT)],
    ['Kabupaten Tojo Una Una', regency('Tojo Una-Una', 'Sulawesi Tengah', WITA)],
    ['Tolitoli', regency('Toli-Toli', 'Sulawesi Tengah', WITA)],
    ['Gunung Kidul', regency('Gunungkidul', 'DI Yogyakarta', WIB)],
    ['Kapuas Hulu', regency('Kapuas Hulu', 'Kalimantan Barat', WIB)],
    ['Kapuas', regency('Kapuas', 'Kalimantan Tengah', WIB)],
    ['Badung', regency('Badung', 'Bali', WITA)],
    // The ways people write a kota.
    ['kota makassar', city('Makassar', 'Sulawesi Selatan', WITA)],
    ['Makassar', city('Makassar', 'Sulawesi Selatan', WITA)],
    ['Pemkot Surabaya', city('Surabaya', 'Jawa Timur', WIB)],
    ['kotamadya medan', city('Medan', 'Sumatera Utara', WIB)],
    ['Kota Jayapura', city('Jayapura', 'Papua', WIT)],
    ['Kota Administrasi Jakarta Selatan', city('Jakarta Selatan', 'DKI Jakarta', WIB)],
    ['Pemkot Ambon', city('Ambon', 'Maluku', WIT)],
    ['Kota Tidore', city('Tidore Kepulauan', 'Maluku Utara', WIT)],
    ['Ternate', city('Ternate', 'Maluku Utara', WIT)],
    ['Pare-Pare', city('Parepare', 'Sulawesi Selatan', WITA)],
    ['Bau Bau', city('Baubau', 'Sulawesi Tenggara', WITA)],
    ['Palangkaraya', city('Palangka Raya', 'Kalimantan Tengah', WIB)],
    ['Denpasar', city('Denpasar', 'Bali', WITA)],
    ['Tarakan', city('Tarakan', 'Kalimantan Utara', WITA)],
    ['Solo', city('Surakarta', 'Jawa Tengah', WIB)],
    ['Ujung Pandang', city('Makassar', 'Sulawesi Selatan', WITA)],
    ['Pematang Siantar', city('Pematangsiantar', 'Sumatera Utara', WIB)],
    // Provinces, with and without their prefix.
    ['Prov. NTT', province('Nusa Tenggara Timur', WITA)],
    ['Sulsel', province('Sulawesi Selatan', WITA)],
    ['DIY', province('DI Yogyakarta', WIB)],
    ['D.I. Yogyakarta', province('DI Yogyakarta', WIB)],
    ['Pemprov Jatim', province('Jawa Timur', WIB)],
    ['PROVINSI JAWA TENGAH', province('Jawa Tengah', WIB)],
    ['Pemprov DKI', province('DKI Jakarta', WIB)],
    ['Jakarta', province('DKI Jakarta', WIB)],
    ['Sumatra Utara', province('Sumatera Utara', WIB)],
    ['Kep. Riau', province('Kepulauan Riau', WIB)],
    ['Babel', province('Kepulauan Bangka Belitung', WIB)],
    ['Kalbar', province('Kalimantan Barat', WIB)],
    ['Kaltara', province('Kalimantan Utara', WITA)],
    ['Malut', province('Maluku Utara', WIT)],
    ['Papua Barat Daya', province('Papua Barat Daya', WIT)],
    ['Prov Papua Pegunungan', province('Papua Pegunungan', WIT)],
    ['Papua Selatan', province('Papua Selatan', WIT)],
    // Short forms of kabupaten and kota.
    ['Kab. Tapsel', regency('Tapanuli Selatan', 'Sumatera Utara', WIB)],
    ['OKU Timur', regency('Ogan Komering Ulu Timur', 'Sumatera Selatan', WIB)],
    ['Kukar', regency('Kutai Kartanegara', 'Kalimantan Timur', WITA)],
    ['TTS', regency('Timor Tengah Selatan', 'Nusa Tenggara Timur', WITA)],
    ['Kab. Pangkep', regency('Pangkajene dan Kepulauan', 'Sulawesi Selatan', WITA)],
    ['Halut', regency('Halmahera Utara', 'Maluku Utara', WIT)],
    ['Tangsel', city('Tangerang Selatan', 'Banten', WIB)],
    // Former names.
    ['Maluku Tenggara Barat', regency('Kepulauan Tanimbar', 'Maluku', WIT)],
    ['Mamuju Utara', regency('Pasangkayu', 'Sulawesi Barat', WITA)],
    ['Toba Samosir', regency('Toba', 'Sumatera Utara', WIB)],
  ])('reads %j', (text, expected) => {
    expect(matchRegion(text)).toEqual(expected);
  });

  it.each<[string, RegionMatch]>([
    ['Makasar', city('Makassar', 'Sulawesi Selatan', WITA)],
    ['Banyuwang', regency('Banyuwangi', 'Jawa Timur', WIB)],
    ['Kabupaten Bantl', regency('Bantul', 'DI Yogyakarta', WIB)],
    ['Lombok Tenga', regency('Lombok Tengah', 'Nusa Tenggara Barat', WITA)],
    ['Provinsi Jawa Timr', province('Jawa Timur', WIB)],
    ['Kabupatn Bogor', regency('Bogor', 'Jawa Barat', WIB)],
    ['Kota Balikpapn', city('Balikpapan', 'Kalimantan Timur', WITA)],
    ['Jayawijya', regency('Jayawijaya', 'Papua Pegunungan', WIT)],
  ])('forgives the typo in %j', (text, expected) => {
    expect(matchRegion(text)).toEqual(expected);
  });

  it('guesses no region for a typo equally near two names, or in a short word', () => {
    expect(matchRegion('Sebang')).toBeUndefined(); // Sabang or Serang
    expect(matchRegion('Kota Cilebon')).toBeUndefined(); // Cilegon or Cirebon
    expect(matchRegion('Bogr')).toBeUndefined();
    expect(matchRegion('Jatin')).toBeUndefined(); // abbreviations are matched only as typed
  });

  it('returns the kota when a bare name is also a kabupaten, and names the kabupaten as the alternative', () => {
    expect(matchRegion('Bogor')).toEqual({ ...city('Bogor', 'Jawa Barat', WIB), ambiguous: ['Kabupaten Bogor'] });
    expect(matchRegion('jayapura')).toEqual({ ...city('Jayapura', 'Papua', WIT), ambiguous: ['Kabupaten Jayapura'] });
    expect(matchRegion('Kupang')).toEqual({ ...city('Kupang', 'Nusa Tenggara Timur', WITA), ambiguous: ['Kabupaten Kupang'] });
    expect(matchRegion('Tasik')).toEqual({ ...city('Tasikmalaya', 'Jawa Barat', WIB), ambiguous: ['Kabupaten Tasikmalaya'] });
    for (const name of ['Bandung', 'Malang', 'Bekasi', 'Tangerang', 'Semarang', 'Madiun', 'Kediri', 'Solok', 'Sorong', 'Bima']) {
      const found = matchRegion(name);
      expect(found?.kind, name).toBe('city');
      expect(found?.ambiguous, name).toEqual([`Kabupaten ${name}`]);
      expect(found?.zone, name).toBeDefined();
    }
  });

  it('returns the province when a bare name is also its capital, with the kota (and kabupaten) as alternatives', () => {
    expect(matchRegion('Jambi')).toEqual({ ...province('Jambi', WIB), ambiguous: ['Kota Jambi'] });
    expect(matchRegion('Jogja')).toEqual({ ...province('DI Yogyakarta', WIB), ambiguous: ['Kota Yogyakarta'] });
    expect(matchRegion('Gorontalo')).toEqual({ ...province('Gorontalo', WITA), ambiguous: ['Kota Gorontalo', 'Kabupaten Gorontalo'] });
    expect(matchRegion('Kota Jogja')).toEqual(city('Yogyakarta', 'DI Yogyakarta', WIB));
  });

  it('leaves the zone out when the candidates lie in different zones', () => {
    expect(matchRegion('Banjar')).toEqual({ kind: 'city', name: 'Kota Banjar', province: 'Jawa Barat', ambiguous: ['Kabupaten Banjar'] });
    expect(matchRegion('Kabupaten Banjar')).toEqual(regency('Banjar', 'Kalimantan Selatan', WITA));
  });

  it('lets a province after the name settle the choice, with or without a comma', () => {
    expect(matchRegion('Banjar, Kalsel')).toEqual(regency('Banjar', 'Kalimantan Selatan', WITA));
    expect(matchRegion('Banjar Jawa Barat')).toEqual(city('Banjar', 'Jawa Barat', WIB));
    expect(matchRegion('Banjar, Kalimantan Selatan, Indonesia')).toEqual(regency('Banjar', 'Kalimantan Selatan', WITA));
    expect(matchRegion('Sleman DIY')).toEqual(regency('Sleman', 'DI Yogyakarta', WIB));
    expect(matchRegion('Makasar, Provinsi Sulawesi Selatan')).toEqual(city('Makassar', 'Sulawesi Selatan', WITA));
    // A province that contradicts the name, or words that are no province, change nothing.
    expect(matchRegion('Bantul, Jawa Timur')).toEqual(regency('Bantul', 'DI Yogyakarta', WIB));
    expect(matchRegion('Bantul, Indonesia')).toEqual(regency('Bantul', 'DI Yogyakarta', WIB));
  });

  it('finds the only region of a name even when the text gives the wrong kind', () => {
    expect(matchRegion('Kota Sleman')).toEqual(regency('Sleman', 'DI Yogyakarta', WIB));
    expect(matchRegion('Kota Bandung Barat')).toEqual(regency('Bandung Barat', 'Jawa Barat', WIB));
  });

  it.each(['kantor saya', 'halo', '', '   ', 'Kota', 'Kabupaten', 'Dinas Kesehatan', 'saya tinggal di bantul yogyakarta', 'Kecamatan'])(
    'returns undefined for %j, which names no region',
    (text) => {
      expect(matchRegion(text)).toBeUndefined();
    },
  );
});

describe('zones', () => {
  it('lists the three zones west to east and labels each as Indonesians write it', () => {
    expect(ZONES).toEqual([WIB, WITA, WIT]);
    expect(ZONES.map(zoneLabel)).toEqual(['WIB', 'WITA', 'WIT']);
  });
});

describe('createRegionMatcher', () => {
  it('matches against the provinces it is given', () => {
    const only: ProvinceRecord = { name: 'Bali', zone: WITA, regencies: ['Badung'], cities: ['Denpasar'] };
    const match = createRegionMatcher([only]);
    expect(match('Denpasar')).toEqual(city('Denpasar', 'Bali', WITA));
    expect(match('Bantul')).toBeUndefined();
  });

  it('refuses data that gives other forms of a region the province does not have', () => {
    const broken: ProvinceRecord = { name: 'Bali', zone: WITA, regencies: [], cities: [], spellings: { 'Kota Denpasar': ['Badung'] } };
    expect(() => createRegionMatcher([broken])('Bali')).toThrow(/Kota Denpasar/);
  });
});

// ---- The data ----

/** Kabupaten and kota per province as of 2024, written down apart from the data so a slip in either shows. */
const EXPECTED_COUNTS: Record<string, [regencies: number, cities: number, zone: string]> = {
  Aceh: [18, 5, 'WIB'],
  'Sumatera Utara': [25, 8, 'WIB'],
  'Sumatera Barat': [12, 7, 'WIB'],
  Riau: [10, 2, 'WIB'],
  Jambi: [9, 2, 'WIB'],
  'Sumatera Selatan': [13, 4, 'WIB'],
  Bengkulu: [9, 1, 'WIB'],
  Lampung: [13, 2, 'WIB'],
  'Kepulauan Bangka Belitung': [6, 1, 'WIB'],
  'Kepulauan Riau': [5, 2, 'WIB'],
  'DKI Jakarta': [1, 5, 'WIB'],
  'Jawa Barat': [18, 9, 'WIB'],
  'Jawa Tengah': [29, 6, 'WIB'],
  'DI Yogyakarta': [4, 1, 'WIB'],
  'Jawa Timur': [29, 9, 'WIB'],
  Banten: [4, 4, 'WIB'],
  Bali: [8, 1, 'WITA'],
  'Nusa Tenggara Barat': [8, 2, 'WITA'],
  'Nusa Tenggara Timur': [21, 1, 'WITA'],
  'Kalimantan Barat': [12, 2, 'WIB'],
  'Kalimantan Tengah': [13, 1, 'WIB'],
  'Kalimantan Selatan': [11, 2, 'WITA'],
  'Kalimantan Timur': [7, 3, 'WITA'],
  'Kalimantan Utara': [4, 1, 'WITA'],
  'Sulawesi Utara': [11, 4, 'WITA'],
  Gorontalo: [5, 1, 'WITA'],
  'Sulawesi Tengah': [12, 1, 'WITA'],
  'Sulawesi Barat': [6, 0, 'WITA'],
  'Sulawesi Selatan': [21, 3, 'WITA'],
  'Sulawesi Tenggara': [15, 2, 'WITA'],
  Maluku: [9, 2, 'WIT'],
  'Maluku Utara': [8, 2, 'WIT'],
  Papua: [8, 1, 'WIT'],
  'Papua Barat': [7, 0, 'WIT'],
  'Papua Barat Daya': [5, 1, 'WIT'],
  'Papua Tengah': [8, 0, 'WIT'],
  'Papua Pegunungan': [8, 0, 'WIT'],
  'Papua Selatan': [4, 0, 'WIT'],
};

/** Every full name with every other way the data writes it. */
function allForms(): { region: string; form: string }[] {
  return PROVINCES.flatMap((p) => {
    const names = [`Provinsi ${p.name}`, ...p.regencies.map((r) => `Kabupaten ${r}`), ...p.cities.map((c) => `Kota ${c}`)];
    const bare = names.map((region) => ({ region, form: region.replace(/^(Provinsi|Kabupaten|Kota) /, '') }));
    const others = [p.abbreviations, p.spellings].flatMap((forms) =>
      Object.entries(forms ?? {}).flatMap(([region, written]) => written.map((form) => ({ region, form }))),
    );
    return [...names.map((region) => ({ region, form: region })), ...bare, ...others];
  });
}

describe('region data', () => {
  it('holds the 38 provinces of 2024, each once, with the zone of its island group', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(38);
    expect(Object.fromEntries(PROVINCES.map((p) => [p.name, zoneLabel(p.zone)]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_COUNTS).map(([name, [, , zone]]) => [name, zone])),
    );
  });

  it('holds as many kabupaten and kota per province as there are, 416 and 98 in all', () => {
    expect(Object.fromEntries(PROVINCES.map((p) => [p.name, [p.regencies.length, p.cities.length]]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_COUNTS).map(([name, [regencies, cities]]) => [name, [regencies, cities]])),
    );
    const regencies = PROVINCES.reduce((sum, p) => sum + p.regencies.length, 0);
    const cities = PROVINCES.reduce((sum, p) => sum + p.cities.length, 0);
    expect([regencies, cities]).toEqual([416, 98]);
  });

  it('names every kabupaten and every kota once in the country', () => {
    for (const kind of ['regencies', 'cities'] as const) {
      const names = PROVINCES.flatMap((p) => p[kind]);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    }
  });

  it('finds every region by its full name, its bare name and every abbreviation and spelling in the data', () => {
    const misses = allForms().filter(({ region, form }) => {
      const found = matchRegion(form);
      return !found || (found.name !== region && !found.ambiguous?.includes(region));
    });
    expect(misses).toEqual([]);
  });

  it('shares a written form only between namesakes, or between a province and a region in it', () => {
    const bad = allForms().flatMap(({ form }) => {
      const found = matchRegion(form);
      if (!found?.ambiguous) return [];
      const bare = (name: string) => name.replace(/^(Provinsi|Kabupaten|Kota) /, '');
      const namesakes = found.ambiguous.every((other) => bare(other) === bare(found.name));
      const sameProvince = found.kind === 'province' && found.ambiguous.every((other) => matchRegion(other)?.province === found.province);
      return namesakes || sameProvince ? [] : [{ form, found }];
    });
    expect(bad).toEqual([]);
  });
});
