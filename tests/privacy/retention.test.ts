import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_KIND, retentionKey } from '../../src/privacy/retention.js';
import { startClockedApp, type ClockedApp } from '../core/support/clocked-app.js';

const DAY = 24 * 60 * 60 * 1000;

describe('the daily retention job', () => {
  let test: ClockedApp;
  beforeAll(async () => {
    test = await startClockedApp(new Date('2026-06-01T02:00:00Z'), {
      RETENTION_SESSION_DAYS: '30',
      RETENTION_AUDIT_DAYS: '365',
      RETENTION_JOBS_DAYS: '90',
    });
  });
  afterAll(async () => {
    await test.close();
  });

  it('deletes what outlived its period, keeps the rest, and plans the next day', async () => {
    const db = test.app.db;
    const now = test.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    await test.send('telegram:5501', 'halo');
    await test.send('telegram:5502', 'halo');
    const [old, recent] = await db.user.findMany({ orderBy: { createdAt: 'asc' }, take: 2 });
    await db.conversationState.update({ where: { userId: old!.id }, data: { expiresAt: ago(31) } });
    await db.conversationState.update({ where: { userId: recent!.id }, data: { expiresAt: ago(2) } });
    await db.processedMessage.createMany({
      data: [
        { id: 'telegram:lama', createdAt: ago(8) },
        { id: 'telegram:baru', createdAt: ago(1) },
      ],
    });
    await db.auditEvent.createMany({
      data: [
        { action: 'role.grant', createdAt: ago(400) },
        { action: 'role.grant', createdAt: ago(10) },
      ],
    });
    await db.linkCode.createMany({
      data: [
        { userId: recent!.id, code: '1111', expiresAt: ago(40) },
        { userId: recent!.id, code: '2222', expiresAt: ago(1) },
      ],
    });
    // Age is read from finishedAt (the app's clock), never from the database's updatedAt.
    const job = (key: string, state: string, finishedDaysAgo: number) =>
      db.job.create({
        data: {
          kind: 'uji',
          key,
          state,
          payload: {},
          dueAt: ago(finishedDaysAgo),
          runAt: ago(finishedDaysAgo),
          finishedAt: state === 'pending' ? null : ago(finishedDaysAgo),
          updatedAt: ago(1000),
        },
      });
    await job('uji:lama-selesai', 'done', 100);
    await job('uji:baru-selesai', 'done', 5);
    await job('uji:lama-menunggu', 'pending', 100);
    await db.opsIncident.createMany({
      data: [
        { key: 'channel.down:telegram', startedAt: ago(120), recoveredAt: ago(100) },
        { key: 'channel.down:whatsapp', startedAt: ago(120), recoveredAt: ago(5) },
        { key: 'reminders.late', startedAt: ago(120) },
      ],
    });

    await test.app.jobs.schedule({ kind: RETENTION_KIND, key: retentionKey(now), runAt: now, payload: {} });
    const summary = await test.app.jobs.runDue();
    expect(summary.done).toBe(1);

    expect(await db.conversationState.findMany({ select: { userId: true } })).toEqual([{ userId: recent!.id }]);
    expect((await db.processedMessage.findMany({ where: { id: { startsWith: 'telegram:' } } })).map((m) => m.id)).toContain(
      'telegram:baru',
    );
    expect(await db.processedMessage.count({ where: { id: 'telegram:lama' } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(1);
    expect((await db.linkCode.findMany()).map((c) => c.code)).toEqual(['2222']);
    expect((await db.job.findMany({ where: { kind: 'uji' }, orderBy: { key: 'asc' } })).map((j) => j.key)).toEqual([
      'uji:baru-selesai',
      'uji:lama-menunggu',
    ]);
    expect((await db.opsIncident.findMany({ orderBy: { key: 'asc' } })).map((i) => i.key)).toEqual([
      'channel.down:whatsapp',
      'reminders.late',
    ]);
    const next = await test.app.jobs.get(retentionKey(new Date(now.getTime() + DAY)));
    expect(next).toMatchObject({ state: 'pending', runAt: new Date(now.getTime() + DAY) });
  });
});
