// Loaded only when REDIS_URL is set (a dynamic import in jobs.ts): nothing here runs on the SQLite path.
import { DelayedError, Queue, Worker, type Job as BullJob } from 'bullmq';
import { DEFAULT_LANE } from './job-kind.js';
import type { LaneSetup } from './registry.js';
import { settlesWithin } from './timers.js';
import type { JobTransport, TransportDeps } from './transport.js';

export interface BullMqTransportOptions extends TransportDeps {
  url: string;
  /** Namespaces every Redis key (one per deployment, or per test run). */
  prefix: string;
  /**
   * How long a job claimed by an instance that died stays with it before another instance takes it over:
   * BullMQ's lock on a job in hand (renewed at half this while the instance lives) and its check for
   * stalled jobs. BullMQ's default is 30 s.
   */
  takeoverMs?: number;
}

interface TransportData {
  rowId: string;
}

/** How long schedule() waits for Redis, and stop() for the queues to close. */
const NOTIFY_TIMEOUT_MS = 2_000;
const CLOSE_TIMEOUT_MS = 5_000;
/** A readiness probe waits this long for Redis to answer a PING. */
const HEALTH_TIMEOUT_MS = 2_000;

/** While Redis stays down, its connection errors are logged at most this often. */
const ERROR_LOG_EVERY_MS = 60_000;

/** Rows per sweep, and Redis round trips at once while sweeping. */
const SWEEP_LIMIT = 500;
const SWEEP_PARALLEL = 16;
/** Jobs per addBulk call. */
const BULK_ADD = 1000;

/** BullMQ queue of a lane: `jobs` for the default lane, `jobs-<lane>` for the others. */
export function queueName(lane: string): string {
  return lane === DEFAULT_LANE ? 'jobs' : `jobs-${lane}`;
}

/**
 * The scale-out transport. Each row gets a BullMQ job whose id is the row id (idempotent adds), delayed
 * until runAt; a worker claims the row by id before running it, so a duplicate delivery is harmless.
 * Each lane is its own queue, so a lane's `limiter` is BullMQ's global one (shared by every instance).
 * A sweeper on each instance enqueues due rows that have no BullMQ job (written by a CLI, or Redis was
 * flushed) and promotes delayed jobs whose row is due by our clock.
 */
