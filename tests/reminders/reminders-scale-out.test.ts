import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { recordingSender } from '../support/fake-outbound.js';
import { createTestDatabase, TEST_PG_URL } from '../support/pg-database.js';
import { tempDataDir } from '../support/temp-data.js';

const REDIS_URL = process.env.TEST_REDIS_URL;
const ready = Boolean(TEST_PG_URL && REDIS_URL);
const suite = ready
  ? 'Reminders on two instances (PostgreSQL + BullMQ)'
  : 'Reminders on two instances (PostgreSQL + BullMQ) (skipped: TEST_DATABASE_URL and TEST_REDIS_URL not both set)';

describe.skipIf(!ready)(suite, () => {
  const prefix = `pandu-test-${randomBytes(4).toString('hex')}`;
  let now = new Date('2027-01-10T01:00:00Z');
  const sender = recordingSender('telegram');
  const temps: Array<{ cleanup(): void }> = [];
  const apps: App[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  async function instance(): Promise<App> {
    const temp = tempDataDir();
    temps.push(temp);
    const env = {
      DATA_DIR: temp.dir,
      LOG_LEVEL: 'silent',
      KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir),
      DATABASE_URL: database.url,
      REDIS_URL: REDIS_URL!,
      REDIS_PREFIX: prefix,
      JOBS_POLL_MS: '100',
      // The test reads back all 14 months of finished reminders; retention would rightly forget the oldest.
      RETENTION_JOBS_DAYS: '1000',
    };
    const app = await createApp(loadConfig(env, projectRoot), { logger: silentLogger(), clock: () => now });
    app.outbound.register(sender);
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    temps.forEach((t) => t.cleanup());
    const redis = new Redis(REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await database?.drop();
  });

  it('sends each reminder of 14 months exactly once with two instances sharing the work, one restarted midway', async () => {
    const [a, b] = [await instance(), await instance()];
    await a.router.handle({ channel: 'telegram', senderId: '911', text: '/bantuan' });
    const { userId } = await a.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: '911' } },
    });
    await a.db.user.update({ where: { id: userId }, data: { fullName: 'Wati', timeZone: 'Asia/Jayapura', profileAt: now } });
    const innovation = await a.db.innovation.create({
      data: { ownerId: userId, name: 'Posyandu Digital', opd: 'Dinas Kesehatan', opdKey: 'dinas kesehatan', startDate: '2027-01-10' },
    });
    await a.startWork();
    let second = b;
    await second.startWork();
    const end = new Date('2028-03-01T00:00:00Z');
    for (let round = 0; ; round += 1) {
      const pending = (await a.jobs.list({ states: ['pending'], kinds: ['reminder.send'], limit: 1000 })).sort(
        (x, y) => x.runAt.getTime() - y.runAt.getTime(),
      );
      const next = pending[0];
      if (!next || next.runAt > end) break;
      now = new Date(next.runAt.getTime() + 1000);
      if (round === 7) {
        // One instance goes away and comes back while this reminder is due.
        await second.close();
        second = await instance();
        await second.startWork();
      }
      await Promise.all([a.jobs.wake(), second.jobs.wake()]);
      await vi.waitFor(async () => expect((await a.jobs.get(next.key))?.state).toBe('done'), { timeout: 15_000, interval: 50 });
    }
    const keys = sender.sent.map((s) => `${/periode (\S+ \d{4})/.exec(s.text)![1]}|${s.text.includes('hari ini') ? 0 : 3}`);
    expect(keys).toHaveLength(28);
    expect(new Set(keys).size).toBe(28);
    const rows = await a.jobs.list({ kinds: ['reminder.send'], states: ['done'], limit: 1000 });
    expect(rows.filter((r) => r.key.startsWith(`rem:${innovation.id}:`))).toHaveLength(28);
  }, 240_000);
});
