import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BroadcastEngine } from '../broadcasts/broadcast-engine.js';
import { BroadcastError, type BroadcastSummary } from '../broadcasts/broadcast-contract.js';
import { configuredChannels, type Config } from '../config.js';
import { Outbound } from '../core/outbound.js';
import type { OutgoingDocument } from '../core/messages.js';
import { openDatabase } from '../db/open-database.js';
import { loadTranslator, type Translate } from '../i18n/translator.js';
import { createJobs } from '../jobs/create-jobs.js';
import { ScopeStore } from '../people/scopes.js';
import { bootstrap } from './bootstrap.js';
import { parseAudienceTerms } from './broadcast-audience.js';

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain',
};
/** Telegram bots may send documents up to 50 MB; announcements should stay far below. */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** The counts `report --json` prints (the shape; `pending` includes in-flight and deferred). */
export function reportJson(summary: BroadcastSummary): Record<string, string | number> {
  const c = summary.counts;
  return {
    id: summary.id,
    recipients: c.recipients,
    sent: c.sent,
    failed: c.failed,
    blocked: c.blocked,
    opted_out: c.opted_out,
    unknown: c.unknown,
    pending: c.pending + c.deferred,
  };
}

async function send(
  engine: BroadcastEngine,
  config: Config,
  t: Translate,
  args: string[],
  io: Io,
  db: Parameters<typeof parseAudienceTerms>[0],
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      text: { type: 'string' },
      document: { type: 'string' },
      audience: { type: 'string', multiple: true },
      at: { type: 'string' },
      yes: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.text?.trim() && !values.document) {
    io.err(t('broadcast.cli.no_text'));
    return 2;
  }
  const parsed = await parseAudienceTerms(db, values.audience ?? []);
  if (!parsed.ok) {
    io.err(t('broadcast.cli.bad_audience', { term: parsed.term }));
    return 2;
  }
  let scheduledAt: Date | undefined;
  if (values.at) {
    scheduledAt = new Date(values.at);
    if (Number.isNaN(scheduledAt.getTime()) || !/\d{4}-\d{2}-\d{2}/.test(values.at)) {
      io.err(t('broadcast.cli.bad_at', { at: values.at }));
      return 2;
    }
  }
  let document: OutgoingDocument | undefined;
  if (values.document) {
    const file = path.resolve(values.document);
    const data = await fs.readFile(file).catch(() => undefined);
    if (!data || data.length > MAX_DOCUMENT_BYTES) {
      io.err(t('broadcast.cli.bad_document', { file }));
      return 2;
    }
    document = { fileName: path.basename(file), mimeType: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', data };
  }
  const count = await engine.count(null, parsed.audience);
  if (!values.yes) {
    io.err(t('broadcast.cli.preview', { ...count }));
    io.err(t('broadcast.cli.confirm'));
    return 1;
  }
  const id = await engine.create({
    createdById: null,
    text: values.text ?? '',
    ...(document ? { document } : {}),
    audience: parsed.audience,
    ...(scheduledAt ? { scheduledAt } : {}),
  });
  io.out(id);
  io.err(t(config.jobs.redisUrl ? 'broadcast.cli.queued' : 'broadcast.cli.recorded', { ...count }));
  return 0;
}

async function report(engine: BroadcastEngine, t: Translate, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const id = positionals[0];
  const summary = id ? await engine.get(id) : null;
  if (!summary) {
    io.err(t('broadcast.cli.not_found', { id: id ?? '' }));
    return 2;
  }
  if (values.json) {
    io.out(JSON.stringify(reportJson(summary)));
    return 0;
  }
  io.out(t('broadcast.cli.report', { id: summary.id, state: summary.state, audience: summary.audienceLabel, ...summary.counts }));
  return 0;
}

/**
 * `npm run broadcast -- send|report`: announcements from the shell, as an admin without scope limits.
 * `send` only records the broadcast (and its start job); the running bot's dispatcher sends it, so the
 * command and the bot never both deliver one message.
 */
async function main(): Promise<number> {
  const { config, logger } = bootstrap('warn');
  const { t } = loadTranslator(config.localesDir);
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'send' && command !== 'report') {
    console.error(t('broadcast.cli.usage'));
    return 2;
  }
  const db = await openDatabase(config, logger);
  const jobs = createJobs(config, db, logger);
  const engine = new BroadcastEngine({
    db,
    jobs,
    outbound: new Outbound(db, logger),
    scopes: new ScopeStore(db),
    t,
    logger,
    clock: () => new Date(),
    channels: configuredChannels(config),
    telegramPerSecond: config.broadcasts.telegramPerSecond,
    whatsapp: config.broadcasts.whatsapp,
  });
  const io: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };
  try {
    return command === 'send' ? await send(engine, config, t, rest, io, db) : await report(engine, t, rest, io);
  } catch (error) {
    if (error instanceof BroadcastError) {
      console.error(t(`broadcast.error.${error.code}`));
      logger.warn({ err: error }, 'broadcast refused');
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n${t('broadcast.cli.usage')}`);
      return 2;
    }
    throw error;
  } finally {
    await jobs.stop();
    await db.$disconnect();
  }
}

process.exitCode = await main();
