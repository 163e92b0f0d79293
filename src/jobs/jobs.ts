import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/prisma-sqlite/index.js';
import type { Logger } from '../logger.js';
import { JobKindError, JobPayloadError } from './errors.js';
import { Executor, type RunOutcome } from './executor.js';
import type { JobInfo } from './job-info.js';
import type { JobDescription, JobKindSpec } from './job-kind.js';
import { JobStore, toJobInfo, type JobFilter, type ScheduleInput, type ScheduleResult } from './job-store.js';
import { LocalDispatcher } from './local-dispatcher.js';
import { JobRegistry } from './registry.js';
import { realTimers, type Timers } from './timers.js';
import type { JobTransport } from './transport.js';

export interface JobsOptions {
  db: Db;
  logger: Logger;
  /** Defaults to the timers' clock. */
  clock?: () => Date;
  timers?: Timers;
  /** Longest wait before looking at the table again (default 15 s). */
  pollMs?: number;
  /** Handlers of the default lane running at once in this instance (default 4). */
  concurrency?: number;
  /** How long a claim holds a row before another instance may treat it as crashed (default 2 min; renewed). */
  leaseMs?: number;
  /** Claimed later than this after dueAt counts as late (default 2 min). */
  graceMs?: number;
  /** This instance's name in `lockedBy` (default host:pid:random). */
  instanceId?: string;
  /** Set to carry work over BullMQ (several instances on PostgreSQL); unset: in-process dispatcher. */
  redis?: { url: string; prefix?: string; takeoverMs?: number };
}

/** How many rows a `runDue()` left in each outcome. */
export type RunDueSummary = Record<'done' | 'failed' | 'expired' | 'unknown' | 'rescheduled' | 'skipped' | 'lost', number>;

/** A pending row with its kind's operator description (for `jobs due`). */
export interface DescribedJob {
  job: JobInfo;
  description: JobDescription;
}

export const DEFAULT_POLL_MS = 15_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_GRACE_MS = 2 * 60_000;
const DEFAULT_STOP_GRACE_MS = 10_000;

/**
 * The durable job layer: features register kinds of work and schedule rows; the rows are the truth,
 * and a transport (in-process, or BullMQ with REDIS_URL) makes sure each due row is run once.
 */
export class Jobs {
  readonly store: JobStore;
  /** How long after dueAt a run counts as late. */
  readonly graceMs: number;
  private readonly registry: JobRegistry;
  private readonly executor: Executor;
  private readonly clock: () => Date;
  private readonly concurrency: number;
  private transportPromise: Promise<JobTransport> | undefined;
  private started = false;

  constructor(private readonly o: JobsOptions) {
    const timers = o.timers ?? realTimers;
    this.clock = o.clock ?? (() => new Date(timers.now()));
    this.concurrency = o.concurrency ?? DEFAULT_CONCURRENCY;
    this.graceMs = o.graceMs ?? DEFAULT_GRACE_MS;
    this.store = new JobStore(o.db);
    this.registry = new JobRegistry(this.concurrency);
    this.executor = new Executor({
      store: this.store,
      registry: this.registry,
      clock: this.clock,
      timers,
      logger: o.logger,
      owner: o.instanceId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      leaseMs: o.leaseMs ?? DEFAULT_LEASE_MS,
      graceMs: this.graceMs,
    });
  }

  /** `bullmq` when REDIS_URL carries the work, otherwise `local`. */
  get transportName(): 'local' | 'bullmq' {
    return this.o.redis ? 'bullmq' : 'local';
  }

  /** Whether the transport's service (Redis) answers; undefined for the in-process transport, which has none. */
  async transportHealth(): Promise<{ ok: boolean; error?: string } | undefined> {
    if (!this.o.redis) return undefined;
    const transport = await this.transport();
    return transport.health ? transport.health() : undefined;
  }

  /** Adds a kind of work. Register every kind before `start()`. */
  register<P>(spec: JobKindSpec<P>): void {
    if (this.started) throw new JobKindError(spec.kind, `register job kind ${spec.kind} before jobs.start()`);
    this.registry.register(spec);
  }

  /**
   * Creates or moves the row for `key`. A pending row gets the new time and payload; a running or
   * finished row is left alone (so recomputing "the next reminders" is always safe) unless `replace` is
   * set, which puts a finished row back to pending as a new row. The payload is checked against the kind's
   * schema when the kind is registered in this process.
   */
  async schedule<P>(input: ScheduleInput<P>, options: { replace?: boolean } = {}): Promise<ScheduleResult> {
    assertRunAt(input);
    const payload = this.checkedPayload(input.kind, input.payload);
    const result = await this.store.schedule({ ...input, payload }, options.replace ?? false);
    if (result.outcome !== 'unchanged') await this.notify(result.job);
    return result;
  }

  /**
   * Creates many new rows in a few statements and hands them to the transport in bulk (a broadcast's
   * deliveries: thousands at once). Every key must be new; use `schedule` to move or keep existing rows.
   */
  async scheduleMany<P>(inputs: ReadonlyArray<ScheduleInput<P>>): Promise<JobInfo[]> {
    const checked = inputs.map((input) => {
      assertRunAt(input);
      return { ...input, payload: this.checkedPayload(input.kind, input.payload) };
    });
    const jobs = (await this.store.createMany(checked)).map(toJobInfo);
    if (jobs.length === 0) return jobs;
    try {
      await (await this.transport()).notifyMany(jobs);
    } catch (error) {
      this.o.logger.warn(
        { err: error, jobs: jobs.length },
        'could not hand new jobs to the transport; they are picked up at the next sweep',
      );
    }
    return jobs;
  }

