import type { Db } from '../db/client.js';
import type { Job as JobRow, Prisma } from '../generated/prisma-sqlite/index.js';
import { JobKeyConflictError } from './errors.js';
import type { JobInfo } from './job-info.js';
import { FINISHED_STATES, isJobState, type JobState } from './job-state.js';

export type { JobRow };

/** What to schedule: one row per key. */
export interface ScheduleInput<P = unknown> {
  kind: string;
  /** Idempotency key, e.g. `reminder:<innovation>:2027-03:h-3`. */
  key: string;
  /** When it should happen (UTC). A time in the past means "as soon as possible" (and late). */
  runAt: Date;
  /** JSON only (plain objects, arrays, strings, numbers, booleans, null). */
  payload: P;
}

/**
 * - `created`: a new row;
 * - `updated`: the pending row got the new time/payload (and a fresh attempt count);
 * - `replaced`: a finished row was replaced by a new pending one (`replace: true`);
 * - `unchanged`: same time and payload as the pending row, or the row is running or finished.
 */
export type ScheduleOutcome = 'created' | 'updated' | 'replaced' | 'unchanged';

export interface ScheduleResult {
  outcome: ScheduleOutcome;
  job: JobInfo;
}

export interface JobFilter {
  kinds?: string[];
  states?: JobState[];
  keyPrefix?: string;
  /** runAt >= runFrom */
  runFrom?: Date;
  /** runAt < runTo */
  runTo?: Date;
  /** Default 1000, oldest runAt first. */
  limit?: number;
}

/** The row's owner and attempt number at claim time: later writes only land if both still hold. */
export interface Fence {
  id: string;
  owner: string;
  attempts: number;
}

const DEFAULT_LIST_LIMIT = 1000;
/** Rows per insert: well under SQLite's limit on bound parameters. */
const CREATE_CHUNK = 500;

/** Every read and conditional write of job rows. Portable Prisma only, so SQLite and PostgreSQL agree. */
export class JobStore {
  constructor(private readonly db: Db) {}

