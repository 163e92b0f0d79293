import { ABSTENTION_MODEL, confidenceFrom } from '../knowledge/retrieval/abstention.js';
import type { Retriever } from '../knowledge/retrieval/retriever.js';
import {
  DEFAULT_FIT,
  MARGIN_SHIFT,
  abstentionRates,
  collectExamples,
  confidenceOf,
  crossValidate,
  fitLogistic,
  type AbstentionExample,
  leaveOneSetOut,
  type LabelledSet,
} from './fit-abstention.js';
import type { EvalQuestion } from './questions.js';

/**
 * A labelled question file and the retriever that answers it: the shipped base's, or that of a data folder
 * holding one regulation ingested through `kb add` (questions about a regulation Pandu was not curated for).
 */
export interface LabelledFile {
  name: string;
  questions: readonly EvalQuestion[];
  retriever: Retriever;
}

/**
 * A labelled file as given to `--fit-abstention`: `set.jsonl`, answered from the run's data folder, or
 * `set.jsonl@dir`, answered from `dir` (resolved by the caller).
 */
export function parseLabelledSpec(spec: string): { file: string; dataDir?: string } {
  const at = spec.lastIndexOf('@');
  return at > 0 && at < spec.length - 1 ? { file: spec.slice(0, at), dataDir: spec.slice(at + 1) } : { file: spec };
}

const pct = (r: { abstention: number; falseAbstention: number }) =>
  `abstain ${r.abstention.toFixed(3)}  salah-abstain ${r.falseAbstention.toFixed(3)}`;

/**
 * Fits the abstention model on labelled questions and reports it next to the model in use: rates on the
 * fitting set, 5-fold cross-validated rates, and the coefficients to paste into abstention.ts (the fitted
 * bias plus MARGIN_SHIFT, as the shipped model's).
 */
export async function fitAbstention(sets: ReadonlyArray<LabelledFile>): Promise<string[]> {
  const examples: AbstentionExample[] = [];
  for (const set of sets) examples.push(...(await collectExamples(set.retriever, set.questions)));
  const fitted = fitLogistic(examples, DEFAULT_FIT);
  const shipped = { ...fitted, bias: Math.round((fitted.bias + MARGIN_SHIFT) * 100) / 100 };
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
    ...(MARGIN_SHIFT !== 0 ? [`hasil fit + margin ${MARGIN_SHIFT}: ${JSON.stringify(shipped)}`] : []),
  ];
}

/**
 * Leave-one-set-out: one row per labelled file, measured with a model fitted on all the other files (bias
 * plus MARGIN_SHIFT), next to the model in use on that file; rule refusals count as refused. The last row
 * is the mean over files, each file weighing the same (abstention over files with out-of-scope questions,
 * false abstention over files with in-scope ones).
 */
export async function leaveOneOutReport(files: ReadonlyArray<LabelledFile>): Promise<string[]> {
  const sets: LabelledSet[] = [];
  for (const f of files) {
    sets.push({ name: f.name, examples: await collectExamples(f.retriever, f.questions, { keepRuled: true }) });
  }
  const rows = leaveOneSetOut(sets, DEFAULT_FIT, MARGIN_SHIFT);
  const inUse = sets.map((s) => abstentionRates(s.examples, (x) => confidenceFrom(x)));
  const cell = (x: number) => x.toFixed(3).padStart(7);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const withOutside = rows.flatMap((r, i) => (r.outside > 0 ? [i] : []));
  const withInside = rows.flatMap((r, i) => (r.inside > 0 ? [i] : []));
  return [
    `tinggalkan satu set (fit pada set lain, bias + ${MARGIN_SHIFT}); kolom terpakai = model di abstention.ts`,
    `${'set'.padEnd(14)} luar dalam  abstain salah-abs | terpakai: abstain salah-abs`,
    ...rows.map(
      (r, i) =>
        `${r.name.padEnd(14)} ${String(r.outside).padStart(4)} ${String(r.inside).padStart(5)} ${cell(r.abstention)} ${cell(r.falseAbstention)} |          ${cell(inUse[i]!.abstention)} ${cell(inUse[i]!.falseAbstention)}`,
    ),
    `${'rata-rata'.padEnd(14)} ${' '.repeat(10)} ${cell(mean(withOutside.map((i) => rows[i]!.abstention)))} ${cell(mean(withInside.map((i) => rows[i]!.falseAbstention)))} |          ${cell(mean(withOutside.map((i) => inUse[i]!.abstention)))} ${cell(mean(withInside.map((i) => inUse[i]!.falseAbstention)))}`,
  ];
}