  /** Cancels the row for `key` if it is still pending; true when it was. */
  cancel(key: string): Promise<boolean> {
    return this.store.cancel(key, this.clock());
  }

  /** Cancels every pending row of a kind and/or key prefix; returns how many. */
  cancelWhere(filter: { kind?: string; keyPrefix?: string }): Promise<number> {
    return this.store.cancelWhere(filter, this.clock());
  }

  get(key: string): Promise<JobInfo | null> {
    return this.store.get(key);
  }

  list(filter?: JobFilter): Promise<JobInfo[]> {
    return this.store.list(filter);
  }

  /** Pending rows whose runAt falls in [from, to), each with its kind's `describe` (nothing is run). */
  async describeDue(window: { from: Date; to: Date; kinds?: string[] }): Promise<DescribedJob[]> {
    const jobs = await this.store.list({
      states: ['pending'],
      runFrom: window.from,
      runTo: window.to,
      kinds: window.kinds,
      limit: 100_000,
    });
    const described: DescribedJob[] = [];
    for (const job of jobs) {
      const spec = this.registry.get(job.kind)?.spec;
      const parsed = spec?.payload.safeParse(job.payload);
      let description: JobDescription = {};
      if (parsed && !parsed.success) description = { error: 'payload does not match its schema' };
      else if (spec?.describe && parsed?.success) description = await spec.describe(parsed.data, job);
      described.push({ job, description });
    }
    return described;
  }

  /**
   * Runs, in this process, everything due now by the clock and resolves when it is done (tests and
   * operator commands; the transports do the same continuously). Lane limiters are not applied here.
   */
  async runDue(): Promise<RunDueSummary> {
    const summary: RunDueSummary = { done: 0, failed: 0, expired: 0, unknown: 0, rescheduled: 0, skipped: 0, lost: 0 };
    // Rows that went back to pending stay out of this call, so RetryLater(now) cannot loop forever.
    const again = new Set<string>();
    for (;;) {
      const rows = await this.store.dueCandidates(this.clock(), this.registry.kinds(), this.concurrency * 4, [
        ...again,
        ...this.executor.runningIds(),
      ]);
      if (rows.length === 0) return summary;
      for (let i = 0; i < rows.length; i += this.concurrency) {
        const outcomes = await Promise.all(
          rows.slice(i, i + this.concurrency).map(async (row): Promise<[string, RunOutcome]> => {
            const claimed = await this.executor.claim(row);
            return [row.id, 'job' in claimed ? await this.executor.run(claimed) : claimed];
          }),
        );
        for (const [id, outcome] of outcomes) {
          const kind = outcome.kind === 'not-due' ? 'skipped' : outcome.kind;
          summary[kind] += 1;
          if (kind === 'rescheduled' || kind === 'skipped' || kind === 'lost') again.add(id);
        }
      }
    }
  }

  /** Looks for due work now (what the poll timer does); with BullMQ, sweeps due rows into the queues. */
  async wake(): Promise<void> {
    await (await this.transport()).wake();
  }

  /** Starts picking up work: the in-process dispatcher, or BullMQ workers and the sweeper. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const transport = await this.transport();
    await transport.start();
    this.o.logger.info({ transport: transport.name, kinds: this.registry.kinds() }, 'job dispatcher started');
  }

  /** Stops picking up work and waits for running handlers (at most graceMs); closes Redis connections. */
  async stop(graceMs = DEFAULT_STOP_GRACE_MS): Promise<void> {
    const transport = this.transportPromise;
    this.transportPromise = undefined;
    this.started = false;
    if (transport) await (await transport).stop(graceMs);
    else await this.executor.drain(graceMs);
  }

  private async notify(job: JobInfo): Promise<void> {
    if (job.state !== 'pending') return;
    try {
      await (await this.transport()).notify(job);
    } catch (error) {
      // The row is stored; the next poll or sweep finds it.
      this.o.logger.warn(
        { err: error, key: job.key },
        'could not hand a scheduled job to the transport; it is picked up at the next sweep',
      );
    }
  }

  private checkedPayload(kind: string, payload: unknown): Prisma.InputJsonValue {
    // What will be stored is what comes back: check the payload after a JSON round trip.
    const stored = JSON.parse(JSON.stringify(payload ?? null)) as Prisma.InputJsonValue;
    const spec = this.registry.get(kind)?.spec;
    if (spec) {
      const parsed = spec.payload.safeParse(stored);
      if (!parsed.success)
        throw new JobPayloadError(
          kind,
          parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`),
        );
    }
    return stored;
  }

  private transport(): Promise<JobTransport> {
    this.transportPromise ??= this.createTransport();
    return this.transportPromise;
  }

  private async createTransport(): Promise<JobTransport> {
    const timers = this.o.timers ?? realTimers;
    const common = {
      executor: this.executor,
      store: this.store,
      registry: this.registry,
      clock: this.clock,
      timers,
      logger: this.o.logger,
      pollMs: this.o.pollMs ?? DEFAULT_POLL_MS,
    };
    if (!this.o.redis) return new LocalDispatcher(common);
    // Lazy: bullmq and ioredis are loaded only when Redis is configured.
    const { BullMqTransport } = await import('./bullmq-transport.js');
    const { url, prefix = 'pandu', takeoverMs } = this.o.redis;
    return new BullMqTransport({ ...common, url, prefix, ...(takeoverMs !== undefined ? { takeoverMs } : {}) });
  }
}

/** A job's time must be a real date: a NaN date would be stored as never (or now) on one database and fail on the other. */
function assertRunAt(input: { key: string; runAt: Date }): void {
  if (!(input.runAt instanceof Date) || Number.isNaN(input.runAt.getTime())) {
    throw new TypeError(`runAt of job ${input.key} is not a valid date`);
  }
}
