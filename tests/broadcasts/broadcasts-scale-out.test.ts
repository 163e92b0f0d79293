import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import type { OutboundChannel } from '../../src/core/outbound.js';
import { silentLogger } from '../../src/logger.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { createTestDatabase, TEST_PG_URL } from '../support/pg-database.js';
import { tempDataDir } from '../support/temp-data.js';

const REDIS_URL = process.env.TEST_REDIS_URL;
const ready = Boolean(TEST_PG_URL && REDIS_URL);
const suite = ready
  ? 'Broadcasts on two instances (PostgreSQL + BullMQ)'
  : 'Broadcasts on two instances (PostgreSQL + BullMQ) (skipped: TEST_DATABASE_URL and TEST_REDIS_URL not both set)';

const RECIPIENTS = 60;
const PER_SECOND = 10;

describe.skipIf(!ready)(suite, () => {
  const prefix = `pandu-test-i9-engine-${randomBytes(4).toString('hex')}`;
  const now = new Date('2027-03-01T02:00:00Z');
  const temps: Array<{ cleanup(): void }> = [];
  const apps: App[] = [];
  const received = new Map<string, number>();
  const sendTimes: number[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  function sender(): OutboundChannel {
    return {
      channel: 'telegram',
      available: () => true,
      async send(to) {
        received.set(to, (received.get(to) ?? 0) + 1);
        sendTimes.push(Date.now());
        return { status: 'sent', messageIds: [`${to}-${received.get(to)}`] };
      },
    };
  }

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
      JOBS_POLL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '0',
      TELEGRAM_BOT_TOKEN: '123456:TEST',
      BROADCAST_TELEGRAM_PER_SECOND: String(PER_SECOND),
    };
    const app = await createApp(loadConfig(env, projectRoot), { logger: silentLogger(), clock: () => now });
    app.outbound.register(sender());
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

  it('sends each recipient once with two instances sharing one global pace', async () => {
    const [a, b] = [await instance(), await instance()];
    for (let i = 0; i < RECIPIENTS; i += 1) await a.router.handle({ channel: 'telegram', senderId: String(7000 + i), text: '/bantuan' });
    await a.startWork();
    await b.startWork();
    const id = await a.broadcasts.create({ createdById: null, text: 'Undangan bimtek inovasi.', audience: {} });
    await Promise.all([a.jobs.wake(), b.jobs.wake()]);
    await vi.waitFor(async () => expect((await a.broadcasts.get(id))?.state).toBe('done'), { timeout: 60_000, interval: 100 });

    const summary = await a.broadcasts.get(id);
    expect(summary?.counts).toMatchObject({ recipients: RECIPIENTS, sent: RECIPIENTS, unknown: 0, pending: 0 });
    expect(received.size).toBe(RECIPIENTS);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    // One limiter for every instance: two separate ones would have finished in about half the time.
    const elapsed = Math.max(...sendTimes) - Math.min(...sendTimes);
    expect(elapsed).toBeGreaterThanOrEqual(((RECIPIENTS - 2 * PER_SECOND) / PER_SECOND) * 1000);
  }, 120_000);
});
