import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
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
  let now = new Date('2027-03-01T02:00:00Z');
  const temps: Array<{ cleanup(): void }> = [];
  const apps: App[] = [];
  const received = new Map<string, number>();
  const sendTimes: number[] = [];
  const databases: Array<Awaited<ReturnType<typeof createTestDatabase>>> = [];

  /**
   * Telegram as the instances see it: every message that reaches it is counted per chat. With `hangAfter`,
   * the instance's process is gone from that call on: the call reached Telegram, its answer never comes back.
   */
  function sender(hangAfter = Number.POSITIVE_INFINITY): OutboundChannel & { calls(): number } {
    let calls = 0;
    return {
      channel: 'telegram',
      available: () => true,
      calls: () => calls,
      send(to) {
        calls += 1;
        received.set(to, (received.get(to) ?? 0) + 1);
        sendTimes.push(Date.now());
        if (calls > hangAfter) return new Promise(() => {});
        return Promise.resolve({ status: 'sent', messageIds: [`${to}-${received.get(to)}`] });
      },
    };
  }

  async function instance(database: { url: string }, outbound = sender()): Promise<App> {
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
      // A dead instance's jobs in hand are taken over after this (BullMQ's 30 s default made this suite wait a minute).
      JOBS_TAKEOVER_SECONDS: '3',
      RATE_LIMIT_PER_MINUTE: '0',
      TELEGRAM_BOT_TOKEN: '123456:TEST',
      BROADCAST_TELEGRAM_PER_SECOND: String(PER_SECOND),
    };
    const app = await createApp(loadConfig(env, projectRoot), { logger: silentLogger(), clock: () => now });
    app.outbound.register(outbound);
    apps.push(app);
    return app;
  }

  async function freshDatabase() {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  }

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    temps.forEach((t) => t.cleanup());
    const redis = new Redis(REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    for (const database of databases) await database.drop();
  });

  it('sends each recipient once with two instances sharing one global pace', async () => {
    const database = await freshDatabase();
    const [a, b] = [await instance(database), await instance(database)];
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

  it('after one instance dies mid-broadcast, the other finishes it: each recipient sent once or marked unknown', async () => {
    received.clear();
    const database = await freshDatabase();
    const hangAfter = 2 + Math.floor(Math.random() * 6);
    const dying = sender(hangAfter);
    const [a, b] = [await instance(database, dying), await instance(database)];
    for (let i = 0; i < RECIPIENTS; i += 1) await a.router.handle({ channel: 'telegram', senderId: String(8000 + i), text: '/bantuan' });
    await a.startWork();
    const id = await a.broadcasts.create({ createdById: null, text: 'Rapat koordinasi inovasi, Senin 09.00.', audience: {} });
    await a.jobs.wake();
    // Instance a is "killed" once its calls hang: its workers go away with their jobs cut off mid-call.
    // b starts working once a is sure to die mid-broadcast: started together, on a busy machine b could
    // claim every recipient before a made its calls, and a would never die at all.
    await vi.waitFor(() => expect(dying.calls()).toBeGreaterThan(hangAfter), { timeout: 30_000, interval: 20 });
    await b.startWork();
    await b.jobs.wake();
    await a.jobs.stop(0);
    // Work a had already begun may still reach Telegram (and hang there), and b sends what it can claim:
    // wait until nothing moves any more, so the clock moves past a's leases only (not b's own).
    const sends = () => [...received.values()].reduce((sum, n) => sum + n, 0);
    let last = -1;
    await vi.waitFor(
      () => {
        const settled = sends() === last;
        last = sends();
        expect(settled).toBe(true);
      },
      { timeout: 60_000, interval: 1_500 },
    );
    const inFlight = dying.calls() - hangAfter;

    // Later, by the app clock, the dead instance's leases have run out; b looks at what a left.
    now = new Date(now.getTime() + 5 * 60_000);
    await b.broadcasts.recover();
    await b.jobs.wake();
    await vi.waitFor(async () => expect((await b.broadcasts.get(id))?.state).toBe('done'), { timeout: 90_000, interval: 200 });

    const rows = await b.db.broadcastRecipient.findMany({
      where: { broadcastId: id },
      include: { user: { include: { identities: true } } },
    });
    expect(rows).toHaveLength(RECIPIENTS);
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    expect(count('sent') + count('unknown')).toBe(RECIPIENTS);
    // The calls cut off mid-flight are the unknown ones: they may have reached Telegram, so none is sent again.
    expect(count('unknown')).toBe(inFlight);
    for (const row of rows) expect(received.get(row.user.identities[0]!.externalId)).toBe(1);
  }, 150_000);
});
