import type { Translate } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import type { IndexedChunk } from '../index/indexed-chunk.js';
import type { SpelledOut } from '../retrieval/acronyms.js';
import type { RetrievalHit, Retriever } from '../retrieval/retriever.js';
import type { Answer } from './answer.js';
import { absentArticleText } from './absent-article.js';
import { withAmendmentNote } from './amendment-note.js';
import { checkCitations } from './citation-check.js';
import { composeAnswer, type RelatedNotes } from './compose.js';
import { displayCitation } from './extractive.js';
import { MAX_ANSWER_CHARS, fitText } from './fit-message.js';
import type { LlmAnswerer } from './llm-answer.js';

const CONTEXT_PASSAGES = 5;

/** Told how each answer went (metrics): its kind and how long it took, and each model call's outcome. */
export interface AnswerObserver {
  answered(outcome: { kind: Answer['kind']; via: string; seconds: number }): void;
  llmCall(outcome: 'answered' | 'declined' | 'failed'): void;
}

/**
 * Answers a question from the knowledge base: retrieve, decide whether the base covers it, then write the
 * answer with the LLM when one is configured (falling back to the extractive answer on any fault) or
 * extractively without one. Every answer names the citations it rests on.
 */
export class Answerer {
  private readonly notes: RelatedNotes = new WeakMap();

  constructor(
    private readonly retriever: () => Retriever,
    private readonly t: Translate,
    private readonly logger: Logger,
    private readonly llm?: LlmAnswerer,
    private readonly observer?: AnswerObserver,
    private readonly elapsed: () => number = () => performance.now(),
  ) {}

  /** `depth`: how many retrieved passages to report in `hits` (the answer itself uses the best five). */
  async answer(question: string, depth = CONTEXT_PASSAGES): Promise<Answer> {
    const started = this.elapsed();
    const answer = await this.compute(question, depth);
    this.observer?.answered({ kind: answer.kind, via: answer.via, seconds: (this.elapsed() - started) / 1000 });
    return answer;
  }

  private async compute(question: string, depth: number): Promise<Answer> {
    const retriever = this.retriever();
    const retrieved = await retriever.search(question, Math.max(depth, CONTEXT_PASSAGES));
    const result = { ...retrieved, hits: retrieved.hits.slice(0, CONTEXT_PASSAGES) };
    const base = { hits: retrieved.hits, confidence: result.confidence };
    if (result.absentArticles) {
      return { ...base, kind: 'not_found', text: absentArticleText(result.absentArticles, retriever.index, this.t), citations: [], via: 'none' };
    }
    if (result.abstain || result.hits.length === 0) {
      return { ...base, kind: 'not_found', text: this.t('qa.not_found'), citations: [], via: 'none' };
    }
    const composed = composeAnswer(
      { hits: result.hits, index: retriever.index, lookup: result.lookup, cues: result.cues, definitionFirst: result.definitionFirst, notes: this.notes },
      this.t,
    );
    // Said first, whoever writes the answer: the passages were found through that reading.
    const read = result.spelledOut?.length ? `${this.readAcronyms(result.spelledOut)}\n\n` : '';
    let llmError: string | undefined;
    if (this.llm) {
      try {
        // The model sees what the extractive answer would be made of (a named Pasal whole, the article
        // deferred to), then the other passages.
        const context = contextHits(composed.used, result.hits);
        const draft = await this.llm.draft(question, context);
        this.observer?.llmCall(draft.text === null ? 'declined' : 'answered');
        if (draft.text === null) {
          return { ...base, kind: 'not_found', text: this.t('qa.not_found'), citations: [], via: 'llm' };
        }
        const checked = checkCitations(draft.text, draft.contextCitations);
        if (checked.removed.length > 0 || checked.repaired.length > 0) {
          this.logger.warn({ removed: checked.removed, repaired: checked.repaired }, 'llm cited articles outside its context');
        }
        const used = checked.used.length > 0 ? checked.used : [1];
        const citedHits = used.map((i) => context[i - 1]!).filter(Boolean);
        const body = `${read}${checked.text}`;
        const legend = citedHits.map((h, k) => `[${used[k]}] ${displayCitation(h.chunk, this.t)}`).join('\n');
        const footer = withAmendmentNote(`${this.t('qa.basis')}:\n${legend}`, citedHits.map((h) => h.chunk), this.t);
        const text = this.compose(body, footer);
        return { ...base, kind: 'answer', text, citations: citedHits.map((h) => h.chunk.citation), via: 'llm' };
      } catch (error) {
        llmError = error instanceof Error ? error.message : String(error);
        this.observer?.llmCall('failed');
        this.logger.error({ err: llmError }, 'llm answer failed; using extractive answer');
      }
    }
    const body = llmError ? `${this.t('qa.llm_fallback')}\n\n${read}${composed.body}` : `${read}${composed.body}`;
    return { ...base, kind: 'answer', text: this.compose(body, withAmendmentNote(composed.footer, composed.used, this.t)), citations: composed.citations, via: 'extractive', llmError };
  }

  /**
   * One passage of the knowledge base as an answer (a suggested passage the person picked), composed and
   * cited as an answer to a question is; undefined when the index no longer holds it (the base changed).
   */
  passage(chunkId: string): Answer | undefined {
    const index = this.retriever().index;
    const doc = index.docOf(chunkId);
    if (doc === undefined) return undefined;
    const hits: RetrievalHit[] = [{ chunk: index.chunks[doc]!, score: 1, bm25: 0, similarity: 0 }];
    const composed = composeAnswer({ hits, index, notes: this.notes }, this.t);
    const text = this.compose(composed.body, withAmendmentNote(composed.footer, composed.used, this.t));
    return { kind: 'answer', text, citations: composed.citations, hits, confidence: 1, via: 'extractive' };
  }

  /**
   * How the acronyms the base never writes were read ("PAD = pendapatan asli daerah"): the answer rests on
   * that reading, so the person can tell when it was not what they meant.
   */
  private readAcronyms(spelledOut: readonly SpelledOut[]): string {
    const list = spelledOut.map((s) => this.t('qa.read_acronym', { acronym: s.acronym, phrase: s.phrase })).join(', ');
    return this.t('qa.read_acronyms', { list });
  }

  /** Shortens the body to fit a chat message; the citation footer is always kept whole. */
  private compose(body: string, footer: string): string {
    const fitted = fitText(body, MAX_ANSWER_CHARS - footer.length - 100);
    const text = fitted.truncated ? `${fitted.text}\n\n${this.t('qa.truncated')}` : fitted.text;
    return `${text}\n\n${footer}`;
  }
}

/** Passages for the model: those the extractive answer uses first, then the other retrieved ones. */
function contextHits(used: readonly IndexedChunk[], hits: readonly RetrievalHit[]): RetrievalHit[] {
  const first: RetrievalHit[] = used.map((chunk) => hits.find((h) => h.chunk.id === chunk.id) ?? { chunk, score: 1, bm25: 0, similarity: 0 });
  const rest = hits.filter((h) => !used.some((c) => c.id === h.chunk.id));
  return [...first, ...rest].slice(0, Math.max(CONTEXT_PASSAGES, first.length));
}
