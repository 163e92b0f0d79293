import type { Prisma } from '../generated/prisma-sqlite/index.js';
import type { Logger } from '../logger.js';
import { backoffDelay } from '../core/backoff.js';
import { describeError, PermanentFailure, RateLimited, RetryLater } from './errors.js';
import type { JobContext } from './job-kind.js';
import type { Fence, JobRow, JobStore } from './job-store.js';
import type { JobRegistry, RegisteredKind } from './registry.js';
import { settlesWithin, type Timers } from './timers.js';

/** A row this instance holds, fresh from the database, ready to run. */
export interface Claimed {
  job: JobRow;
  kind: RegisteredKind;
  now: Date;
}

/** What became of one attempt to claim or run a row. */
export type RunOutcome =
  | { kind: 'done' | 'failed' | 'expired' | 'unknown' }
  /** Back to pending until runAt (RetryLater, RateLimited, or a back-off after an error). */
  | { kind: 'rescheduled'; runAt: Date; rateLimitMs?: number }
  /** Not claimable before runAt (not due yet, or another instance's lease still runs). */
  | { kind: 'not-due'; runAt: Date }
  /** Nothing to do here: gone, finished, taken by another instance, or of a kind this process does not run. */
  | { kind: 'skipped'; reason: 'not-found' | 'finished' | 'taken' | 'unregistered' }
  /** This instance lost the row's lease while running it; its outcome was not recorded. */
  | { kind: 'lost' };

export interface ExecutorOptions {
  store: JobStore;
  registry: JobRegistry;
  clock: () => Date;
  timers: Timers;
  logger: Logger;
  /** This instance's name in `lockedBy`. */
  owner: string;
  leaseMs: number;
  /** Claimed later than this after dueAt counts as late. */
  graceMs: number;
}

/**
 * Claims rows and runs their handlers; shared by both transports, so a row behaves the same whether the
 * in-process dispatcher or a BullMQ worker picked it up. Every write after the claim is fenced by
 * (owner, attempts): an instance that lost its lease cannot overwrite the new holder's result.
 */
export class Executor {
  private readonly inFlight = new Map<string, { done: Promise<RunOutcome>; abort: AbortController }>();

  constructor(private readonly o: ExecutorOptions) {}

  /** Ids of rows this instance is running right now. */
  runningIds(): string[] {
    return [...this.inFlight.keys()];
  }

  /** Claims and runs the row with this id (a BullMQ job names only the id). */
  async runById(id: string): Promise<RunOutcome> {
    const row = await this.o.store.byId(id);
    if (!row) return { kind: 'skipped', reason: 'not-found' };
    const claimed = await this.claim(row);
    return 'job' in claimed ? this.run(claimed) : claimed;
  }

  /**
   * Takes a candidate row: a due pending row is claimed with one conditional update; a running row whose
   * lease ran out (its instance died) is run again or ended, by its kind's crash policy.
   */
  async claim(row: JobRow): Promise<Claimed | RunOutcome> {
    const kind = this.o.registry.get(row.kind);
    if (!kind) return { kind: 'skipped', reason: 'unregistered' };
    if (this.inFlight.has(row.id)) return { kind: 'skipped', reason: 'taken' };
    const now = this.o.clock();
    const leaseUntil = new Date(now.getTime() + this.o.leaseMs);
    let claimed: boolean;
    if (row.state === 'pending') {
      if (row.runAt.getTime() > now.getTime()) return { kind: 'not-due', runAt: row.runAt };
      claimed = await this.o.store.claimPending(row.id, now, leaseUntil, this.o.owner);
    } else if (row.state === 'running') {
      if (row.leaseUntil && row.leaseUntil.getTime() >= now.getTime()) return { kind: 'not-due', runAt: row.leaseUntil };
      const crashed = await this.recoverCrashed(row, kind, now, leaseUntil);
      if (crashed) return crashed;
      claimed = true;
    } else {
      return { kind: 'skipped', reason: 'finished' };
    }
    if (!claimed) return { kind: 'skipped', reason: 'taken' };
    // Read back what we now hold: the payload may have been rescheduled between the query and the claim.
    const job = await this.o.store.byId(row.id);
    if (!job || job.state !== 'running' || job.lockedBy !== this.o.owner) return { kind: 'skipped', reason: 'taken' };
    return { job, kind, now };
  }

