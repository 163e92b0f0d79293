import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningChannel } from '../../src/channels/channel.js';
import { startTelegram } from '../../src/channels/telegram/start-telegram.js';
import { whatsAppStarter } from '../../src/channels/whatsapp/start-whatsapp.js';
import type { Db } from '../../src/db/client.js';
import { ChannelHealth } from '../../src/ops/channel-health.js';
import { startOpsServer, type RunningOpsServer } from '../../src/ops/ops-server.js';
import { checkReadiness } from '../../src/ops/readiness.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { tempDataDir } from '../support/temp-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FakeWaClient, plainMedia } from '../channels/whatsapp/fake-wa-client.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';

/** One sample of a metric in Prometheus text, e.g. value(text, 'pandu_messages_handled_total{channel="telegram",feature="qa"}'). */
function value(text: string, sample: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

async function get(server: { port: number }, path: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** A port nothing listens on now (the webhook port must be configured as a positive number). */
async function freePort(): Promise<number> {
  const probe = await startOpsServer(() => false, 0, '127.0.0.1');
  await probe.stop();
  return probe.port;
}

const knowledge = tempDataDir();
const SMALL = writeSmallKnowledge(knowledge.dir);
afterAll(() => knowledge.cleanup());

describe('the health and metrics server of an app with no channel', () => {
  let test: TestApp;
  let server: RunningOpsServer;
  beforeAll(async () => {
    test = await startTestApp({ KNOWLEDGE_DIR: SMALL, RATE_LIMIT_PER_MINUTE: '2' });
    server = await startOpsServer(test.app.opsRoutes, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.stop();
    await test.close();
  });

  it('says it is alive on /healthz and ready on /readyz (database answers, index loaded)', async () => {
    expect(await get(server, '/healthz')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    const ready = await get(server, '/readyz');
    expect(ready.status).toBe(200);
    const body = JSON.parse(ready.body) as { ready: boolean; database: { ok: boolean }; index: { chunks: number }; problems: string[] };
    expect(body.ready).toBe(true);
    expect(body.database.ok).toBe(true);
    expect(body.index.chunks).toBeGreaterThan(5);
    expect(body.problems).toEqual([]);
    expect((await get(server, '/lain')).status).toBe(404);
  });

  it('counts a handled question by channel and feature, its latency, abstentions and rate-limit refusals', async () => {
    const before = (await get(server, '/metrics')).body;
    const ask = (text: string) => test.app.router.handle({ channel: 'telegram', senderId: '77001', text });
    await ask('apa tujuan bank sampah digital?');
    await ask('berapa gaji PPPK?');
    await ask('satu lagi'); // the third message in the minute is refused (RATE_LIMIT_PER_MINUTE=2)
    const after = await get(server, '/metrics');
    expect(after.type).toContain('text/plain');
    const qa = 'pandu_messages_handled_total{channel="telegram",feature="qa"}';
    expect(value(after.body, qa) - value(before, qa)).toBe(2);
    const latency = 'pandu_answer_seconds_count{kind="answer",via="extractive"}';
    expect(value(after.body, latency) - value(before, latency)).toBe(1);
    expect(value(after.body, 'pandu_abstentions_total') - value(before, 'pandu_abstentions_total')).toBe(1);
    const refused = 'pandu_rate_limit_refusals_total{channel="telegram"}';
    expect(value(after.body, refused) - value(before, refused)).toBe(1);
    expect(value(after.body, 'pandu_index_chunks')).toBe(test.app.index().chunks.length);
    expect(value(after.body, 'pandu_index_last_reload_timestamp_seconds')).toBeGreaterThan(1_700_000_000);
  });

  it('names the feature that answered a command', async () => {
    const before = (await get(server, '/metrics')).body;
    await test.app.router.handle({ channel: 'whatsapp', senderId: '628120001', text: '/bantuan' });
    const sample = 'pandu_messages_handled_total{channel="whatsapp",feature="help"}';
    expect(value((await get(server, '/metrics')).body, sample) - value(before, sample)).toBe(1);
  });

  it('shows due, late and failed jobs from the job table', async () => {
    const now = new Date();
    const base = { payload: {}, runAt: new Date(now.getTime() - 3_600_000), dueAt: new Date(now.getTime() - 3_600_000) };
    await test.app.db.job.createMany({
      data: [
        { ...base, kind: 'uji.a', key: 'uji:late' },
        { ...base, kind: 'uji.a', key: 'uji:failed', state: 'failed' },
      ],
    });
    const text = (await get(server, '/metrics')).body;
    expect(value(text, 'pandu_jobs_due')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'pandu_jobs_late')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'pandu_jobs_failed')).toBe(1);
  });

  it('shows a broadcast’s progress reported through the hook', async () => {
    const counts = {
      recipients: 10,
      sent: 6,
      failed: 1,
      blocked: 0,
      opted_out: 0,
      unreachable: 1,
      unknown: 0,
      pending: 2,
      deferred: 0,
      cancelled: 0,
    };
    test.app.metrics.broadcastProgress('bc1', 'sending', counts);
    const text = (await get(server, '/metrics')).body;
    expect(value(text, 'pandu_broadcast_recipients{broadcast="bc1",status="sent"}')).toBe(6);
    expect(value(text, 'pandu_broadcast_state{broadcast="bc1",state="sending"}')).toBe(1);
  });
});

describe('readiness with WhatsApp configured', () => {
  let test: TestApp;
  let server: RunningOpsServer;
  let channel: RunningChannel | undefined;
  const client = new FakeWaClient();
  beforeAll(async () => {
    client.initOutcomes.push('hang'); // waiting for a QR scan
    test = await startTestApp({ KNOWLEDGE_DIR: SMALL, WHATSAPP_ENABLED: 'true', WHATSAPP_MIN_GAP_MS: '0' });
    server = await startOpsServer(test.app.opsRoutes, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await channel?.stop();
    await server.stop();
    await test.close();
  });

  it('is not ready before the channel started, names the QR wait, and is ready once CONNECTED', async () => {
    const notStarted = await get(server, '/readyz');
    expect(notStarted.status).toBe(503);
    expect(JSON.parse(notStarted.body).problems).toEqual([expect.stringContaining('whatsapp not ready: not_started')]);

    channel = await whatsAppStarter({ createClient: () => client, toMedia: plainMedia, write: () => undefined })(test.app);
    client.emit('qr', 'uji-qr-1');
    const waiting = await get(server, '/readyz');
    expect(waiting.status).toBe(503);
    const body = JSON.parse(waiting.body) as { channels: Record<string, { ok: boolean; state: string }>; problems: string[] };
    expect(body.channels.whatsapp).toMatchObject({ ok: false, state: 'QR' });
    expect(body.problems[0]).toContain('whatsapp not ready: QR');

    client.emit('ready');
    expect((await get(server, '/readyz')).status).toBe(200);
    client.emit('change_state', 'UNPAIRED');
    expect(JSON.parse((await get(server, '/readyz')).body).channels.whatsapp).toMatchObject({ ok: false, state: 'UNPAIRED' });

    const metrics = (await get(server, '/metrics')).body;
    expect(value(metrics, 'pandu_whatsapp_state_changes_total{state="QR"}')).toBe(1);
    expect(value(metrics, 'pandu_whatsapp_state_changes_total{state="CONNECTED"}')).toBe(1);
    expect(value(metrics, 'pandu_whatsapp_state_changes_total{state="UNPAIRED"}')).toBe(1);
  });
});

describe('readiness with Telegram configured', () => {
  let fake: FakeTelegram;
  let test: TestApp | undefined;
  let channel: RunningChannel | undefined;
  afterEach(async () => {
    await channel?.stop();
    await test?.close();
    await fake.close();
  });

  it('is ready while polling runs', async () => {
    fake = await startFakeTelegram();
    test = await startTestApp({ KNOWLEDGE_DIR: SMALL, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    expect((await test.app.readiness()).problems).toEqual([expect.stringContaining('telegram not ready: not_started')]);
    channel = await startTelegram(test.app);
    const readiness = await test.app.readiness();
    expect(readiness.channels.telegram).toEqual({ ok: true, state: 'polling' });
    expect(readiness.ready).toBe(true);
  });

  it('serves the endpoints on the webhook server in webhook mode, next to the webhook', async () => {
    fake = await startFakeTelegram();
    test = await startTestApp({
      KNOWLEDGE_DIR: SMALL,
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://pandu.example.go.id/telegram/hook',
      TELEGRAM_WEBHOOK_PORT: String(await freePort()),
    });
    channel = await startTelegram(test.app);
    const port = (channel as RunningChannel & { port: number }).port;
    const ready = await get({ port }, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body).channels.telegram).toEqual({ ok: true, state: 'webhook' });
    expect((await get({ port }, '/metrics')).body).toContain('pandu_messages_handled_total');
    expect((await get({ port }, '/telegram/hook')).status).toBe(404);
  });
});

describe('readiness of a database that does not answer', () => {
  it('is a 503 naming the database', async () => {
    const db = { $queryRawUnsafe: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) } as unknown as Db;
    const readiness = await checkReadiness({ db, indexChunks: () => 0, channels: [], health: new ChannelHealth() });
    expect(readiness.ready).toBe(false);
    expect(readiness.problems).toEqual([
      'database unreachable: connect ECONNREFUSED 127.0.0.1:5432',
      'knowledge index not loaded (0 passages)',
    ]);
  });
});

describe('readiness with jobs on Redis', () => {
  const cases = [
    { name: 'Redis that does not answer', url: 'redis://127.0.0.1:9', ready: false },
    ...(process.env.TEST_REDIS_URL ? [{ name: 'a running Redis', url: process.env.TEST_REDIS_URL, ready: true }] : []),
  ];
  for (const c of cases) {
    it(`reports the queue with ${c.name}`, async () => {
      const test = await startTestApp({ KNOWLEDGE_DIR: SMALL, REDIS_URL: c.url, REDIS_PREFIX: `ready-${Date.now()}` });
      try {
        await test.app.jobs.start();
        const readiness = await test.app.readiness();
        expect(readiness.ready).toBe(c.ready);
        expect(readiness.queue?.ok).toBe(c.ready);
        if (!c.ready) expect(readiness.problems).toEqual([expect.stringMatching(/^job queue \(Redis\) unreachable: /)]);
      } finally {
        await test.close();
      }
    });
  }

  it('leaves the queue out when jobs run in-process', async () => {
    const test = await startTestApp({ KNOWLEDGE_DIR: SMALL });
    try {
      expect(await test.app.readiness()).not.toHaveProperty('queue');
    } finally {
      await test.close();
    }
  });
});

describe('model metrics', () => {
  let fake: FakeOpenAi;
  let test: TestApp;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    test = await startTestApp({
      KNOWLEDGE_DIR: SMALL,
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'test',
      LLM_TIMEOUT_MS: '5000',
      RATE_LIMIT_PER_MINUTE: '0',
    });
  });
  afterAll(async () => {
    await test.close();
    await fake.close();
  });

  it('counts model calls by outcome and answers that fell back to the extractive one', async () => {
    const ask = () => test.app.router.handle({ channel: 'telegram', senderId: '77002', text: 'apa tujuan bank sampah digital?' });
    fake.reply = 'Bank sampah digital mengurangi sampah [1].';
    await ask();
    fake.reply = 'TIDAK_DITEMUKAN';
    await ask();
    fake.failNext(20, 400);
    await ask();
    const text = (await test.app.metrics.render()).body;
    expect(value(text, 'pandu_llm_calls_total{outcome="answered"}')).toBe(1);
    expect(value(text, 'pandu_llm_calls_total{outcome="declined"}')).toBe(1);
    expect(value(text, 'pandu_llm_calls_total{outcome="failed"}')).toBe(1);
    expect(value(text, 'pandu_llm_fallbacks_total')).toBe(1);
    expect(value(text, 'pandu_answer_seconds_count{kind="answer",via="llm"}')).toBe(1);
    expect(value(text, 'pandu_answer_seconds_count{kind="not_found",via="llm"}')).toBe(1);
    expect(value(text, 'pandu_answer_seconds_count{kind="answer",via="extractive"}')).toBe(1);
  });
});
