import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledge } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { MiniSearchBaseline } from '../../src/eval/minisearch-baseline.js';
import { readQuestions } from '../../src/eval/questions.js';
import type { KnowledgeIndex } from '../../src/knowledge/index/knowledge-index.js';
import { Retriever } from '../../src/knowledge/retrieval/retriever.js';
import { silentLogger } from '../../src/logger.js';
import { tempDataDir } from '../support/temp-data.js';
import { sharedRegulationsDir } from '../knowledge/support/shared-regulations.js';
import { fillToChunks } from './support/large-corpus.js';

const SHARED_REGULATIONS = sharedRegulationsDir();
/** The whole UU 23/2014 from the shared test material when this machine has it. */
const UU_TEXT = path.join(SHARED_REGULATIONS ?? '/nonexistent', 'uu-23-2014.md');
const ROUNDS = 5;
/** At 30k chunks one pass over the questions is enough samples (MiniSearch alone takes minutes for five). */
const LARGE_ROUNDS = 1;
/** The scale the knowledge base must keep answering at: several large regulations ingested. */
const LARGE_CHUNKS = 30_000;

/**
 * Retrieval latency (p50/p95 per question) and resident memory, for Pandu's hybrid retriever and, in the
 * same run, the MiniSearch baseline: first over the shipped knowledge base plus the whole UU 23/2014, then
 * at 30k chunks, where it also measures a full rebuild and a load of the saved index (time, the longest the
 * event loop was blocked, memory). BENCH_LARGE_ONLY=1 skips the first part.
 */
export async function run(): Promise<void> {
  const questions = [
    ...readQuestions(path.join(projectRoot, 'tests/fixtures/eval/tune.jsonl')),
    ...readQuestions(path.join(projectRoot, 'tests/fixtures/eval/holdout.jsonl')),
  ].map((q) => q.question);
  if (process.env.BENCH_LARGE_ONLY !== '1') await small(questions);
  await large(questions);
}

async function small(questions: string[]): Promise<void> {
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
    console.log(
      `korpus: ${corpus}; ${index.chunks.length} potongan; ingest ${ingestMs.toFixed(0)} ms, bangun indeks ${buildMs.toFixed(0)} ms`,
    );
    await compare(index, questions);
    await db.$disconnect();
  } finally {
    temp.cleanup();
  }
}

async function large(questions: string[]): Promise<void> {
  const temp = tempDataDir('pandu-bench-large-');
  try {
    const config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent' }, projectRoot);
    const { db, knowledge } = await openKnowledge(config, silentLogger());
    await knowledge.syncShipped(config.knowledgeDir);
    const corpus = await fillToChunks(knowledge, LARGE_CHUNKS, SHARED_REGULATIONS);
    const rebuilt = await measured(() => knowledge.buildIndex({ force: true }));
    console.log(`\nkorpus besar: ${corpus}; ${rebuilt.value.chunks.length} potongan`);
    console.log(`bangun ulang penuh          ${rebuilt.summary}`);
    await db.$disconnect();

    // A fresh process's view: a new service over the same data directory finds the saved index.
    const reopened = await openKnowledge(config, silentLogger());
    const loaded = await measured(() => reopened.knowledge.buildIndex());
    console.log(`muat indeks tersimpan       ${loaded.summary}`);
    await compare(loaded.value, questions, LARGE_ROUNDS);
    await reopened.db.$disconnect();
  } finally {
    temp.cleanup();
  }
}

/** Pandu (hybrid and BM25 alone) against MiniSearch over the same chunks, p50/p95 in one run. */
async function compare(index: KnowledgeIndex, questions: string[], rounds = ROUNDS): Promise<void> {
  const retriever = new Retriever(index);
  for (const q of questions.slice(0, 20)) await retriever.search(q); // warm-up
  const pandu = await time(questions, (q) => retriever.search(q), rounds);
  report('Pandu (hibrida)', pandu);
  const bm25 = new Retriever(index, { mode: 'bm25' });
  report('Pandu (hanya BM25)', await time(questions, (q) => bm25.search(q), rounds));

  const baseline = new MiniSearchBaseline(index.chunks);
  for (const q of questions.slice(0, 20)) baseline.query(q, 10);
  const mini = await time(questions, async (q) => baseline.query(q, 10), rounds);
  report('MiniSearch (pembanding)', mini);
  console.log(`p95 Pandu / MiniSearch      ${(percentile(pandu, 0.95) / percentile(mini, 0.95)).toFixed(2)}×`);
}

/** Wall time, the longest event-loop block and resident memory of one piece of index work. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; summary: string }> {
  const blocks = longestBlock();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const blocked = await blocks.stop();
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const peak = process.resourceUsage().maxRSS / 1024;
  return {
    value,
    summary: `${ms.toFixed(0)} ms; loop tertahan maks ${blocked.toFixed(0)} ms; RSS ${rss.toFixed(0)} MB (puncak proses ${peak.toFixed(0)} MB)`,
  };
}

/**
 * The longest time the event loop went without running a timer due every TICK_MS (a message arriving then
 * would have waited that long), from the gaps between ticks: a loop blocked to the very end still shows.
 */
function longestBlock(): { stop: () => Promise<number> } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  return {
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, TICK_MS * 2));
      clearInterval(timer);
      return Math.max(0, worst);
    },
  };
}

const TICK_MS = 5;

async function time(questions: string[], fn: (q: string) => Promise<unknown>, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of questions) {
      const start = performance.now();
      await fn(q);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function report(label: string, samples: number[]): void {
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${label.padEnd(26)} p50 ${percentile(samples, 0.5).toFixed(2)} ms  p95 ${percentile(samples, 0.95).toFixed(2)} ms  (${samples.length} kueri)  RSS ${rss.toFixed(0)} MB`,
  );
}
