import type { IndexedChunk } from '../index/indexed-chunk.js';

/** A regulation's name as citations write it: "PP 38/2017", "UU 23/2014", "Permen PANRB 91/2021". */
const REGULATION = '(?:[A-Z][A-Za-z]*\\s+){1,2}\\d+\\/\\d{4}';
/** A Pasal number, whole: "23", "6A" (not the start of "23a" or "1234"). */
const PASAL = '(\\d{1,3}[A-Z]?)(?![0-9A-Za-z])';

/**
 * "… diatur dalam PP 38/2017 Pasal 23", "berlaku Pasal 30 ayat (2)", "sebagaimana dimaksud dalam Pasal 52":
 * a phrase that hands part of the matter to another article, with the article it names (the regulation
 * when given). A mention after "menurut" or in brackets only says where something comes from, and "tidak
 * diatur dalam …" hands nothing on: neither is read. A Pasal followed by a regulation's name ("Pasal 5
 * Permendagri 104/2018") is that regulation's, not the passage's own: deferralsOf skips it. What follows
 * the first article ("ayat (1) dan (2)", "Pasal 8 sampai dengan Pasal 12") is read by `listed`.
 */
const DEFERRAL_RE = new RegExp(
  `(?<!\\btidak\\s)\\b(?:(?:diatur|dirinci|dijabarkan|diuraikan|dijelaskan|diterangkan)(?: lebih lanjut)? (?:dalam|pada|di)|berlaku|mengikuti|(?:tercantum|terdapat) (?:dalam|di|pada)|sebagaimana dimaksud (?:dalam|pada))\\s+(?:(${REGULATION})\\s+)?(Penjelasan\\s+)?Pasal\\s+${PASAL}(?:\\s+ayat\\s+\\((\\d{1,2})\\))?`,
  'gi',
);

/** Right after the article: the name of the regulation it belongs to. */
const OWNED_RE = new RegExp(`^\\s+${REGULATION}`);

/** More ayat of the same Pasal ("dan (2)", "dan ayat (3)", ", (4)") or a range up to a later Pasal. */
const MORE_AYAT_RE = /^(?:\s*(?:,|dan|serta)\s*(?:ayat\s*)?\((\d{1,2})\))/i;
const RANGE_RE = new RegExp(`^\\s+(?:sampai(?:\\s+dengan)?|hingga|s\\.d\\.)\\s+(?:ayat\\s+\\((\\d{1,2})\\)|Pasal\\s+${PASAL})`, 'i');

/**
 * An article a passage defers to: its regulation (the passage's own when not named), Pasal and maybe ayat,
 * or the Penjelasan of it ("diuraikan dalam PP 38/2017 Penjelasan Pasal 23 huruf b").
 */
export interface Deferral {
  regulation: string | null;
  pasal: string;
  ayat?: string;
  penjelasan?: boolean;
}

/** The articles a passage's text defers to, in order of mention, other than its own unit. */
export function deferralsOf(chunk: IndexedChunk): Deferral[] {
  const out: Deferral[] = [];
  for (const m of chunk.text.matchAll(DEFERRAL_RE)) {
    const after = chunk.text.slice(m.index! + m[0].length);
    if (!m[1] && OWNED_RE.test(after)) continue;
    const regulation = m[1] ?? chunk.regulation ?? null;
    const pasal = m[3]!.toUpperCase();
    for (const d of listed(regulation, pasal, m[4], after)) {
      const deferral = m[2] ? { ...d, penjelasan: true } : d;
      if (!isUnitOf(chunk, deferral)) out.push(deferral);
    }
  }
  return out;
}

/** The first article named and those listed after it: more ayat of its Pasal, or every Pasal up to the range's end. */
function listed(regulation: string | null, pasal: string, ayat: string | undefined, after: string): Deferral[] {
  const first: Deferral = { regulation, pasal, ...(ayat ? { ayat } : {}) };
  const out = [first];
  let rest = after;
  for (let more = MORE_AYAT_RE.exec(rest); ayat && more; more = MORE_AYAT_RE.exec(rest)) {
    out.push({ regulation, pasal, ayat: more[1]! });
    rest = rest.slice(more[0].length);
  }
  const range = RANGE_RE.exec(rest);
  if (range?.[1] && ayat) {
    for (let n = Number(ayat) + 1; n <= Number(range[1]) && n - Number(ayat) <= MAX_RANGE; n += 1) out.push({ regulation, pasal, ayat: String(n) });
  } else if (range?.[2] && /^\d+$/.test(pasal) && /^\d+$/.test(range[2])) {
    for (let n = Number(pasal) + 1; n <= Number(range[2]) && n - Number(pasal) <= MAX_RANGE; n += 1) out.push({ regulation, pasal: String(n) });
  }
  return out;
}

/** A range longer than this is a chapter, not a matter handed on: only its first article is read. */
const MAX_RANGE = 10;

/**
 * Whether a chunk is (part of) the article deferred to: the same regulation and Pasal, and the ayat when one
 * is named; a Penjelasan for a deferral to one, the body otherwise.
 */
export function isUnitOf(chunk: IndexedChunk, deferral: Deferral): boolean {
  return (
    Boolean(chunk.penjelasan) === Boolean(deferral.penjelasan) &&
    (chunk.regulation ?? null) === deferral.regulation &&
    (chunk.pasal ?? '').toUpperCase() === deferral.pasal &&
    (deferral.ayat === undefined || chunk.ayat === deferral.ayat)
  );
}

/**
 * Whether a passage defers to (a unit of) the target passage. Asked of the best passage on every answer, so
 * the text is read with the pattern only when it mentions the target's Pasal number at all (any case).
 */
export function defersTo(chunk: IndexedChunk, target: IndexedChunk): boolean {
  if (!target.pasal) return false;
  const number = target.pasal.toLowerCase();
  if (!chunk.text.toLowerCase().includes(number) && !rangesOver(chunk.text)) return false;
  return deferralsOf(chunk).some((d) => isUnitOf(target, d));
}

/** A text with a range of articles ("Pasal 8 sampai dengan Pasal 12") may name the target without its number. */
function rangesOver(text: string): boolean {
  return /\b(?:sampai|hingga|s\.d\.)\b/i.test(text);
}
