/**
 * Legal addresses as tokens. "Pasal 7 ayat (2)", "PP 38/2017", "PP No. 38 Tahun 2017" must survive
 * tokenisation as units, or a question that names an article would match every text with a 7 and a 2.
 */

const REGULATION_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^(uu|undang undang|undang-undang)$/, 'uu'],
  [/^(pp|peraturan pemerintah)$/, 'pp'],
  [/^(perpres|peraturan presiden)$/, 'perpres'],
  [/^(permendagri|peraturan menteri dalam negeri|permen dagri)$/, 'permendagri'],
  [/^(permenpan|permenpanrb|permenpan rb|permen panrb|permen pan rb|peraturan menteri panrb|permen pan-rb|permenpan-rb)$/, 'permenpanrb'],
  [/^(kepmenpan|kepmenpanrb|kepmen panrb|kepmenpan rb|keputusan menteri panrb)$/, 'kepmenpanrb'],
  [/^(kepmendagri|keputusan menteri dalam negeri)$/, 'kepmendagri'],
  [/^(perda|peraturan daerah)$/, 'perda'],
  [/^(perkada|peraturan kepala daerah)$/, 'perkada'],
  [/^(pergub|peraturan gubernur)$/, 'pergub'],
  [/^(perbup|peraturan bupati)$/, 'perbup'],
  [/^(perwal|perwali|peraturan wali ?kota)$/, 'perwal'],
  [/^(perppu)$/, 'perppu'],
  [/^(permenkes|peraturan menteri kesehatan)$/, 'permenkes'],
  [/^(pmk|peraturan menteri keuangan)$/, 'pmk'],
  [/^(kepmen ?kes|kepmenkes)$/, 'kepmenkes'],
];

// A regional regulation names its region between kind and number ("Perbup Contoh 7/2021"): up to three
// words are allowed there, for those kinds only.
const REG_RE =
  /\b(uu|undang[- ]undang|pp|peraturan pemerintah|perppu|perpres|peraturan presiden|permendagri|permen dagri|peraturan menteri dalam negeri|permen ?pan[- ]?rb|permenpan(?:[- ]?rb)?|peraturan menteri panrb|kepmen ?pan[- ]?rb|kepmenpan(?:[- ]?rb)?|keputusan menteri panrb|kepmendagri|keputusan menteri dalam negeri|permenkes|peraturan menteri kesehatan|pmk|peraturan menteri keuangan|kepmen ?kes|(?:perda|peraturan daerah|perkada|peraturan kepala daerah|pergub|peraturan gubernur|perbup|peraturan bupati|perwali?|peraturan wali ?kota)(?:\s+(?!no\b|nomor\b)[a-z]+){0,3}?)\.?\s*(?:no\.?|nomor|nmr|nr\.?)?\s*(\d{1,4})(?:\s*(?:\/|tahun|thn|th\.?)\s*(\d{4})|\s+((?:19|20)\d{2})(?!\d))?/g;

const PASAL_RE = /\b(?:pasal|psl)\.?\s*(\d{1,3}[a-z]?)\b(?:\s*(?:ayat|ay\.?)\s*\(?\s*(\d{1,2})\s*\)?)?/g;

export interface LegalRefs {
  /** e.g. "reg:pp:38", "reg:pp:38:2017" */
  regulations: string[];
  /** e.g. "pasal:7", "pasal:7:2" */
  pasal: string[];
  /** regulation-qualified article tokens, e.g. "ref:pp38:7", "ref:pp38:7:2" (only when both are named) */
  qualified: string[];
}

/** The kind of regulation a written name means ("peraturan pemerintah" → "pp"), if it is one we know. */
export function regulationType(raw: string): string | undefined {
  const key = raw.replace(/\s+/g, ' ').trim();
  return REGULATION_TYPES.find(([re]) => re.test(key))?.[1];
}

/** Finds regulation and article references in lower-cased text. */
export function extractLegalRefs(lower: string): LegalRefs {
  // Every reference has a number: most texts (and questions) have none, and need no pattern run over them.
  if (!/\d/.test(lower)) return { regulations: [], pasal: [], qualified: [] };
  const regulations: string[] = [];
  const regKeys: string[] = [];
  for (const m of lower.matchAll(REG_RE)) {
    const type = regulationType(m[1] ?? '') ?? regulationType(/^\S+(?:\s+(?:daerah|kepala daerah|gubernur|bupati|wali ?kota))?/.exec(m[1] ?? '')?.[0] ?? '');
    if (!type || !m[2]) continue;
    regulations.push(`reg:${type}:${m[2]}`);
    // The analyzer sees "PP 38/2017" as "pp 38 2017" (punctuation is gone), so a bare year also counts.
    const year = m[3] ?? m[4];
    if (year) regulations.push(`reg:${type}:${m[2]}:${year}`);
    regKeys.push(`${type}${m[2]}`);
  }
  const pasal: string[] = [];
  const qualified: string[] = [];
  for (const m of lower.matchAll(PASAL_RE)) {
    const n = m[1];
    if (!n) continue;
    pasal.push(`pasal:${n}`);
    if (m[2]) pasal.push(`pasal:${n}:${m[2]}`);
    // Only one regulation named: every article mentioned belongs to it.
    if (regKeys.length === 1) {
      qualified.push(`ref:${regKeys[0]}:${n}`);
      if (m[2]) qualified.push(`ref:${regKeys[0]}:${n}:${m[2]}`);
    }
  }
  return { regulations: unique(regulations), pasal: unique(pasal), qualified: unique(qualified) };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
