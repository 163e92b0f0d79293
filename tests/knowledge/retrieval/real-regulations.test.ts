import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics, type Metrics } from '../../../src/eval/metrics.js';
import { MiniSearchBaseline } from '../../../src/eval/minisearch-baseline.js';
import { pasalLookupQuestions } from '../../../src/eval/pasal-lookups.js';
import { readQuestions, type EvalQuestion } from '../../../src/eval/questions.js';
import type { KnowledgeIndex } from '../../../src/knowledge/index/knowledge-index.js';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { PROJECT_ROOT } from '../../support/test-app.js';
import { indexOfRegulation, sharedRegulationsDir } from '../support/shared-regulations.js';

const dir = sharedRegulationsDir();
const suite = dir ? 'retrieval on real regulation texts ingested alone' : 'retrieval on real regulation texts (skipped: shared/data/regulations not found)';

async function measure(index: KnowledgeIndex, questions: readonly EvalQuestion[]): Promise<{ pandu: Metrics; baseline: Metrics }> {
  const retriever = new Retriever(index);
  const baseline = new MiniSearchBaseline(index.chunks);
  const pandu = [];
  const mini = [];
  for (const q of questions) {
    const r = await retriever.search(q.question, 10);
    pandu.push({ question: q, abstained: r.abstain, retrieved: r.hits.map((h) => h.chunk.citation) });
    mini.push({ question: q, abstained: false, retrieved: baseline.query(q.question, 10).retrieved.map((h) => h.citation) });
  }
  return { pandu: computeMetrics(pandu), baseline: computeMetrics(mini) };
}

