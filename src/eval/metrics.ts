import { sameSource } from './source-match.js';
import type { EvalQuestion } from './questions.js';

/** What one system did with one question. */
export interface QuestionOutcome {
  question: EvalQuestion;
  abstained: boolean;
  /** Citations of the retrieved chunks, best first. */
  retrieved: string[];
}

export interface Metrics {
  questions: number;
  inScope: number;
  outOfScope: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  /** Share of out-of-scope questions where the system abstained. */
  abstention: number;
  /** Share of in-scope questions where the system abstained. */
  falseAbstention: number;
}

/** Rank (1-based) of the first retrieved citation whose Pasal is among the gold ones, or 0. */
export function firstHitRank(retrieved: readonly string[], gold: readonly string[], depth = 10): number {
  const i = retrieved.slice(0, depth).findIndex((c) => gold.some((g) => sameSource(c, g)));
  return i + 1;
}

/**
 * Pasal-level retrieval metrics over in-scope questions (a hit is any gold Pasal, whatever the ayat),
 * plus abstention on out-of-scope and false abstention on in-scope questions.
 */
export function computeMetrics(outcomes: readonly QuestionOutcome[]): Metrics {
  const inScope = outcomes.filter((o) => o.question.in_scope);
  const outOfScope = outcomes.filter((o) => !o.question.in_scope);
  let h1 = 0;
  let h5 = 0;
  let rr = 0;
  for (const o of inScope) {
    const rank = firstHitRank(o.retrieved, o.question.citations);
    if (rank === 1) h1 += 1;
    if (rank >= 1 && rank <= 5) h5 += 1;
    if (rank >= 1) rr += 1 / rank;
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    questions: outcomes.length,
    inScope: inScope.length,
    outOfScope: outOfScope.length,
    hitAt1: share(h1, inScope.length),
    hitAt5: share(h5, inScope.length),
    mrr: share(rr, inScope.length),
    abstention: share(outOfScope.filter((o) => o.abstained).length, outOfScope.length),
    falseAbstention: share(inScope.filter((o) => o.abstained).length, inScope.length),
  };
}
