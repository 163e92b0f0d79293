import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../../src/db/client.js';
import { JobKeyConflictError, JobPayloadError, PermanentFailure, RateLimited, RetryLater } from '../../src/jobs/errors.js';
import type { JobContext, JobKindSpec } from '../../src/jobs/job-kind.js';
import type { Jobs } from '../../src/jobs/jobs.js';
import { openDb, sqliteFile, testJobs } from './support/job-db.js';
import { DAY, HOUR, MINUTE, MovedTime } from './support/moved-time.js';

const T0 = '2027-01-04T01:00:00.000Z';
const payload = z.object({ user: z.string(), n: z.number().int() });
type Payload = z.infer<typeof payload>;

let file: Awaited<ReturnType<typeof sqliteFile>>;
let db: Db;
let time: MovedTime;
let jobs: Jobs;
/** Every handler call: kind, key, payload and context. */
let calls: Array<{ kind: string; key: string; payload: Payload; ctx: JobContext }>;

beforeAll(async () => {
  file = await sqliteFile();
  db = await openDb(file.url);
});
afterAll(async () => {
  await db.$disconnect();
  file.cleanup();
});
beforeEach(async () => {
  await db.job.deleteMany();
  time = new MovedTime(T0);
  calls = [];
  jobs = testJobs(db, { timers: time, instanceId: 'a' });
});

/** A kind that records its calls; `behaviour` decides what each call does (default: return "ok"). */
function kind(name: string, extra: Partial<JobKindSpec<Payload>> = {}, behaviour?: (call: number) => unknown): JobKindSpec<Payload> {
  return {
    kind: name,
    payload,
    onCrash: 'retry',
    run: (p, ctx) => {
      calls.push({ kind: name, key: ctx.jobKey, payload: p, ctx });
      const n = calls.filter((c) => c.kind === name).length;
      return behaviour ? behaviour(n) : 'ok';
    },
    ...extra,
  };
}

const at = (ms: number) => new Date(new Date(T0).getTime() + ms);

