import type { Translate } from '../../i18n/translator.js';
import { restsOn } from '../index/chunk-role.js';
import type { IndexedChunk } from '../index/indexed-chunk.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import type { PasalLookup } from '../retrieval/pasal-lookup.js';
import type { QuestionCues } from '../retrieval/question-cues.js';
import type { RetrievalHit } from '../retrieval/retriever.js';
import { defersTo } from './deferrals.js';
import { displayCitation, supportingHits } from './extractive.js';
import { clipNote, firstSentences } from './fit-message.js';

export interface ComposeInput {
  /** Retrieved passages, best first. */
  hits: readonly RetrievalHit[];
  index: KnowledgeIndex;
  /** Set when the question named a Pasal: the answer is that Pasal, whole. */
  lookup?: PasalLookup;
  cues?: QuestionCues;
  /** The best passage is the definition asked for: it stands alone, without runners-up. */
  definitionFirst?: boolean;
  /** Related notes already written (see RelatedNotes); without it each is written afresh. */
  notes?: RelatedNotes;
}

/**
 * Related notes already written, per indexed chunk. Reading sentences out of a passage was about a tenth of
 * an answer's cost, and the same few passages come up again and again. A note depends on its chunk alone,
 * and an indexed chunk never changes (a reloaded index brings new chunk objects), so a note kept here
 * cannot go stale, and it goes when its index does. The answerer owns one.
 */
export type RelatedNotes = WeakMap<IndexedChunk, string>;

export interface ComposedAnswer {
  body: string;
  footer: string;
  citations: string[];
  /** The chunks the answer is made of, in the order shown (context for a model, too). */
  used: IndexedChunk[];
}

/** Other passages are mentioned in full sentences, at most this many. */
const MAX_RELATED = 2;
/** The most a "Terkait" line quotes of its passage: a pointer to it, not the passage. */
const RELATED_NOTE_CHARS = 400;
/** Of a Pasal, at most this many ayat are shown whole; the rest are cited. */
const MAX_AYAT = 12;

/**
 * An answer built without a model, for the question asked: a named Pasal in full (every ayat, in order);
 * otherwise the best passage, the article it defers to ("sebagaimana dimaksud dalam Pasal 52", or in our
 * wording "diatur dalam Pasal 23" when that article is the runner-up, and a Penjelasan it names from the first
 * five), and close
 * runners-up in whole sentences, lists never cut, with the passage stating the asked-for period or list
 * brought in when the best one lacks it. An FAQ's own "Ya,"/"Tidak," is not repeated (it answered its own
 * question, not necessarily this one). The footer cites exactly what the body rests on, an FAQ's every
 * rule included.
 */
export function composeAnswer(input: ComposeInput, t: Translate): ComposedAnswer {
  const whole = input.lookup ? wholePasal(input.lookup, input.index) : [];
  if (whole.length > 0) return fromArticles(whole, t);
  const [best] = input.hits;
  if (!best) return { body: '', footer: '', citations: [], used: [] };

  const lines = [passageText(best.chunk, true)];
  const shown: IndexedChunk[] = [best.chunk];
  const related: IndexedChunk[] = [];
  const add = (chunk: IndexedChunk | undefined) => {
    if (!chunk || related.length >= MAX_RELATED) return;
    if ([...shown, ...related].some((c) => c.citation === chunk.citation || c.text === chunk.text)) return;
    related.push(chunk);
  };
  // The article a regulation's own text defers to ("sebagaimana dimaksud dalam Pasal 52") answers what
  // it leaves open.
  const doc = input.index.docOf(best.chunk.id);
  if (best.chunk.quote) for (const target of doc === undefined ? [] : (input.index.references[doc] ?? []).slice(0, 2)) add(input.index.chunks[target]);
  // Our own wording hands parts of a matter on too ("… diatur dalam PP 38/2017 Pasal 23", "berlaku PP 38/2017
  // Pasal 30 ayat (2)"), naming what is handed on without saying it. When retrieval ranks the article named
  // right after the best passage, the question is about that part as well: it comes along, so the answer
  // does not stop at the pointer. Lower down, such an article is mostly an aside: on our question sets the
  // expected answer cited the runner-up in 15 of 29 cases, an article further down in 13 of 37.
  // A Penjelasan it sends the reader to ("… dijelaskan dalam PP 38/2017 Penjelasan Pasal 8 ayat (4)") is the
  // article's own explanation, not an aside: it comes along from anywhere in the first five. One lettered
  // item of it ("huruf f") is not, when the passage sent the reader to all of them.
  if (!best.chunk.quote && !input.definitionFirst) {
    const runnerUp = input.hits.slice(1).find((h) => h.chunk.citation !== best.chunk.citation);
    if (runnerUp && defersTo(best.chunk, runnerUp.chunk)) add(runnerUp.chunk);
    add(input.hits.slice(1, 5).find((h) => h.chunk.penjelasan && !h.chunk.huruf && defersTo(best.chunk, h.chunk))?.chunk);
  }
  // A period or a list asked for and not in the best passage: the best passage that states one.
  const forms = (chunk: IndexedChunk) => {
    const d = input.index.docOf(chunk.id);
    return d === undefined ? undefined : input.index.forms[d];
  };
  if (input.cues?.duration && !forms(best.chunk)?.duration) add(input.hits.slice(1, 5).find((h) => forms(h.chunk)?.duration)?.chunk);
  if (input.cues?.list && !forms(best.chunk)?.list) add(input.hits.slice(1, 5).find((h) => forms(h.chunk)?.list)?.chunk);
  if (!input.definitionFirst) for (const hit of supportingHits(input.hits).slice(1)) add(hit.chunk);

  const extra = related;
  if (extra.length > 0) {
    lines.push('', `${t('qa.related')}:`);
    for (const chunk of extra) lines.push(`• ${chunk.citation}: ${relatedNote(chunk, input.notes)}`);
  }
  const used = [...shown, ...extra];
  const citations = unique(used.flatMap((c) => (c.restsOn ? restsOn(c) : [c.citation])));
  return { body: lines.join('\n'), footer: footerOf(used, citations, t), citations, used };
}

