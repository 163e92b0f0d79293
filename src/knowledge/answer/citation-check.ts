import { parseCitation, pasalKey } from '../citation.js';

/** Citations that may appear in an answer: those of the passages the model was given. */
export interface CitationCheckResult {
  text: string;
  /** Context numbers ([n]) the text actually used, in first-use order. */
  used: number[];
  /** Article mentions that were not in the context and were removed or repaired. */
  removed: string[];
  repaired: Array<{ from: string; to: string }>;
}

const MARKER_RE = /\[(\d{1,2})\]/g;
const REG = '(?:UU|PP|Perpres|Permendagri|Permen PANRB|Kepmen PANRB|Perda|Perkada)\\s+\\d+\\/\\d{4}\\s+';
const MENTION_RE = new RegExp(
  `(?:${REG})?(?:Penjelasan\\s+)?Pasal\\s+\\d+[A-Z]?(?:\\s+ayat\\s+(?:\\(\\d+\\)|\\d+\\b))?(?:\\s+angka\\s+\\d+)?(?:\\s+huruf\\s+[a-z])?`,
  'g',
);

/**
 * Keeps an LLM answer honest about its sources. Numbered markers must point at a passage that was given;
 * any article the text names must be one of the given passages' articles. An unknown marker is dropped;
 * a named article outside the context is repaired to the given citation of the same Pasal (wrong ayat) or
 * removed. The caller adds the resolved citations as the answer's basis.
 */
export function checkCitations(answer: string, contextCitations: readonly string[]): CitationCheckResult {
  const used: number[] = [];
  let text = answer.replace(MARKER_RE, (_m, n: string) => {
    const i = Number(n);
    if (i < 1 || i > contextCitations.length) return '';
    if (!used.includes(i)) used.push(i);
    return `[${i}]`;
  });
  const removed: string[] = [];
  const repaired: Array<{ from: string; to: string }> = [];
  const allowed = new Set(contextCitations.map(normalise));
  const byPasal = new Map<string, string>();
  for (const c of contextCitations) {
    const parts = parseCitation(c);
    if (parts.pasal) {
      byPasal.set(pasalKey(c), c);
      byPasal.set(`Pasal ${parts.pasal}`, byPasal.get(`Pasal ${parts.pasal}`) ?? c);
    }
  }
  text = text.replace(MENTION_RE, (mention) => {
    const clean = normalise(mention);
    if (allowed.has(clean) || [...allowed].some((a) => a.endsWith(` ${clean}`))) return mention;
    const parts = parseCitation(clean);
    const key = parts.regulation ? pasalKey(clean) : `Pasal ${parts.pasal}`;
    const same = byPasal.get(key);
    if (same) {
      repaired.push({ from: mention, to: same });
      return same;
    }
    removed.push(mention);
    return 'ketentuan terkait';
  });
  text = text.replace(/[ \t]{2,}/g, ' ').replace(/\s+([.,;])/g, '$1').trim();
  return { text, used, removed, repaired };
}

/** One spacing, and "ayat 2" (as models often write it) in the canonical "ayat (2)". */
function normalise(citation: string): string {
  return citation
    .replace(/\s+/g, ' ')
    .replace(/\bayat (\d+)\b/g, 'ayat ($1)')
    .trim();
}