  /** Runs a claimed row's handler (or its `expired` hook) and records the outcome. */
  run(claimed: Claimed): Promise<RunOutcome> {
    const abort = new AbortController();
    const done = this.execute(claimed, abort).finally(() => this.inFlight.delete(claimed.job.id));
    this.inFlight.set(claimed.job.id, { done, abort });
    return done;
  }

  /**
   * Waits for running handlers, at most `graceMs`; then tells the rest to stop (their signal aborts). Rows
   * still running keep their lease and are recovered by their crash policy once it runs out.
   */
  async drain(graceMs: number): Promise<number> {
    const running = [...this.inFlight.values()];
    if (running.length === 0) return 0;
    await settlesWithin(Promise.allSettled(running.map((r) => r.done)), graceMs, this.o.timers);
    const left = [...this.inFlight.values()];
    for (const r of left) r.abort.abort(new Error('the job dispatcher is stopping'));
    return left.length;
  }

  private async recoverCrashed(row: JobRow, kind: RegisteredKind, now: Date, leaseUntil: Date): Promise<RunOutcome | undefined> {
    const logger = this.o.logger.child({ job: row.kind, key: row.key });
    const since = row.leaseUntil?.toISOString() ?? 'unknown';
    const holder = row.lockedBy ?? 'unknown';
    if (kind.spec.onCrash === 'unknown') {
      const note = `interrupted: ${holder} stopped while running this (lease ran out ${since}); not run again, a second run could duplicate it`;
      if (!(await this.o.store.abandonCrashed(row, now, 'unknown', note))) return { kind: 'skipped', reason: 'taken' };
      logger.warn({ holder, attempts: row.attempts }, 'job interrupted by a crash; outcome unknown, not run again');
      return { kind: 'unknown' };
    }
    if (row.attempts >= kind.maxAttempts) {
      const note = `interrupted: ${holder} stopped while running this (lease ran out ${since}), attempt ${row.attempts} of ${kind.maxAttempts}; giving up`;
      if (!(await this.o.store.abandonCrashed(row, now, 'failed', note))) return { kind: 'skipped', reason: 'taken' };
      logger.error({ holder, attempts: row.attempts }, 'job interrupted by crashes too often; failed');
      return { kind: 'failed' };
    }
    const note = `interrupted: ${holder} stopped while running this (lease ran out ${since}); running it again`;
    if (!(await this.o.store.reclaimCrashed(row, now, leaseUntil, this.o.owner, note))) return { kind: 'skipped', reason: 'taken' };
    logger.warn({ holder, attempts: row.attempts }, 'job interrupted by a crash; running it again');
    return undefined;
  }

  private async execute({ job, kind, now }: Claimed, abort: AbortController): Promise<RunOutcome> {
    const fence: Fence = { id: job.id, owner: this.o.owner, attempts: job.attempts };
    const lateByMs = Math.max(0, now.getTime() - job.dueAt.getTime());
    const late = lateByMs > this.o.graceMs;
    const logger = this.o.logger.child({ job: job.kind, key: job.key });
    const parsed = kind.spec.payload.safeParse(job.payload);
    if (!parsed.success) {
      // Stored data that no longer fits the schema will not fit on a retry either.
      logger.error({ err: parsed.error }, 'job payload does not match its schema; failed without running');
      return this.record(fence, logger, { state: 'failed', late, lastError: describeError(parsed.error) });
    }
    const ctx: JobContext = {
      now,
      dueAt: job.dueAt,
      late,
      lateByMs,
      attempt: job.attempts,
      logger,
      jobKey: job.key,
      jobId: job.id,
      signal: abort.signal,
    };
    const expired = kind.spec.maxLatenessMs !== undefined && lateByMs > kind.spec.maxLatenessMs;
    if (expired) logger.warn({ lateByMs }, 'job is past its maximum lateness; reporting it instead of running it');
    const stopRenewing = this.renewWhileRunning(fence, abort, logger);
    let result: unknown;
    try {
      result = expired ? await kind.spec.expired?.(parsed.data, ctx) : await kind.spec.run(parsed.data, ctx);
    } catch (error) {
      return await this.recordFailure(fence, kind, logger, error, late);
    } finally {
      stopRenewing();
    }
    // Outside the try: failing to record a success must not count as a failed run (and be run again);
    // the row stays running and its crash policy decides once the lease runs out.
    return this.record(fence, logger, { state: expired ? 'expired' : 'done', late, result: toJson(result) });
  }

