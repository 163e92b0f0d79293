import { parseCitation } from '../citation.js';
import { findLegalMentions, regulationsIn, sameRegulation, type LegalMention, type RegulationRef } from './legal-mentions.js';

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
/** What a removed mention becomes: the answer still reads, without a source it may not name. */
const REMOVED = 'ketentuan terkait';
/** Invisible characters a model (or text injected into its prompt) could hide a "Pasal" behind. */
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** A context passage's article, to compare mentions with. */
interface ContextArticle {
  citation: string;
  regulations: RegulationRef[];
  pasal: string;
  penjelasan: boolean;
  ayat?: string;
  angka?: string;
  huruf?: string;
}

/**
 * Keeps an LLM answer honest about its sources. Numbered markers must point at a passage that was given;
 * any article the text names must be one of the given passages' articles, and any regulation it names one
 * of theirs. An unknown marker is dropped. A named article is kept when a given passage has it (a bare
 * "Pasal N" may be of any given regulation, "PP 38/2017 Pasal N" must be of PP 38/2017); it is repaired to
 * the given citation of the same regulation and Pasal when only the ayat (or angka, huruf) differs or is
 * missing; otherwise it is removed, as is a named regulation no given passage belongs to. Matching
 * ignores letter case and reads long names ("Peraturan Pemerintah Nomor 38 Tahun 2017") like short ones.
 * The caller adds the resolved citations as the answer's basis.
 */
export function checkCitations(answer: string, contextCitations: readonly string[]): CitationCheckResult {
  const used: number[] = [];
  const marked = answer.replace(INVISIBLE_RE, '').replace(MARKER_RE, (_m, n: string) => {
    const i = Number(n);
    if (i < 1 || i > contextCitations.length) return '';
    if (!used.includes(i)) used.push(i);
    return `[${i}]`;
  });
  const articles = contextArticles(contextCitations);
  const regulations = contextCitations.flatMap(regulationsIn);
  const removed: string[] = [];
  const repaired: Array<{ from: string; to: string }> = [];
  let text = '';
  let at = 0;
  for (const mention of findLegalMentions(marked)) {
    const verdict = judge(mention, articles, regulations);
    let replacement = mention.text;
    if (verdict.kind === 'repair') {
      repaired.push({ from: mention.text, to: verdict.citation });
      replacement = verdict.citation;
    } else if (verdict.kind === 'remove') {
      removed.push(mention.text);
      replacement = REMOVED;
    }
    text += marked.slice(at, mention.start) + replacement;
    at = mention.end;
  }
  text += marked.slice(at);
  return { text: tidy(text), used, removed, repaired };
}

type Verdict = { kind: 'keep' } | { kind: 'repair'; citation: string } | { kind: 'remove' };

function judge(mention: LegalMention, articles: readonly ContextArticle[], regulations: readonly RegulationRef[]): Verdict {
  const named = mention.regulation;
  if (mention.pasal === undefined) {
    return named && regulations.some((r) => sameRegulation(named, r)) ? { kind: 'keep' } : { kind: 'remove' };
  }
  const samePasal = articles.filter((a) => a.pasal === mention.pasal && (!named || a.regulations.some((r) => sameRegulation(named, r))));
  if (samePasal.some((a) => sameDetails(mention, a))) return { kind: 'keep' };
  // Context order is rank order: the best passage of that Pasal is the likeliest meant.
  const best = samePasal[0];
  return best ? { kind: 'repair', citation: best.citation } : { kind: 'remove' };
}

function sameDetails(mention: LegalMention, article: ContextArticle): boolean {
  return (
    Boolean(mention.penjelasan) === article.penjelasan &&
    mention.ayat === article.ayat &&
    mention.angka === article.angka &&
    mention.huruf === article.huruf
  );
}

function contextArticles(citations: readonly string[]): ContextArticle[] {
  return citations.flatMap((citation) => {
    const parts = parseCitation(citation);
    if (!parts.pasal) return [];
    return [
      {
        citation,
        regulations: parts.regulation ? regulationsIn(parts.regulation) : [],
        pasal: parts.pasal.toLowerCase(),
        penjelasan: Boolean(parts.penjelasan),
        ...(parts.ayat ? { ayat: parts.ayat.toLowerCase() } : {}),
        ...(parts.angka ? { angka: parts.angka } : {}),
        ...(parts.huruf ? { huruf: parts.huruf.toLowerCase() } : {}),
      },
    ];
  });
}

/**
 * Readable Indonesian after markers and mentions were dropped: one "ketentuan terkait" for a list of
 * removed ones, a capital at the start of a sentence, no space before punctuation, no doubled comma.
 * Indentation of nested lists is kept.
 */
function tidy(text: string): string {
  return text
    .replace(new RegExp(`${REMOVED}(?:\\s*(?:,\\s*(?:dan|atau|serta)?|dan|atau|serta|jo\\.?|juncto)\\s*${REMOVED})+`, 'g'), REMOVED)
    .replace(new RegExp(`(^|[.!?]\\s+|\\n\\s*)${REMOVED}`, 'g'), (_m, before: string) => `${before}K${REMOVED.slice(1)}`)
    .replace(/(\S)[ \t]{2,}/g, '$1 ')
    .replace(/^[ \t](?=\S)/gm, '') // a dropped marker's space; indentation takes two or more
    .replace(/[ \t]+([.,;:!?)])/g, '$1')
    .replace(/\([ \t]+/g, '(')
    .replace(/([,;:])(?:[ \t]*\1)+/g, '$1')
    .trim();
}
