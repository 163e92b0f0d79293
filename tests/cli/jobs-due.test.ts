import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { openDatabase } from '../../src/db/open-database.js';
import { silentLogger } from '../../src/logger.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

let temp: ReturnType<typeof tempDataDir>;
let env: Record<string, string>;
let innovationId = '';
let userId = '';

beforeAll(async () => {
  temp = tempDataDir('pandu-jobs-due-');
  env = cliEnv(path.join(temp.dir, 'data'));
  const db = await openDatabase(loadConfig(env, projectRoot), silentLogger());
  const user = await db.user.create({
    data: {
      fullName: 'Siti Rahma',
      timeZone: 'Asia/Makassar',
      identities: { create: { channel: 'whatsapp', externalId: '62811222333@c.us', firstMessageAt: new Date('2026-12-01T00:00:00Z') } },
    },
  });
  userId = user.id;
  const innovation = await db.innovation.create({
    data: {
      ownerId: user.id,
      name: 'Si Cepat Akta',
      opd: 'Disdukcapil',
      opdKey: 'disdukcapil',
      startDate: '2027-01-05',
      createdAt: new Date('2027-01-05T00:00:00Z'),
    },
  });
  innovationId = innovation.id;
  // A reminder the person snoozed, only in the job table.
  await db.job.create({
    data: {
      kind: 'reminder.send',
      key: `rem:${innovation.id}:2027-02:snooze-2027-02-26`,
      payload: { innovationId: innovation.id, periodKey: '2027-02', snoozedTo: '2027-02-26' },
      dueAt: new Date('2027-02-26T00:00:00Z'),
      runAt: new Date('2027-02-26T00:00:00Z'),
    },
  });
  await db.$disconnect();
});
afterAll(() => temp.cleanup());

describe('npm run jobs -- due', () => {
  it('lists what would be sent in a window, from the schedules and the table, without sending anything', async () => {
    const r = await runCli('src/cli/jobs.ts', ['due', '--from', '2027-02-01T00:00:00Z', '--to', '2027-03-01T00:00:00Z', '--json'], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.kind, l.period, l.dueAt, l.local])).toEqual([
      ['escalation', '2027-01', '2027-02-07T00:00:00.000Z', '2027-02-07 08:00 WITA'],
      ['reminder', '2027-02', '2027-02-25T00:00:00.000Z', '2027-02-25 08:00 WITA'],
      ['snoozed_reminder', '2027-02', '2027-02-26T00:00:00.000Z', '2027-02-26 08:00 WITA'],
      ['reminder', '2027-02', '2027-02-28T00:00:00.000Z', '2027-02-28 08:00 WITA'],
    ]);
    expect(lines[1]).toMatchObject({ user: userId, channel: 'whatsapp', innovation: 'Si Cepat Akta', name: 'Siti Rahma' });
    // Nothing was run or added: the table holds only the snoozed reminder.
    const db = await openDatabase(loadConfig(env, projectRoot), silentLogger());
    try {
      expect((await db.job.findMany()).map((j) => [j.key, j.state])).toEqual([
        [`rem:${innovationId}:2027-02:snooze-2027-02-26`, 'pending'],
      ]);
    } finally {
      await db.$disconnect();
    }
  });

  it('refuses a missing or reversed window in one Indonesian line', async () => {
    const r = await runCli('src/cli/jobs.ts', ['due', '--from', '2027-03-01', '--to', '2027-02-01'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toContain('Tulis rentang waktu dengan --from dan --to');
  });
});
