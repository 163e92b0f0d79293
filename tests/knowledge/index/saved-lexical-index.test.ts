import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { Db } from '../../../src/db/client.js';
import { readQuestions } from '../../../src/eval/questions.js';
import { searchableFields } from '../../../src/knowledge/index/indexed-chunk.js';
import type { KnowledgeIndex } from '../../../src/knowledge/index/knowledge-index.js';
import { prepareQuery } from '../../../src/knowledge/retrieval/query-groups.js';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { KnowledgeService } from '../../../src/knowledge/knowledge-service.js';
import { capturingLogger, entries } from '../../support/log-lines.js';
import { tempDataDir } from '../../support/temp-data.js';

const EVAL_DIR = path.join(projectRoot, 'tests/fixtures/eval');
/** Every question of every evaluation set: what the rankings must not change on. */
const QUESTIONS = fs
  .readdirSync(EVAL_DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readQuestions(path.join(EVAL_DIR, f)).map((q) => q.question));

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let config: ReturnType<typeof loadConfig>;
let built: KnowledgeIndex;
const lexicalFile = () => path.join(config.dataDir, 'index', 'lexical.bin');

function service(logger = capturingLogger()): { service: KnowledgeService; lines: string[] } {
  return { service: new KnowledgeService({ db, dataDir: config.dataDir, maxFileBytes: config.kb.maxFileBytes, logger: logger.logger }), lines: logger.lines };
}

/** What a retriever returns for every evaluation question, in a comparable form. */
async function rankings(index: KnowledgeIndex): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const mode of ['hybrid', 'bm25'] as const) {
    const retriever = new Retriever(index, { mode });
    for (const q of QUESTIONS) {
      const r = await retriever.search(q, 10);
      out.push({ q, abstain: r.abstain, confidence: r.confidence, hits: r.hits.map((h) => [h.chunk.id, h.score, h.bm25, h.similarity]) });
    }
  }
  return out;
}

beforeAll(async () => {
  temp = tempDataDir('pandu-lexical-');
  config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent' }, projectRoot);
  ({ db } = await openKnowledge(config, capturingLogger().logger));
  const { service: first, lines } = service();
  await first.syncShipped(config.knowledgeDir);
  built = await first.buildIndex();
  expect(entries(lines, /lexical index built/)).toHaveLength(1);
});
afterAll(async () => {
  await db.$disconnect();
  temp.cleanup();
});

describe('the saved lexical index (DATA_DIR/index/lexical.bin)', () => {
  it('is loaded on the next start instead of being built, and ranks every evaluation question the same', async () => {
    expect(fs.existsSync(lexicalFile())).toBe(true);
    const { service: next, lines } = service();
    const loaded = await next.buildIndex();
    expect(entries(lines, /lexical index built/)).toHaveLength(0);
    expect(loaded.chunks.length).toBe(built.chunks.length);
    expect(await rankings(loaded)).toEqual(await rankings(built));
  });

  it('gives back the chunk facts it saved (definitions, answer forms, cross-references, regulations, doers, stated acts) as they were learnt', async () => {
    const loaded = await service().service.buildIndex();
    expect(loaded.definedTerms).toEqual(built.definedTerms);
    expect(loaded.forms).toEqual(built.forms);
    expect(loaded.references).toEqual(built.references);
    expect(loaded.regulations.entries()).toEqual(built.regulations.entries());
    expect(loaded.references.some((targets) => targets.length > 0)).toBe(true);
    expect(loaded.definedTerms.some(Boolean)).toBe(true);
    expect([...loaded.doers()]).toEqual([...built.doers()]);
    expect(loaded.doers().size).toBeGreaterThan(0);
    // The acts each chunk states with its doer, saved instead of read from 30k texts again at every start.
    const acts = (index: KnowledgeIndex) => index.chunks.map((_, doc) => [...index.agentRoots(doc)].sort());
    expect(acts(loaded)).toEqual(acts(built));
    expect(acts(loaded).filter((roots) => roots.length > 1).length).toBeGreaterThan(0);
    expect(loaded.forms.some((f) => f.instrument)).toBe(true);
  });

  it('is rebuilt, with a log line, when the file is damaged, and the rebuilt index ranks the same', async () => {
    const bytes = fs.readFileSync(lexicalFile());
    fs.writeFileSync(lexicalFile(), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { service: next, lines } = service();
    const rebuilt = await next.buildIndex();
    expect(entries(lines, /saved lexical index unreadable/)).toHaveLength(1);
    expect(entries(lines, /lexical index built/)).toHaveLength(1);
    expect(await rankings(rebuilt)).toEqual(await rankings(built));
    // …and saved again: the start after that loads it.
    const { service: after, lines: afterLines } = service();
    await after.buildIndex();
    expect(entries(afterLines, /lexical index built|unreadable/)).toHaveLength(0);
  });

  it('is rebuilt when the chunks changed since it was saved, or when it is missing', async () => {
    const { service: next, lines } = service();
    const [doc] = await next.list();
    await next.remove(doc!.id);
    const smaller = await next.buildIndex();
    expect(entries(lines, /lexical index built/)).toHaveLength(1);
    expect(entries(lines, /unreadable/)).toHaveLength(0);
    expect(smaller.chunks.length).toBeLessThan(built.chunks.length);
    fs.rmSync(lexicalFile());
    const { service: again, lines: againLines } = service();
    await again.buildIndex();
    expect(entries(againLines, /lexical index built/)).toHaveLength(1);
    expect(fs.existsSync(lexicalFile())).toBe(true);
  });
});

describe('BM25 over compact postings with top-k selection', () => {
  it('returns, for every evaluation question, the best documents of a plain BM25F scoring of all chunks', () => {
    const { k1, b } = { k1: 1.2, b: 0.75 };
    // Textbook BM25F, straight from the analysed fields: the oracle the index's pruned path must match.
    const docs = built.chunks.map((c) => {
      const tf = new Map<string, number>();
      let length = 0;
      for (const { text, weight } of searchableFields(c)) {
        const tokens = built.analyzer.indexTokens(text);
        length += tokens.length * weight;
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + weight);
      }
      return { tf, length };
    });
    const avg = docs.reduce((a, d) => a + d.length, 0) / docs.length;
    const df = new Map<string, number>();
    for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const idf = (t: string) => Math.log(1 + (docs.length - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
    for (const question of QUESTIONS) {
      const { groups } = prepareQuery(question, built);
      const scored = docs
        .map((d, doc) => {
          let score = 0;
          let matched = false;
          for (const g of groups) {
            let best = 0;
            for (const v of g.variants) {
              const tf = d.tf.get(v.token);
              if (tf === undefined) continue;
              matched = true;
              best = Math.max(best, (idf(v.token) * v.weight * g.weight * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / avg)));
            }
            score += best;
          }
          return { doc, score, matched };
        })
        .filter((d) => d.matched && d.score > 0)
        .sort((x, y) => y.score - x.score || x.doc - y.doc)
        .slice(0, 80);
      const hits = built.bm25.search(groups, 80);
      expect(hits.map((h) => h.doc)).toEqual(scored.map((s) => s.doc));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(scored[i]!.score, 9));
    }
  });
});