describe('scheduling and running', () => {
  it('runs a due job once and records it done with its result', async () => {
    jobs.register(kind('test.ping', {}, () => ({ sent: true })));
    await jobs.schedule({ kind: 'test.ping', key: 'ping:1', runAt: at(HOUR), payload: { user: 'u1', n: 1 } });

    time.jump(HOUR - 1);
    expect(await jobs.runDue()).toMatchObject({ done: 0 });
    expect((await jobs.get('ping:1'))?.state).toBe('pending');

    time.jump(1);
    expect(await jobs.runDue()).toMatchObject({ done: 1 });
    expect(await jobs.runDue()).toMatchObject({ done: 0 });
    const job = await jobs.get('ping:1');
    expect(job).toMatchObject({ state: 'done', attempts: 1, late: false, result: { sent: true }, lockedBy: null, leaseUntil: null });
    expect(job?.finishedAt?.toISOString()).toBe(at(HOUR).toISOString());
    expect(calls.map((c) => [c.key, c.payload, c.ctx.attempt, c.ctx.late])).toEqual([['ping:1', { user: 'u1', n: 1 }, 1, false]]);
  });

  it('scheduling a key again moves a pending job, leaves a finished one alone, and replace puts it back', async () => {
    jobs.register(kind('test.ping'));
    const first = await jobs.schedule({ kind: 'test.ping', key: 'k', runAt: at(HOUR), payload: { user: 'u', n: 1 } });
    expect(first.outcome).toBe('created');
    expect((await jobs.schedule({ kind: 'test.ping', key: 'k', runAt: at(HOUR), payload: { user: 'u', n: 1 } })).outcome).toBe('unchanged');
    const moved = await jobs.schedule({ kind: 'test.ping', key: 'k', runAt: at(2 * HOUR), payload: { user: 'u', n: 2 } });
    expect(moved).toMatchObject({ outcome: 'updated', job: { id: first.job.id, state: 'pending', payload: { user: 'u', n: 2 } } });
    expect(moved.job.runAt.toISOString()).toBe(at(2 * HOUR).toISOString());

    time.jump(2 * HOUR);
    await jobs.runDue();
    const again = await jobs.schedule({ kind: 'test.ping', key: 'k', runAt: at(3 * HOUR), payload: { user: 'u', n: 3 } });
    expect(again).toMatchObject({ outcome: 'unchanged', job: { state: 'done', payload: { user: 'u', n: 2 } } });

    const replaced = await jobs.schedule(
      { kind: 'test.ping', key: 'k', runAt: at(3 * HOUR), payload: { user: 'u', n: 3 } },
      { replace: true },
    );
    expect(replaced).toMatchObject({ outcome: 'replaced', job: { state: 'pending', attempts: 0, payload: { user: 'u', n: 3 } } });
    expect(replaced.job.id).not.toBe(first.job.id);
    time.jump(HOUR);
    await jobs.runDue();
    expect(calls.map((c) => c.payload.n)).toEqual([2, 3]);
    expect(await db.job.count()).toBe(1);
  });

  it('rejects a payload that does not fit the kind, and a key used by another kind, before storing anything', async () => {
    jobs.register(kind('test.ping'));
    jobs.register(kind('test.other'));
    const bad = jobs.schedule({ kind: 'test.ping', key: 'k', runAt: at(0), payload: { user: 'u', n: 'satu' } });
    await expect(bad).rejects.toBeInstanceOf(JobPayloadError);
    await expect(bad).rejects.toThrow(/n: /);
    expect(await db.job.count()).toBe(0);
    await jobs.schedule({ kind: 'test.ping', key: 'k', runAt: at(0), payload: { user: 'u', n: 1 } });
    await expect(jobs.schedule({ kind: 'test.other', key: 'k', runAt: at(0), payload: { user: 'u', n: 1 } })).rejects.toBeInstanceOf(
      JobKeyConflictError,
    );
  });

  it('cancel and cancelWhere stop pending jobs only, matching key prefixes exactly', async () => {
    jobs.register(kind('test.ping'));
    jobs.register(kind('test.other'));
    const p = { user: 'u', n: 1 };
    for (const key of ['rem:A:1', 'rem:A:2', 'rem:B:1', 'REM:A:3', 'rem_A:4'])
      await jobs.schedule({ kind: 'test.ping', key, runAt: at(HOUR), payload: p });
    await jobs.schedule({ kind: 'test.ping', key: 'rem:A:0', runAt: at(0), payload: p });
    await jobs.schedule({ kind: 'test.other', key: 'other:1', runAt: at(HOUR), payload: p });
    await jobs.runDue(); // rem:A:0 is done

    expect(await jobs.cancelWhere({ keyPrefix: 'rem:A:' })).toBe(2);
    expect(await jobs.cancel('rem:A:0')).toBe(false);
    expect(await jobs.cancel('rem:B:1')).toBe(true);
    expect(await jobs.cancelWhere({ kind: 'test.other' })).toBe(1);
    const states = Object.fromEntries((await jobs.list()).map((j) => [j.key, j.state]));
    expect(states).toEqual({
      'rem:A:0': 'done',
      'rem:A:1': 'cancelled',
      'rem:A:2': 'cancelled',
      'rem:B:1': 'cancelled',
      'REM:A:3': 'pending',
      'rem_A:4': 'pending',
      'other:1': 'cancelled',
    });
    time.jump(DAY);
    expect(await jobs.runDue()).toMatchObject({ done: 2 });
  });
});

