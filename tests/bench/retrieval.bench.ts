import fs from 'node:fs';
import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { openKnowledge } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { MiniSearchBaseline } from '../../src/eval/minisearch-baseline.js';
import { readQuestions } from '../../src/eval/questions.js';
import type { KnowledgeIndex } from '../../src/knowledge/index/knowledge-index.js';
import { Retriever } from '../../src/knowledge/retrieval/retriever.js';
import { silentLogger } from '../../src/logger.js';
import { tempDataDir } from '../support/temp-data.js';
import { sharedRegulationsDir } from '../knowledge/support/shared-regulations.js';
import { fillToChunks, perdaCopies } from './support/large-corpus.js';

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
    console.log(`(a) bangun ulang penuh      ${rebuilt.summary}`);
    await db.$disconnect();

    // A fresh process's view: a new service over the same data directory finds the saved index.
    const reopened = await openKnowledge(config, silentLogger());
    const loaded = await measured(() => reopened.knowledge.buildIndex());
    console.log(`(c) muat indeks tersimpan   ${loaded.summary}`);
    await compare(loaded.value, questions, LARGE_ROUNDS);

    // An admin adds one more regulation: the bot builds the new index while it answers from the loaded one.
    const [extra] = perdaCopies(loaded.value.chunks, loaded.value.chunks.length + EXTRA_CHUNKS, EXTRA_COPY);
    await reopened.knowledge.store.save(extra!, {
      sourcePath: 'bench/perda-tambahan.md',
      origin: 'admin',
      contentHash: 'bench-extra',
      byteSize: 0,
    });
    const asked = askingMeanwhile(new Retriever(loaded.value), questions);
    const reloaded = await measured(() => reopened.knowledge.buildIndex());
    const answers = await asked.stop();
    console.log(`(b) muat ulang +1 dokumen   ${reloaded.summary}; ${reloaded.value.chunks.length} potongan`);
    if (answers.length === 0) throw new Error('no question was answered while the index was rebuilt');
    console.log(
      `    selama itu dijawab dari indeks lama: ${answers.length} pertanyaan, tunggu p50 ${percentile(answers, 0.5).toFixed(1)} ms p95 ${percentile(answers, 0.95).toFixed(1)} ms maks ${Math.max(...answers).toFixed(1)} ms`,
    );
    await reopened.db.$disconnect();
  } finally {
    temp.cleanup();
  }
}

/** Chunks of the one document added before the reload: a regional regulation of ordinary length. */
const EXTRA_CHUNKS = 300;
/** Its number: after every Perda fillToChunks made. */
const EXTRA_COPY = 1000;
/** How often a question arrives while the index is rebuilt. */
const ASK_MS = 50;

/**
 * Questions arriving every ASK_MS, each answered from the current index as it comes (as messages from
 * different people are), while other work runs. Each answer's wait counts from when its question was due,
 * so a loop held by the work shows as waiting, as a user would see it.
 */
function askingMeanwhile(retriever: Retriever, questions: string[]): { stop: () => Promise<number[]> } {
  const waits: number[] = [];
  const answering: Array<Promise<void>> = [];
  const start = performance.now();
  let asked = 0;
  let timer: NodeJS.Timeout | undefined;
  const due = (n: number) => start + (n + 1) * ASK_MS;
  const next = (): void => {
    timer = setTimeout(
      () => {
        // Every question that fell due while the loop was held is taken now, as queued messages would be.
        while (due(asked) <= performance.now()) {
          const dueAt = due(asked);
          const q = questions[asked % questions.length]!;
          asked += 1;
          answering.push(retriever.search(q).then(() => void waits.push(performance.now() - dueAt)));
        }
        next();
      },
      Math.max(0, due(asked) - performance.now()),
    );
  };
  next();
  return {
    stop: async () => {
      clearTimeout(timer);
      await Promise.all(answering);
      return waits;
    },
  };
}

/** Pandu (hybrid and BM25 alone) against MiniSearch over the same chunks, p50/p95 in one run. */
/**
 * Each system answers every question once first, timed apart ("pertama"): that pass compiles the code and
 * fills the caches of a freshly loaded index (a 20-question warm-up left most of it to the measured pass,
 * which then told the order of the rows more than the systems). Then the measured rounds, the steady state.
 */
