import { openKnowledge } from '../app.js';
import type { Db } from '../db/client.js';
import { historyLine } from '../knowledge/audit/history-lines.js';
import { readKbHistory } from '../knowledge/audit/kb-audit.js';
import { loadTranslator } from '../i18n/translator.js';
import { IngestError } from '../knowledge/ingest/errors.js';
import { ingestErrorMessage } from '../knowledge/ingest/error-message.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import { bootstrap } from './bootstrap.js';
import { setStatusFromShell } from './kb-status.js';
import { parseKbArgs, type KbCommand } from './kb-args.js';
import { progressBar } from './progress.js';
import { explainStartupError } from './startup-error.js';

/**
 * `npm run kb -- <add|list|remove|reindex|status|history>`: the admin's knowledge-base tool. `add` of a
 * regulation already in the base stores it as that regulation's new version and retires the old one,
 * as a chat upload does. Every command honours
 * DATA_DIR; a file that cannot be ingested is reported in one Indonesian line and leaves the base and its
 * index unchanged. Nothing reaches the screen as a stack trace: details go to the log (stderr, JSON).
 */
const { config, logger } = bootstrap('warn');
const { t } = loadTranslator(config.localesDir);
const progress = progressBar();

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  logger.error({ err: error }, 'kb command failed');
  console.error(explainStartupError(t)(error) ?? t('kb.failed_command'));
  return 1;
});

async function main(argv: string[]): Promise<number> {
  const parsed = parseKbArgs(argv);
  if (!parsed.ok) {
    const { key, params } = parsed.problem;
    if (key) console.error(t(key, params));
    console.error(t('kb.usage'));
    return 2;
  }
  const { db, knowledge } = await openKnowledge(config, logger);
  try {
    return await run(parsed.value, knowledge, db);
  } finally {
    await db.$disconnect();
  }
}

async function run(cmd: KbCommand, knowledge: KnowledgeService, db: Db): Promise<number> {
  switch (cmd.command) {
    case 'add': {
      let exitCode = 0;
      let changed = false;
      for (const file of cmd.files) {
        try {
          const r = await knowledge.addFile(file, { origin: 'admin', regulation: cmd.regulation, title: cmd.title });
          console.log(t(`kb.${r.status}`, { title: r.title, chunks: r.chunks, id: r.documentId, version: r.version }));
          if (r.retired) console.log(t('kb.retired', { title: r.retired.title, version: r.retired.version, id: r.retired.id }));
          changed ||= r.status !== 'duplicate';
        } catch (error) {
          exitCode = 1;
          // A refused file is the file's fault and needs no stack on screen; anything else is ours.
          if (error instanceof IngestError) logger.info({ err: error, file }, 'file refused');
          else logger.error({ err: error, file }, 'ingestion failed');
          console.error(t('kb.failed_file', { file, reason: ingestErrorMessage(error, t) }));
        }
      }
      if (changed) await rebuild(knowledge, false);
      return exitCode;
    }
    case 'list': {
      const docs = await knowledge.list();
      if (cmd.json) {
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
              version: d.version,
              retired: d.retiredAt !== null,
            }),
          );
        }
      } else {
        console.log(t('kb.list_header', { count: docs.length }));
        for (const d of docs) {
          const pasal = d.pasal.length > 0 ? ` Pasal ${summarisePasal(d.pasal)}` : '';
          const version = d.version > 1 || d.retiredAt ? ` v${d.version}` : '';
          const retired = d.retiredAt ? ` ${t('kb.retired_mark')}` : '';
          console.log(`${d.id}  [${d.origin}] ${d.regulation ?? '-'}${version}  ${d.title}  (${d.chunks} potongan${pasal})${retired}`);
        }
      }
      return 0;
    }
    case 'remove': {
      if (!(await knowledge.remove(cmd.id))) {
        console.error(t('kb.not_found', { id: cmd.id }));
        return 1;
      }
      console.log(t('kb.removed', { id: cmd.id }));
      await rebuild(knowledge, false);
      return 0;
    }
    case 'status': {
      const code = await setStatusFromShell(cmd, knowledge.statuses, t);
      if (code === 0) await rebuild(knowledge, false);
      return code;
    }
    case 'history': {
      const events = await readKbHistory(db, cmd.limit);
      if (events.length === 0) console.log(t('kb_admin.history.empty'));
      // Oldest first on a terminal, so the latest change is the line nearest the prompt.
      for (const event of events.reverse()) console.log(historyLine(event, t));
      return 0;
    }
    case 'reindex': {
      const sync = await knowledge.syncShipped(config.knowledgeDir, progress);
      console.log(t('kb.synced', { added: sync.added, updated: sync.updated, removed: sync.removed, unchanged: sync.unchanged }));
      for (const f of sync.failed) console.error(t('kb.failed_file', { file: f.file, reason: f.error }));
      await rebuild(knowledge, cmd.full);
      return 0;
    }
  }
}

async function rebuild(knowledge: KnowledgeService, force: boolean): Promise<void> {
  const index = await knowledge.buildIndex({ force, progress, denseNow: true });
  const documents = new Set(index.chunks.map((c) => c.documentId)).size;
  console.log(t('kb.index_ready', { chunks: index.chunks.length, documents }));
}

/** "1-36" for a full run, otherwise a compact list. */
function summarisePasal(pasal: string[]): string {
  const nums = pasal.map((p) => Number.parseInt(p, 10));
  const contiguous = nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1) && pasal.every((p) => /^\d+$/.test(p));
  if (contiguous && nums.length > 2) return `${nums[0]}-${nums[nums.length - 1]}`;
  return pasal.length > 12 ? `${pasal.slice(0, 12).join(', ')}, ...` : pasal.join(', ');
}