describe('failures', () => {
  it('retries a failing job with growing back-off, then ends failed with the stack', async () => {
    jobs.register(
      kind('test.flaky', { maxAttempts: 3 }, () => {
        throw new Error('Bot API tidak menjawab');
      }),
    );
    await jobs.schedule({ kind: 'test.flaky', key: 'f', runAt: at(0), payload: { user: 'u', n: 1 } });
    const runAts: string[] = [];
    for (const wait of [0, 30_000, 60_000]) {
      time.jump(wait);
      expect(await jobs.runDue()).toMatchObject({ done: 0, failed: 0 + (runAts.length === 2 ? 1 : 0) });
      const job = await jobs.get('f');
      runAts.push(job!.runAt.toISOString());
      if (runAts.length < 3) {
        expect(job).toMatchObject({ state: 'pending', attempts: runAts.length });
        expect(job!.lastError).toContain('Bot API tidak menjawab');
      }
    }
    expect(runAts.slice(0, 2)).toEqual([at(30_000).toISOString(), at(30_000 + 60_000).toISOString()]);
    const failed = await jobs.get('f');
    expect(failed).toMatchObject({ state: 'failed', attempts: 3 });
    expect(failed!.lastError).toMatch(/Error: Bot API tidak menjawab\n\s+at /);
    time.jump(DAY);
    expect(await jobs.runDue()).toMatchObject({ failed: 0, done: 0 });
    expect(calls).toHaveLength(3);
  });

  it('RetryLater postpones to the given time without counting an attempt', async () => {
    const tomorrow = at(DAY);
    jobs.register(
      kind('test.wa', {}, (n) => {
        if (n === 1) throw new RetryLater(tomorrow, 'batas harian WhatsApp tercapai');
        return 'sent';
      }),
    );
    await jobs.schedule({ kind: 'test.wa', key: 'w', runAt: at(0), payload: { user: 'u', n: 1 } });
    expect(await jobs.runDue()).toMatchObject({ rescheduled: 1 });
    const waiting = await jobs.get('w');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 0 });
    expect(waiting!.runAt.toISOString()).toBe(tomorrow.toISOString());
    expect(waiting!.lastError).toContain('batas harian WhatsApp tercapai');

    time.jump(DAY - 1);
    expect(await jobs.runDue()).toMatchObject({ done: 0 });
    time.jump(1);
    expect(await jobs.runDue()).toMatchObject({ done: 1 });
    expect(await jobs.get('w')).toMatchObject({ state: 'done', attempts: 1, late: true });
    expect(calls.map((c) => c.ctx.attempt)).toEqual([1, 1]);
  });

  it('PermanentFailure ends the job failed at once', async () => {
    jobs.register(
      kind('test.blocked', {}, () => {
        throw new PermanentFailure('pengguna memblokir bot');
      }),
    );
    await jobs.schedule({ kind: 'test.blocked', key: 'b', runAt: at(0), payload: { user: 'u', n: 1 } });
    expect(await jobs.runDue()).toMatchObject({ failed: 1 });
    expect(await jobs.get('b')).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('fails a row whose stored payload no longer fits its kind, without running it', async () => {
    await testJobs(db).schedule({ kind: 'test.ping', key: 'old', runAt: at(0), payload: { user: 'u', n: 'tiga' } });
    jobs.register(kind('test.ping'));
    expect(await jobs.runDue()).toMatchObject({ failed: 1 });
    expect(calls).toHaveLength(0);
    expect((await jobs.get('old'))!.lastError).toContain('n');
  });
});

describe('lateness', () => {
  it('marks a run late only when it starts more than the grace period after it was due', async () => {
    jobs.register(kind('test.ping'));
    await jobs.schedule({ kind: 'test.ping', key: 'on-time', runAt: at(0), payload: { user: 'u', n: 1 } });
    await jobs.schedule({ kind: 'test.ping', key: 'late', runAt: at(2 * MINUTE), payload: { user: 'u', n: 2 } });
    time.jump(2 * MINUTE);
    await jobs.runDue(); // on-time is 2 min late (the grace), late is due now
    await jobs.schedule({ kind: 'test.ping', key: 'very-late', runAt: at(0), payload: { user: 'u', n: 3 } });
    time.jump(MINUTE);
    await jobs.runDue();
    expect(calls.map((c) => [c.key, c.ctx.late, c.ctx.lateByMs])).toEqual([
      ['on-time', false, 2 * MINUTE],
      ['late', false, 0],
      ['very-late', true, 3 * MINUTE],
    ]);
    expect(await jobs.get('very-late')).toMatchObject({ late: true, lateByMs: 3 * MINUTE });
    expect(await jobs.get('on-time')).toMatchObject({ late: false });
  });

  it('past the maximum lateness it calls expired instead of run and ends expired', async () => {
    const reported: Array<{ payload: Payload; lateByMs: number }> = [];
    jobs.register(
      kind('test.reminder', {
        maxLatenessMs: 6 * HOUR,
        expired: (p, ctx) => {
          reported.push({ payload: p, lateByMs: ctx.lateByMs });
          return { reportedTo: 'koordinator' };
        },
      }),
    );
    await jobs.schedule({ kind: 'test.reminder', key: 'r1', runAt: at(0), payload: { user: 'u', n: 1 } });
    await jobs.schedule({ kind: 'test.reminder', key: 'r2', runAt: at(DAY - 5 * HOUR), payload: { user: 'u', n: 2 } });
    time.jump(DAY);
    expect(await jobs.runDue()).toMatchObject({ expired: 1, done: 1 });
    expect(reported).toEqual([{ payload: { user: 'u', n: 1 }, lateByMs: DAY }]);
    expect(calls.map((c) => c.key)).toEqual(['r2']);
    expect(await jobs.get('r1')).toMatchObject({ state: 'expired', late: true, result: { reportedTo: 'koordinator' } });
  });
});

