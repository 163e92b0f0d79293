import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../src/db/open-database.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { PermanentFailure } from '../../src/jobs/errors.js';
import { Jobs } from '../../src/jobs/jobs.js';
import { silentLogger } from '../../src/logger.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

const HOUR = 3_600_000;
let temp: ReturnType<typeof tempDataDir>;
let env: Record<string, string>;
const jobsCli = (...args: string[]) => runCli('src/cli/jobs.ts', args, { env });
const now = Date.now();
const hoursFromNow = (h: number) => new Date(now + h * HOUR);

beforeAll(async () => {
  temp = tempDataDir('pandu-jobs-cli-');
  env = cliEnv(path.join(temp.dir, 'data'));
  const db = await openDatabase(loadConfig(env, projectRoot), silentLogger());
  const jobs = new Jobs({ db, logger: silentLogger() });
  const payload = z.object({ user: z.string() });
  jobs.register({ kind: 'reminder.send', payload, onCrash: 'retry', run: () => 'terkirim' });
  jobs.register({
    kind: 'broadcast.send',
    payload,
    onCrash: 'unknown',
    run: () => {
      throw new PermanentFailure('pengguna memblokir bot');
    },
  });
  await jobs.schedule({ kind: 'reminder.send', key: 'reminder:sent', runAt: hoursFromNow(-1), payload: { user: 'sari' } });
  await jobs.schedule({ kind: 'broadcast.send', key: 'broadcast:7:budi', runAt: hoursFromNow(-1), payload: { user: 'budi' } });
  await jobs.runDue();
  await jobs.schedule({ kind: 'reminder.send', key: 'reminder:overdue', runAt: hoursFromNow(-26), payload: { user: 'ani' } });
  await jobs.schedule({ kind: 'reminder.send', key: 'reminder:next', runAt: hoursFromNow(48), payload: { user: 'dewi' } });
  await db.$disconnect();
});
afterAll(() => temp.cleanup());

describe('npm run jobs -- list', () => {
  it('--json prints one object per line for waiting and failed work, with UTC times and lateness', async () => {
    const r = await jobsCli('list', '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.key, l.state])).toEqual([
      ['reminder:overdue', 'pending'],
      ['broadcast:7:budi', 'failed'],
      ['reminder:next', 'pending'],
    ]);
    const [overdue, failed, next] = lines;
    expect(overdue).toMatchObject({ kind: 'reminder.send', late: true, attempts: 0, payload: { user: 'ani' } });
    expect(overdue!.dueAt).toBe(hoursFromNow(-26).toISOString());
    expect(overdue!.lateByMs as number).toBeGreaterThanOrEqual(26 * HOUR);
    expect(failed).toMatchObject({ kind: 'broadcast.send', attempts: 1, late: true });
    expect(failed!.lastError).toMatch(/^PermanentFailure: pengguna memblokir bot\n\s+at /);
    expect(next).toMatchObject({ late: false, lateByMs: null, runAt: hoursFromNow(48).toISOString() });
  });

  it('prints a table with Indonesian headings for the states asked for, and refuses an unknown state', async () => {
    const r = await jobsCli('list', '--state', 'done', '--state', 'failed,pending');
    expect(r.code).toBe(0);
    const [header, columns, ...rows] = r.stdout.trim().split('\n');
    expect(header).toBe('4 pekerjaan (selesai, gagal, menunggu), waktu dalam UTC:');
    expect(columns).toMatch(/^JENIS\s+KUNCI\s+STATUS\s+JATUH TEMPO\s+DIJALANKAN\s+PERCOBAAN\s+TERLAMBAT\s+GALAT TERAKHIR$/);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^reminder\.send\s+reminder:overdue\s+menunggu\s+\d{4}-\d\d-\d\d \d\d:\d\d .* ya, 1 hari 2 jam\s+-$/);
    expect(rows.find((line) => line.includes('reminder:sent'))).toMatch(/selesai\s+\S+ \S+\s+-\s+1\s+ya, 1 jam\s+-$/);
    expect(rows.find((line) => line.includes('broadcast:7:budi'))).toMatch(/gagal .* PermanentFailure: pengguna memblokir bot$/);

    const bad = await jobsCli('list', '--state', 'selesai');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Status tidak dikenal: selesai');
  });
});
