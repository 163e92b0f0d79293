import type { Zone } from './zones.js';

export type RegionKind = 'province' | 'regency' | 'city';

/** One province, kabupaten or kota, named in full: "Provinsi Jawa Timur", "Kabupaten Bantul", "Kota Makassar". */
export interface Region {
  readonly kind: RegionKind;
  readonly name: string;
  /** The province's name without "Provinsi" ("DI Yogyakarta"); for a province, its own name. */
  readonly province: string;
  readonly zone: Zone;
}

/** What `matchRegion` understood from free text. */
export interface RegionMatch {
  kind: RegionKind;
  /** Canonical full name: "Kabupaten Bantul", "Kota Makassar", "Provinsi Nusa Tenggara Timur". */
  name: string;
  province: string;
  /** Absent only when the candidates lie in different zones (Banjar: a kota in Jawa Barat, a kabupaten in Kalimantan Selatan). */
  zone?: Zone;
  /** The other regions the text could mean, by canonical name; absent when it names one region. */
  ambiguous?: string[];
}

/** The word that starts a region's full name. */
export const KIND_PREFIX: Readonly<Record<RegionKind, string>> = { province: 'Provinsi', regency: 'Kabupaten', city: 'Kota' };