describe.skipIf(!dir)(suite, () => {
  const file = (name: string) => path.join(dir!, `${name}.md`);

  it.each(['pp-38-2017', 'uu-23-2014'])('finds every Pasal asked for by number in the OCR text of %s', async (name) => {
    const index = indexOfRegulation(file(name));
    const questions = pasalLookupQuestions(index.chunks);
    expect(questions.length).toBeGreaterThan(50);
    const { pandu, baseline } = await measure(index, questions);
    expect(pandu.hitAt1).toBeGreaterThanOrEqual(0.99);
    expect(pandu.hitAt1 - baseline.hitAt1).toBeGreaterThan(0.5);
  });

  it.each([
    // One question below each figure of 2026-12-07, since a list question ranks the rule listing its subject
    // first (UU 30/2014 0.95 / 1.00, 0.85 / 0.95 before; PP 12/2017 0.95 / 1.00, 0.90 / 0.95 before).
    ['unseen-uu-30-2014', 'uu-30-2014', 0.9, 0.95],
    ['unseen-pp-12-2017', 'pp-12-2017', 0.9, 0.95],
    // UU 23/2014 whole (1,771 chunks, its Lampiran among them), mostly on articles outside the innovation
    // chapter, one question below the figures of 2026-12-07: the looked-at set (0.775 / 0.875; 0.625 / 0.875
    // before the rule listing a list question's subject ranked first and "memberikan" was read as a light
    // verb) and one only measured (0.750 / 0.875).
    ['unseen-uu-23-2014', 'uu-23-2014', 0.75, 0.85],
    ['check-uu-23-2014', 'uu-23-2014', 0.675, 0.825],
    // Written on 2026-12-07 by a helper who read only the regulation texts (not our code, base or sets),
    // one question below that day's figures: 0.775 / 1.000, 0.680 / 0.800, 0.760 / 0.880 (0.700 / 0.975,
    // 0.680 / 0.800 and 0.680 / 0.840 with the ranking of the day before; PP 12/2017's Pasal 30, 38 and 39,
    // joined by OCR to a division title, were not read as articles before that day).
    ['fresh-uu-23-2014', 'uu-23-2014', 0.75, 0.975],
    ['fresh-uu-30-2014', 'uu-30-2014', 0.64, 0.76],
    ['fresh-pp-12-2017', 'pp-12-2017', 0.72, 0.84],
    // Written later the same day the same way, and only measured: 0.750 / 0.925 and 0.867 / 1.000 (0.700 /
    // 0.925 and 0.867 / 1.000 with the ranking of the day before).
    ['fresh2-uu-23-2014', 'uu-23-2014', 0.725, 0.9],
    ['fresh-pp-38-2017', 'pp-38-2017', 0.833, 0.966],
    // Written on 2026-12-07 (evening) the same way, with out-of-scope questions that reuse each
    // regulation's words (hit@1 / hit@5 / abstention / false abstention, one question below or above the
    // figures of 2026-12-08): fresh3 looked at (0.850 / 0.950 / 0.50 / 0.025, 0.750 / 0.975 / 0.90 / 0.050,
    // 0.925 / 0.975 / 1.00 / 0.075, 0.733 / 0.967 / 1.00 / 0.167), fresh4 only measured (0.833 / 0.933 /
    // 0.875 / 0.033, 0.733 / 0.900 / 1.00 / 0.167, 0.700 / 0.867 / 0.875 / 0.033, 0.800 / 0.960 / 0.833 / 0.080).
    ['fresh3-uu-23-2014', 'uu-23-2014', 0.825, 0.925, 0.4, 0.05],
    ['fresh3-uu-30-2014', 'uu-30-2014', 0.725, 0.95, 0.8, 0.075],
    ['fresh3-pp-12-2017', 'pp-12-2017', 0.9, 0.95, 0.9, 0.1],
    ['fresh3-pp-38-2017', 'pp-38-2017', 0.7, 0.933, 0.875, 0.2],
    ['fresh4-uu-23-2014', 'uu-23-2014', 0.8, 0.9, 0.75, 0.067],
    ['fresh4-uu-30-2014', 'uu-30-2014', 0.7, 0.866, 0.875, 0.2],
    ['fresh4-pp-12-2017', 'pp-12-2017', 0.666, 0.833, 0.75, 0.067],
    ['fresh4-pp-38-2017', 'pp-38-2017', 0.76, 0.92, 0.666, 0.12],
    // Written on 2026-12-08 the same way (with questions needing two articles), measured before anything was
    // changed for them, then looked at: 0.813 / 0.938 / 0.75 / 0.031, 0.719 / 0.969 / 0.875 / 0.156 (0.750 /
    // 0.969 / 0.75 / 0.156 after), 0.656 / 0.906 / 0.75 / 0.250, 0.857 / 0.857 / 1.00 / 0.214.
    ['fresh5-uu-23-2014', 'uu-23-2014', 0.781, 0.906, 0.625, 0.063],
    ['fresh5-uu-30-2014', 'uu-30-2014', 0.718, 0.937, 0.625, 0.188],
    ['fresh5-pp-12-2017', 'pp-12-2017', 0.625, 0.875, 0.625, 0.282],
    ['fresh5-pp-38-2017', 'pp-38-2017', 0.821, 0.821, 0.875, 0.25],
  ] as const)('answers innovators\u2019 questions of %s about %s, a regulation nobody curated', async (set, name, hitAt1, hitAt5, abstention?: number, falseAbstention?: number) => {
    const index = indexOfRegulation(file(name));
    const questions = readQuestions(path.join(PROJECT_ROOT, 'tests/fixtures/eval', `${set}.jsonl`));
    const { pandu, baseline } = await measure(index, questions);
    expect(pandu.hitAt1).toBeGreaterThanOrEqual(hitAt1);
    expect(pandu.hitAt5).toBeGreaterThanOrEqual(hitAt5);
    expect(pandu.hitAt1).toBeGreaterThan(baseline.hitAt1);
    if (abstention !== undefined) expect(pandu.abstention).toBeGreaterThanOrEqual(abstention);
    if (falseAbstention !== undefined) expect(pandu.falseAbstention).toBeLessThanOrEqual(falseAbstention);
  });
});
