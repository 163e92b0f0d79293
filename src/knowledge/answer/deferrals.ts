import type { IndexedChunk } from '../index/indexed-chunk.js';

/**
 * "… diatur dalam PP 38/2017 Pasal 23", "berlaku Pasal 30 ayat (2)", "sebagaimana dimaksud dalam Pasal 52":
 * a phrase that hands part of the matter to another article, with the article it names (the regulation
 * when given, "PP 38/2017" or "Permen PANRB 91/2021"). A mention after "menurut" or in brackets only says
 * where something comes from; it leaves nothing open and is not read.
 */
const DEFERRAL_RE =
  /\b(?:diatur (?:dalam|pada|di)|berlaku|mengikuti|dirinci (?:dalam|di)|dijabarkan (?:dalam|di)|diuraikan (?:dalam|di)|tercantum (?:dalam|di)|sebagaimana dimaksud (?:dalam|pada))\s+(?:((?:[A-Z][A-Za-z]*\s+){1,2}\d+\/\d{4})\s+)?Pasal\s+(\d{1,3}[A-Z]?)(?:\s+ayat\s+\((\d{1,2})\))?/g;

/** An article a passage defers to: its regulation (the passage's own when not named), Pasal and maybe ayat. */
export interface Deferral {
  regulation: string | null;
  pasal: string;
  ayat?: string;
}

/** The articles a passage's text defers to, in order of mention, other than its own unit. */
export function deferralsOf(chunk: IndexedChunk): Deferral[] {
  const out: Deferral[] = [];
  for (const m of chunk.text.matchAll(DEFERRAL_RE)) {
    const deferral: Deferral = { regulation: m[1] ?? chunk.regulation ?? null, pasal: m[2]!.toUpperCase(), ...(m[3] ? { ayat: m[3] } : {}) };
    if (isUnitOf(chunk, deferral)) continue;
    out.push(deferral);
  }
  return out;
}

/** Whether a chunk is (part of) the article deferred to: the same regulation and Pasal, and the ayat when one is named. */
export function isUnitOf(chunk: IndexedChunk, deferral: Deferral): boolean {
  return (
    !chunk.penjelasan &&
    (chunk.regulation ?? null) === deferral.regulation &&
    (chunk.pasal ?? '').toUpperCase() === deferral.pasal &&
    (deferral.ayat === undefined || chunk.ayat === deferral.ayat)
  );
}

/**
 * Whether a passage defers to (a unit of) the target passage. Asked of the best passage on every answer, so
 * the text is read with the pattern only when it names the target's Pasal at all.
 */
export function defersTo(chunk: IndexedChunk, target: IndexedChunk): boolean {
  if (!target.pasal || !chunk.text.includes(`Pasal ${target.pasal}`)) return false;
  return deferralsOf(chunk).some((d) => isUnitOf(target, d));
}
