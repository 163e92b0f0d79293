import { parseCitation } from '../knowledge/citation.js';

/**
 * Whether a retrieved citation counts as a gold one, for any regulation and any practice note.
 *
 * Pasal citations match at Pasal level (ayat, angka, huruf and Penjelasan ignored) when their regulations
 * are the same "<jenis> N/YYYY" however each side spells it ("Permen PANRB 91/2021", "PermenPAN-RB No. 91
 * Tahun 2021", "Undang-Undang 25/2009" = "UU 25/2009"). A chunk whose document never said which regulation
 * it is (no regulation in its citation) matches on the Pasal alone.
 *
 * Sources without a Pasal (practice notes, FAQs, a regulation as a whole) have no canonical name, so they
 * match when they name compatible years (the same one, or none on either side) and either share an
 * acronym ("KIPP 2022 (KemenPAN-RB)" vs "KIPP 2022 (Kepmen PANRB 50/2022)") or most of their words.
 */
export function sameSource(retrieved: string, gold: string): boolean {
  const a = parseCitation(retrieved);
  const b = parseCitation(gold);
  if (a.pasal || b.pasal) {
    if (!a.pasal || !b.pasal || a.pasal.toUpperCase() !== b.pasal.toUpperCase()) return false;
    if (!a.regulation || !b.regulation) return true;
    return regulationKey(a.regulation) === regulationKey(b.regulation);
  }
  return sameLabel(a.label ?? retrieved, b.label ?? gold);
}

/** Jenis spellings that mean the same kind of regulation; keys are the spelling with spaces and dashes removed. */
const JENIS_ALIASES: Readonly<Record<string, string>> = {
  undangundang: 'uu',
  peraturanpemerintah: 'pp',
  peraturanpemerintahpenggantiundangundang: 'perppu',
  peraturanpresiden: 'perpres',
  peraturanmenteridalamnegeri: 'permendagri',
  permendagri: 'permendagri',
  permenpan: 'permenpanrb',
  permenpanrb: 'permenpanrb',
  peraturanmenteripanrb: 'permenpanrb',
  kepmenpan: 'kepmenpanrb',
  kepmenpanrb: 'kepmenpanrb',
};

/**
 * "<jenis> N/YYYY" in one spelling: "PP No. 38 Tahun 2017", "pp 38/2017" and "PP 38 2017" → "pp 38/2017".
 * A name without number and year is only normalised for case and spacing.
 */
export function regulationKey(name: string): string {
  const lower = name.toLowerCase().replace(/[–—]/g, '-');
  const m = /^(.*?)\s*(?:no\.?|nomor)?\s*(\d[\d.-]*)\s*(?:\/|\s+tahun\s+|\s+)\s*((?:19|20)\d\d)\s*$/.exec(lower.trim());
  if (!m) return lower.replace(/\s+/g, ' ').trim();
  const jenis = (m[1] ?? '').replace(/[^a-z]/g, '');
  return `${JENIS_ALIASES[jenis] ?? jenis} ${m[2]}/${m[3]}`;
}

const GENERIC_WORDS = new Set(['praktik', 'catatan', 'tentang', 'dan', 'atau', 'yang', 'tahun', 'untuk', 'dari', 'the']);

function sameLabel(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9/]+/g, ' ')
      .trim();
  if (norm(a) === norm(b)) return true;
  const years = (s: string) => new Set(s.match(/\b(?:19|20)\d{2}\b/g) ?? []);
  const ya = years(a);
  const yb = years(b);
  if (ya.size > 0 || yb.size > 0) {
    if (ya.size === 0 || yb.size === 0 || ![...ya].some((y) => yb.has(y))) return false;
  }
  const acronyms = (s: string) =>
    new Set((s.match(/\b[A-Z][A-Z-]{2,}\b/g) ?? []).flatMap((x) => x.split('-')).filter((x) => x.length >= 3));
  const acronymsA = acronyms(a);
  if ([...acronyms(b)].some((x) => acronymsA.has(x))) return true;
  const words = (s: string) =>
    new Set(
      norm(s)
        .split(' ')
        .filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w)),
    );
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared > 0 && shared * 2 >= Math.min(wa.size, wb.size);
}
