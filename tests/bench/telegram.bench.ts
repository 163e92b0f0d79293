import { run as runBot } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { launchTelegram } from '../../src/channels/telegram/start-telegram.js';
import { createTelegramBot } from '../../src/channels/telegram/telegram-bot.js';
import type { App } from '../../src/app.js';
import type { Router } from '../../src/core/router.js';
import { silentLogger } from '../../src/logger.js';
import { FAKE_BOT, messageUpdate, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { startTestApp } from '../support/test-app.js';

/** Questions the shipped knowledge base answers without an LLM (extractive answers with citations). */
const QUESTIONS = [
  'proposal inovasi daerah isinya apa saja?',
  'apa itu inovasi daerah?',
  'berapa lama uji coba inovasi daerah?',
  'siapa yang menilai inovasi daerah?',
  'apa saja bentuk inovasi daerah?',
  'bagaimana pelaporan inovasi daerah?',
  'apa itu indeks inovasi daerah?',
  'apa kriteria inovasi daerah?',
  'apa itu KIPP atau SINOVIK?',
  'siapa yang bisa mengusulkan inovasi daerah?',
];

const PANDU_UPDATES = 400;
const ECHO_UPDATES = 2000;
const WARM_UP = 20;
/** Distinct people writing at once; updates of one chat are handled in order, chats in parallel. */
const SENDERS = 40;
const ROUNDS = 3;

function pushQuestions(fake: FakeTelegram, count: number, offset: number, people: number): number {
  let last = 0;
  for (let i = 0; i < count; i += 1) {
    const n = offset + i;
    const from = { id: 10_000 + people + (n % SENDERS), is_bot: false, first_name: `Inovator ${n % SENDERS}` };
    last = fake.pushUpdate(messageUpdate(QUESTIONS[n % QUESTIONS.length]!, { from }));
  }
  return last;
}

async function until(done: () => boolean, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Pandu's whole pipeline: grammY runner → adapter → router (users, sessions, dedup) → retrieval → replies. */
async function measurePandu(app: App, round: number): Promise<{ perSecond: number; messages: number }> {
  const fake = await startFakeTelegram();
  const telegram = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    handle: (msg) => app.router.handle(msg),
    commands: () => app.commands.listed(),
    t: app.i18n.t,
    logger: silentLogger(),
    botInfo: FAKE_BOT,
  });
  const running = await launchTelegram(telegram);
  try {
    // Each round writes as new people, so no round profits from the previous one's users and sessions.
    const people = round * 1000;
    const finished = (last: number) => () => telegram.lastUpdateId() === last && telegram.inFlight.size === 0;
    await until(finished(pushQuestions(fake, WARM_UP, 0, people)));
    const sentBefore = fake.sentTexts().length;
    const started = performance.now();
    await until(finished(pushQuestions(fake, PANDU_UPDATES, WARM_UP, people)));
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: PANDU_UPDATES / seconds, messages: fake.sentTexts().length - sentBefore };
  } finally {
    await running.stop();
    await fake.close();
  }
}

/**
 * The same questions straight into the router, with the same number of people writing at once: what
 * Pandu's core costs without Telegram, so the adapter's share can be read off.
 */
async function measureCore(router: Router, round: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let n = sender; n < PANDU_UPDATES; n += SENDERS) {
        await router.handle({
          channel: 'telegram',
          senderId: `core-${round}-${sender}`,
          messageId: `core:${round}:${n}`,
          text: QUESTIONS[n % QUESTIONS.length]!,
          conversation: 'private',
        });
      }
    }),
  );
  return PANDU_UPDATES / ((performance.now() - started) / 1000);
}

/** The ceiling: a bare grammY echo bot on the same runner and fake server. */
async function measureEcho(): Promise<number> {
  const fake = await startFakeTelegram();
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: FAKE_BOT });
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  const runner = runBot(bot, { runner: { silent: true } });
  try {
    pushQuestions(fake, WARM_UP, 0, 0);
    await fake.waitForCount('sendMessage', WARM_UP, 60_000);
    const started = performance.now();
    pushQuestions(fake, ECHO_UPDATES, WARM_UP, 0);
    await fake.waitForCount('sendMessage', WARM_UP + ECHO_UPDATES, 300_000);
    return ECHO_UPDATES / ((performance.now() - started) / 1000);
  } finally {
    await runner.stop();
    await fake.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Updates per second through the real grammY stack and the fake Bot API: Pandu answering non-LLM
 * questions, and a bare echo bot as the ceiling of the transport. The ratio says how much of the time
 * is Pandu's own work (retrieval, storage, typing action, replies) rather than Telegram plumbing.
 * Rounds alternate the three measurements so a busy machine skews them alike; medians are printed.
 */
export async function run(): Promise<void> {
  const test = await startTestApp();
  const pandu: number[] = [];
  const core: number[] = [];
  const echo: number[] = [];
  let messages = 0;
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const result = await measurePandu(test.app, round);
      pandu.push(result.perSecond);
      messages = result.messages;
      core.push(await measureCore(test.app.router, round));
      echo.push(await measureEcho());
    }
  } finally {
    await test.close();
  }
  const fmt = (values: number[]) => `${median(values).toFixed(1)} updates/s (rounds: ${values.map((v) => v.toFixed(1)).join(', ')})`;
  console.log(
    `pandu via Telegram, non-LLM questions (${PANDU_UPDATES} updates from ${SENDERS} chats, ${messages} messages sent): ${fmt(pandu)}`,
  );
  console.log(`pandu core alone (router.handle, same questions and concurrency, no Telegram): ${fmt(core)}`);
  console.log(`bare grammY echo bot (${ECHO_UPDATES} updates): ${fmt(echo)}`);
  console.log(`ratio echo / pandu via Telegram: ${(median(echo) / median(pandu)).toFixed(1)}×`);
}
