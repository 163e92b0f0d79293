import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuestions } from '../../src/eval/questions.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { PROJECT_ROOT } from '../support/test-app.js';
import { cliEnv } from './support/cli-env.js';

const QUESTIONS = path.join(PROJECT_ROOT, 'tests/fixtures/cli/eval-questions.jsonl');

interface EvalLine {
  id: string;
  abstained: boolean;
  answer: string;
  retrieved: Array<{ citation: string; score: number }>;
}

let temp: ReturnType<typeof tempDataDir>;
let json: CliResult;
let table: CliResult;

beforeAll(async () => {
  temp = tempDataDir('pandu-eval-');
  const env = cliEnv(path.join(temp.dir, 'data'), { KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir) });
  // The first run fills the empty data folder with the knowledge base; the second measures it as it is.
  json = await runCli('src/cli/eval.ts', ['--questions', QUESTIONS, '--json'], { env });
  table = await runCli('src/cli/eval.ts', ['--questions', QUESTIONS], { env });
});
afterAll(() => {
  temp.cleanup();
});

describe('npm run eval -- --json', () => {
  it('prints one JSON object per question with id, abstained, confidence, answer and the retrieved passages', () => {
    expect(json.code).toBe(0);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as EvalLine);
    const questions = readQuestions(QUESTIONS);
    expect(lines.map((l) => l.id)).toEqual(questions.map((q) => q.id));
    for (const [i, line] of lines.entries()) {
      expect(line).toMatchObject({ abstained: expect.any(Boolean), confidence: expect.any(Number), answer: expect.any(String) });
      // Every passage that shares a word with the question, up to 10; an out-of-scope one may share none.
      expect(line.retrieved.length).toBeGreaterThanOrEqual(questions[i]!.in_scope ? 1 : 0);
      expect(line.retrieved.length).toBeLessThanOrEqual(10);
      const scores = line.retrieved.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const r of line.retrieved) expect(r).toEqual({ citation: expect.any(String), score: expect.any(Number) });
    }
  });

  it('answers in-scope questions with the gold passage first and abstains on the others', () => {
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as EvalLine);
    for (const q of readQuestions(QUESTIONS)) {
      const line = lines.find((l) => l.id === q.id)!;
      expect(line.abstained, q.id).toBe(!q.in_scope);
      if (q.in_scope) {
        expect(line.retrieved[0]!.citation, q.id).toBe(q.citations[0]);
        expect(line.answer).toContain(`Dasar: ${q.citations[0]}`);
      } else {
        expect(line.answer).toContain('tidak ditemukan dalam basis pengetahuan');
      }
    }
  });
});

describe('npm run eval (table)', () => {
  it('prints hit@1, hit@5, MRR and abstention rows for Pandu and the MiniSearch baseline', () => {
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^6 pertanyaan \(4 dalam cakupan\), 11 potongan, data: /);
    expect(lines[1]).toMatch(/^sistem\s+hit@1\s+hit@5\s+MRR\s+abstain\s+salah-abstain$/);
    const row = (label: string) => {
      const line = lines.find((l) => l.startsWith(label));
      expect(line, label).toBeDefined();
      return line!.trim().split(/\s+/).slice(-5).map(Number);
    };
    expect(row('Pandu (hibrida, jawaban penuh)')).toEqual([1, 1, 1, 1, 0]);
    expect(row('  hanya BM25')).toHaveLength(5);
    expect(row('  hanya vektor (dense)')).toHaveLength(5);
    const baseline = row('MiniSearch (bawaan, pembanding)');
    expect(baseline).toHaveLength(5);
    for (const x of baseline) expect(x).toBeGreaterThanOrEqual(0);
    // MiniSearch abstains only when nothing matches at all; these out-of-scope questions share words.
    expect(baseline[3]).toBeLessThan(1);
  });
});

describe('npm run eval with an option it does not know', () => {
  it('prints the option and the usage and exits 2, without a stack trace or touching a data folder', async () => {
    const result = await runCli('src/cli/eval.ts', ['--questoins', QUESTIONS], {
      env: cliEnv(path.join(temp.dir, 'never-made')),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--questoins'");
    expect(result.stderr).toContain('usage: npm run --silent eval --');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