export class BullMqTransport implements JobTransport {
  readonly name = 'bullmq';
  private readonly queues = new Map<string, Queue<TransportData>>();
  private readonly workers: Worker<TransportData>[] = [];
  private cancelSweep: (() => void) | undefined;
  private started = false;
  private lastErrorLogAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly o: BullMqTransportOptions) {}

  /** Returns at once: workers connect in the background (with Redis down, the bot still starts and answers). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const lane of this.o.registry.lanes()) this.workers.push(this.worker(lane));
    void this.sweepAndRearm();
  }

  async notify(job: { id: string; kind: string; runAt: Date }): Promise<void> {
    const queue = this.queueFor(job.kind);
    if (!queue) return;
    const handedOver = this.ensure(queue, job.id, Math.max(0, job.runAt.getTime() - this.o.clock().getTime()));
    // BullMQ waits for a connection; scheduling must not. The row is stored and the sweeper catches up.
    if (!(await settlesWithin(handedOver, NOTIFY_TIMEOUT_MS, this.o.timers))) {
      handedOver.catch(() => {});
      throw new Error(`Redis did not answer within ${NOTIFY_TIMEOUT_MS} ms`);
    }
    await handedOver;
  }

  /** New rows only (their ids have no BullMQ job yet): one addBulk per lane. */
  async notifyMany(jobs: ReadonlyArray<{ id: string; kind: string; runAt: Date }>): Promise<void> {
    const byQueue = new Map<Queue<TransportData>, Array<{ id: string; runAt: Date }>>();
    for (const job of jobs) {
      const queue = this.queueFor(job.kind);
      if (!queue) continue;
      const list = byQueue.get(queue) ?? [];
      list.push(job);
      byQueue.set(queue, list);
    }
    const now = this.o.clock().getTime();
    for (const [queue, list] of byQueue) {
      for (let i = 0; i < list.length; i += BULK_ADD) {
        const added = queue.addBulk(
          list.slice(i, i + BULK_ADD).map((job) => ({
            name: 'run',
            data: { rowId: job.id },
            opts: { jobId: job.id, delay: Math.max(0, job.runAt.getTime() - now), removeOnComplete: true, removeOnFail: true },
          })),
        );
        if (!(await settlesWithin(added, NOTIFY_TIMEOUT_MS * 5, this.o.timers))) {
          added.catch(() => {});
          throw new Error(`Redis did not take ${list.length} new jobs within ${NOTIFY_TIMEOUT_MS * 5} ms`);
        }
        await added;
      }
    }
  }

  wake(): Promise<void> {
    return this.sweep();
  }

  /** Asks Redis something on a lane queue's connection; no answer within HEALTH_TIMEOUT_MS counts as down. */
  async health(): Promise<{ ok: boolean; error?: string }> {
    const lane = this.o.registry.lanes()[0];
    if (!lane) return { ok: true };
    const queue = this.queue(lane.name);
    // One cheap read through the queue's own connection (BullMQ hides the raw client behind its backend).
    const ping = queue.waitUntilReady().then(() => queue.isPaused());
    try {
      if (!(await settlesWithin(ping, HEALTH_TIMEOUT_MS, this.o.timers))) {
        ping.catch(() => {});
        return { ok: false, error: `Redis did not answer within ${HEALTH_TIMEOUT_MS} ms` };
      }
      await ping;
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    }
  }

  async stop(graceMs: number): Promise<void> {
    this.started = false;
    this.cancelSweep?.();
    this.cancelSweep = undefined;
    // Jobs fetched from now on go back to the queue (see process); running handlers get graceMs.
    const workers = this.workers.splice(0);
    const queues = [...this.queues.values()];
    this.queues.clear();
    const left = await this.o.executor.drain(graceMs);
    if (left > 0) this.o.logger.warn({ running: left }, 'stopped while jobs were still running; their crash policy applies');
    // Forced: our handlers are done (or given up on), and a polite close waits forever for an unreachable
    // Redis. A BullMQ job cut off here comes back as stalled, and its row's claim keeps it from running twice.
    const closing = Promise.allSettled([...workers.map((w) => w.close(true)), ...queues.map((q) => q.close())]);
    if (!(await settlesWithin(closing, CLOSE_TIMEOUT_MS, this.o.timers))) {
      this.o.logger.warn('Redis did not answer while closing the job queues; disconnecting');
      await Promise.allSettled(queues.map((q) => q.disconnect()));
    }
  }

  /** Makes sure the row has a BullMQ job that fires after `delayMs` (0: now). */
  private async ensure(queue: Queue<TransportData>, rowId: string, delayMs: number): Promise<void> {
    const existing = await queue.getJob(rowId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'delayed') {
        if (delayMs === 0) await existing.promote();
        else await existing.changeDelay(delayMs);
        return;
      }
      // A finished BullMQ job keeps its id taken; the row needs a new run, so clear it first.
      if (state === 'completed' || state === 'failed') await existing.remove();
      else if (state !== 'unknown') return; // waiting or active: it will run
    }
    await queue.add('run', { rowId }, { jobId: rowId, delay: delayMs, removeOnComplete: true, removeOnFail: true });
  }

  private async sweep(): Promise<void> {
    // Lane by lane, so a long broadcast backlog cannot crowd a CLI-written reminder out of the sweep.
    for (const lane of this.o.registry.lanes()) await this.sweepLane(lane);
  }

  private async sweepLane(lane: LaneSetup): Promise<void> {
    const queue = this.queue(lane.name);
    const rows = await this.o.store.dueCandidates(this.o.clock(), lane.kinds, SWEEP_LIMIT, this.o.executor.runningIds());
    for (let i = 0; i < rows.length; i += SWEEP_PARALLEL) {
      await Promise.all(
        rows.slice(i, i + SWEEP_PARALLEL).map(async (row) => {
          try {
            await this.ensure(queue, row.id, 0);
          } catch (error) {
            // Usually a race with a worker that just took the job; the next sweep looks again.
            this.o.logger.debug({ err: error, key: row.key }, 'could not hand a due job to BullMQ this sweep');
          }
        }),
      );
    }
  }

  private async sweepAndRearm(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.o.logger.error({ err: error }, 'job sweep failed; trying again at the next poll');
    }
    if (this.started) this.cancelSweep = this.o.timers.schedule(() => void this.sweepAndRearm(), this.o.pollMs);
  }

  private queueFor(kind: string): Queue<TransportData> | undefined {
    const registered = this.o.registry.get(kind);
    return registered ? this.queue(registered.lane) : undefined;
  }

  private queue(lane: string): Queue<TransportData> {
    let queue = this.queues.get(lane);
    if (!queue) {
      // No offline queue: with Redis down, schedule() gets an error at once (the row is already stored and
      // the sweeper hands it over later) instead of hanging.
      queue = new Queue<TransportData>(queueName(lane), {
        connection: { url: this.o.url, enableOfflineQueue: false },
        prefix: this.o.prefix,
      });
      queue.on('error', (error) => this.connectionError(error, lane, 'BullMQ queue error'));
      this.queues.set(lane, queue);
    }
    return queue;
  }

  private worker(lane: LaneSetup): Worker<TransportData> {
    const queue = this.queue(lane.name);
    const worker = new Worker<TransportData>(queueName(lane.name), (job, token) => this.process(queue, job, token), {
      connection: { url: this.o.url, maxRetriesPerRequest: null },
      prefix: this.o.prefix,
      concurrency: lane.concurrency,
      ...(this.o.takeoverMs !== undefined ? { lockDuration: this.o.takeoverMs, stalledInterval: this.o.takeoverMs } : {}),
      ...(lane.limiter ? { limiter: lane.limiter } : {}),
    });
    worker.on('error', (error) => this.connectionError(error, lane.name, 'BullMQ worker error'));
    worker.on('failed', (job, error) =>
      this.o.logger.error({ err: error, rowId: job?.id, lane: lane.name }, 'BullMQ could not process a job; the sweeper retries it'),
    );
    return worker;
  }

  /** Logs with its stack, but once a minute at most while Redis stays unreachable (ioredis retries every second). */
  private connectionError(error: Error, lane: string, message: string): void {
    const now = this.o.timers.now();
    if (now - this.lastErrorLogAt < ERROR_LOG_EVERY_MS) {
      this.o.logger.debug({ err: error, lane }, message);
      return;
    }
    this.lastErrorLogAt = now;
    this.o.logger.error({ err: error, lane }, `${message} (repeats are logged at debug level for a minute)`);
  }

  private async process(queue: Queue<TransportData>, job: BullJob<TransportData>, token?: string): Promise<string> {
    if (!this.started) {
      // Stopping: leave it to another instance (or this one after a restart).
      await job.moveToDelayed(Date.now() + 1_000, token);
      throw new DelayedError();
    }
    const outcome = await this.o.executor.runById(job.data.rowId);
    if (outcome.kind === 'rescheduled' && outcome.rateLimitMs !== undefined) {
      // The whole lane waits (every instance): the remote side said "too many requests".
      await queue.rateLimit(outcome.rateLimitMs);
      throw Worker.RateLimitError();
    }
    if (outcome.kind === 'rescheduled' || outcome.kind === 'not-due') {
      // Redis keeps time by the wall clock, so the wait is our clock's distance to runAt from now.
      const delayMs = Math.max(0, outcome.runAt.getTime() - this.o.clock().getTime());
      await job.moveToDelayed(Date.now() + delayMs, token);
      throw new DelayedError();
    }
    return outcome.kind;
  }
}
