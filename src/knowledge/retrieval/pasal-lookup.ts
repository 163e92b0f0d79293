import { NON_ASCII } from '../analysis/analyzer.js';
import { QuestionText } from './question-text.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import type { GroupScores } from '../index/bm25.js';

/** An article a question names: "Pasal 20", "pasal 13 ayat 1", "Pasal 1 angka 4", "penjelasan pasal 6". */
export interface PasalRequest {
  pasal: string;
  ayat?: string;
  angka?: string;
  /** The question asks for the elucidation, not the article itself. */
  penjelasan: boolean;
}

/** What an exact look-up found: the requests, and per request the matching chunks in reading order. */
export interface PasalLookup {
  requests: PasalRequest[];
  /** Chunks of the named articles, best first (the asked-for ayat, the body before its Penjelasan). */
  docs: number[];
  /** The regulation each request was resolved to (when the index holds one). */
  regulations: Array<string | undefined>;
}

const PASAL_RE = /\b(?:pasal|psl)\s*(\d{1,3}[a-z]?)\b(?:\s*(?:ayat|ay)\s*(\d{1,2})\b)?(?:\s*(?:angka|angk)\s*(\d{1,3})\b)?/g;

/** The articles a question names, in the order it names them. */
export function readPasalRequests(question: string | QuestionText): PasalRequest[] {
  const read = typeof question === 'string' ? new QuestionText(question) : question;
  // Normalising only lower-cases and splits plain ASCII, so one without the word names no Pasal.
  if (!NON_ASCII.test(read.text) && !/pasal|psl/i.test(read.text)) return [];
  const text = read.words(false).join(' ');
  const penjelasan = /\bpenjelasan\b/.test(text);
  const out: PasalRequest[] = [];
  for (const m of text.matchAll(PASAL_RE)) {
    const pasal = m[1]!.toUpperCase();
    if (out.some((r) => r.pasal === pasal && r.ayat === m[2] && r.angka === m[3])) continue;
    out.push({ pasal, ...(m[2] ? { ayat: m[2] } : {}), ...(m[3] ? { angka: m[3] } : {}), penjelasan });
  }
  return out;
}

/**
 * Exact look-up by metadata: a question that names a Pasal is first of all asking for that Pasal, whatever
 * words it shares with other passages (a neighbour that merely mentions "Pasal 20" must not win). When
 * the question names a regulation the article is taken from it; when several regulations have that
 * article number, the one whose article best matches the rest of the question comes first, and on a tie
 * the regulation the index holds most of (see articleChunks for a named regulation without the article).
 *
 * `groupScores` gives a chunk's BM25 score per query group; `contentGroups` marks the groups that are
 * the question's own words (not legal references).
 */
export function lookUpPasal(
  requests: readonly PasalRequest[],
  index: KnowledgeIndex,
  named: ReadonlySet<string>,
  groupScores: (doc: number) => GroupScores | undefined,
  contentGroups: readonly boolean[],
): PasalLookup {
  const perRequest: number[][] = [];
  const regulations: Array<string | undefined> = [];
  for (const request of requests) {
    const docs = articleChunks(request, index, named);
    if (docs.length === 0) {
      perRequest.push([]);
      regulations.push(undefined);
      continue;
    }
    const contentScore = discriminativeScore(docs, groupScores, contentGroups);
    const regulation = chooseRegulation(docs, request, index, contentScore);
    const own = docs.filter((d) => (index.chunks[d]!.regulation ?? '') === regulation);
    perRequest.push(orderWithinPasal(own, request, index, contentScore));
    regulations.push(regulation || undefined);
  }
  // Several articles named: each one's best chunk first, then the rest of each.
  const docs: number[] = [];
  const seen = new Set<number>();
  const push = (d: number | undefined) => {
    if (d !== undefined && !seen.has(d)) {
      seen.add(d);
      docs.push(d);
    }
  };
  for (const list of perRequest) push(list[0]);
  for (const list of perRequest) for (const d of list) push(d);
  return { requests: [...requests], docs, regulations };
}

/**
 * The chunks that can answer a request for an article: its chunks in the regulations the question names,
 * or in any regulation when it names none. Another regulation's article of the same number answers nothing
 * asked ("Perbup 7/2024 Pasal 1" is not PP 38/2017 Pasal 1, "UU 23/2014 Pasal 12" not PP 38/2017 Pasal 12).
 */
export function articleChunks(request: PasalRequest, index: KnowledgeIndex, named: ReadonlySet<string>): readonly number[] {
  const docs = index.chunksOfPasal(request.pasal);
  return named.size === 0 ? docs : docs.filter((d) => named.has(index.chunks[d]!.regulation ?? ''));
}

/**
 * A chunk's score on the question's words that tell the candidates apart: a word every candidate matches
 * (the regulation's name in each citation, say) says nothing about which one is asked for.
 */
function discriminativeScore(
  docs: readonly number[],
  groupScores: (doc: number) => GroupScores | undefined,
  contentGroups: readonly boolean[],
): (doc: number) => number {
  const everywhere = contentGroups.map((content, g) => content && docs.every((d) => (groupScores(d)?.[g] ?? 0) > 0));
  return (doc) => {
    const scores = groupScores(doc);
    if (!scores) return 0;
    let sum = 0;
    scores.forEach((s, g) => {
      if (contentGroups[g] && !everywhere[g]) sum += s;
    });
    return sum;
  };
}

function chooseRegulation(
  docs: readonly number[],
  request: PasalRequest,
  index: KnowledgeIndex,
  contentScore: (doc: number) => number,
): string {
  const byRegulation = new Map<string, { score: number; hasUnit: boolean }>();
  for (const d of docs) {
    const chunk = index.chunks[d]!;
    const key = chunk.regulation ?? '';
    const entry = byRegulation.get(key) ?? { score: 0, hasUnit: false };
    entry.score = Math.max(entry.score, contentScore(d));
    entry.hasUnit ||= matchesUnit(chunk, request);
    byRegulation.set(key, entry);
  }
  return [...byRegulation.entries()].sort(
    ([ra, a], [rb, b]) =>
      Number(b.hasUnit) - Number(a.hasUnit) ||
      b.score - a.score ||
      index.regulationSize(rb) - index.regulationSize(ra) ||
      ra.localeCompare(rb),
  )[0]![0];
}

/** The asked-for ayat or angka first, then the body before (or after) the Penjelasan, rules before their restatements. */
function orderWithinPasal(docs: readonly number[], request: PasalRequest, index: KnowledgeIndex, contentScore: (doc: number) => number): number[] {
  const tier = (d: number) => {
    const chunk = index.chunks[d]!;
    const role = index.roles[d]!;
    let t = 0;
    if ((request.ayat || request.angka) && !matchesUnit(chunk, request)) t += 4;
    if (Boolean(chunk.penjelasan) !== request.penjelasan) t += 2;
    if (role === 'restatement' || role === 'practice' || role === 'note') t += 1;
    return t;
  };
  return [...docs].sort((a, b) => tier(a) - tier(b) || contentScore(b) - contentScore(a) || a - b);
}

function matchesUnit(chunk: { ayat?: string | null; angka?: string | null }, request: PasalRequest): boolean {
  if (request.ayat && chunk.ayat !== request.ayat) return false;
  if (request.angka && chunk.angka !== request.angka) return false;
  return Boolean(request.ayat || request.angka);
}
