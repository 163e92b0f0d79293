import type { Translate } from '../i18n/translator.js';
import { lateness, type JobInfo } from './job-info.js';

/**
 * One job as a JSON line for operators and scripts (`jobs list --json`): times are UTC ISO strings,
 * `late`/`lateByMs` say how overdue it is now (waiting rows) or was when it ran (finished rows).
 */
export function jobJson(job: JobInfo, now: Date, graceMs: number): Record<string, unknown> {
  const { late, lateByMs } = lateness(job, now, graceMs);
  return {
    id: job.id,
    kind: job.kind,
    key: job.key,
    state: job.state,
    dueAt: iso(job.dueAt),
    runAt: iso(job.runAt),
    attempts: job.attempts,
    late,
    lateByMs,
    lockedBy: job.lockedBy,
    leaseUntil: iso(job.leaseUntil),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    lastError: job.lastError,
    payload: job.payload,
    result: job.result ?? null,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
  };
}

/** "2 hari 3 jam", "12 menit", "40 detik": the two largest units, in the operator's language. */
export function formatDuration(ms: number, t: Translate): string {
  const units: Array<[key: string, size: number]> = [
    ['days', 86_400_000],
    ['hours', 3_600_000],
    ['minutes', 60_000],
    ['seconds', 1_000],
  ];
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms));
  for (const [key, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (parts.length === 0 && key === 'seconds')) parts.push(t(`jobs.duration.${key}`, { n }));
    if (parts.length === 2) break;
    if (parts.length === 1 && n === 0) break;
  }
  return parts.join(' ');
}

/** "2027-01-04 08:00" in UTC. */
export function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
