import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { createJobs } from '../../src/jobs/create-jobs.js';
import { silentLogger } from '../../src/logger.js';
import { startClockedApp } from '../core/support/clocked-app.js';
import { openDb, sqliteFile } from './support/job-db.js';

/** Runs `fn` with a fresh migrated SQLite database, removed afterwards. */
async function withDb(fn: (db: Db) => Promise<void>): Promise<void> {
  const file = await sqliteFile();
  const db = await openDb(file.url);
  try {
    await fn(db);
  } finally {
    await db.$disconnect();
    file.cleanup();
  }
}

describe('job settings', () => {
  it('reads JOBS_POLL_MS, JOBS_CONCURRENCY, JOBS_TAKEOVER_SECONDS, REDIS_URL and REDIS_PREFIX, with defaults, and refuses a URL that is not Redis', () => {
    expect(loadConfig({}, '/srv/pandu').jobs).toEqual({ pollMs: 15_000, concurrency: 4, redisPrefix: 'pandu', takeoverMs: 30_000 });
    expect(loadConfig({ JOBS_POLL_MS: '', JOBS_CONCURRENCY: '', REDIS_URL: '' }, '/srv/pandu').jobs).toEqual({
      pollMs: 15_000,
      concurrency: 4,
      redisPrefix: 'pandu',
      takeoverMs: 30_000,
    });
    expect(
      loadConfig(
        {
          JOBS_POLL_MS: '2000',
          JOBS_CONCURRENCY: '8',
          JOBS_TAKEOVER_SECONDS: '2.5',
          REDIS_URL: 'redis://cache:6379/2',
          REDIS_PREFIX: 'pemkab-x',
        },
        '/srv/pandu',
      ).jobs,
    ).toEqual({
      pollMs: 2000,
      concurrency: 8,
      redisUrl: 'redis://cache:6379/2',
      redisPrefix: 'pemkab-x',
      takeoverMs: 2500,
    });
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' }, '/srv/pandu')).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_PREFIX: 'a:b' }, '/srv/pandu')).toThrow(/REDIS_PREFIX/);
    expect(() => loadConfig({ JOBS_POLL_MS: '0' }, '/srv/pandu')).toThrow(/JOBS_POLL_MS/);
    expect(() => loadConfig({ JOBS_TAKEOVER_SECONDS: '0.5' }, '/srv/pandu')).toThrow(/JOBS_TAKEOVER_SECONDS/);
  });

  it('uses the in-process dispatcher without REDIS_URL and BullMQ with it, and reads rows without touching Redis', async () => {
    await withDb(async (db) => {
      expect(createJobs(loadConfig({}, '/srv/pandu'), db, silentLogger()).transportName).toBe('local');
      const overRedis = createJobs(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }, '/srv/pandu'), db, silentLogger());
      expect(overRedis.transportName).toBe('bullmq');
      expect(await overRedis.list()).toEqual([]); // reading rows needs no Redis
      await overRedis.stop();
    });
  });
});

describe('with REDIS_URL pointing at a Redis that does not answer', () => {
  it('still starts, stores scheduled rows (after a bounded wait), and stops', async () => {
    await withDb(async (db) => {
      const jobs = createJobs(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }, '/srv/pandu'), db, silentLogger());
      jobs.register({ kind: 'test.down', payload: z.object({}), onCrash: 'retry', run: () => 'ok' });
      await jobs.start();
      const result = await jobs.schedule({ kind: 'test.down', key: 'kept', runAt: new Date(), payload: {} });
      expect(result).toMatchObject({ outcome: 'created', job: { state: 'pending' } });
      expect((await jobs.get('kept'))?.state).toBe('pending');
      await jobs.stop();
    });
  });
});

describe('the app', () => {
  it('builds its job layer on the app clock; jobs run only when asked and stop with the app', async () => {
    const clocked = await startClockedApp(new Date('2027-02-26T00:00:00Z'));
    const seen: string[] = [];
    try {
      const { jobs } = clocked.app;
      jobs.register({ kind: 'test.app', payload: z.object({}), onCrash: 'retry', run: (_p, ctx) => void seen.push(ctx.now.toISOString()) });
      await jobs.schedule({ kind: 'test.app', key: 'a', runAt: new Date('2027-02-26T01:00:00Z'), payload: {} });
      await jobs.schedule({ kind: 'test.app', key: 'due-now', runAt: clocked.now(), payload: {} });
      await new Promise((resolve) => setTimeout(resolve, 50)); // a started dispatcher would take it now
      expect((await jobs.get('due-now'))?.state).toBe('pending');
      expect(await jobs.runDue()).toMatchObject({ done: 1 });
      clocked.advance(60 * 60_000);
      expect(await jobs.runDue()).toMatchObject({ done: 1 });
      expect(seen).toEqual(['2027-02-26T00:00:00.000Z', '2027-02-26T01:00:00.000Z']);
      await jobs.start();
    } finally {
      await clocked.close();
    }
  });
});
