import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { loadTranslator } from '../../src/i18n/translator.js';
import type { JobInfo } from '../../src/jobs/job-info.js';
import { formatDuration, jobJson } from '../../src/jobs/operator-view.js';

const { t } = loadTranslator(path.join(projectRoot, 'locales'));
const GRACE = 2 * 60_000;

function job(fields: Partial<JobInfo>): JobInfo {
  const at = new Date('2027-03-01T01:00:00Z');
  return {
    id: 'j1',
    kind: 'reminder.send',
    key: 'reminder:1',
    payload: { user: 'sari' },
    state: 'pending',
    dueAt: at,
    runAt: at,
    attempts: 0,
    late: false,
    lateByMs: null,
    leaseUntil: null,
    lockedBy: null,
    lastError: null,
    result: null,
    startedAt: null,
    finishedAt: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

describe('the operator view of a job', () => {
  it('reports a waiting job as late once it is past the grace period, in UTC ISO times', () => {
    const now = new Date('2027-03-01T01:01:00Z');
    expect(jobJson(job({}), now, GRACE)).toMatchObject({
      late: false,
      lateByMs: null,
      dueAt: '2027-03-01T01:00:00.000Z',
      finishedAt: null,
    });
    expect(jobJson(job({}), new Date('2027-03-01T04:00:00Z'), GRACE)).toMatchObject({ late: true, lateByMs: 3 * 3_600_000 });
  });

  it('reports a finished job with how late it ran and its result, whatever the time now', () => {
    const done = job({
      state: 'done',
      late: true,
      lateByMs: 600_000,
      attempts: 1,
      result: { messageId: 42 },
      startedAt: new Date('2027-03-01T01:10:00Z'),
      finishedAt: new Date('2027-03-01T01:10:01Z'),
    });
    expect(jobJson(done, new Date('2028-01-01T00:00:00Z'), GRACE)).toMatchObject({
      state: 'done',
      late: true,
      lateByMs: 600_000,
      result: { messageId: 42 },
      finishedAt: '2027-03-01T01:10:01.000Z',
    });
    expect(jobJson(job({ state: 'done', startedAt: new Date() }), new Date(), GRACE)).toMatchObject({ late: false, lateByMs: null });
  });

  it('says durations in Indonesian with the two largest units', () => {
    expect(formatDuration(0, t)).toBe('0 detik');
    expect(formatDuration(40_000, t)).toBe('40 detik');
    expect(formatDuration(12 * 60_000 + 30_000, t)).toBe('12 menit 30 detik');
    expect(formatDuration(26 * 3_600_000 + 5 * 60_000, t)).toBe('1 hari 2 jam');
    expect(formatDuration(3 * 86_400_000 + 5 * 60_000, t)).toBe('3 hari');
  });
});
