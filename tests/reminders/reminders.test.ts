import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { atLocalTime } from '../../src/core/time/zoned.js';
import { startClockedApp, textOf, type ClockedApp } from '../core/support/clocked-app.js';
import { recordingSender, type RecordingSender } from '../support/fake-outbound.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let test: ClockedApp | undefined;
let telegram: RecordingSender;

afterEach(async () => {
  await test?.close();
  test = undefined;
});

/** The app with a recording Telegram sender (registered again after every restart). */
async function start(at: string): Promise<ClockedApp> {
  test = await startClockedApp(new Date(at), { RATE_LIMIT_PER_MINUTE: '0' });
  telegram = recordingSender('telegram');
  test.app.outbound.register(telegram);
  return test;
}

async function restart(t: ClockedApp): Promise<void> {
  await t.restart();
  t.app.outbound.register(telegram);
}

/** A person who has written to Pandu on Telegram, with a complete profile in `zone`. */
async function person(
  app: App,
  t: ClockedApp,
  telegramId: string,
  zone: string,
  extra: { role?: string; regionKey?: string; opdKey?: string } = {},
) {
  await t.send(`telegram:${telegramId}`, '/bantuan');
  const identity = await app.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'telegram', externalId: telegramId } },
  });
  await app.db.user.update({
    where: { id: identity.userId },
    data: {
      fullName: `Orang ${telegramId}`,
      opd: 'Dinas Kesehatan',
      opdKey: 'dinas kesehatan',
      region: 'Kota Makassar',
      regionKey: 'kota makassar',
      timeZone: zone,
      profileAt: t.now(),
      ...extra,
    },
  });
  return identity.userId;
}

async function innovation(
  app: App,
  ownerId: string,
  data: Partial<{ cadence: string; startDate: string; trialEndDate: string; createdAt: Date }> = {},
) {
  return app.db.innovation.create({
    data: {
      ownerId,
      name: 'Si Cepat Akta',
      opd: 'Dinas Kesehatan',
      opdKey: 'dinas kesehatan',
      region: 'Kota Makassar',
      regionKey: 'kota makassar',
      stage: 'uji_coba',
      startDate: '2027-01-10',
      ...data,
    },
  });
}

/** Moves the clock to the next pending job and runs what is due; false when nothing is left before `until`. */
async function step(t: ClockedApp, until: Date): Promise<boolean> {
  const [next] = await t.app.jobs.list({ states: ['pending'], limit: 1 });
  const pending = (await t.app.jobs.list({ states: ['pending'], limit: 10_000 })).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  const first = pending[0] ?? next;
  if (!first || first.runAt > until) return false;
  if (first.runAt > t.now()) t.advance(first.runAt.getTime() - t.now().getTime());
  await t.app.jobs.runDue();
  return true;
}