  private async recordFailure(fence: Fence, kind: RegisteredKind, logger: Logger, error: unknown, late: boolean): Promise<RunOutcome> {
    const now = this.o.clock();
    if (error instanceof RetryLater || error instanceof RateLimited) {
      const waitMs = error instanceof RateLimited ? Math.max(0, error.ms) : error.at.getTime() - now.getTime();
      // Never "later" in the past: a handler answering RetryLater(now) would otherwise spin.
      const runAt = new Date(now.getTime() + Math.max(waitMs, 1000));
      logger.info({ runAt: runAt.toISOString(), reason: error.message }, 'job postponed');
      const next = { runAt, attempts: fence.attempts - 1, late, lastError: `${error.name} until ${runAt.toISOString()}: ${error.message}` };
      if (!(await this.o.store.reschedule(fence, next))) return this.lost(logger);
      return error instanceof RateLimited ? { kind: 'rescheduled', runAt, rateLimitMs: waitMs } : { kind: 'rescheduled', runAt };
    }
    if (error instanceof PermanentFailure || fence.attempts >= kind.maxAttempts) {
      logger.error({ err: error, attempts: fence.attempts }, 'job failed');
      return this.record(fence, logger, { state: 'failed', late, lastError: describeError(error) });
    }
    const runAt = new Date(now.getTime() + backoffDelay(fence.attempts - 1, kind.backoff));
    logger.warn({ err: error, attempts: fence.attempts, retryAt: runAt.toISOString() }, 'job attempt failed; will retry');
    if (!(await this.o.store.reschedule(fence, { runAt, attempts: fence.attempts, late, lastError: describeError(error) }))) {
      return this.lost(logger);
    }
    return { kind: 'rescheduled', runAt };
  }

  private async record(
    fence: Fence,
    logger: Logger,
    outcome: { state: 'done' | 'failed' | 'expired'; late: boolean; result?: Prisma.InputJsonValue; lastError?: string },
  ): Promise<RunOutcome> {
    const recorded = await this.o.store.finish(fence, { ...outcome, finishedAt: this.o.clock() });
    return recorded ? { kind: outcome.state } : this.lost(logger);
  }

  private lost(logger: Logger): RunOutcome {
    logger.warn('job lease was lost while running (another instance took it over); outcome not recorded');
    return { kind: 'lost' };
  }

  /** Keeps the lease ahead of the clock while a long handler runs, until its signal aborts; a lost lease aborts it. */
  private renewWhileRunning(fence: Fence, abort: AbortController, logger: Logger): () => void {
    let cancel: (() => void) | undefined;
    let stopped = false;
    const every = Math.max(1, Math.floor(this.o.leaseMs / 3));
    const tick = () => {
      // Aborted (the dispatcher stopped waiting for it, or the lease was lost): a handler that hangs on
      // anyway must not hold the row forever; the lease runs out and the crash policy applies.
      if (abort.signal.aborted) return;
      const until = new Date(this.o.clock().getTime() + this.o.leaseMs);
      this.o.store
        .renewLease(fence, until)
        .then((renewed) => {
          if (!renewed) {
            abort.abort(new Error('job lease lost'));
            return;
          }
          if (!stopped) cancel = this.o.timers.schedule(tick, every);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'could not renew a job lease; trying again');
          if (!stopped) cancel = this.o.timers.schedule(tick, every);
        });
    };
    cancel = this.o.timers.schedule(tick, every);
    return () => {
      stopped = true;
      cancel?.();
    };
  }
}

/** The handler's result as storable JSON; undefined stays unset. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
  } catch {
    return { unserializable: String(value) };
  }
}