describe('the in-process dispatcher', () => {
  it('wakes for the next due time, and picks up rows another process wrote at the next poll', async () => {
    jobs = testJobs(db, { timers: time, instanceId: 'a', pollMs: 15_000 });
    jobs.register(kind('test.ping'));
    await jobs.start();
    await jobs.schedule({ kind: 'test.ping', key: 'soon', runAt: at(10_000), payload: { user: 'u', n: 1 } });
    await time.advance(9_999);
    expect(calls).toHaveLength(0);
    await time.advance(1);
    expect(calls.map((c) => c.key)).toEqual(['soon']);

    // Written by another process (a CLI): this dispatcher was not told, so it finds it when it polls.
    await testJobs(db, { timers: time }).schedule({ kind: 'test.ping', key: 'cli', runAt: at(10_000), payload: { user: 'u', n: 2 } });
    await time.advance(14_000);
    expect(calls).toHaveLength(1);
    await time.advance(1_000);
    expect(calls.map((c) => c.key)).toEqual(['soon', 'cli']);
    await jobs.stop();
  });

  it('after a restart, runs what fell due while it was down exactly once, marked late', async () => {
    jobs = testJobs(db, { timers: time, instanceId: 'before' });
    jobs.register(kind('test.ping'));
    await jobs.start();
    await jobs.schedule({ kind: 'test.ping', key: 'r', runAt: at(HOUR), payload: { user: 'u', n: 1 } });
    await time.advance(30 * MINUTE);
    await jobs.stop();
    await db.$disconnect();

    time.jump(5 * HOUR); // down across the due time, then the clock jumps
    db = await openDb(file.url);
    const after = testJobs(db, { timers: time, instanceId: 'after' });
    after.register(kind('test.ping'));
    await after.start();
    await time.advance(1_000);
    await after.runDue();
    expect(calls.map((c) => [c.key, c.ctx.late, c.ctx.lateByMs])).toEqual([['r', true, 4.5 * HOUR]]);
    expect(await after.get('r')).toMatchObject({ state: 'done', late: true, lockedBy: null });
    await after.stop();
  });

  it('starts at most `max` runs of a lane per `duration`', async () => {
    jobs = testJobs(db, { timers: time, instanceId: 'a' });
    jobs.register(kind('test.send', { lane: { name: 'telegram', concurrency: 5, limiter: { max: 2, duration: 1_000 } } }));
    for (let i = 0; i < 5; i += 1) await jobs.schedule({ kind: 'test.send', key: `s${i}`, runAt: at(0), payload: { user: `u${i}`, n: i } });
    await jobs.start();
    await time.advance(10);
    expect(calls).toHaveLength(2);
    await time.advance(1_000);
    expect(calls).toHaveLength(4);
    await time.advance(1_000);
    expect(calls).toHaveLength(5);
    await jobs.stop();
  });

  it('a RateLimited answer puts the row back without counting an attempt and pauses its lane', async () => {
    jobs = testJobs(db, { timers: time, instanceId: 'a' });
    jobs.register(
      kind('test.send', { lane: { name: 'telegram', concurrency: 1 } }, (n) => {
        if (n === 1) throw new RateLimited(5_000, '429 retry_after 5');
        return 'ok';
      }),
    );
    for (let i = 0; i < 2; i += 1) await jobs.schedule({ kind: 'test.send', key: `s${i}`, runAt: at(0), payload: { user: `u${i}`, n: i } });
    await jobs.start();
    await time.advance(10);
    expect(calls.map((c) => c.key)).toEqual(['s0']);
    expect(await jobs.get('s0')).toMatchObject({ state: 'pending', attempts: 0 });
    await time.advance(4_900);
    expect(calls).toHaveLength(1); // the lane waits, s1 too
    await time.advance(200);
    expect(calls.map((c) => c.key)).toEqual(['s0', 's1', 's0']);
    expect((await jobs.list()).map((j) => [j.key, j.state, j.attempts])).toEqual([
      ['s1', 'done', 1],
      ['s0', 'done', 1],
    ]);
    await jobs.stop();
  });

  it('stop() waits for a running handler, but only as long as it was told', async () => {
    let finish: () => void = () => {};
    jobs = testJobs(db, { timers: time, instanceId: 'a' });
    jobs.register(kind('test.slow', {}, () => new Promise<string>((resolve) => (finish = () => resolve('done')))));
    await jobs.schedule({ kind: 'test.slow', key: 'slow1', runAt: at(0), payload: { user: 'u', n: 1 } });
    await jobs.start();
    await time.advance(10);
    let stopped = false;
    const stopping = jobs.stop(5_000).then(() => (stopped = true));
    await time.advance(1_000);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(await jobs.get('slow1')).toMatchObject({ state: 'done' });

    jobs = testJobs(db, { timers: time, instanceId: 'b' });
    jobs.register(kind('test.slow2', {}, () => new Promise(() => {})));
    await jobs.schedule({ kind: 'test.slow2', key: 'slow2', runAt: at(0), payload: { user: 'u', n: 1 } });
    await jobs.start();
    await time.advance(10);
    const hung = jobs.stop(5_000);
    await time.advance(5_000);
    await hung;
    expect(calls.at(-1)!.ctx.signal.aborted).toBe(true);
    expect(await jobs.get('slow2')).toMatchObject({ state: 'running', lockedBy: 'b' });
    // Given up on: its lease is no longer renewed, so once it runs out the crash policy applies elsewhere.
    const leaseAtStop = (await jobs.get('slow2'))!.leaseUntil!.getTime();
    await time.advance(30 * MINUTE);
    expect((await jobs.get('slow2'))!.leaseUntil!.getTime()).toBe(leaseAtStop);
    const other = testJobs(db, { timers: time, instanceId: 'c' });
    other.register(kind('test.slow2'));
    expect(await other.runDue()).toMatchObject({ done: 1 });
    expect(await other.get('slow2')).toMatchObject({ state: 'done', attempts: 2 });
  });
});

