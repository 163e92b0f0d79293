import { Api } from 'grammy';
import { telegramOutbound } from '../../src/channels/telegram/outbound-sender.js';
import { startFakeTelegram } from '../support/fake-telegram.js';
import { startTestApp } from '../support/test-app.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { tempDataDir } from '../support/temp-data.js';

/** 10,000 by default; BENCH_BROADCAST_RECIPIENTS for a quicker look. */
const RECIPIENTS = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 10_000);
const PACE = 25;
/** What the fake Bot API enforces, as Telegram does (about 30 messages a second per bot). */
const FLOOD_LIMIT = 30;

/**
 * A broadcast to RECIPIENTS people through grammY against a local Bot API that answers 429 + retry_after
 * above 30 messages a second. Prints the achieved rate as a fraction of the configured pace (target ≥ 0.95),
 * the 429s met, duplicates (0) and lost messages (0).
 */
export async function run(): Promise<void> {
  const fake = await startFakeTelegram({ floodLimit: { perSecond: FLOOD_LIMIT, retryAfterSeconds: 1 } });
  const temp = tempDataDir();
  const test = await startTestApp(
    {
      KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BROADCAST_TELEGRAM_PER_SECOND: String(PACE),
      JOBS_POLL_MS: '1000',
    },
    temp.dir,
  );
  const { app } = test;
  try {
    const now = new Date();
    for (let i = 0; i < RECIPIENTS; i += 500) {
      const ids = Array.from({ length: Math.min(500, RECIPIENTS - i) }, (_, k) => `bench-${i + k}`);
      await app.db.user.createMany({ data: ids.map((id) => ({ id, fullName: `Inovator ${id}` })) });
      await app.db.channelIdentity.createMany({
        data: ids.map((id, k) => ({ userId: id, channel: 'telegram', externalId: String(1_000_000 + i + k), firstMessageAt: now })),
      });
    }
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    app.outbound.register(telegramOutbound(api, app.i18n.t, () => true, api));
    const createdAt = Date.now();
    const id = await app.broadcasts.create({
      createdById: null,
      text: 'Pengumuman: pendaftaran KIPP dibuka sampai 31 Maret.',
      audience: {},
    });
    const createMs = Date.now() - createdAt;
    await app.jobs.start();
    for (;;) {
      const summary = await app.broadcasts.get(id);
      if (summary?.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const sends = fake.callsOf('sendMessage');
    const delivered = sends.filter((c) => c.status === 200);
    const perChat = new Map<string, number>();
    for (const c of delivered) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const counts = (await app.broadcasts.get(id))!.counts;
    const lost = RECIPIENTS - perChat.size + (RECIPIENTS - counts.sent);
    const first = Math.min(...delivered.map((c) => c.at));
    const last = Math.max(...delivered.map((c) => c.at));
    const rate = (delivered.length - 1) / ((last - first) / 1000);
    console.log(`recipients: ${RECIPIENTS} (recorded in ${createMs} ms)`);
    console.log(`sent: ${delivered.length} in ${((last - first) / 1000).toFixed(1)} s; 429 answers: ${sends.length - delivered.length}`);
    console.log(`achieved rate: ${rate.toFixed(2)} msg/s = ${(rate / PACE).toFixed(3)} of the configured ${PACE}/s (target >= 0.95)`);
    console.log(`duplicates: ${duplicates}; lost: ${lost}; report: ${JSON.stringify(counts)}`);
  } finally {
    await test.close();
    await fake.close();
  }
}
