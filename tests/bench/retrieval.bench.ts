import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledge } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { MiniSearchBaseline } from '../../src/eval/minisearch-baseline.js';
import { readQuestions } from '../../src/eval/questions.js';
import { Retriever } from '../../src/knowledge/retrieval/retriever.js';
import { silentLogger } from '../../src/logger.js';
import { tempDataDir } from '../support/temp-data.js';

/** The whole UU 23/2014 from the shared test material when this machine has it. */
const UU_TEXT = path.resolve(projectRoot, '..', 'shared', 'data', 'regulations', 'uu-23-2014.md');
const ROUNDS = 5;

/**
 * Retrieval latency (p50/p95 per question) and resident memory over the shipped knowledge base plus the
 * whole UU 23/2014, for Pandu's hybrid retriever and, in the same run, the MiniSearch baseline.
 */
export async function run(): Promise<void> {
  const temp = tempDataDir('pandu-bench-');
  try {
    const config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent' }, projectRoot);
    const { db, knowledge } = await openKnowledge(config, silentLogger());
    const t0 = performance.now();
    await knowledge.syncShipped(config.knowledgeDir);
    const corpus = fs.existsSync(UU_TEXT)
      ? 'knowledge/ + UU 23/2014 (seluruh teks)'
      : 'knowledge/ saja (teks UU 23/2014 tidak ada di mesin ini)';
    if (fs.existsSync(UU_TEXT)) await knowledge.addFile(UU_TEXT, { origin: 'admin' });
    const ingestMs = performance.now() - t0;
    const t1 = performance.now();
    const index = await knowledge.buildIndex({ force: true });
    const buildMs = performance.now() - t1;
    const questions = [
      ...readQuestions(path.join(projectRoot, 'tests/fixtures/eval/tune.jsonl')),
      ...readQuestions(path.join(projectRoot, 'tests/fixtures/eval/holdout.jsonl')),
    ].map((q) => q.question);
    console.log(
      `korpus: ${corpus}; ${index.chunks.length} potongan; ingest ${ingestMs.toFixed(0)} ms, bangun indeks ${buildMs.toFixed(0)} ms`,
    );

    const retriever = new Retriever(index);
    for (const q of questions.slice(0, 20)) await retriever.search(q); // warm-up
    const pandu = await time(questions, (q) => retriever.search(q));
    report('Pandu (hibrida)', pandu);
    const bm25 = new Retriever(index, { mode: 'bm25' });
    report('Pandu (hanya BM25)', await time(questions, (q) => bm25.search(q)));

    const baseline = new MiniSearchBaseline(index.chunks);
    for (const q of questions.slice(0, 20)) baseline.query(q, 10);
    report('MiniSearch (pembanding)', await time(questions, async (q) => baseline.query(q, 10)));
    await db.$disconnect();
  } finally {
    temp.cleanup();
  }
}

async function time(questions: string[], fn: (q: string) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const q of questions) {
      const start = performance.now();
      await fn(q);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

function report(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${label.padEnd(26)} p50 ${at(0.5).toFixed(2)} ms  p95 ${at(0.95).toFixed(2)} ms  (${samples.length} kueri)  RSS ${rss.toFixed(0)} MB`,
  );
}
