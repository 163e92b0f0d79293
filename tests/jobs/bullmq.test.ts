import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDb, type Db } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { RateLimited } from '../../src/jobs/errors.js';
import type { JobLane } from '../../src/jobs/job-kind.js';
import type { Jobs } from '../../src/jobs/jobs.js';
import { createTestDatabase, TEST_PG_URL } from '../support/pg-database.js';
import { prismaDir, testJobs } from './support/job-db.js';
import { MINUTE, MovedTime } from './support/moved-time.js';

const redisUrl = process.env.TEST_REDIS_URL;
const enabled = Boolean(TEST_PG_URL && redisUrl);
const suite = enabled
  ? 'jobs over BullMQ on PostgreSQL'
  : 'jobs over BullMQ on PostgreSQL (skipped: TEST_DATABASE_URL or TEST_REDIS_URL not set)';

/** Polls the database (a few ms at a time) until `check` holds. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!enabled)(suite, () => {
  const prefix = `pandu-test-${randomBytes(6).toString('hex')}`;
  let url = '';
  let drop: () => Promise<void> = async () => {};
  let db: Db;
  const open: Array<{ jobs: Jobs; db: Db }> = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    await migrate(url, prismaDir);
    db = await createDb(url);
  });
  afterAll(async () => {
    for (const instance of open.splice(0)) await stop(instance);
    await db?.$disconnect();
    await drop();
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    redis.disconnect();
  });

  /** One "instance": its own Prisma client and Redis connections, like a separate process. */
  async function instance(id: string, options: { time?: MovedTime; pollMs?: number } = {}): Promise<{ jobs: Jobs; db: Db }> {
    const own = await createDb(url);
    const jobs = testJobs(own, {
      instanceId: id,
      redis: { url: redisUrl!, prefix },
      pollMs: options.pollMs ?? 60 * MINUTE,
      ...(options.time ? { timers: options.time } : {}),
    });
    const made = { jobs, db: own };
    open.push(made);
    return made;
  }

  async function stop(made: { jobs: Jobs; db: Db }): Promise<void> {
    await made.jobs.stop();
    await made.db.$disconnect();
    open.splice(open.indexOf(made), 1);
  }

  const state = async (key: string) => (await db.job.findUnique({ where: { key } }))?.state;

  it('a monthly schedule over 14 months on two workers, with a restart between due and sent, runs each month exactly once', async () => {
    const due = (month: number) => new Date(Date.UTC(2027, month - 1, 1, 1, 0)); // 08:00 WIB on the 1st
    const time = new MovedTime(new Date(due(1).getTime() - 24 * 60 * MINUTE));
    const sent: Array<{ month: number; by: string; late: boolean }> = [];
    const payload = z.object({ month: z.number().int() });

    const boot = async (id: string) => {
      const made = await instance(id, { time });
      made.jobs.register({
        kind: 'test.monthly',
        payload,
        onCrash: 'retry',
        async run(p, ctx) {
          sent.push({ month: p.month, by: id, late: ctx.late });
          // What a reminder does: schedule the next one (idempotent by key).
          if (p.month < 14)
            await made.jobs.schedule({
              kind: 'test.monthly',
              key: `monthly:${p.month + 1}`,
              runAt: due(p.month + 1),
              payload: { month: p.month + 1 },
            });
        },
      });
      await made.jobs.start();
      return made;
    };

    let workers = [await boot('one'), await boot('two')];
    await workers[0]!.jobs.schedule({ kind: 'test.monthly', key: 'monthly:1', runAt: due(1), payload: { month: 1 } });
    for (let month = 1; month <= 14; month += 1) {
      if (month === 7) {
        // Both go down before month 7 is sent and come back three hours after it was due.
        for (const w of workers) await stop(w);
        time.jumpTo(new Date(due(7).getTime() + 180 * MINUTE));
        workers = [await boot('three'), await boot('four')];
      } else {
        time.jumpTo(new Date(due(month).getTime() + MINUTE));
        await Promise.all(workers.map((w) => w.jobs.wake()));
      }
      await until(async () => (await state(`monthly:${month}`)) === 'done', `month ${month}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // a duplicate delivery would show up here

    expect(sent.map((s) => s.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(sent.filter((s) => s.late).map((s) => s.month)).toEqual([7]);
    expect(new Set(sent.filter((s) => s.month >= 7).map((s) => s.by))).not.toContain('one');
    const rows = await db.job.findMany({ where: { kind: 'test.monthly' } });
    expect(rows.map((r) => [r.state, r.attempts])).toEqual(Array.from({ length: 14 }, () => ['done', 1]));
    for (const w of workers) await stop(w);
  });

  it('two instances sharing the queue run each of many due rows exactly once', async () => {
    const time = new MovedTime('2027-06-01T00:00:00Z');
    const ran: string[] = [];
    const workers = [];
    for (const id of ['left', 'right']) {
      const made = await instance(id, { time });
      made.jobs.register({
        kind: 'test.burst',
        payload: z.object({ n: z.number() }),
        onCrash: 'unknown',
        run: (_p, ctx) => void ran.push(`${id} ${ctx.jobKey}`),
      });
      workers.push(made);
    }
    for (const w of workers) await w.jobs.start();
    for (let i = 0; i < 40; i += 1)
      await workers[i % 2]!.jobs.schedule({ kind: 'test.burst', key: `burst:${i}`, runAt: new Date(time.now()), payload: { n: i } });
    await Promise.all(workers.map((w) => w.jobs.wake()));
    await until(async () => (await db.job.count({ where: { kind: 'test.burst', state: 'done' } })) === 40, 'all 40 rows');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const keys = ran.map((r) => r.split(' ')[1]);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
    for (const w of workers) await stop(w);
  });

  it('runs a row at its time from the delayed BullMQ job, and sweeps in rows written without Redis', async () => {
    const made = await instance('real-clock');
    const ran: string[] = [];
    made.jobs.register({ kind: 'test.soon', payload: z.object({}), onCrash: 'retry', run: (_p, ctx) => void ran.push(ctx.jobKey) });
    await made.jobs.start(); // sweeps once now; the next sweep is an hour away

    await made.jobs.schedule({ kind: 'test.soon', key: 'soon', runAt: new Date(Date.now() + 300), payload: {} });
    expect(await state('soon')).toBe('pending');
    await until(async () => (await state('soon')) === 'done', 'the delayed job');

    // A CLI on the same database without REDIS_URL: only the table knows about this row.
    await testJobs(db).schedule({ kind: 'test.soon', key: 'from-cli', runAt: new Date(), payload: {} });
    await made.jobs.wake();
    await until(async () => (await state('from-cli')) === 'done', 'the swept row');
    expect(ran).toEqual(['soon', 'from-cli']);
    await stop(made);
  });

  it('a RateLimited answer pauses the lane through BullMQ and puts the row back without counting an attempt', async () => {
    const made = await instance('limited');
    const calls: number[] = [];
    const lane: JobLane = { name: 'telegram', concurrency: 1, limiter: { max: 20, duration: 1_000 } };
    made.jobs.register({
      kind: 'test.send',
      payload: z.object({}),
      onCrash: 'unknown',
      lane,
      run: () => {
        calls.push(Date.now());
        if (calls.length === 1) throw new RateLimited(300, '429: retry after 0.3 s');
        return 'sent';
      },
    });
    await made.jobs.start();
    await made.jobs.schedule({ kind: 'test.send', key: 'send', runAt: new Date(), payload: {} });
    await until(async () => (await state('send')) === 'done', 'the send after the pause');
    expect(await db.job.findUnique({ where: { key: 'send' } })).toMatchObject({ attempts: 1, result: 'sent' });
    expect(calls).toHaveLength(2);
    await stop(made);
  });
});
