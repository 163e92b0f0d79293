import type { JobState } from './job-state.js';

/** A job row as callers see it. Times are UTC Dates. */
export interface JobInfo {
  id: string;
  kind: string;
  key: string;
  payload: unknown;
  state: JobState;
  /** When the work was meant to happen. */
  dueAt: Date;
  /** When the row may next be claimed (dueAt, or later after a back-off or RetryLater). */
  runAt: Date;
  attempts: number;
  /** The last run started more than the grace period after dueAt. */
  late: boolean;
  /** How late the last run started (startedAt - dueAt), when it has started. */
  lateByMs: number | null;
  leaseUntil: Date | null;
  lockedBy: string | null;
  lastError: string | null;
  result: unknown;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * How overdue a row is for an operator: a finished row reports its recorded lateness; a row still
 * waiting (or running) is late when `now` is past dueAt by more than the grace period.
 */
export function lateness(job: JobInfo, now: Date, graceMs: number): { late: boolean; lateByMs: number | null } {
  if (job.state === 'pending' || job.state === 'running') {
    const by = now.getTime() - job.dueAt.getTime();
    return by > graceMs ? { late: true, lateByMs: by } : { late: false, lateByMs: null };
  }
  return { late: job.late, lateByMs: job.late ? job.lateByMs : null };
}
