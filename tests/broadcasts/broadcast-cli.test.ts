import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startClockedApp, type ClockedApp } from '../core/support/clocked-app.js';
import { cliEnv } from '../cli/support/cli-env.js';
import { recordingSender } from '../support/fake-outbound.js';
import { runCli } from '../support/run-cli.js';
import { BANTUL, BROADCAST_ENV, DINKES, DISDIK, person, SLEMAN } from './support/people.js';

let t: ClockedApp;
const telegram = recordingSender('telegram');
const broadcast = (args: string[]) =>
  runCli('src/cli/broadcast.ts', args, { env: cliEnv(t.dataDir, { ...BROADCAST_ENV, LOG_LEVEL: 'silent' }) });

beforeAll(async () => {
  // The bot's clock runs a minute ahead of the shell's, so what the command records now is due for it.
  t = await startClockedApp(new Date(Date.now() + 60_000), { ...BROADCAST_ENV, JOBS_POLL_MS: '200' });
  t.app.outbound.register(telegram);
  await person(t, { telegram: '201', region: BANTUL, opd: DINKES });
  await person(t, { telegram: '202', region: BANTUL, opd: DISDIK });
  await person(t, { telegram: '203', region: SLEMAN, opd: DINKES });
  await t.app.startWork();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

it('records a broadcast from the shell that the running bot sends, and reports its counts', async () => {
  const preview = await broadcast(['send', '--text', 'Rapat IGA hari Kamis.', '--audience', 'opd:Dinkes']);
  expect(preview.code).toBe(1);
  expect(preview.stderr).toContain('Akan dikirim ke 2 orang');
  expect(await t.app.db.broadcast.count()).toBe(0);

  const bad = await broadcast(['send', '--text', 'x', '--audience', 'tahap:selesai', '--yes']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('tahap:selesai');

  const sent = await broadcast([
    'send',
    '--text',
    'Rapat IGA hari Kamis.',
    '--audience',
    'opd:Dinkes',
    '--audience',
    'wilayah:Bantul',
    '--yes',
  ]);
  expect(sent.code).toBe(0);
  const id = sent.stdout.trim();
  expect(id).toMatch(/^\w{20,}$/);
  await vi.waitFor(async () => expect((await t.app.broadcasts.get(id))?.state).toBe('done'), { timeout: 20_000, interval: 100 });
  expect(telegram.sent.map((s) => s.to)).toEqual(['201']);

  const report = await broadcast(['report', id, '--json']);
  expect(report.code).toBe(0);
  expect(JSON.parse(report.stdout)).toEqual({ id, recipients: 1, sent: 1, failed: 0, blocked: 0, opted_out: 0, unknown: 0, pending: 0 });
  const human = await broadcast(['report', id]);
  expect(human.stdout).toContain('Terkirim: 1');

  const at = new Date(Date.now() + 3 * 3_600_000).toISOString();
  const later = await broadcast(['send', '--text', 'Nanti sore.', '--at', at, '--yes']);
  expect(later.code).toBe(0);
  const scheduled = await t.app.broadcasts.get(later.stdout.trim());
  expect(scheduled).toMatchObject({ state: 'scheduled', counts: { recipients: 3, pending: 3 } });
  expect(scheduled?.scheduledAt?.toISOString()).toBe(at);
  expect((await broadcast(['report', 'tidak-ada'])).code).toBe(2);
}, 120_000);
