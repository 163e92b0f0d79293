import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { openDb, sqliteFile, testJobs } from './support/job-db.js';

const CHILD = path.join(projectRoot, 'tests/jobs/support/dispatcher-child.ts');

let file: Awaited<ReturnType<typeof sqliteFile>>;
let db: Db;
let log: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeEach(async () => {
  file = await sqliteFile();
  db = await openDb(file.url);
  log = path.join(file.dir, 'calls.log');
  fs.writeFileSync(log, '');
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await db.$disconnect();
  file.cleanup();
});

interface Child {
  process: ChildProcessWithoutNullStreams;
  output(): string;
  exited: Promise<number | null>;
}

function startChild(env: Record<string, string>): Child {
  // The dispatcher itself, not tsx's launcher: a SIGKILL must end the process that holds the jobs (the
  // launcher would die alone and leave it running).
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', JOBS_DB_URL: file.url, JOBS_LOG: log, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => out, exited };
}

/** Polls (a few ms at a time) until `check` holds, failing after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const calls = () =>
  fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ') as [string, string, string]);

describe('job dispatchers in separate processes on one SQLite file', () => {
  it('after a SIGKILL mid-run, a new process runs retry jobs once more and marks unknown jobs unknown', async () => {
    const jobs = testJobs(db);
    await jobs.schedule({ kind: 'test.retry', key: 'reminder-1', runAt: new Date(), payload: { n: 1 } });
    await jobs.schedule({ kind: 'test.unknown', key: 'broadcast-1', runAt: new Date(), payload: { n: 2 } });

    const doomed = startChild({ JOBS_INSTANCE: 'doomed', JOBS_MODE: 'hang', JOBS_RUN: 'start' });
    await until(() => calls().length === 2, 'the first process to start both handlers');
    doomed.process.kill('SIGKILL');
    await doomed.exited;
    expect((await jobs.list()).map((j) => [j.key, j.state, j.lockedBy])).toEqual([
      ['reminder-1', 'running', 'doomed'],
      ['broadcast-1', 'running', 'doomed'],
    ]);

    // The next process starts after the lease ran out (its clock is 3 minutes ahead instead of waiting).
    const next = startChild({ JOBS_INSTANCE: 'next', JOBS_MODE: 'work', JOBS_RUN: 'due', JOBS_CLOCK_OFFSET_MS: String(3 * 60_000) });
    await until(() => next.output().includes('ready'), 'the second process');
    next.process.stdin.write('go\n');
    expect(await next.exited).toBe(0);
    expect(JSON.parse(next.output().trim().split('\n').at(-1)!)).toMatchObject({ done: 1, unknown: 1 });

    expect(
      calls()
        .map(([instance, , key]) => `${instance} ${key}`)
        .sort(),
    ).toEqual(['doomed broadcast-1', 'doomed reminder-1', 'next reminder-1']);
    const byKey = Object.fromEntries((await jobs.list()).map((j) => [j.key, j]));
    expect(byKey['reminder-1']).toMatchObject({ state: 'done', attempts: 2, result: 'next' });
    expect(byKey['broadcast-1']).toMatchObject({ state: 'unknown', attempts: 1 });
  });

  it('two processes racing for the same due rows run each exactly once', async () => {
    const jobs = testJobs(db);
    const count = 80;
    for (let i = 0; i < count; i += 1) await jobs.schedule({ kind: 'test.count', key: `row-${i}`, runAt: new Date(), payload: { n: i } });

    const racers = ['left', 'right'].map((name) => startChild({ JOBS_INSTANCE: name, JOBS_MODE: 'work', JOBS_RUN: 'due' }));
    await until(() => racers.every((r) => r.output().includes('ready')), 'both processes');
    for (const racer of racers) racer.process.stdin.write('go\n');
    expect(await Promise.all(racers.map((r) => r.exited))).toEqual([0, 0]);

    const keys = calls().map(([, , key]) => key);
    expect(keys).toHaveLength(count);
    expect(new Set(keys).size).toBe(count);
    const perInstance = calls().reduce<Record<string, number>>((acc, [instance]) => ({ ...acc, [instance]: (acc[instance] ?? 0) + 1 }), {});
    expect(perInstance.left).toBeGreaterThan(0);
    expect(perInstance.right).toBeGreaterThan(0);
    const states = await db.job.groupBy({ by: ['state'], _count: true });
    expect(states).toEqual([{ state: 'done', _count: count }]);
  });
});
