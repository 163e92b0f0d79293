import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openDatabase } from '../db/open-database.js';
import type { Config } from '../config.js';
import { loadTranslator, type Translate } from '../i18n/translator.js';
import { createJobs } from '../jobs/create-jobs.js';
import { lateness, type JobInfo } from '../jobs/job-info.js';
import { JOB_STATES, isJobState, type JobState } from '../jobs/job-state.js';
import type { Jobs } from '../jobs/jobs.js';
import { formatDuration, jobJson, utcMinute } from '../jobs/operator-view.js';
import type { Logger } from '../logger.js';
import { bootstrap } from './bootstrap.js';
import { dueCommand } from './jobs-due.js';
import type { Db } from '../db/client.js';

/** What a `jobs` subcommand gets: parsed options, the job layer, and where to write. */
export interface JobsCliContext {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  args: string[];
  db: Db;
  jobs: Jobs;
  config: Config;
  logger: Logger;
  t: Translate;
  now: Date;
  out(line: string): void;
  err(line: string): void;
}

/**
 * One `npm run jobs -- <name>` subcommand. Features add theirs to `subcommands` below (reminders:
 * `due --from --to [--json]`, built on `jobs.describeDue`, which lists what would be sent without sending).
 */
export interface JobsSubcommand {
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code. */
  run(ctx: JobsCliContext): Promise<number>;
}

/** Waiting work and work that needs an operator's eye; `--state all` shows everything. */
const DEFAULT_LIST_STATES: JobState[] = ['pending', 'running', 'failed', 'expired', 'unknown'];

const list: JobsSubcommand = {
  options: {
    json: { type: 'boolean', default: false },
    state: { type: 'string', multiple: true },
    kind: { type: 'string', multiple: true },
  },
  async run({ values, jobs, t, now, out, err }) {
    const requested = ((values.state as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim());
    const unknown = requested.find((s) => s !== 'all' && !isJobState(s));
    if (unknown) {
      err(t('jobs.bad_state', { state: unknown, states: JOB_STATES.join(', ') }));
      return 2;
    }
    const states = requested.includes('all') ? undefined : requested.length > 0 ? (requested as JobState[]) : DEFAULT_LIST_STATES;
    const kinds = values.kind as string[] | undefined;
    const found = await jobs.list({ ...(states ? { states } : {}), ...(kinds ? { kinds } : {}), limit: 100_000 });
    if (values.json) {
      for (const job of found) out(JSON.stringify(jobJson(job, now, jobs.graceMs)));
      return 0;
    }
    const stateNames = (states ?? JOB_STATES).map((s) => t(`jobs.state.${s}`)).join(', ');
    if (found.length === 0) {
      out(t('jobs.list.empty', { states: stateNames }));
      return 0;
    }
    out(t('jobs.list.header', { count: found.length, states: stateNames }));
    for (const line of table(
      found.map((job) => row(job, now, jobs.graceMs, t)),
      t,
    ))
      out(line);
    return 0;
  },
};

const subcommands: Record<string, JobsSubcommand> = { list, due: dueCommand };

const COLUMNS = ['kind', 'key', 'state', 'due', 'next', 'attempts', 'late', 'error'] as const;

function row(job: JobInfo, now: Date, graceMs: number, t: Translate): string[] {
  const { late, lateByMs } = lateness(job, now, graceMs);
  const error = job.lastError?.split('\n')[0] ?? '';
  return [
    job.kind,
    job.key,
    t(`jobs.state.${job.state}`),
    utcMinute(job.dueAt),
    job.state === 'pending' ? utcMinute(job.runAt) : '-',
    String(job.attempts),
    late && lateByMs !== null ? t('jobs.late_by', { duration: formatDuration(lateByMs, t) }) : '-',
    error.length > 80 ? `${error.slice(0, 79)}…` : error || '-',
  ];
}

function table(rows: string[][], t: Translate): string[] {
  const all = [COLUMNS.map((c) => t(`jobs.list.columns.${c}`)), ...rows];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

/**
 * `npm run jobs -- <subcommand>`: the operator's view of scheduled work. Reads the same database as the
 * bot (DATA_DIR / DATABASE_URL) and never runs a job.
 */
async function main(): Promise<number> {
  const { config, logger } = bootstrap('warn');
  const { t } = loadTranslator(config.localesDir);
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? subcommands[name] : undefined;
  if (!command) {
    console.error(t('jobs.usage'));
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(t('jobs.bad_option', { detail: error instanceof Error ? error.message : String(error) }));
    console.error(t('jobs.usage'));
    return 2;
  }
  const db = await openDatabase(config, logger);
  const jobs = createJobs(config, db, logger);
  try {
    return await command.run({
      values: parsed.values,
      args: parsed.positionals,
      db,
      jobs,
      config,
      logger,
      t,
      now: new Date(),
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await jobs.stop();
    await db.$disconnect();
  }
}

process.exitCode = await main();
