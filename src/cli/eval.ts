import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, openKnowledge } from '../app.js';
import {
  ABLATIONS,
  METRICS_HEADER,
  buildAblationIndex,
  evaluateBaseline,
  evaluatePandu,
  evaluateRetrieval,
  formatMetricsRow,
  metricsOf,
} from '../eval/run-eval.js';
import { describeMisses } from '../eval/misses.js';
import { pasalLookupQuestions } from '../eval/pasal-lookups.js';
import { readQuestions } from '../eval/questions.js';
import { PRIOR_ABLATIONS } from '../knowledge/retrieval/ranking-priors.js';
import { Retriever } from '../knowledge/retrieval/retriever.js';
import { fitAbstention, leaveOneOutReport, parseLabelledSpec, type LabelledFile } from '../eval/fit-report.js';
import { loadConfig } from '../config.js';
import { bootstrap } from './bootstrap.js';

/**
 * `npm run --silent eval -- --questions <file.jsonl> [--json] [--data-dir <dir>] [--ablation] [--misses]`:
 * Pasal-level hit@1/hit@5/MRR, abstention on out-of-scope and false abstention on in-scope questions,
 * for Pandu and, in the same run, a plain MiniSearch baseline over the same chunks.
 * `--pasal-lookups` asks for every Pasal of the data folder by number instead of reading a question file;
 * `--misses` lists the questions Pandu got wrong, with what it retrieved instead.
 * `--fit-abstention --questions a.jsonl,b.jsonl@dir` fits the abstention model on labelled sets and prints it;
 * with `--leave-one-out` it instead fits on all files but one and measures the one left out, for each file.
 */
const USAGE =
  'usage: npm run --silent eval -- (--questions <file.jsonl> | --pasal-lookups) [--json] [--data-dir <dir>] [--ablation] [--misses]';
const values = readArgs();
if (!values.questions && !values['pasal-lookups']) {
  console.error(USAGE);
  process.exit(2);
}

/** The options, or the usage and exit code 2 for one it does not know. */
function readArgs() {
  try {
    return parseArgs({
      options: {
        questions: { type: 'string' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        ablation: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
        'fit-abstention': { type: 'boolean', default: false },
        'leave-one-out': { type: 'boolean', default: false },
        'pasal-lookups': { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}
if (values['data-dir']) {
  process.env.DATA_DIR = path.resolve(values['data-dir']);
  delete process.env.DATABASE_URL;
}
const { config, logger } = bootstrap('error');
// An evaluation must not change the data directory it measures: only an empty one gets the shipped base.
const probe = await openKnowledge(config, logger);
const empty = (await probe.knowledge.list()).length === 0;
await probe.db.$disconnect();
const app = await createApp(config, { logger, skipKnowledgeSync: !empty });
try {
  if (values['fit-abstention']) {
    // --questions takes a comma-separated list here: every labelled set the model is fitted on, each
    // answered from the data folder given with --data-dir, or from its own ("set.jsonl@data-dir").
    const { files, opened } = await labelledFiles((values.questions ?? '').split(',').filter(Boolean), new Retriever(app.index()));
    try {
      const lines = values['leave-one-out'] ? await leaveOneOutReport(files) : await fitAbstention(files);
      for (const line of lines) console.log(line);
    } finally {
      await Promise.all(opened.map((other) => other.close()));
    }
    process.exitCode = 0;
  } else await evaluate();
} finally {
  await app.close();
}

/**
 * The labelled files of a fit, each with the retriever of its data folder: `set.jsonl@dir` is answered from
 * `dir` (a folder where regulations were added with `kb add`; never synced with the shipped base here), a
 * plain `set.jsonl` from this run's. The apps opened for other folders are returned to be closed.
 */
async function labelledFiles(
  specs: readonly string[],
  own: Retriever,
): Promise<{ files: LabelledFile[]; opened: Array<{ close(): Promise<void> }> }> {
  const opened: Array<{ close(): Promise<void> }> = [];
  const retrievers = new Map<string, Retriever>();
  const files: LabelledFile[] = [];
  for (const spec of specs) {
    const { file, dataDir } = parseLabelledSpec(spec);
    const dir = dataDir ? path.resolve(dataDir) : undefined;
    let retriever = own;
    if (dir) {
      // An absent folder would be created empty, and its set measured against no knowledge at all.
      if (!existsSync(dir)) throw new Error(`folder data untuk ${file} tidak ditemukan: ${dir} (isi dulu dengan \`kb add\`)`);
      let theirs = retrievers.get(dir);
      if (!theirs) {
        const other = await createApp(loadConfig({ ...process.env, DATA_DIR: dir, DATABASE_URL: undefined }), {
          logger,
          skipKnowledgeSync: true,
        });
        opened.push(other);
        theirs = new Retriever(other.index());
        retrievers.set(dir, theirs);
      }
      retriever = theirs;
    }
    const name = path.basename(file, '.jsonl') + (dir ? `@${path.basename(dir)}` : '');
    files.push({ name, questions: readQuestions(path.resolve(file)), retriever });
  }
  return { files, opened };
}

async function evaluate(): Promise<void> {
  const questions = values.questions ? readQuestions(path.resolve(values.questions)) : pasalLookupQuestions(app.index().chunks);
  const records = await evaluatePandu(app.answerer, questions);
  if (values.json) {
    for (const r of records) console.log(JSON.stringify(r));
  } else {
    const index = app.index();
    console.log(
      `${questions.length} pertanyaan (${questions.filter((q) => q.in_scope).length} dalam cakupan), ${index.chunks.length} potongan, data: ${config.dataDir}`,
    );
    console.log(METRICS_HEADER);
    console.log(formatMetricsRow('Pandu (hibrida, jawaban penuh)', metricsOf(records, questions)));
    console.log(formatMetricsRow('  hanya BM25', await evaluateRetrieval(index, 'bm25', questions)));
    console.log(formatMetricsRow('  hanya vektor (dense)', await evaluateRetrieval(index, 'dense', questions)));
    if (values.ablation) {
      for (const a of PRIOR_ABLATIONS) {
        console.log(formatMetricsRow(`  BM25 ${a.label}`, await evaluateRetrieval(index, 'bm25', questions, a.priors)));
      }
      for (const a of ABLATIONS) {
        console.log(
          formatMetricsRow(`  BM25 ${a.label}`, await evaluateRetrieval(buildAblationIndex(index, a.options), 'bm25', questions)),
        );
      }
    }
    console.log(formatMetricsRow('MiniSearch (bawaan, pembanding)', evaluateBaseline(index, questions)));
    if (values.misses) for (const line of describeMisses(records, questions)) console.log(line);
  }
}
