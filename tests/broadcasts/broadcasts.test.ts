import { afterEach, describe, expect, it } from 'vitest';
import type { BroadcastSummary } from '../../src/broadcasts/broadcast-contract.js';
import { BroadcastError } from '../../src/broadcasts/broadcast-contract.js';
import { startClockedApp, textOf, type ClockedApp } from '../core/support/clocked-app.js';
import { recordingSender, type RecordingSender } from '../support/fake-outbound.js';
import { BANTUL, BROADCAST_ENV, DINKES, DISDIK, importedPerson, person, SLEMAN } from './support/people.js';

let test: ClockedApp | undefined;
let telegram: RecordingSender;
let whatsapp: RecordingSender;
let finished: BroadcastSummary[];

afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function start(env: Record<string, string> = {}): Promise<ClockedApp> {
  finished = [];
  test = await startClockedApp(
    new Date('2027-03-01T02:00:00Z'),
    { ...BROADCAST_ENV, ...env },
    {
      onBroadcastFinished: (summary) => {
        finished.push(summary);
      },
    },
  );
  telegram = recordingSender('telegram');
  whatsapp = recordingSender('whatsapp');
  test.app.outbound.register(telegram);
  test.app.outbound.register(whatsapp);
  return test;
}

/**
 * Ana (Telegram, Bantul Dinkes, an innovation in uji coba with an overdue report), Budi (WhatsApp, Bantul
 * Disdik), Citra (both channels, Sleman Dinkes, penerapan), Dodi (Telegram, Sleman Dinkes, opted out),
 * Eka (imported only, Bantul Dinkes), and a coordinator of Bantul Dinkes.
 */
async function town(t: ClockedApp) {
  const ana = await person(t, { telegram: '101', region: BANTUL, opd: DINKES });
  const budi = await person(t, { whatsapp: '62811001@c.us', region: BANTUL, opd: DISDIK });
  const citra = await person(t, { telegram: '103', whatsapp: '62811003@c.us', region: SLEMAN, opd: DINKES });
  const dodi = await person(t, { telegram: '104', region: SLEMAN, opd: DINKES });
  await t.app.broadcasts.setOptOut(dodi, true);
  const eka = await importedPerson(t.app, '62811005@c.us', BANTUL, DINKES);
  const koor = await person(t, { telegram: '900', region: BANTUL, opd: DINKES, role: 'coordinator' });
  await t.app.db.coordinatorScope.create({
    data: { userId: koor, kind: 'opd', regionKey: BANTUL[1], opdKey: DINKES[1], label: 'Dinas Kesehatan — Kabupaten Bantul' },
  });
  await t.app.db.innovation.create({
    data: {
      ownerId: ana,
      name: 'Posyandu Digital',
      opd: DINKES[0],
      opdKey: DINKES[1],
      region: BANTUL[0],
      regionKey: BANTUL[1],
      stage: 'uji_coba',
      startDate: '2026-11-01',
    },
  });
  await t.app.db.innovation.create({
    data: {
      ownerId: citra,
      name: 'Sekolah Ramah',
      opd: DINKES[0],
      opdKey: DINKES[1],
      region: SLEMAN[0],
      regionKey: SLEMAN[1],
      stage: 'penerapan',
      startDate: '2027-03-01',
    },
  });
  return { ana, budi, citra, dodi, eka, koor };
}

async function statusOf(t: ClockedApp, broadcastId: string): Promise<Record<string, string>> {
  const rows = await t.app.broadcasts.recipients(broadcastId);
  return Object.fromEntries(rows.map((r) => [r.userId, r.status]));
}

