import { regulationType } from '../analysis/legal-refs.js';

/**
 * Finds the legal addresses a written answer names, in the forms people and models write them: short
 * ("PP 38/2017 Pasal 7 ayat (2)", "Permen PANRB 91/2021") or long ("Peraturan Pemerintah Nomor 38 Tahun 2017
 * Pasal 7"), in any letter case, with the Pasal before or after the regulation ("Pasal 388 UU 23/2014").
 * The citation check compares what is found here with the passages the model was given.
 */

/** Which regulation a name means: kind and number, and the year when written. */
export interface RegulationRef {
  kind: string;
  number: string;
  year?: string;
}

/** One legal mention in a text, with its place so it can be kept, repaired or removed. */
export interface LegalMention {
  start: number;
  end: number;
  text: string;
  regulation?: RegulationRef;
  /** Only set together with `pasal`; details of the article named. */
  pasal?: string;
  penjelasan?: boolean;
  ayat?: string;
  angka?: string;
  huruf?: string;
}

// Kinds named without a place or ministry. Longer phrases first, so the regex prefers them.
const NATIONAL_KINDS = [
  String.raw`peraturan\s+pemerintah\s+pengganti\s+undang[- ]undang`,
  'perppu',
  String.raw`undang[- ]undang`,
  'uu',
  String.raw`peraturan\s+pemerintah`,
  'pp',
  String.raw`peraturan\s+presiden`,
  'perpres',
  String.raw`keputusan\s+presiden`,
  'keppres',
  String.raw`instruksi\s+presiden`,
  'inpres',
  String.raw`peraturan\s+menteri\s+dalam\s+negeri`,
  String.raw`permen\s?dagri`,
  String.raw`keputusan\s+menteri\s+dalam\s+negeri`,
  'kepmendagri',
  String.raw`(?:peraturan|keputusan)\s+menteri\s+(?:pan[- ]?rb|pendayagunaan\s+aparatur\s+negara\s+dan\s+reformasi\s+birokrasi)`,
  String.raw`(?:permen|kepmen)\s?pan(?:[- ]?rb)?`,
];
// Kinds followed by a ministry or place ("Permenkes", "Perwal Lestari", "Peraturan Daerah Kota Bogor").
const QUALIFIED_KINDS = [
  String.raw`peraturan\s+menteri`,
  String.raw`keputusan\s+menteri`,
  String.raw`peraturan\s+kepala\s+daerah`,
  String.raw`peraturan\s+daerah`,
  String.raw`(?:peraturan|keputusan)\s+(?:gubernur|bupati|wali\s?kota)`,
  String.raw`permen[a-z]*`,
  String.raw`kepmen[a-z]*`,
  'pmk',
  'kmk',
  'perkada',
  'perda',
  'pergub',
  'perbup',
  'perwali?',
  'kepgub',
  'kepbup',
  'kepwal',
];
// Words that end a place or ministry name rather than continue it.
const NOT_QUALIFIER = String.raw`(?:nomor|no|nmr|tahun|thn|pasal|psl|ayat|dan|atau|serta|tentang|yang|sesuai|menurut|pada|dari|di|ke)\b`;
const REGULATION_RE = new RegExp(
  String.raw`\b(?:(?<national>${NATIONAL_KINDS.join('|')})|(?<qualified>${QUALIFIED_KINDS.join('|')})(?:\s+(?!${NOT_QUALIFIER})[a-z][a-z'-]*){0,5})` +
    String.raw`(?![a-z])(?:\s*\([a-z-]{2,12}\))?(?:\s+republik\s+indonesia)?` +
    String.raw`\s*(?<nomor>(?:nomor|no\.?|nmr\.?)\s*)?(?<number>\d{1,4}(?:[.-]\d+)*)` +
    String.raw`(?:\s*\/\s*(?<year>(?:19|20)\d{2})|\s+(?:tahun|thn\.?)\s+(?<longYear>(?:19|20)\d{2}))?(?![\w/])`,
  'gi',
);

const PASAL_RE = new RegExp(
  String.raw`\b(?:(?<penjelasan>penjelasan)\s+)?(?:pasal|psl\.?)\s*(?<pasal>\d{1,3}[a-z]?)(?!\w)` +
    String.raw`(?:\s+ayat\s*(?:\(\s*(?<ayat>\d{1,2}[a-z]?)\s*\)|(?<bareAyat>\d{1,2}[a-z]?)(?!\w)))?` +
    String.raw`(?:\s+angka\s+(?<angka>\d{1,3})(?!\w))?(?:\s+huruf\s+(?<huruf>[a-z]{1,2})(?!\w))?`,
  'gi',
);

/** What may stand between a regulation and its Pasal: "PP 38/2017 Pasal 7", "PP 38/2017, Pasal 7". */
const REG_THEN_PASAL = /^\s*,?\s*$/;
/** And between a Pasal and its regulation: "Pasal 7 PP 38/2017", "Pasal 7 dari PP 38/2017". */
const PASAL_THEN_REG = /^\s+(?:(?:dari|pada|dalam)\s+)?$/i;

interface Span<T> {
  start: number;
  end: number;
  value: T;
}