async function compare(index: KnowledgeIndex, questions: string[], rounds = ROUNDS): Promise<void> {
  const first = (label: string, samples: Samples) =>
    console.log(
      `  ${label.padEnd(24)} pertama: p50 ${percentile(samples.wall, 0.5).toFixed(2)} ms  p95 ${percentile(samples.wall, 0.95).toFixed(2)} ms`,
    );
  const retriever = new Retriever(index);
  const hybridFirst = await time(questions, (q) => retriever.search(q), 1);
  const pandu = await time(questions, (q) => retriever.search(q), rounds);
  report('Pandu (hibrida)', pandu);
  first('', hybridFirst);
  const bm25 = new Retriever(index, { mode: 'bm25' });
  await time(questions, (q) => bm25.search(q), 1);
  report('Pandu (hanya BM25)', await time(questions, (q) => bm25.search(q), rounds));

  const baseline = new MiniSearchBaseline(index.chunks);
  const miniFirst = await time(questions, async (q) => baseline.query(q, 10), 1);
  const mini = await time(questions, async (q) => baseline.query(q, 10), rounds);
  report('MiniSearch (pembanding)', mini);
  first('', miniFirst);
  console.log(
    `p95 Pandu / MiniSearch      ${(percentile(pandu.wall, 0.95) / percentile(mini.wall, 0.95)).toFixed(2)}× (CPU ${(percentile(pandu.cpu, 0.95) / percentile(mini.cpu, 0.95)).toFixed(2)}×); ` +
      `pertama ${(percentile(hybridFirst.wall, 0.95) / percentile(miniFirst.wall, 0.95)).toFixed(2)}×`,
  );
}

/** Wall time, the longest event-loop block and resident memory of one piece of index work. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; summary: string }> {
  const blocks = longestBlock();
  // Garbage collection pauses the loop too, outside any slice of the work: the longest one is reported.
  let longestGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const blocked = await blocks.stop();
  gc.disconnect();
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const peak = process.resourceUsage().maxRSS / 1024;
  return {
    value,
    summary:
      `${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms); loop tertahan maks ${blocked.wall.toFixed(0)} ms ` +
      `(CPU proses di celah itu ${blocked.cpuOfWorst.toFixed(0)} ms, celah CPU terbesar ${blocked.cpu.toFixed(0)} ms${loopThread(blocked.loopCpu)}, jeda GC terpanjang ${longestGc.toFixed(0)} ms); RSS ${rss.toFixed(0)} MB (puncak proses ${peak.toFixed(0)} MB)`,
  };
}

/**
 * The longest time the event loop went without running a timer due every TICK_MS (a message arriving then
 * would have waited that long), from the gaps between ticks: a loop blocked to the very end still shows.
 * On a shared machine a gap also holds time the process was not scheduled at all, so each gap's CPU time
 * (of the whole process, so an upper bound for the loop's thread) is reported too: what the gap would be
 * on a machine of its own.
 */
function longestBlock(): { stop: () => Promise<{ wall: number; cpuOfWorst: number; cpu: number; loopCpu?: number }> } {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let lastLoopCpu = loopThreadCpuMs();
  let worst = 0;
  let cpuOfWorst = 0;
  let worstCpu = 0;
  let worstLoopCpu = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (now - last - TICK_MS > worst) {
      worst = now - last - TICK_MS;
      cpuOfWorst = cpuMs;
    }
    worstCpu = Math.max(worstCpu, cpuMs);
    const loopCpu = loopThreadCpuMs();
    if (loopCpu !== undefined && lastLoopCpu !== undefined) worstLoopCpu = Math.max(worstLoopCpu, loopCpu - lastLoopCpu);
    last = now;
    lastCpu = process.cpuUsage();
    lastLoopCpu = loopThreadCpuMs();
  }, TICK_MS);
  return {
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, TICK_MS * 2));
      clearInterval(timer);
      return { wall: Math.max(0, worst), cpuOfWorst, cpu: worstCpu, ...(lastLoopCpu !== undefined ? { loopCpu: worstLoopCpu } : {}) };
    },
  };
}

/**
 * CPU time of the event loop's own thread so far (Linux: /proc/thread-self/schedstat, in nanoseconds),
 * or undefined elsewhere. Unlike the process's CPU time it leaves out the garbage collector's helper
 * threads and the thread pool, and unlike wall time the moments the machine ran something else: its
 * largest gap between two ticks is the longest block a machine of its own would see.
 */
function loopThreadCpuMs(): number | undefined {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

function loopThread(ms: number | undefined): string {
  return ms === undefined ? '' : `, celah CPU utas loop terbesar ${ms.toFixed(0)} ms`;
}

const TICK_MS = 5;

/** Per question: wall time, and the process's CPU time (what the wall time would be on an idle machine). */
interface Samples {
  wall: number[];
  cpu: number[];
}

async function time(questions: string[], fn: (q: string) => Promise<unknown>, rounds: number): Promise<Samples> {
  const samples: Samples = { wall: [], cpu: [] };
  for (let r = 0; r < rounds; r += 1) {
    for (const q of questions) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await fn(q);
      samples.wall.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      samples.cpu.push((used.user + used.system) / 1000);
    }
  }
  return samples;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function report(label: string, samples: Samples): void {
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const { wall, cpu } = samples;
  console.log(
    `${label.padEnd(26)} p50 ${percentile(wall, 0.5).toFixed(2)} ms  p95 ${percentile(wall, 0.95).toFixed(2)} ms  ` +
      `(CPU p50 ${percentile(cpu, 0.5).toFixed(2)} ms  p95 ${percentile(cpu, 0.95).toFixed(2)} ms)  (${wall.length} kueri)  RSS ${rss.toFixed(0)} MB`,
  );
}