describe('Broadcast audiences', () => {
  it('counts each segment by channel, within the sender’s scope', async () => {
    const t = await start();
    const p = await town(t);
    const b = t.app.broadcasts;
    expect(await b.count(null, {})).toEqual({ total: 6, telegram: 3, whatsapp: 1, optedOut: 1, unreachable: 1 });
    expect(await b.count(p.koor, {})).toEqual({ total: 2, telegram: 1, whatsapp: 0, optedOut: 0, unreachable: 1 });
    expect(await b.count(null, { regionKeys: [SLEMAN[1]] })).toEqual({ total: 2, telegram: 1, whatsapp: 0, optedOut: 1, unreachable: 0 });
    expect(await b.count(null, { opds: [`${BANTUL[1]}/${DISDIK[1]}`] })).toEqual({
      total: 1,
      telegram: 0,
      whatsapp: 1,
      optedOut: 0,
      unreachable: 0,
    });
    expect((await b.count(null, { stages: ['uji_coba'] })).total).toBe(1);
    expect((await b.count(null, { stages: ['uji_coba', 'penerapan'] })).total).toBe(2);
    // Ana's monthly reports for November to February are overdue; Citra's first falls due at the end of March.
    expect(await b.count(null, { overdueOnly: true })).toEqual({ total: 1, telegram: 1, whatsapp: 0, optedOut: 0, unreachable: 0 });
    expect((await b.count(null, { regionKeys: [SLEMAN[1]], stages: ['penerapan'] })).total).toBe(1);
    expect((await b.count(null, { regionKeys: [BANTUL[1]], stages: ['penerapan'] })).total).toBe(0);
  });

  it('never lets a coordinator reach outside their OPD or region', async () => {
    const t = await start();
    const p = await town(t);
    const b = t.app.broadcasts;
    await expect(b.count(p.koor, { regionKeys: [SLEMAN[1]] })).rejects.toMatchObject({ code: 'out_of_scope' });
    await expect(b.count(p.koor, { opds: [`${BANTUL[1]}/${DISDIK[1]}`] })).rejects.toMatchObject({ code: 'out_of_scope' });
    await expect(b.create({ createdById: p.ana, text: 'Halo', audience: {} })).rejects.toBeInstanceOf(BroadcastError);
    const id = await b.create({ createdById: p.koor, text: 'Pelatihan IGA besok', audience: { stages: ['uji_coba', 'penerapan'] } });
    const rows = await b.recipients(id);
    expect(rows.map((r) => r.userId)).toEqual([p.ana]);
    await t.app.jobs.runDue();
    // The announcement reaches Ana only; the coordinator (900) is told how it went, nothing more.
    expect(telegram.sent.filter((s) => s.text.startsWith('Pelatihan')).map((s) => s.to)).toEqual(['101']);
    const notices = telegram.sent.filter((s) => s.to === '900');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('Pengumuman Anda selesai dikirim');
    // Someone else's broadcast cannot be steered by a coordinator.
    const other = await b.create({
      createdById: null,
      text: 'Dari operator',
      audience: {},
      scheduledAt: new Date(t.now().getTime() + 3_600_000),
    });
    await expect(b.cancel(other, p.koor)).rejects.toMatchObject({ code: 'out_of_scope' });
    expect((await b.list(p.koor, 10)).map((s) => s.id)).toEqual([id]);
  });
});

