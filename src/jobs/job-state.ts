/**
 * Where a job row is in its life. `pending` rows wait for their runAt; `running` rows are held by one
 * instance under a lease; the rest are final and never run again (unless scheduled with `replace`).
 */
export const JOB_STATES = ['pending', 'running', 'done', 'failed', 'cancelled', 'expired', 'unknown'] as const;

export type JobState = (typeof JOB_STATES)[number];

/** States a row never leaves by itself. */
export const FINISHED_STATES: readonly JobState[] = ['done', 'failed', 'cancelled', 'expired', 'unknown'];

export function isJobState(value: string): value is JobState {
  return (JOB_STATES as readonly string[]).includes(value);
}