/** The regulation a name means, with kinds named as retrieval names them ("pp", "permenpanrb"). */
function regulationOf(kindText: string, number: string, year?: string): RegulationRef {
  const kind = kindText.toLowerCase().replace(/\s+/g, ' ');
  return { kind: regulationType(kind) ?? kindFamily(kind), number, ...(year ? { year } : {}) };
}

/**
 * Kinds the retrieval analyzer does not know, by family. A ministry's or a region's name is left out:
 * "Permenkes 5/2020" and "Peraturan Menteri Kesehatan Nomor 5 Tahun 2020" are the same regulation, and two
 * regulations of one family sharing number and year is too rare to matter for a citation check.
 */
function kindFamily(kind: string): string {
  if (/pendayagunaan aparatur|pan[- ]?rb|^(?:permen|kepmen) ?pan$/.test(kind)) return kind.startsWith('kep') ? 'kepmenpanrb' : 'permenpanrb';
  if (/^(?:peraturan pemerintah pengganti|perppu)/.test(kind)) return 'perppu';
  if (/^(?:keputusan presiden|keppres)$/.test(kind)) return 'keppres';
  if (/^(?:instruksi presiden|inpres)$/.test(kind)) return 'inpres';
  if (/^(?:peraturan menteri|permen|pmk)/.test(kind)) return 'permen';
  if (/^(?:keputusan menteri|kepmen|kmk)/.test(kind)) return 'kepmen';
  if (/^(?:peraturan kepala daerah|perkada)$/.test(kind)) return 'perkada';
  if (/^(?:peraturan gubernur|pergub)$/.test(kind)) return 'pergub';
  if (/^(?:peraturan bupati|perbup)$/.test(kind)) return 'perbup';
  if (/^(?:peraturan wali ?kota|perwali?)$/.test(kind)) return 'perwal';
  if (/^(?:keputusan gubernur|kepgub)$/.test(kind)) return 'kepgub';
  if (/^(?:keputusan bupati|kepbup)$/.test(kind)) return 'kepbup';
  if (/^(?:keputusan wali ?kota|kepwal)$/.test(kind)) return 'kepwal';
  return kind;
}

/** Whether two names mean the same regulation; a name without a year matches any year. */
export function sameRegulation(a: RegulationRef, b: RegulationRef): boolean {
  return a.kind === b.kind && a.number === b.number && (!a.year || !b.year || a.year === b.year);
}

function regulationSpans(text: string): Array<Span<{ ref: RegulationRef; complete: boolean }>> {
  return [...text.matchAll(REGULATION_RE)].map((m) => {
    const g = m.groups!;
    const year = g.year ?? g.longYear;
    const ref = regulationOf(g.national ?? g.qualified!, g.number!, year);
    // "UU 6" alone may be a loose number after an abbreviation; with a year or "Nomor" it is a name.
    return { start: m.index, end: m.index + m[0].length, value: { ref, complete: Boolean(year ?? g.nomor) } };
  });
}

/** The regulations a text names (with a year or "Nomor"), e.g. those of a context citation. */
export function regulationsIn(text: string): RegulationRef[] {
  return regulationSpans(text)
    .filter((s) => s.value.complete)
    .map((s) => s.value.ref);
}

/**
 * Every legal mention in `text`, in order. A Pasal takes the regulation written just before it, or else
 * one written just after it; a regulation left over is a mention of its own.
 */
export function findLegalMentions(text: string): LegalMention[] {
  const regulations = regulationSpans(text);
  const pasals = [...text.matchAll(PASAL_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, groups: m.groups! }));
  const taken = new Set<number>();
  const pairedWith = pasals.map((p) => {
    const before = regulations.findIndex((r) => r.end <= p.start && REG_THEN_PASAL.test(text.slice(r.end, p.start)));
    if (before >= 0) taken.add(before);
    return before >= 0 ? before : undefined;
  });
  pasals.forEach((p, i) => {
    if (pairedWith[i] !== undefined) return;
    const after = regulations.findIndex((r, j) => !taken.has(j) && r.start >= p.end && PASAL_THEN_REG.test(text.slice(p.end, r.start)));
    if (after >= 0) {
      taken.add(after);
      pairedWith[i] = after;
    }
  });
  const mentions: LegalMention[] = pasals.map((p, i) => {
    const reg = pairedWith[i] === undefined ? undefined : regulations[pairedWith[i]]!;
    const start = Math.min(p.start, reg?.start ?? p.start);
    const end = Math.max(p.end, reg?.end ?? p.end);
    const g = p.groups;
    const ayat = g.ayat ?? g.bareAyat;
    return {
      start,
      end,
      text: text.slice(start, end),
      ...(reg ? { regulation: reg.value.ref } : {}),
      pasal: g.pasal!.toLowerCase(),
      penjelasan: Boolean(g.penjelasan),
      ...(ayat ? { ayat: ayat.toLowerCase() } : {}),
      ...(g.angka ? { angka: g.angka } : {}),
      ...(g.huruf ? { huruf: g.huruf.toLowerCase() } : {}),
    };
  });
  regulations.forEach((r, j) => {
    if (!taken.has(j) && r.value.complete) mentions.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), regulation: r.value.ref });
  });
  return mentions.sort((a, b) => a.start - b.start);
}