/** A named Pasal's chunks to show, and the ayat or angka asked for that the base does not hold in it. */
interface Article {
  chunks: IndexedChunk[];
  absent?: string;
}

/** The chunks of each named Pasal: the asked-for ayat or angka, or else the whole body, in reading order. */
function wholePasal(lookup: PasalLookup, index: KnowledgeIndex): Article[] {
  return lookup.requests.slice(0, 2).flatMap((request, i) => {
    const regulation = lookup.regulations[i];
    const own = index
      .chunksOfPasal(request.pasal)
      .map((d) => index.chunks[d]!)
      .filter((c) => (c.regulation ?? undefined) === regulation && !c.restsOn && !c.practice)
      .filter((c) => Boolean(c.penjelasan) === request.penjelasan);
    // The same Pasal from the regulation's own text and from our curated units: show one, the
    // regulation's own wording (one document) when the base holds it; else every curated unit, which
    // come one file per ayat, in reading order.
    const quoted = own.filter((c) => c.quote);
    const source = quoted.length > 0 ? quoted.filter((c) => c.documentId === quoted[0]!.documentId) : [...own].sort(byUnit);
    if (source.length === 0) return [];
    const unit = source.filter((c) => (!request.ayat || c.ayat === request.ayat) && (!request.angka || c.angka === request.angka));
    if (unit.length > 0) return [{ chunks: unit.slice(0, MAX_AYAT) }];
    // Here an ayat or angka was asked that the Pasal lacks ("Pasal 20 ayat 6" of a Pasal held with four):
    // say so, then show the whole Pasal. A Pasal held undivided holds its ayat: nothing to say there.
    const divided = request.ayat ? source.some((c) => c.ayat) : source.some((c) => c.angka);
    const asked = request.ayat ? `ayat (${request.ayat})` : `angka ${request.angka}`;
    return [{ chunks: source.slice(0, MAX_AYAT), ...(divided ? { absent: asked } : {}) }];
  });
}

/** Reading order of a Pasal's units: by ayat, then angka (numbers compared as numbers). */
function byUnit(a: IndexedChunk, b: IndexedChunk): number {
  return unitNumber(a.ayat) - unitNumber(b.ayat) || unitNumber(a.angka) - unitNumber(b.angka);
}

function unitNumber(value: string | null | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isNaN(n) ? 0 : n;
}

function fromArticles(articles: Article[], t: Translate): ComposedAnswer {
  const lines: string[] = [];
  for (const { chunks, absent } of articles) {
    if (lines.length > 0) lines.push('');
    const first = chunks[0]!;
    const heading = [first.regulation, first.penjelasan ? 'Penjelasan' : '', `Pasal ${first.pasal}`].filter(Boolean).join(' ');
    if (absent) lines.push(t('qa.unit_absent', { unit: absent, citation: heading }));
    if (chunks.length > 1 || (!first.ayat && !first.angka)) lines.push(`${t('qa.article', { citation: heading })}:`);
    for (const c of chunks) {
      const label = c.ayat ? `(${c.ayat}) ` : c.angka ? `${c.angka}. ` : c.huruf ? `${c.huruf}. ` : '';
      lines.push(chunks.length > 1 ? `${label}${passageText(c, false)}` : passageText(c, true));
    }
  }
  const used = articles.flatMap((a) => a.chunks);
  const citations = unique(used.map((c) => c.citation));
  return { body: lines.join('\n'), footer: footerOf(used, citations, t), citations, used };
}

/** The opening of a passage, for the "related" lines under an answer. */
function relatedNote(chunk: IndexedChunk, notes: RelatedNotes | undefined): string {
  let note = notes?.get(chunk);
  if (note === undefined) {
    note = clipNote(firstSentences(passageText(chunk, true), 2), RELATED_NOTE_CHARS);
    notes?.set(chunk, note);
  }
  return note;
}

/** A passage as shown: the regulation's own words in quotes; an FAQ's leading yes or no dropped. */
function passageText(chunk: IndexedChunk, quoteMarks: boolean): string {
  let text = chunk.text.trim();
  if (chunk.restsOn) {
    const rest = text.replace(/^(?:ya|tidak|bisa|boleh|betul|benar|tentu)\s*[,.!]\s*/i, '');
    if (rest !== text && rest) text = rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return chunk.quote && quoteMarks ? `“${text}”` : text;
}

function footerOf(used: readonly IndexedChunk[], citations: readonly string[], t: Translate): string {
  const practice = new Set(used.filter((c) => c.practice).map((c) => c.citation));
  const shown = citations.map((citation) => displayCitation({ citation, practice: practice.has(citation) }, t));
  return `${t('qa.basis')}: ${shown.join('; ')}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
