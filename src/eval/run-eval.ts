import type { Answerer } from '../knowledge/answer/answerer.js';
import { FULL_ANALYSIS, type AnalyzerOptions } from '../knowledge/analysis/analyzer.js';
import { KnowledgeIndex } from '../knowledge/index/knowledge-index.js';
import { Retriever, type RetrievalMode } from '../knowledge/retrieval/retriever.js';
import type { RankingPriors } from '../knowledge/retrieval/ranking-priors.js';
import { computeMetrics, type Metrics, type QuestionOutcome } from './metrics.js';
import { MiniSearchBaseline } from './minisearch-baseline.js';
import type { EvalQuestion } from './questions.js';

export const RETRIEVED_DEPTH = 10;

/** One line of `eval --json`. */
export interface EvalRecord {
  id: string;
  abstained: boolean;
  /** Retrieval's confidence that the knowledge base answers the question, 0..1. */
  confidence: number;
  answer: string;
  retrieved: Array<{ citation: string; score: number }>;
}

/** Pandu end to end: retrieval, abstention and the answer text, per question. */
export async function evaluatePandu(answerer: Answerer, questions: readonly EvalQuestion[]): Promise<EvalRecord[]> {
  const records: EvalRecord[] = [];
  for (const q of questions) {
    const a = await answerer.answer(q.question, RETRIEVED_DEPTH);
    records.push({
      id: q.id,
      abstained: a.kind === 'not_found',
      confidence: round(a.confidence),
      answer: a.text,
      retrieved: a.hits.map((h) => ({ citation: h.chunk.citation, score: round(h.score) })),
    });
  }
  return records;
}

/** Retrieval only, with a given index/mode: for the ablation rows. */
export async function evaluateRetrieval(
  index: KnowledgeIndex,
  mode: RetrievalMode,
  questions: readonly EvalQuestion[],
  priors?: Partial<RankingPriors>,
): Promise<Metrics> {
  const retriever = new Retriever(index, { mode, ...(priors ? { priors } : {}) });
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const r = await retriever.search(q.question, RETRIEVED_DEPTH);
    // A dense-only system has no lexical coverage signal; it never abstains by itself.
    outcomes.push({ question: q, abstained: mode === 'dense' ? false : r.abstain, retrieved: r.hits.map((h) => h.chunk.citation) });
  }
  return computeMetrics(outcomes);
}

export function evaluateBaseline(index: KnowledgeIndex, questions: readonly EvalQuestion[]): Metrics {
  const baseline = new MiniSearchBaseline(index.chunks);
  return computeMetrics(
    questions.map((q) => {
      const r = baseline.query(q.question, RETRIEVED_DEPTH);
      return { question: q, abstained: r.abstained, retrieved: r.retrieved.map((x) => x.citation) };
    }),
  );
}

export function metricsOf(records: readonly EvalRecord[], questions: readonly EvalQuestion[]): Metrics {
  const byId = new Map(records.map((r) => [r.id, r]));
  return computeMetrics(
    questions.map((q) => {
      const r = byId.get(q.id)!;
      return { question: q, abstained: r.abstained, retrieved: r.retrieved.map((x) => x.citation) };
    }),
  );
}

/** Analyzer parts switched off one at a time (BM25 only, so each row isolates one part). */
export const ABLATIONS: Array<{ label: string; options: AnalyzerOptions }> = [
  { label: 'tanpa akar kata (stemming)', options: { ...FULL_ANALYSIS, stems: false } },
  { label: 'tanpa konsep/akronim', options: { ...FULL_ANALYSIS, concepts: false } },
  { label: 'tanpa ejaan chat', options: { ...FULL_ANALYSIS, slang: false } },
  { label: 'tanpa kosakata Inggris', options: { ...FULL_ANALYSIS, english: false } },
  { label: 'tanpa token pasal/peraturan', options: { ...FULL_ANALYSIS, legal: false } },
  { label: 'tanpa pasangan kata', options: { ...FULL_ANALYSIS, pairs: false } },
];

export function buildAblationIndex(base: KnowledgeIndex, options: AnalyzerOptions): KnowledgeIndex {
  return KnowledgeIndex.buildLexical(base.chunks, options);
}

export function formatMetricsRow(label: string, m: Metrics): string {
  const pct = (x: number) => x.toFixed(3).padStart(6);
  return `${label.padEnd(LABEL_WIDTH)} ${pct(m.hitAt1)} ${pct(m.hitAt5)} ${pct(m.mrr)} ${pct(m.abstention)} ${pct(m.falseAbstention)}`;
}

const LABEL_WIDTH = 46;

export const METRICS_HEADER = `${'sistem'.padEnd(LABEL_WIDTH)}  hit@1  hit@5    MRR abstain  salah-abstain`;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
