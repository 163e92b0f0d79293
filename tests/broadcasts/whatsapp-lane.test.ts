import { afterEach, expect, it } from 'vitest';
import { startClockedApp, type ClockedApp } from '../core/support/clocked-app.js';
import { recordingSender } from '../support/fake-outbound.js';
import { BANTUL, BROADCAST_ENV, DINKES, person } from './support/people.js';

let test: ClockedApp | undefined;

afterEach(async () => {
  await test?.close();
  test = undefined;
});

const SECOND = 1000;

it('paces WhatsApp with a random gap, stops at the daily cap and sends the rest the next morning', async () => {
  // 09:00 WIB.
  const t = (test = await startClockedApp(new Date('2027-03-01T02:00:00Z'), {
    ...BROADCAST_ENV,
    BROADCAST_WHATSAPP_MIN_GAP_SECONDS: '10',
    BROADCAST_WHATSAPP_MAX_GAP_SECONDS: '20',
    BROADCAST_WHATSAPP_DAILY_CAP: '2',
  }));
  const whatsapp = recordingSender('whatsapp');
  const times: number[] = [];
  const send = whatsapp.send.bind(whatsapp);
  whatsapp.send = (to, replies) => {
    times.push(t.now().getTime());
    return send(to, replies);
  };
  t.app.outbound.register(whatsapp);
  for (let i = 0; i < 4; i += 1) await person(t, { whatsapp: `6281200${i}@c.us`, region: BANTUL, opd: DINKES });
  const id = await t.app.broadcasts.create({ createdById: null, text: 'Bimtek SINOVIK', audience: {} });

  const runFor = async (ms: number) => {
    for (let waited = 0; waited <= ms; waited += SECOND) {
      await t.app.jobs.runDue();
      t.advance(SECOND);
    }
  };
  await runFor(90 * SECOND);
  expect(whatsapp.sent).toHaveLength(2);
  const gap = times[1]! - times[0]!;
  expect(gap).toBeGreaterThanOrEqual(10 * SECOND);
  expect(gap).toBeLessThanOrEqual(21 * SECOND);
  const summary = await t.app.broadcasts.get(id);
  expect(summary).toMatchObject({ state: 'sending', counts: { sent: 2, deferred: 2 } });
  const deferred = (await t.app.broadcasts.recipients(id)).filter((r) => r.status === 'deferred');
  expect(deferred.every((r) => r.reason === 'Menunggu kuota WhatsApp hari berikutnya')).toBe(true);

  // The session drops overnight: nothing goes out while it is not connected.
  whatsapp.up = false;
  t.advance(new Date('2027-03-02T01:00:00Z').getTime() - t.now().getTime());
  await runFor(3 * 60 * SECOND);
  expect(whatsapp.sent).toHaveLength(2);
  whatsapp.up = true;
  await runFor(3 * 60 * SECOND);
  expect(whatsapp.sent).toHaveLength(4);
  expect(times[3]! - times[2]!).toBeGreaterThanOrEqual(10 * SECOND);
  expect(new Set(whatsapp.sent.map((s) => s.to)).size).toBe(4);
  expect((await t.app.broadcasts.get(id))?.state).toBe('done');
}, 120_000);
