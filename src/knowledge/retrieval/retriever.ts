import type { Logger } from '../../logger.js';
import type { IndexedChunk } from '../index/indexed-chunk.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import { decideAbstention, type AbstentionSignals } from './abstention.js';
import type { Bm25Hit } from '../index/bm25.js';
import type { VectorHit } from '../index/vector-index.js';
import { prepareQuery, type PreparedQuery } from './query-groups.js';
import { readCues, type QuestionCues } from './question-cues.js';

const NAMED_REGULATION_BOOST = 1.3;
const DEFINITION_BOOST = 1.2;

export interface RetrievalHit {
  chunk: IndexedChunk;
  /** Fused score in [0, 1], comparable within one query. */
  score: number;
  bm25: number;
  similarity: number;
}

export interface RetrievalResult {
  hits: RetrievalHit[];
  abstain: boolean;
  /** How sure retrieval is that the knowledge base answers the question, 0..1. */
  confidence: number;
  signals: AbstentionSignals;
}

export type RetrievalMode = 'hybrid' | 'bm25' | 'dense';

export interface RetrieverOptions {
  /** Candidates taken from each half before fusion. */
  depth?: number;
  /** Reciprocal-rank-fusion constant. */
  rrfK?: number;
  /** Weight of the dense half in fusion (BM25 counts 1); default depends on the embedder. */
  denseWeight?: number;
  mode?: RetrievalMode;
  minConfidence?: number;
  /** Told when the dense half starts failing (once per outage) and when it works again. */
  logger?: Logger;
}

/**
 * Hybrid retrieval: BM25 with the Indonesian analyzer fused by reciprocal rank with dense vectors, then a
 * decision whether the knowledge base covers the question at all (see abstention.ts).
 */
export class Retriever {
  private readonly depth: number;
  private readonly rrfK: number;
  private readonly denseWeight: number;
  private readonly mode: RetrievalMode;
  private readonly minConfidence?: number;
  private readonly logger?: Logger;
  /** Set while the embeddings endpoint is failing, so an outage is logged once, not per question. */
  private denseDown = false;

  constructor(
    readonly index: KnowledgeIndex,
    options: RetrieverOptions = {},
  ) {
    this.depth = options.depth ?? 40;
    this.rrfK = options.rrfK ?? 10;
    this.denseWeight = options.denseWeight ?? defaultDenseWeight(index);
    this.mode = options.mode ?? 'hybrid';
    this.minConfidence = options.minConfidence;
    this.logger = options.logger;
  }

  /**
   * The dense half, or undefined when the embedder fails (a remote embeddings endpoint is down or slow):
   * one outage must not take Q&A down with it. BM25 still ranks, and abstention is lexical anyway.
   */
  private async searchDense(dense: NonNullable<KnowledgeIndex['dense']>, question: string): Promise<VectorHit[] | undefined> {
    try {
      const hits = dense.vectors.search(await dense.embedder.embedQuery(question), this.depth);
      if (this.denseDown) {
        this.denseDown = false;
        this.logger?.info({ embedder: dense.embedder.id }, 'dense retrieval works again');
      }
      return hits;
    } catch (error) {
      if (!this.denseDown) {
        this.denseDown = true;
        const err = error instanceof Error ? error.message : String(error);
        this.logger?.warn({ embedder: dense.embedder.id, err }, 'dense retrieval failed; answering from BM25 alone until it works again');
      }
      return undefined;
    }
  }

  /**
   * Two adjustments before fusion. A question that names a regulation ("menurut PP 38") is about that
   * regulation: as a plain BM25 term the name would count for almost nothing, since most passages carry it.
   * A question asking what something means ("maksudnya apa") is best answered by a Penjelasan or a
   * definition, which would otherwise tie with passages that merely use the term.
   */
  private rerankLexical(query: PreparedQuery, cues: QuestionCues, hits: Bm25Hit[]): Bm25Hit[] {
    const named = query.groups
      .filter((g) => g.group.kind === 'legal' && /^reg:[a-z]+:\d+$/.test(g.group.surface))
      .map((g) => g.group.surface);
    if (named.length === 0 && !cues.definition) return hits;
    const adjusted = hits.map((h) => {
      let factor = 1;
      if (named.some((r) => this.index.regulationKeys[h.doc]!.has(r))) factor *= NAMED_REGULATION_BOOST;
      const chunk = this.index.chunks[h.doc]!;
      if (cues.definition && (chunk.penjelasan || chunk.angka)) factor *= DEFINITION_BOOST;
      return factor === 1 ? h : { ...h, score: h.score * factor };
    });
    return adjusted.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  async search(question: string, k = 5): Promise<RetrievalResult> {
    const query = prepareQuery(question, this.index);
    const useBm25 = this.mode !== 'dense';
    const cues = readCues(question);
    const lexical = useBm25 ? this.rerankLexical(query, cues, this.index.bm25.search(query.groups, this.depth * 2)).slice(0, this.depth) : [];
    const denseIndex = this.mode !== 'bm25' ? this.index.dense : undefined;
    const denseHits = denseIndex ? await this.searchDense(denseIndex, question) : undefined;
    // A failed dense half counts as absent, so fused scores keep their [0, 1] scale.
    const useDense = denseHits !== undefined;
    const dense = denseHits ?? [];

    const fused = new Map<number, { rrf: number; bm25: number; similarity: number }>();
    const entry = (doc: number) => {
      let e = fused.get(doc);
      if (!e) {
        e = { rrf: 0, bm25: 0, similarity: 0 };
        fused.set(doc, e);
      }
      return e;
    };
    lexical.forEach((hit, rank) => {
      const e = entry(hit.doc);
      e.rrf += 1 / (this.rrfK + rank + 1);
      e.bm25 = hit.score;
    });
    dense.forEach((hit, rank) => {
      const e = entry(hit.doc);
      e.rrf += this.denseWeight / (this.rrfK + rank + 1);
      e.similarity = hit.similarity;
    });
    const maxRrf = (1 + (useDense ? this.denseWeight : 0)) / (this.rrfK + 1);
    const ranked = [...fused.entries()]
      .sort((a, b) => b[1].rrf - a[1].rrf || b[1].bm25 - a[1].bm25 || a[0] - b[0])
      .slice(0, Math.max(k, 10));

    const hits: RetrievalHit[] = ranked.map(([doc, e]) => ({
      chunk: this.index.chunks[doc]!,
      score: useBm25 || useDense ? e.rrf / maxRrf : 0,
      bm25: e.bm25,
      similarity: e.similarity,
    }));
    const byDoc = new Map(lexical.map((hit) => [hit.doc, hit]));
    const decision = decideAbstention({
      query,
      index: this.index,
      top: ranked.slice(0, 3).map(([doc]) => byDoc.get(doc)),
      topSimilarity: dense[0]?.similarity ?? 0,
      cues,
      minConfidence: this.minConfidence,
    });
    return { hits: hits.slice(0, k), abstain: decision.abstain, confidence: decision.confidence, signals: decision.signals };
  }
}

/**
 * The local embedder is lexical at heart; on our question sets it adds little beyond BM25, so it only
 * breaks near-ties (0.25). A semantic model from an embeddings endpoint gets an equal say, the usual RRF
 * default; there is no endpoint here to measure it against.
 */
export function defaultDenseWeight(index: KnowledgeIndex): number {
  const id = index.dense?.embedder.id ?? '';
  return id.startsWith('local-') ? 0.25 : 1;
}
