import { firstHitRank } from './metrics.js';
import type { EvalQuestion } from './questions.js';
import type { EvalRecord } from './run-eval.js';

/**
 * One line per question Pandu got wrong: an in-scope question whose gold Pasal was not first or that it
 * refused, an out-of-scope question it answered. Shows the confidence and the top three retrieved, which
 * is what one needs to see why.
 */
export function describeMisses(records: readonly EvalRecord[], questions: readonly EvalQuestion[]): string[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const q of questions) {
    const r = byId.get(q.id);
    if (!r) continue;
    const retrieved = r.retrieved.map((x) => x.citation);
    const rank = firstHitRank(retrieved, q.citations);
    const wrong = q.in_scope ? r.abstained || rank !== 1 : !r.abstained;
    if (!wrong) continue;
    const what = !q.in_scope ? 'DIJAWAB' : r.abstained ? `ABSTAIN rank=${rank}` : `rank=${rank || '-'}`;
    lines.push(
      `${q.id} [${q.difficulty ?? ''}] ${what} conf=${r.confidence.toFixed(2)} | ${q.question}\n    emas: ${q.citations.join('; ') || '-'}\n    dapat: ${retrieved.slice(0, 3).join(' | ')}`,
    );
  }
  return lines;
}
