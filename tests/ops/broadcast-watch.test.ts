import { afterEach, expect, it } from 'vitest';
import { BroadcastWatch } from '../../src/ops/broadcast-watch.js';
import { startClockedApp, type ClockedApp } from '../core/support/clocked-app.js';
import { recordingSender } from '../support/fake-outbound.js';
import { BANTUL, BROADCAST_ENV, DINKES, DISDIK, person } from '../broadcasts/support/people.js';

let test: ClockedApp | undefined;

afterEach(async () => {
  await test?.close();
  test = undefined;
});

const MINUTE = 60_000;

it('publishes a broadcast’s progress and tells admins once when it stops moving, and once when it moves again', async () => {
  test = await startClockedApp(new Date('2027-03-01T02:00:00Z'), BROADCAST_ENV);
  const t = test;
  const telegram = recordingSender('telegram');
  const whatsapp = recordingSender('whatsapp');
  t.app.outbound.register(telegram);
  t.app.outbound.register(whatsapp);
  await person(t, { telegram: '101', region: BANTUL, opd: DINKES });
  await person(t, { whatsapp: '62811001@c.us', region: BANTUL, opd: DISDIK });
  await person(t, { telegram: '990', region: BANTUL, opd: DINKES, role: 'admin' });
  const watch = new BroadcastWatch({
    db: t.app.db,
    broadcasts: t.app.broadcasts,
    metrics: t.app.metrics,
    alerts: t.app.alerts,
    stallMs: 10 * MINUTE,
    clock: () => t.now(),
    t: t.app.i18n.t,
  });

  // WhatsApp is down: Budi's announcement waits while the Telegram ones go out.
  whatsapp.up = false;
  const id = await t.app.broadcasts.create({ createdById: null, text: 'Rapat koordinasi IGA', audience: { regionKeys: [BANTUL[1]] } });
  await t.app.jobs.runDue();
  await watch.check();
  const metrics = (await t.app.metrics.render()).body;
  expect(metrics).toMatch(new RegExp(`pandu_broadcast_recipients\\{broadcast="${id}",status="pending"\\} 1`));
  const alertsTo = () => telegram.sent.filter((s) => s.to === '990' && !s.text.startsWith('Rapat'));
  expect(alertsTo()).toHaveLength(0);

  t.advance(11 * MINUTE);
  await watch.check();
  await watch.check();
  expect(alertsTo()).toHaveLength(1);
  expect(alertsTo()[0]!.text).toContain('berhenti sebelum selesai');

  whatsapp.up = true;
  t.advance(2 * MINUTE);
  await t.app.jobs.runDue();
  expect(whatsapp.sent.map((s) => s.to)).toEqual(['62811001@c.us']);
  await watch.check();
  await watch.check();
  expect(alertsTo()).toHaveLength(2);
  expect(alertsTo()[1]!.text).toContain('Pulih');
  expect((await t.app.metrics.render()).body).toMatch(new RegExp(`pandu_broadcast_state\\{broadcast="${id}",state="done"\\} 1`));
});
