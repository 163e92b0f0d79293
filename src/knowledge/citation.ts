import type { CitationParts } from './types.js';

/**
 * Citation strings have one canonical form so that answers, the evaluation and the citation check
 * agree: `<regulation> [Penjelasan ]Pasal N[ ayat (M)][ angka K][ huruf x]`, e.g.
 * "PP 38/2017 Pasal 7 ayat (2)", "PP 38/2017 Penjelasan Pasal 7 ayat (2) huruf b",
 * "PP 38/2017 Pasal 1 angka 13". Content without a Pasal cites its document or topic ("Pedoman IID 2023").
 */
export function formatCitation(parts: CitationParts): string {
  if (!parts.pasal) {
    const base = [parts.regulation, parts.label].filter(Boolean).join(' ');
    return base || 'Basis pengetahuan Pandu';
  }
  let out = parts.regulation ? `${parts.regulation} ` : '';
  if (parts.penjelasan) out += 'Penjelasan ';
  out += `Pasal ${parts.pasal}`;
  if (parts.ayat) out += ` ayat (${parts.ayat})`;
  if (parts.angka) out += ` angka ${parts.angka}`;
  if (parts.huruf) out += ` huruf ${parts.huruf}`;
  return out;
}

const CITATION_RE =
  /^(?<regulation>.*?)\s*(?<penjelasan>Penjelasan\s+)?Pasal\s+(?<pasal>\d+[A-Z]?)(?:\s+ayat\s+\((?<ayat>\d+[a-z]?)\))?(?:\s+angka\s+(?<angka>\d+))?(?:\s+huruf\s+(?<huruf>[a-z]{1,2}))?\s*$/;

/** Parses a canonical citation string back into its parts; strings without a Pasal become a label. */
export function parseCitation(citation: string): CitationParts {
  const text = citation.trim().replace(/\s+/g, ' ');
  const m = CITATION_RE.exec(text);
  if (!m?.groups) return { label: text };
  const g = m.groups;
  const parts: CitationParts = { pasal: g.pasal };
  if (g.regulation) parts.regulation = g.regulation.trim();
  if (g.penjelasan) parts.penjelasan = true;
  if (g.ayat) parts.ayat = g.ayat;
  if (g.angka) parts.angka = g.angka;
  if (g.huruf) parts.huruf = g.huruf;
  return parts;
}

/**
 * The Pasal a citation belongs to ("PP 38/2017 Pasal 7"), ignoring ayat, angka, huruf and whether it is
 * the Penjelasan. Citations without a Pasal are their own key. Evaluation counts hits at this level.
 */
export function pasalKey(citation: string): string {
  const parts = parseCitation(citation);
  if (!parts.pasal) return normaliseLabel(citation);
  return `${parts.regulation ?? ''} Pasal ${parts.pasal}`.trim();
}

function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ');
}