describe('Broadcast delivery', () => {
  it('sends each reachable person the announcement with the opt-out line, and reports what happened', async () => {
    const t = await start();
    const p = await town(t);
    const id = await t.app.broadcasts.create({ createdById: null, text: 'Pendaftaran KIPP dibuka sampai 15 Maret.', audience: {} });
    await t.app.jobs.runDue();
    expect(telegram.sent.map((s) => s.to).sort()).toEqual(['101', '103', '900']);
    expect(whatsapp.sent.map((s) => s.to)).toEqual(['62811001@c.us']);
    for (const s of [...telegram.sent, ...whatsapp.sent]) {
      expect(s.text).toContain('Pendaftaran KIPP dibuka');
      expect(s.text).toContain('Balas BERHENTI');
    }
    const status = await statusOf(t, id);
    expect(status).toEqual({
      [p.ana]: 'sent',
      [p.budi]: 'sent',
      [p.citra]: 'sent',
      [p.dodi]: 'opted_out',
      [p.eka]: 'unreachable',
      [p.koor]: 'sent',
    });
    const summary = await t.app.broadcasts.get(id);
    expect(summary).toMatchObject({ state: 'done', counts: { recipients: 6, sent: 4, opted_out: 1, unreachable: 1, pending: 0 } });
    expect(finished.map((f) => [f.id, f.state])).toEqual([[id, 'done']]);
    const rows = await t.app.db.broadcastRecipient.findMany({ where: { broadcastId: id, status: 'sent' } });
    for (const row of rows) {
      expect(row.sentAt).not.toBeNull();
      expect(row.messageIds).toHaveLength(1);
    }
  });

  it('stops announcements after BERHENTI and resumes them after MULAI, without touching anything else', async () => {
    const t = await start();
    const p = await town(t);
    expect(textOf(await t.send('telegram:101', 'BERHENTI'))).toContain('tidak akan menerima pengumuman');
    const first = await t.app.broadcasts.create({ createdById: null, text: 'Satu', audience: {} });
    await t.app.jobs.runDue();
    expect((await statusOf(t, first))[p.ana]).toBe('opted_out');
    expect(telegram.sent.some((s) => s.to === '101')).toBe(false);
    expect(textOf(await t.send('telegram:101', 'mulai'))).toContain('kembali menerima pengumuman');
    const second = await t.app.broadcasts.create({ createdById: null, text: 'Dua', audience: {} });
    await t.app.jobs.runDue();
    expect((await statusOf(t, second))[p.ana]).toBe('sent');
    // Not exactly the word: an ordinary question, answered as usual.
    expect(textOf(await t.send('telegram:101', 'berhenti jadi inovator bagaimana?'))).not.toContain('pengumuman');
  });

  it('marks a person who blocked the bot (403) as blocked and writes to them no more', async () => {
    const t = await start();
    const p = await town(t);
    telegram.next = [{ status: 'blocked', reason: 'Forbidden: bot was blocked by the user' }];
    const id = await t.app.broadcasts.create({ createdById: null, text: 'Satu', audience: { opds: [`${BANTUL[1]}/${DINKES[1]}`] } });
    await t.app.jobs.runDue();
    const rows = await t.app.broadcasts.recipients(id);
    const blocked = rows.filter((r) => r.status === 'blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.reason).toBe('Memblokir Pandu');
    const identity = await t.app.db.channelIdentity.findFirstOrThrow({ where: { userId: blocked[0]!.userId, channel: 'telegram' } });
    expect(identity.blockedAt).not.toBeNull();
    const next = await t.app.broadcasts.create({ createdById: null, text: 'Dua', audience: { opds: [`${BANTUL[1]}/${DINKES[1]}`] } });
    await t.app.jobs.runDue();
    expect((await statusOf(t, next))[blocked[0]!.userId]).toBe('unreachable');
    expect(telegram.sent.filter((s) => s.text.startsWith('Dua')).map((s) => s.to)).not.toContain(identity.externalId);
    expect(p.ana).toBeDefined();
  });

  it('pauses for retry_after on a 429 and then delivers, once', async () => {
    const t = await start();
    const p = await town(t);
    telegram.next = [{ status: 'failed', reason: '429 Too Many Requests: retry after 7', retryable: true, retryAfterMs: 7_000 }];
    const id = await t.app.broadcasts.create({ createdById: null, text: 'Satu', audience: { stages: ['uji_coba'] } });
    await t.app.jobs.runDue();
    expect((await statusOf(t, id))[p.ana]).toBe('pending');
    const [job] = await t.app.jobs.list({ keyPrefix: `broadcast:${id}:g`, states: ['pending'] });
    expect(job!.runAt.getTime() - t.now().getTime()).toBe(7_000);
    t.advance(7_000);
    await t.app.jobs.runDue();
    expect((await statusOf(t, id))[p.ana]).toBe('sent');
    expect(telegram.sent.filter((s) => s.to === '101')).toHaveLength(1);
  });

  it('starts a scheduled broadcast at its time, and a cancelled one never', async () => {
    const t = await start();
    await town(t);
    const at = new Date(t.now().getTime() + 2 * 3_600_000);
    const later = await t.app.broadcasts.create({ createdById: null, text: 'Terjadwal', audience: {}, scheduledAt: at });
    const cancelled = await t.app.broadcasts.create({ createdById: null, text: 'Batal', audience: {}, scheduledAt: at });
    await expect(
      t.app.broadcasts.create({ createdById: null, text: 'Lalu', audience: {}, scheduledAt: new Date(t.now().getTime() - 3_600_000) }),
    ).rejects.toMatchObject({
      code: 'in_past',
    });
    await t.app.jobs.runDue();
    expect(telegram.sent).toHaveLength(0);
    expect((await t.app.broadcasts.get(later))?.state).toBe('scheduled');
    await t.app.broadcasts.cancel(cancelled, null);
    expect(finished.map((f) => [f.id, f.state])).toEqual([[cancelled, 'cancelled']]);
    expect((await t.app.broadcasts.get(cancelled))?.counts).toMatchObject({ cancelled: 4, pending: 0 });
    t.advance(2 * 3_600_000);
    await t.app.jobs.runDue();
    expect(telegram.sent.every((s) => s.text.startsWith('Terjadwal'))).toBe(true);
    expect(telegram.sent).toHaveLength(3);
    expect((await t.app.broadcasts.get(later))?.state).toBe('done');
  });

  it('holds a paused broadcast and sends the rest after resume', async () => {
    const t = await start();
    await town(t);
    telegram.up = false;
    whatsapp.up = false;
    const id = await t.app.broadcasts.create({ createdById: null, text: 'Jeda', audience: {} });
    await t.app.jobs.runDue();
    expect((await t.app.broadcasts.get(id))?.state).toBe('sending');
    await t.app.broadcasts.pause(id, null);
    telegram.up = true;
    whatsapp.up = true;
    t.advance(5 * 60_000);
    await t.app.jobs.runDue();
    expect(telegram.sent).toHaveLength(0);
    await expect(t.app.broadcasts.pause(id, null)).rejects.toMatchObject({ code: 'bad_state' });
    await t.app.broadcasts.resume(id, null);
    await t.app.jobs.runDue();
    expect(telegram.sent).toHaveLength(3);
    expect(whatsapp.sent).toHaveLength(1);
    expect((await t.app.broadcasts.get(id))?.state).toBe('done');
  });

  it('splits a long announcement as answers are split and sends the parts in order', async () => {
    const t = await start();
    await town(t);
    const paragraph = 'Informasi penting tentang pendaftaran inovasi daerah tahun ini. '.repeat(40);
    const text = Array.from({ length: 3 }, () => paragraph.trim()).join('\n\n');
    const parts = t.app.broadcasts.preview(text, 'telegram');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.at(-1)).toContain('Balas BERHENTI');
    const id = await t.app.broadcasts.create({ createdById: null, text, audience: { stages: ['uji_coba'] } });
    await t.app.jobs.runDue();
    expect(telegram.sent.map((s) => s.text)).toEqual(parts);
    const row = await t.app.db.broadcastRecipient.findFirstOrThrow({ where: { broadcastId: id } });
    expect(row).toMatchObject({ status: 'sent', partsSent: parts.length });
    expect(row.messageIds).toHaveLength(parts.length);
  });
});