describe('crashes', () => {
  /** A handler that records its call and never finishes (its process is about to die). */
  const hang = () => new Promise(() => {});

  it('after the lease of a dead instance runs out, retry jobs run once more and unknown jobs end unknown', async () => {
    const dead = testJobs(db, { timers: time, instanceId: 'dead', leaseMs: 2 * MINUTE });
    dead.register(kind('test.reminder', { onCrash: 'retry' }, hang));
    dead.register(kind('test.broadcast', { onCrash: 'unknown' }, hang));
    await dead.schedule({ kind: 'test.reminder', key: 'rem', runAt: at(0), payload: { user: 'u', n: 1 } });
    await dead.schedule({ kind: 'test.broadcast', key: 'bc', runAt: at(0), payload: { user: 'u', n: 2 } });
    await dead.start();
    await time.advance(10);
    expect(calls.map((c) => c.key).sort()).toEqual(['bc', 'rem']);
    // The instance dies here: its timers never fire again, its handlers never finish.

    calls = [];
    const survivor = testJobs(db, { timers: time, instanceId: 'survivor' });
    survivor.register(kind('test.reminder', { onCrash: 'retry' }));
    survivor.register(kind('test.broadcast', { onCrash: 'unknown' }));
    time.jump(2 * MINUTE - 20);
    expect(await survivor.runDue()).toMatchObject({ done: 0, unknown: 0 });
    time.jump(MINUTE);
    expect(await survivor.runDue()).toMatchObject({ done: 1, unknown: 1 });
    time.jump(DAY);
    expect(await survivor.runDue()).toMatchObject({ done: 0, unknown: 0 });

    expect(calls.map((c) => [c.key, c.ctx.attempt, c.ctx.late])).toEqual([['rem', 2, true]]);
    const rem = await survivor.get('rem');
    expect(rem).toMatchObject({ state: 'done', attempts: 2 });
    expect(rem!.lastError).toContain('dead stopped while running this');
    const bc = await survivor.get('bc');
    expect(bc).toMatchObject({ state: 'unknown', attempts: 1 });
    expect(bc!.lastError).toContain('not run again');
  });

  it('a handler that keeps running renews its lease, so nobody takes its row over', async () => {
    let finish: () => void = () => {};
    jobs = testJobs(db, { timers: time, instanceId: 'a', leaseMs: 2 * MINUTE });
    jobs.register(kind('test.long', {}, () => new Promise<string>((resolve) => (finish = () => resolve('finished')))));
    await jobs.schedule({ kind: 'test.long', key: 'long', runAt: at(0), payload: { user: 'u', n: 1 } });
    await jobs.start();
    await time.advance(10 * MINUTE);
    const other = testJobs(db, { timers: time, instanceId: 'b' });
    other.register(kind('test.long'));
    expect(await other.runDue()).toMatchObject({ done: 0, skipped: 0 });
    finish();
    await time.advance(10);
    expect(await jobs.get('long')).toMatchObject({ state: 'done', attempts: 1, result: 'finished' });
    expect(calls).toHaveLength(1);
    await jobs.stop();
  });

  it('an instance that lost its lease cannot overwrite the outcome of the one that took over', async () => {
    const finish: Record<string, () => void> = {};
    const held = (name: string) => () => new Promise<string>((resolve) => (finish[name] = () => resolve(`${name} result`)));
    const stalled = testJobs(db, { timers: time, instanceId: 'stalled', leaseMs: 2 * MINUTE });
    stalled.register(kind('test.reminder', {}, held('stalled')));
    await stalled.schedule({ kind: 'test.reminder', key: 'rem', runAt: at(0), payload: { user: 'u', n: 1 } });
    const first = stalled.runDue();
    await time.advance(10);
    time.jump(5 * MINUTE); // the process stalls: no renewal, the lease runs out
    const other = testJobs(db, { timers: time, instanceId: 'other' });
    other.register(kind('test.reminder', {}, held('other')));
    const second = other.runDue();
    await time.advance(10);
    finish.stalled!(); // the stalled one wakes up first and tries to record its result
    expect(await first).toMatchObject({ lost: 1, done: 0 });
    expect(await other.get('rem')).toMatchObject({ state: 'running', lockedBy: 'other', attempts: 2 });
    finish.other!();
    expect(await second).toMatchObject({ done: 1 });
    expect(await other.get('rem')).toMatchObject({ state: 'done', result: 'other result', attempts: 2 });
  });
});

describe('operator views', () => {
  it('describeDue lists pending rows in a window with their description, without running them', async () => {
    jobs.register(kind('test.reminder', { describe: (p, job) => ({ user: p.user, channel: 'telegram', dueAt: job.dueAt.toISOString() }) }));
    await jobs.schedule({ kind: 'test.reminder', key: 'in', runAt: at(DAY), payload: { user: 'sari', n: 1 } });
    await jobs.schedule({ kind: 'test.reminder', key: 'out', runAt: at(3 * DAY), payload: { user: 'budi', n: 2 } });
    const due = await jobs.describeDue({ from: at(0), to: at(2 * DAY) });
    expect(due.map((d) => [d.job.key, d.description])).toEqual([
      ['in', { user: 'sari', channel: 'telegram', dueAt: at(DAY).toISOString() }],
    ]);
    expect(calls).toHaveLength(0);
    expect((await jobs.get('in'))?.state).toBe('pending');
  });
});
