import { describe, expect, it } from 'vitest';
import {
  abstentionRates,
  collectExamples,
  confidenceOf,
  crossValidate,
  fitLogistic,
  leaveOneSetOut,
  type AbstentionExample,
} from '../../src/eval/fit-abstention.js';
import { fitAbstention, leaveOneOutReport, parseLabelledSpec } from '../../src/eval/fit-report.js';
import { Retriever } from '../../src/knowledge/retrieval/retriever.js';
import { chunk, indexOf } from '../knowledge/support/chunks.js';
import type { AbstentionSignals } from '../../src/knowledge/retrieval/abstention.js';
import { signalsOf } from '../knowledge/support/signals.js';

const signals = (coverage: number, outside: number): AbstentionSignals =>
  signalsOf({
    coverageTop1: coverage,
    coverageTop3: coverage,
    coverageBest: coverage,
    keyCovered: coverage > 0.5 ? 1 : 0,
    unknownShare: 1 - coverage,
    outsideTopic: outside,
  });
// In scope: well covered; out of scope: poorly covered, or covered but about an out-of-scope subject.
const examples: AbstentionExample[] = Array.from({ length: 60 }, (_, i) => {
  const inScope = i % 3 !== 0;
  const coverage = inScope ? 0.6 + (i % 5) * 0.08 : i % 2 ? 0.2 + (i % 4) * 0.05 : 0.8;
  return { id: `q${i}`, signals: signals(coverage, !inScope && coverage > 0.5 ? 1 : 0), inScope: inScope ? 1 : 0 };
});

describe('fitting the abstention model', () => {
  it('learns that coverage means in scope and an out-of-scope subject means not', () => {
    const model = fitLogistic(examples);
    expect(model.weights.coverageTop1).toBeGreaterThan(0);
    expect(model.weights.outsideTopic).toBeLessThan(0);
    expect(confidenceOf(model, signals(0.9, 0))).toBeGreaterThan(0.5);
    expect(confidenceOf(model, signals(0.9, 1))).toBeLessThan(0.5);
  });

  it('reports abstention and false abstention at a threshold, on the fitting set and cross-validated', () => {
    const model = fitLogistic(examples);
    const rates = abstentionRates(examples, (s) => confidenceOf(model, s));
    expect(rates.abstention).toBeGreaterThan(0.9);
    expect(rates.falseAbstention).toBeLessThan(0.1);
    expect(crossValidate(examples, { l2: 0.001, inScopeWeight: 1, iterations: 2000 })).toEqual({
      abstention: expect.any(Number),
      falseAbstention: expect.any(Number),
    });
  });

  it('leaves out questions a rule refuses (an article number the base does not have), keeps those the model weighs', async () => {
    const retriever = new Retriever(
      indexOf([
        chunk(
          { regulation: 'PP 38/2017', pasal: '22', ayat: '1' },
          'Menteri melakukan penilaian terhadap Daerah yang melaksanakan Inovasi Daerah; skor ditetapkan setiap tahun.',
        ),
        chunk(
          { regulation: 'PP 38/2017', pasal: '16', ayat: '2' },
          'Uji coba dilakukan pada Perangkat Daerah yang ditugaskan sebagai laboratorium uji coba.',
        ),
      ]),
    );
    const examples = await collectExamples(retriever, [
      { id: 'absent', question: 'apa isi Pasal 40?', citations: [], in_scope: false },
      { id: 'record', question: 'berapa skor penilaian Kabupaten Sidoarjo?', citations: [], in_scope: false },
      { id: 'rule', question: 'uji coba dilakukan di perangkat daerah mana?', citations: [], in_scope: true },
    ]);
    expect(examples.map((e) => e.id)).toEqual(['record', 'rule']);
  });

  it('measures each set with a model fitted on the other sets only, counting rule refusals as refused', () => {
    // Set "odd" labels its well-covered questions out of scope: no other set teaches that, so left out it fails.
    const odd = examples
      .slice(0, 20)
      .map((e) => ({ ...e, inScope: e.signals.coverageTop1 > 0.5 && !e.signals.outsideTopic ? 0 : e.inScope }));
    const ruled: AbstentionExample = { id: 'ruled', signals: signals(0.9, 0), inScope: 0, ruled: true };
    const sets = [
      { name: 'a', examples: [...examples.slice(20, 40), ruled] },
      { name: 'b', examples: examples.slice(40) },
      { name: 'odd', examples: odd },
    ];
    const rows = leaveOneSetOut(sets, { l2: 0.001, inScopeWeight: 1, iterations: 2000 });
    expect(rows.map((r) => r.name)).toEqual(['a', 'b', 'odd']);
    expect(rows[0]!.outside).toBe(examples.slice(20, 40).filter((e) => !e.inScope).length + 1);
    expect(rows[0]!.abstention).toBe(1);
    expect(rows[2]!.abstention).toBeLessThan(0.5);
  });
});

describe('fitting on sets answered from different data folders', () => {
  it('reads "set.jsonl@dir" as a set and the folder that answers it', () => {
    expect(parseLabelledSpec('tests/fixtures/eval/dev.jsonl')).toEqual({ file: 'tests/fixtures/eval/dev.jsonl' });
    expect(parseLabelledSpec('fresh.jsonl@/tmp/alone-uu-30')).toEqual({ file: 'fresh.jsonl', dataDir: '/tmp/alone-uu-30' });
    // A trailing "@" names no folder.
    expect(parseLabelledSpec('dev.jsonl@')).toEqual({ file: 'dev.jsonl@' });
  });

  it("asks each set's questions of its own retriever and reports the sets by name", async () => {
    const curated = indexOf([
      chunk({ regulation: 'PP 38/2017', pasal: '4' }, 'Bentuk inovasi daerah meliputi inovasi tata kelola dan inovasi pelayanan publik.'),
    ]);
    const ingested = indexOf([
      chunk(
        { regulation: 'UU 30/2014', pasal: '1', angka: '9' },
        'Diskresi adalah keputusan pejabat pemerintahan untuk persoalan konkret.',
      ),
    ]);
    const asked: string[] = [];
    const recording = (name: string, index: typeof curated) => {
      const retriever = new Retriever(index);
      const search = retriever.search.bind(retriever);
      retriever.search = (question, k) => {
        asked.push(`${name}: ${question}`);
        return search(question, k);
      };
      return retriever;
    };
    const q = (id: string, question: string, inScope: boolean) => ({
      id,
      question,
      citations: [],
      in_scope: inScope,
      difficulty: 'formal',
    });
    const lines = await leaveOneOutReport([
      {
        name: 'curated',
        retriever: recording('curated', curated),
        questions: [q('c1', 'apa saja bentuk inovasi daerah?', true), q('c2', 'berapa gaji bupati?', false)],
      },
      {
        name: 'alone@uu-30',
        retriever: recording('uu-30', ingested),
        questions: [q('u1', 'apa itu diskresi?', true), q('u2', 'berapa tunjangan camat?', false)],
      },
    ]);
    expect(asked).toEqual([
      'curated: apa saja bentuk inovasi daerah?',
      'curated: berapa gaji bupati?',
      'uu-30: apa itu diskresi?',
      'uu-30: berapa tunjangan camat?',
    ]);
    expect(lines.some((l) => l.startsWith('curated '))).toBe(true);
    expect(lines.some((l) => l.startsWith('alone@uu-30 '))).toBe(true);
    expect(
      (await fitAbstention([{ name: 'alone', retriever: new Retriever(ingested), questions: [q('u1', 'apa itu diskresi?', true)] }]))[0],
    ).toMatch(/^1 contoh \(1 dalam cakupan\)/);
  });
});