  async schedule(input: ScheduleInput<Prisma.InputJsonValue>, replace: boolean): Promise<ScheduleResult> {
    let replaced = false;
    // A few rounds: each write is conditional, so a concurrent claim or schedule sends us round again.
    for (let round = 0; round < 5; round += 1) {
      const existing = await this.db.job.findUnique({ where: { key: input.key } });
      if (!existing) {
        try {
          const row = await this.db.job.create({
            data: { kind: input.kind, key: input.key, payload: input.payload, dueAt: input.runAt, runAt: input.runAt },
          });
          return { outcome: replaced ? 'replaced' : 'created', job: toJobInfo(row) };
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
      }
      if (existing.kind !== input.kind) throw new JobKeyConflictError(input.key, existing.kind, input.kind);
      if (existing.state === 'pending') {
        if (existing.dueAt.getTime() === input.runAt.getTime() && sameJson(existing.payload, input.payload)) {
          // Nothing new: keep its attempt count and back-off ("schedule the next reminders" is repeatable).
          return { outcome: 'unchanged', job: toJobInfo(existing) };
        }
        const updated = await this.db.job.updateMany({
          where: { id: existing.id, state: 'pending' },
          data: { payload: input.payload, dueAt: input.runAt, runAt: input.runAt, attempts: 0, late: false },
        });
        if (updated.count === 1) return { outcome: 'updated', job: toJobInfo((await this.byId(existing.id)) ?? existing) };
        continue;
      }
      if (replace && (FINISHED_STATES as string[]).includes(existing.state)) {
        // A new row (new id) rather than a reset: a transport job still holding the old id finds nothing to do.
        await this.db.job.deleteMany({ where: { id: existing.id, state: existing.state } });
        replaced = true;
        continue;
      }
      return { outcome: 'unchanged', job: toJobInfo(existing) };
    }
    throw new Error(`could not schedule job ${input.key}: it kept changing under us`);
  }

  /**
   * Creates many new rows at once (a broadcast's deliveries). The keys must be new: unlike `schedule`,
   * nothing is updated, and a taken key fails the whole chunk it is in.
   */
  async createMany(inputs: ReadonlyArray<ScheduleInput<Prisma.InputJsonValue>>): Promise<JobRow[]> {
    const rows: JobRow[] = [];
    for (let i = 0; i < inputs.length; i += CREATE_CHUNK) {
      const chunk = inputs.slice(i, i + CREATE_CHUNK);
      rows.push(
        ...(await this.db.job.createManyAndReturn({
          data: chunk.map((input) => ({
            kind: input.kind,
            key: input.key,
            payload: input.payload,
            dueAt: input.runAt,
            runAt: input.runAt,
          })),
        })),
      );
    }
    return rows;
  }

  byId(id: string): Promise<JobRow | null> {
    return this.db.job.findUnique({ where: { id } });
  }

  async get(key: string): Promise<JobInfo | null> {
    const row = await this.db.job.findUnique({ where: { key } });
    return row ? toJobInfo(row) : null;
  }

  async list(filter: JobFilter = {}): Promise<JobInfo[]> {
    const runAt: Prisma.DateTimeFilter = {};
    if (filter.runFrom) runAt.gte = filter.runFrom;
    if (filter.runTo) runAt.lt = filter.runTo;
    const rows = await this.db.job.findMany({
      where: {
        ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
        ...(filter.states ? { state: { in: filter.states } } : {}),
        ...(filter.keyPrefix ? { key: { startsWith: filter.keyPrefix } } : {}),
        ...(filter.runFrom || filter.runTo ? { runAt } : {}),
      },
      orderBy: [{ runAt: 'asc' }, { key: 'asc' }],
      take: filter.limit ?? DEFAULT_LIST_LIMIT,
    });
    // SQLite's LIKE ignores case; keys are exact.
    return rows.filter((row) => !filter.keyPrefix || row.key.startsWith(filter.keyPrefix)).map(toJobInfo);
  }

  async cancel(key: string, now: Date): Promise<boolean> {
    const result = await this.db.job.updateMany({
      where: { key, state: 'pending' },
      data: { state: 'cancelled', finishedAt: now },
    });
    return result.count === 1;
  }

  /** Cancels pending rows of a kind and/or key prefix (e.g. every reminder of one innovation). */
  async cancelWhere(filter: { kind?: string; keyPrefix?: string }, now: Date): Promise<number> {
    if (!filter.kind && !filter.keyPrefix) throw new Error('cancelWhere needs a kind or a key prefix');
    let cancelled = 0;
    let after = '';
    // In pages by id: SQLite limits the number of bound parameters in one statement.
    for (;;) {
      const rows = await this.db.job.findMany({
        where: {
          state: 'pending',
          id: { gt: after },
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.keyPrefix ? { key: { startsWith: filter.keyPrefix } } : {}),
        },
        orderBy: { id: 'asc' },
        take: 500,
        select: { id: true, key: true },
      });
      if (rows.length === 0) return cancelled;
      after = rows[rows.length - 1]!.id;
      const ids = rows.filter((row) => !filter.keyPrefix || row.key.startsWith(filter.keyPrefix)).map((row) => row.id);
      if (ids.length === 0) continue;
      const result = await this.db.job.updateMany({
        where: { id: { in: ids }, state: 'pending' },
        data: { state: 'cancelled', finishedAt: now },
      });
      cancelled += result.count;
    }
  }

  /** Rows of these kinds that may be claimed now: due pending rows, and running rows whose lease ran out. */
  dueCandidates(now: Date, kinds: string[], limit: number, excludeIds: string[] = []): Promise<JobRow[]> {
    if (kinds.length === 0 || limit <= 0) return Promise.resolve([]);
    return this.db.job.findMany({
      where: {
        kind: { in: kinds },
        ...(excludeIds.length > 0 ? { id: { notIn: excludeIds } } : {}),
        OR: [
          { state: 'pending', runAt: { lte: now } },
          { state: 'running', leaseUntil: { lt: now } },
        ],
      },
      orderBy: { runAt: 'asc' },
      take: limit,
    });
  }

