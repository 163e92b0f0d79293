import path from 'node:path';
import { MiniSearchBaseline } from '../../src/eval/minisearch-baseline.js';
import { readQuestions } from '../../src/eval/questions.js';
import { PROJECT_ROOT, startTestApp } from '../support/test-app.js';

const SETS = ['dev', 'dev2', 'tune', 'abstention'];
const ROUNDS = 9;

/**
 * CPU time of one answer without a model (retrieval, abstention, the extractive answer) over the
 * evaluation questions on the shipped knowledge base, against MiniSearch searching the same chunks in
 * the same run: rounds alternate between the two, so a busy machine slows both alike. Issue 12 wants a
 * Q&A message to cost at most twice a bare grammY echo bot's (0.24 ms in the Telegram bench).
 */
export async function run(): Promise<void> {
  const questions = SETS.flatMap((set) => readQuestions(path.join(PROJECT_ROOT, `tests/fixtures/eval/${set}.jsonl`))).map(
    (q) => q.question,
  );
  const test = await startTestApp();
  try {
    const { answerer } = test.app;
    const baseline = new MiniSearchBaseline(test.app.index().chunks);
    for (let r = 0; r < 3; r += 1) {
      for (const q of questions) await answerer.answer(q);
      for (const q of questions) baseline.query(q, 10);
    }
    const pandu: number[] = [];
    const mini: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      pandu.push(await cpuPerQuestion(questions, (q) => answerer.answer(q)));
      mini.push(await cpuPerQuestion(questions, async (q) => baseline.query(q, 10)));
    }
    const ratios = pandu.map((p, i) => p / mini[i]!);
    console.log(`${questions.length} pertanyaan (${SETS.join(', ')}), ${ROUNDS} putaran bergantian; CPU per pertanyaan, median`);
    console.log(`Pandu jawab (tanpa LLM)     ${median(pandu).toFixed(3)} ms`);
    console.log(`MiniSearch cari (pembanding) ${median(mini).toFixed(3)} ms`);
    console.log(
      `Pandu / MiniSearch          ${median(ratios).toFixed(2)}× (per putaran ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
  } finally {
    await test.close();
  }
}

async function cpuPerQuestion(questions: string[], work: (q: string) => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (const q of questions) await work(q);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / questions.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
