import { ABSTENTION_MODEL, confidenceFrom } from '../knowledge/retrieval/abstention.js';
import type { Retriever } from '../knowledge/retrieval/retriever.js';
import { DEFAULT_FIT, abstentionRates, collectExamples, confidenceOf, crossValidate, fitLogistic } from './fit-abstention.js';
import type { EvalQuestion } from './questions.js';

/**
 * Fits the abstention model on labelled questions and reports it next to the model in use: rates on the
 * fitting set, 5-fold cross-validated rates, and the coefficients to paste into abstention.ts.
 */
export async function fitAbstention(retriever: Retriever, questions: readonly EvalQuestion[]): Promise<string[]> {
  const examples = await collectExamples(retriever, questions);
  const fitted = fitLogistic(examples, DEFAULT_FIT);
  const pct = (r: { abstention: number; falseAbstention: number }) =>
    `abstain ${r.abstention.toFixed(3)}  salah-abstain ${r.falseAbstention.toFixed(3)}`;
  return [
    `${examples.length} contoh (${examples.filter((e) => e.inScope).length} dalam cakupan); l2=${DEFAULT_FIT.l2}, bobot dalam-cakupan=${DEFAULT_FIT.inScopeWeight}`,
    `model terpakai:        ${pct(abstentionRates(examples, (s) => confidenceFrom(s)))}`,
    `model hasil fit:       ${pct(abstentionRates(examples, (s) => confidenceOf(fitted, s)))}`,
    `validasi silang 5-lipat: ${pct(crossValidate(examples, DEFAULT_FIT))}`,
    ...[0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65].map(
      (t) =>
        `  ambang ${t.toFixed(2)}: terpakai ${pct(abstentionRates(examples, (s) => confidenceFrom(s), t))} | hasil fit ${pct(abstentionRates(examples, (s) => confidenceOf(fitted, s), t))}`,
    ),
    `terpakai: ${JSON.stringify(ABSTENTION_MODEL)}`,
    `hasil fit: ${JSON.stringify(fitted)}`,
  ];
}