  /** The earliest moment a row of these kinds becomes claimable (its runAt, or a lease running out). */
  async nextClaimableAt(kinds: string[]): Promise<Date | null> {
    if (kinds.length === 0) return null;
    const [pending, running] = await Promise.all([
      this.db.job.findFirst({ where: { kind: { in: kinds }, state: 'pending' }, orderBy: { runAt: 'asc' }, select: { runAt: true } }),
      this.db.job.findFirst({
        where: { kind: { in: kinds }, state: 'running', leaseUntil: { not: null } },
        orderBy: { leaseUntil: 'asc' },
        select: { leaseUntil: true },
      }),
    ]);
    const times = [pending?.runAt, running?.leaseUntil].filter((t): t is Date => t instanceof Date).map((t) => t.getTime());
    return times.length > 0 ? new Date(Math.min(...times)) : null;
  }

  /** One conditional update: only one instance can move a due pending row to running. */
  async claimPending(id: string, now: Date, leaseUntil: Date, owner: string): Promise<boolean> {
    const result = await this.db.job.updateMany({
      where: { id, state: 'pending', runAt: { lte: now } },
      data: { state: 'running', leaseUntil, lockedBy: owner, attempts: { increment: 1 }, startedAt: now },
    });
    return result.count === 1;
  }

  /** Takes over a row whose holder died (lease ran out), to run it again. */
  async reclaimCrashed(row: JobRow, now: Date, leaseUntil: Date, owner: string, note: string): Promise<boolean> {
    const result = await this.db.job.updateMany({
      where: { id: row.id, state: 'running', attempts: row.attempts, leaseUntil: { lt: now } },
      data: { leaseUntil, lockedBy: owner, attempts: { increment: 1 }, startedAt: now, lastError: note },
    });
    return result.count === 1;
  }

  /** Ends a row whose holder died without running it again. */
  async abandonCrashed(row: JobRow, now: Date, state: 'unknown' | 'failed', note: string): Promise<boolean> {
    const result = await this.db.job.updateMany({
      where: { id: row.id, state: 'running', attempts: row.attempts, leaseUntil: { lt: now } },
      data: { state, leaseUntil: null, lockedBy: null, finishedAt: now, lastError: note },
    });
    return result.count === 1;
  }

  async renewLease(fence: Fence, leaseUntil: Date): Promise<boolean> {
    const result = await this.db.job.updateMany({ where: fenced(fence), data: { leaseUntil } });
    return result.count === 1;
  }

  /** Records a final outcome; false when the lease was lost meanwhile (another instance took the row). */
  async finish(
    fence: Fence,
    outcome: { state: JobState; finishedAt: Date; late: boolean; result?: Prisma.InputJsonValue; lastError?: string },
  ): Promise<boolean> {
    const result = await this.db.job.updateMany({
      where: fenced(fence),
      data: {
        state: outcome.state,
        finishedAt: outcome.finishedAt,
        late: outcome.late,
        leaseUntil: null,
        lockedBy: null,
        ...(outcome.result !== undefined ? { result: outcome.result } : {}),
        ...(outcome.lastError !== undefined ? { lastError: outcome.lastError } : {}),
      },
    });
    return result.count === 1;
  }

  /** Puts a claimed row back to pending for a later try. */
  async reschedule(fence: Fence, next: { runAt: Date; attempts: number; lastError: string; late: boolean }): Promise<boolean> {
    const result = await this.db.job.updateMany({
      where: fenced(fence),
      data: {
        state: 'pending',
        runAt: next.runAt,
        attempts: next.attempts,
        lastError: next.lastError,
        late: next.late,
        leaseUntil: null,
        lockedBy: null,
      },
    });
    return result.count === 1;
  }
}

function fenced(fence: Fence): Prisma.JobWhereInput {
  return { id: fence.id, state: 'running', lockedBy: fence.owner, attempts: fence.attempts };
}

export function toJobInfo(row: JobRow): JobInfo {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    payload: row.payload,
    state: isJobState(row.state) ? row.state : 'unknown',
    dueAt: row.dueAt,
    runAt: row.runAt,
    attempts: row.attempts,
    late: row.late,
    lateByMs: row.startedAt ? Math.max(0, row.startedAt.getTime() - row.dueAt.getTime()) : null,
    leaseUntil: row.leaseUntil,
    lockedBy: row.lockedBy,
    lastError: row.lastError,
    result: row.result,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** JSON equality that ignores key order (PostgreSQL's jsonb reorders keys). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
