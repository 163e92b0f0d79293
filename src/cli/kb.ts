import { parseArgs } from 'node:util';
import { openKnowledge } from '../app.js';
import { loadTranslator } from '../i18n/translator.js';
import { IngestError } from '../knowledge/ingest/errors.js';
import { bootstrap } from './bootstrap.js';
import { progressBar } from './progress.js';

/**
 * `npm run kb -- <add|list|remove|reindex>`: the admin's knowledge-base tool. Every command honours
 * DATA_DIR; a file that cannot be ingested is reported and leaves the base and its index unchanged.
 */
const { config, logger } = bootstrap('warn');
const { t } = loadTranslator(config.localesDir);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    regulation: { type: 'string' },
    title: { type: 'string' },
  },
});
const [command, ...args] = positionals;
const { db, knowledge } = await openKnowledge(config, logger);
const progress = progressBar();
let exitCode = 0;

try {
  switch (command) {
    case 'add': {
      if (args.length === 0) {
        console.error(t('kb.usage'));
        exitCode = 2;
        break;
      }
      let changed = false;
      for (const file of args) {
        try {
          const r = await knowledge.addFile(file, { origin: 'admin', regulation: values.regulation, title: values.title });
          console.log(t(`kb.${r.status}`, { title: r.title, chunks: r.chunks, id: r.documentId }));
          changed ||= r.status !== 'duplicate';
        } catch (error) {
          exitCode = 1;
          console.error(t('kb.failed_file', { file, reason: describe(error) }));
        }
      }
      if (changed) await rebuild(false);
      break;
    }
    case 'list': {
      const docs = await knowledge.list();
      if (values.json) {
        for (const d of docs) {
          console.log(
            JSON.stringify({
              id: d.id,
              title: d.title,
              regulation: d.regulation,
              chunks: d.chunks,
              pasal: d.pasal,
              origin: d.origin,
              source: d.sourcePath,
            }),
          );
        }
      } else {
        console.log(t('kb.list_header', { count: docs.length }));
        for (const d of docs) {
          const pasal = d.pasal.length > 0 ? ` Pasal ${summarisePasal(d.pasal)}` : '';
          console.log(`${d.id}  [${d.origin}] ${d.regulation ?? '-'}  ${d.title}  (${d.chunks} potongan${pasal})`);
        }
      }
      break;
    }
    case 'remove': {
      const id = args[0];
      if (!id) {
        console.error(t('kb.usage'));
        exitCode = 2;
        break;
      }
      if (await knowledge.remove(id)) {
        console.log(t('kb.removed', { id }));
        await rebuild(false);
      } else {
        console.error(t('kb.not_found', { id }));
        exitCode = 1;
      }
      break;
    }
    case 'reindex': {
      const sync = await knowledge.syncShipped(config.knowledgeDir, progress);
      console.log(t('kb.synced', { added: sync.added, updated: sync.updated, removed: sync.removed, unchanged: sync.unchanged }));
      for (const f of sync.failed) console.error(t('kb.failed_file', { file: f.file, reason: f.error }));
      await rebuild(values.full);
      break;
    }
    default:
      console.error(t('kb.usage'));
      exitCode = 2;
  }
} finally {
  await db.$disconnect();
}
process.exitCode = exitCode;

async function rebuild(force: boolean): Promise<void> {
  const index = await knowledge.buildIndex({ force, progress });
  const documents = new Set(index.chunks.map((c) => c.documentId)).size;
  console.log(t('kb.index_ready', { chunks: index.chunks.length, documents }));
}

function describe(error: unknown): string {
  if (error instanceof IngestError) {
    return t(`kb.error.${error.code}`, { max: Math.round(config.kb.maxFileBytes / 1024 / 1024), detail: error.detail });
  }
  logger.error({ err: error }, 'ingestion failed');
  return error instanceof Error ? error.message : String(error);
}

/** "1-36" for a full run, otherwise a compact list. */
function summarisePasal(pasal: string[]): string {
  const nums = pasal.map((p) => Number.parseInt(p, 10));
  const contiguous = nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1) && pasal.every((p) => /^\d+$/.test(p));
  if (contiguous && nums.length > 2) return `${nums[0]}-${nums[nums.length - 1]}`;
  return pasal.length > 12 ? `${pasal.slice(0, 12).join(', ')}, ...` : pasal.join(', ');
}
