// A separate process running a job dispatcher on a shared SQLite file, for tests that need real processes
// (a SIGKILL mid-run; two processes competing for the same rows). Configured by environment variables:
//   JOBS_DB_URL, JOBS_LOG (file each handler call appends "<instance> <kind> <key>" to), JOBS_INSTANCE,
//   JOBS_MODE=hang|work, JOBS_RUN=start|due, JOBS_CLOCK_OFFSET_MS (this process's clock runs ahead).
// With JOBS_RUN=due it prints "ready", waits for a line on stdin, runs everything due and prints the summary.
import fs from 'node:fs';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { CrashPolicy } from '../../../src/jobs/job-kind.js';
import { openDb, testJobs } from './job-db.js';

const env = process.env;
const instance = env.JOBS_INSTANCE ?? `pid${process.pid}`;
const offset = Number(env.JOBS_CLOCK_OFFSET_MS ?? 0);
const db = await openDb(env.JOBS_DB_URL!);
const jobs = testJobs(db, { instanceId: instance, clock: () => new Date(Date.now() + offset), concurrency: 4 });

const kinds: Array<[string, CrashPolicy]> = [
  ['test.retry', 'retry'],
  ['test.unknown', 'unknown'],
  ['test.count', 'retry'],
];
for (const [kind, onCrash] of kinds) {
  jobs.register({
    kind,
    onCrash,
    payload: z.object({ n: z.number() }),
    async run(_payload, ctx) {
      fs.appendFileSync(env.JOBS_LOG!, `${instance} ${kind} ${ctx.jobKey}\n`);
      if (env.JOBS_MODE === 'hang') await new Promise(() => {});
      await sleep(2);
      return instance;
    },
  });
}

if (env.JOBS_RUN === 'start') {
  await jobs.start();
  setInterval(() => {}, 60_000); // the dispatcher's timers do not keep a process alive on their own
} else {
  await jobs.list({ limit: 1 }); // connect before the race starts
  console.log('ready');
  const input = readline.createInterface({ input: process.stdin });
  await new Promise((resolve) => input.once('line', resolve));
  input.close();
  console.log(JSON.stringify(await jobs.runDue()));
  await jobs.stop();
  await db.$disconnect();
}
