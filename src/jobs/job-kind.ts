import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { BackoffPolicy } from '../core/backoff.js';
import type { JobInfo } from './job-info.js';

/**
 * What happens to a row whose instance died while running it (its lease ran out):
 * - `retry`: run it again (at-least-once; a reminder sent twice is better than none);
 * - `unknown`: mark it `unknown` and never run it again (at-most-once; a broadcast message sent twice is
 *   worse than one missing, and a coordinator can resend the unknown ones on purpose).
 */
export type CrashPolicy = 'retry' | 'unknown';

/** What a handler learns about the run it is asked to do. */
export interface JobContext {
  /** The dispatcher's clock at claim time (UTC). */
  now: Date;
  /** When the work was meant to happen. */
  dueAt: Date;
  /** Claimed more than the grace period after dueAt (after downtime, a crash or a back-off): say so. */
  late: boolean;
  /** now - dueAt (never negative). */
  lateByMs: number;
  /** 1 for the first counted attempt; RetryLater and RateLimited do not count. */
  attempt: number;
  /** Carries the job's kind and key. */
  logger: Logger;
  jobKey: string;
  jobId: string;
  /** Aborted when the dispatcher stops and stops waiting, or when this run's lease was lost. */
  signal: AbortSignal;
}

/**
 * A named queue of its own for kinds that need their own pace (broadcasts on Telegram: a global rate
 * across instances; WhatsApp: one at a time). Kinds without a lane share the default one.
 */
export interface JobLane {
  /** Letters, digits, '-' and '_' (it becomes part of a BullMQ queue name). */
  name: string;
  /** Handlers of this lane running at once in one instance (default 1). */
  concurrency?: number;
  /** At most `max` runs started per `duration` ms: BullMQ's limiter (global across instances) or in-process. */
  limiter?: { max: number; duration: number };
}

/** A short operator's description of a pending row (what `jobs due` prints); features fill it in. */
export type JobDescription = Record<string, string | number | boolean | null | undefined>;

/**
 * One kind of work and how to do it. Register every kind a process should run; a process that only
 * schedules (a CLI) may register too, so payloads are checked before they are stored.
 */
export interface JobKindSpec<P> {
  /** Stable name stored in each row, e.g. `reminder.send`. */
  kind: string;
  /** Checks the payload when scheduled and again when read back from the database. */
  payload: z.ZodType<P>;
  /** Does the work; its return value (JSON) is kept as the row's result. */
  run(payload: P, ctx: JobContext): unknown;
  /** Called instead of `run` when the row is claimed more than maxLatenessMs after dueAt. */
  expired?(payload: P, ctx: JobContext): unknown;
  onCrash: CrashPolicy;
  /** Past this lateness the work is not done any more; `expired` runs and the row ends `expired`. */
  maxLatenessMs?: number;
  /** Counted attempts before the row ends `failed` (default 5). */
  maxAttempts?: number;
  /** Back-off between failed attempts (default 30 s doubling up to 1 h). */
  backoff?: BackoffPolicy;
  lane?: JobLane;
  /** Describes a pending row for operators (user, channel, …) without running anything. */
  describe?(payload: P, job: JobInfo): JobDescription | Promise<JobDescription>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Waits between failed attempts of a job: 30 s, doubling, at most an hour. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000 };
export const DEFAULT_LANE = 'default';

const LANE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidLaneName(name: string): boolean {
  return LANE_NAME.test(name);
}