describe('Reminders', () => {
  it("plans 08.00 in the owner's zone: 08.00 WIT is 23.00 UTC the day before", async () => {
    const t = await start('2027-01-10T02:00:00Z');
    const owner = await person(t.app, t, '900', 'Asia/Jayapura');
    const row = await innovation(t.app, owner);
    await t.app.reminders.plan(row.id);
    const jobs = await t.app.jobs.list({ keyPrefix: `rem:${row.id}:2027-01:`, states: ['pending'] });
    expect(jobs.map((j) => [j.key.split(':').at(-1), j.runAt.toISOString()]).sort()).toEqual([
      ['h-0', '2027-01-30T23:00:00.000Z'],
      ['h-3', '2027-01-27T23:00:00.000Z'],
    ]);
    const escalation = await t.app.jobs.get(`esc:${row.id}:2027-01`);
    expect(escalation?.runAt.toISOString()).toBe(atLocalTime('2027-02-07', 8, 0, 'Asia/Jayapura').toISOString());
  });

  it('sends each reminder of a monthly schedule exactly once over 14 months, across a restart between due and sent, and stops a period once reported', async () => {
    const t = await start('2027-01-10T01:00:00Z');
    const owner = await person(t.app, t, '901', 'Asia/Makassar');
    const coordinator = await person(t.app, t, '902', 'Asia/Makassar', { role: 'coordinator' });
    await t.app.db.coordinatorScope.create({
      data: {
        userId: coordinator,
        kind: 'opd',
        regionKey: 'kota makassar',
        opdKey: 'dinas kesehatan',
        label: 'Dinas Kesehatan — Kota Makassar',
      },
    });
    const row = await innovation(t.app, owner, { createdAt: t.now() });
    await t.app.reminders.plan(row.id);
    const end = new Date('2028-03-05T00:00:00Z');
    let restarted = false;
    while (await step(t, end)) {
      const sent = telegram.sent.filter((s) => s.to === '901');
      const last = sent.at(-1)?.text ?? '';
      // The owner reports every period except May 2027 (reported with "sudah lapor" after the reminder on the due day).
      if (last.includes('hari ini') && !last.includes('Mei 2027')) {
        const period = /periode (\S+ \d{4})/.exec(last)![1]!;
        const key = periodKeyOf(period);
        await t.send('telegram:901', '', { choiceId: `reminders:done:${row.id}:${key}` });
      }
      // Once, between a reminder being due and being sent: the clock jumps two hours while Pandu is down.
      if (!restarted && sent.length === 6) {
        restarted = true;
        const [next] = (await t.app.jobs.list({ states: ['pending'], limit: 10_000 })).sort(
          (a, b) => a.runAt.getTime() - b.runAt.getTime(),
        );
        t.advance(next!.runAt.getTime() - t.now().getTime() + 2 * HOUR);
        await restart(t);
        // What `npm start` does after a restart: plan every innovation again, then run what is due.
        await t.app.reminders.planAll();
        await t.app.jobs.runDue();
      }
    }
    expect(restarted).toBe(true);
    const toOwner = telegram.sent.filter((s) => s.to === '901').map((s) => s.text);
    const keys = toOwner.map((text) => `${/periode (\S+ \d{4})/.exec(text)![1]}|${text.includes('hari ini') ? 0 : 3}`);
    // 14 periods from January 2027 to February 2028, two reminders each, none twice.
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(28);
    expect(toOwner.filter((text) => text.includes('terlambat terkirim'))).toHaveLength(1);
    // May 2027 was not reported: its coordinator heard of it once, and nobody else did.
    const toCoordinator = telegram.sent.filter((s) => s.to === '902').map((s) => s.text);
    expect(toCoordinator).toHaveLength(1);
    expect(toCoordinator[0]).toContain('Mei 2027');
    expect(toCoordinator[0]).toContain('Orang 901');
  }, 120_000);

  it('snoozes a reminder to 08.00 tomorrow, once', async () => {
    const t = await start('2027-01-28T00:00:00Z');
    const owner = await person(t.app, t, '903', 'Asia/Jakarta');
    const row = await innovation(t.app, owner);
    await t.app.reminders.plan(row.id);
    t.advance(2 * HOUR); // 09.00 WIB on the 28th: the "3 days before" reminder is due.
    await t.app.jobs.runDue();
    expect(telegram.sent).toHaveLength(1);
    const snoozed = textOf(await t.send('telegram:903', '', { choiceId: `reminders:snooze:${row.id}:2027-01` }));
    expect(snoozed).toContain('2027-01-29 08:00 WIB');
    t.advance(DAY);
    await t.app.jobs.runDue();
    expect(telegram.sent).toHaveLength(2);
    t.advance(DAY);
    await t.app.jobs.runDue();
    expect(telegram.sent).toHaveLength(2);
  });

  it('stops the remaining reminders and the escalation of a period when its report is in', async () => {
    const t = await start('2027-01-27T00:00:00Z');
    const owner = await person(t.app, t, '904', 'Asia/Jakarta');
    const row = await innovation(t.app, owner);
    await t.app.reminders.plan(row.id);
    await t.app.db.progressReport.create({
      data: { innovationId: row.id, periodKey: '2027-01', authorId: owner, status: 'submitted', submittedAt: t.now() },
    });
    t.advance(15 * DAY);
    await t.app.jobs.runDue();
    expect(telegram.sent.filter((s) => s.text.includes('Januari 2027'))).toEqual([]);
  });

  it("stops a period's escalation when its report is written from the reminder's button, and plans the next period", async () => {
    const t = await start('2027-01-28T00:00:00Z');
    const owner = await person(t.app, t, '909', 'Asia/Jakarta');
    const row = await innovation(t.app, owner, { startDate: '2027-01-01' });
    await t.app.reminders.plan(row.id);
    t.advance(2 * HOUR);
    await t.app.jobs.runDue();
    const reminder = telegram.sent.at(-1)!;
    expect(reminder.text).toContain('Januari 2027');
    await t.send('telegram:909', '', { choiceId: `report:start:${row.id}:2027-01` });
    for (const answer of [
      '60',
      'Rapat koordinasi dan uji aplikasi.',
      'Antrean turun 30 menit untuk 120 warga.',
      'lewati',
      'lewati',
      'selesai',
    ]) {
      await t.send('telegram:909', answer);
    }
    const summary = await t.send('telegram:909', 'lewati');
    const send = summary.flatMap((r) => r.choices ?? []).find((c) => c.label === 'Kirim laporan')!;
    expect(textOf(await t.send('telegram:909', '', { choiceId: send.id }))).toContain('terkirim');
    expect((await t.app.jobs.get(`esc:${row.id}:2027-01`))?.state).toBe('cancelled');
    expect((await t.app.jobs.get(`rem:${row.id}:2027-01:h-0`))?.state).toBe('cancelled');
    expect((await t.app.jobs.get(`rem:${row.id}:2027-02:h-3`))?.state).toBe('pending');
    t.advance(12 * DAY);
    await t.app.jobs.runDue();
    expect(telegram.sent.filter((m) => m.text.includes('Januari 2027'))).toHaveLength(1);
  });

  it('tells the coordinators instead when a reminder could only go out far too late', async () => {
    const t = await start('2027-01-27T00:00:00Z');
    const owner = await person(t.app, t, '905', 'Asia/Jakarta');
    const coordinator = await person(t.app, t, '906', 'Asia/Jakarta', { role: 'coordinator' });
    await t.app.db.coordinatorScope.create({
      data: { userId: coordinator, kind: 'region', regionKey: 'kota makassar', opdKey: '', label: 'Kota Makassar' },
    });
    const row = await innovation(t.app, owner);
    await t.app.reminders.plan(row.id);
    await t.app.close();
    t.advance(4 * DAY); // Down from before the first reminder until after the due day, past the 48 h limit.
    await restart(t);
    await t.app.jobs.runDue();
    await t.app.jobs.runDue();
    const texts = telegram.sent.map((s) => `${s.to}: ${s.text}`);
    expect(texts.some((s) => s.startsWith('906:') && s.includes('tidak dapat mengirim pengingat tepat waktu'))).toBe(true);
    expect(telegram.sent.filter((s) => s.to === '905' && s.text.includes('3 hari lagi'))).toEqual([]);
  });

  it('shows what is coming in /pengingat and moves the reminders when the hour changes', async () => {
    const t = await start('2027-01-12T00:00:00Z');
    const owner = await person(t.app, t, '907', 'Asia/Makassar');
    const row = await innovation(t.app, owner);
    await t.app.reminders.plan(row.id);
    const overview = textOf(await t.send('telegram:907', '/pengingat'));
    expect(overview).toContain('Berikutnya: periode Januari 2027, jatuh tempo 31 Januari 2027.');
    expect(overview).toContain('2027-01-28 08:00 WITA');
    const changed = textOf(await t.send('telegram:907', '', { choiceId: `reminders:hourv:${row.id}:13` }));
    expect(changed).toContain('2027-01-28 13:00 WITA');
    const job = await t.app.jobs.get(`rem:${row.id}:2027-01:h-3`);
    expect(job?.runAt.toISOString()).toBe('2027-01-28T05:00:00.000Z');
    // Someone else's innovation cannot be changed with a forged button.
    await person(t.app, t, '908', 'Asia/Jakarta');
    expect(textOf(await t.send('telegram:908', '', { choiceId: `reminders:hourv:${row.id}:6` }))).toContain('bukan untuk inovasi Anda');
  });
});

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function periodKeyOf(label: string): string {
  const [month, year] = label.split(' ') as [string, string];
  return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}`;
}
