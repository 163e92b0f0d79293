import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run as runBot } from '@grammyjs/runner';
import { Bot } from 'grammy';
import * as sourceApp from '../../src/app.js';
import * as sourceStart from '../../src/channels/telegram/start-telegram.js';
import * as sourceBot from '../../src/channels/telegram/telegram-bot.js';
import * as sourceConfig from '../../src/config.js';
import type { App } from '../../src/app.js';
import { MessageDeduplicator } from '../../src/core/dedup.js';
import { MessageRateLimit } from '../../src/core/rate-limit/message-rate-limit.js';
import { Router } from '../../src/core/router.js';
import { SessionStore } from '../../src/core/sessions.js';
import { UserStore } from '../../src/core/users.js';
import type { QaFeature } from '../../src/features/qa/qa-feature.js';
import { silentLogger } from '../../src/logger.js';
import { FAKE_BOT, messageUpdate, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { tempDataDir } from '../support/temp-data.js';

/**
 * The modules a measured bot is made of: from dist/ (the compiled JavaScript `npm start` runs) or from the
 * TypeScript sources as tsx loads them. tsx compiles with esbuild's keepNames, which wraps every function
 * expression in a naming helper at run time (a few percent of a message's CPU in the hot path) that the
 * compiled build does not have; the bare echo bot, all of it library code, pays nothing of the kind.
 */
interface Stack {
  createApp: typeof sourceApp.createApp;
  loadConfig: typeof sourceConfig.loadConfig;
  createTelegramBot: typeof sourceBot.createTelegramBot;
  launchTelegram: typeof sourceStart.launchTelegram;
}

const SOURCES: Stack = { ...sourceApp, ...sourceConfig, ...sourceBot, ...sourceStart };

/** The production build, compiled now (as `npm install` and `npm run build` do) so it is this checkout's code. */
async function compiledStack(): Promise<Stack> {
  const root = sourceConfig.projectRoot;
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const load = (file: string) => import(pathToFileURL(path.join(root, 'dist', file)).href);
  return {
    ...((await load('app.js')) as typeof sourceApp),
    ...((await load('config.js')) as typeof sourceConfig),
    ...((await load('channels/telegram/telegram-bot.js')) as typeof sourceBot),
    ...((await load('channels/telegram/start-telegram.js')) as typeof sourceStart),
  };
}

/** The real app (SQLite, migrations, shipped knowledge base, index) from one stack, in a temporary DATA_DIR. */
async function startApp(stack: Stack): Promise<{ app: App; close(): Promise<void> }> {
  const temp = tempDataDir();
  const config = stack.loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent' }, sourceConfig.projectRoot);
  const app = await stack.createApp(config, { logger: silentLogger() });
  return {
    app,
    async close() {
      await app.close();
      temp.cleanup();
    },
  };
}

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

/**
 * Pandu and the echo bot handle the same number of updates after the same warm-up, so both are measured
 * with their code compiled by V8 (a short window measured mostly Pandu's JIT warm-up: 400 updates after
 * 20 gave 2.2 ms/update where the steady state is under 1 ms).
 */
const UPDATES = 2000;
const PANDU_UPDATES = UPDATES;
const ECHO_UPDATES = UPDATES;
const WARM_UP = 200;
/** Distinct people writing at once; updates of one chat are handled in order, chats in parallel. */
const SENDERS = 200;
const ROUNDS = 5;

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
    // Coarse enough that the waiting itself costs next to nothing of the CPU measured per update.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Throughput and CPU per update (this process: bot and fake Bot API alike), robust to a busy machine. */
interface Measured {
  perSecond: number;
  cpuMs: number;
}

/**
 * A full garbage collection before a measured window, so no window pays for the garbage an earlier one
 * left (two whole apps share this heap: a major collection landing in an echo window of half a second
 * doubled its CPU per update and made the paired ratios range from 1.7 to 3.0).
 */
const collectGarbage = (() => {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function measuring(updates: number): () => Measured {
  collectGarbage();
  const started = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { perSecond: updates / ((performance.now() - started) / 1000), cpuMs: (used.user + used.system) / 1000 / updates };
  };
}

/**
 * Pandu's whole pipeline: grammY runner → adapter → router (users, sessions, dedup) → retrieval → replies.
 * `typingDelayMs: 0` sends "typing" before every answer, as Pandu did before it waited for slow ones.
 */
async function measurePandu(
  stack: Stack,
  app: App,
  round: number,
  variant: { typingDelayMs?: number; httpClient?: 'grammy' } = {},
): Promise<Measured & { messages: number }> {
  const fake = await startFakeTelegram({ recordPayloads: false });
  const telegram = stack.createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    handle: (msg) => app.router.handle(msg),
    commands: () => app.commands.listed(),
    t: app.i18n.t,
    logger: silentLogger(),
    botInfo: FAKE_BOT,
    ...variant,
  });
  const running = await stack.launchTelegram(telegram);
  try {
    // Each round writes as new people, so no round profits from the previous one's users and sessions.
    const people = round * 1000;
    const finished = (last: number) => () => telegram.lastUpdateId() === last && telegram.inFlight.size === 0;
    await until(finished(pushQuestions(fake, WARM_UP, 0, people)));
    const sentBefore = fake.sentCount();
    const done = measuring(PANDU_UPDATES);
    await until(finished(pushQuestions(fake, PANDU_UPDATES, WARM_UP, people)));
    return { ...done(), messages: fake.sentCount() - sentBefore };
  } finally {
    await running.stop();
    await fake.close();
  }
}

/**
 * The same questions straight into the router, with the same number of people writing at once: what
 * Pandu's core costs without Telegram, so the adapter's share can be read off.
 */
async function measureCore(router: Router, round: number, tag: string): Promise<Measured> {
  const done = measuring(PANDU_UPDATES);
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let n = sender; n < PANDU_UPDATES; n += SENDERS) {
        await router.handle({
          channel: 'telegram',
          senderId: `${tag}-${round}-${sender}`,
          messageId: `${tag}:${round}:${n}`,
          text: QUESTIONS[n % QUESTIONS.length]!,
          conversation: 'private',
        });
      }
    }),
  );
  return done();
}

/**
 * The same app's router with every store on Prisma queries instead of the prepared hot statements: what
 * those statements buy (the figure before them, measured in the same run).
 */
function prismaRouter(app: App): Router {
  const qa = app.features.find((f) => f.name === 'qa') as QaFeature;
  const { config, db } = app;
  return new Router({
    users: new UserStore(db),
    sessions: new SessionStore(db),
    commands: app.commands,
    features: app.features,
    fallback: (ctx, text) => qa.ask(ctx, text),
    dedup: new MessageDeduplicator(db),
    rateLimit: config.rateLimitPerMinute > 0 ? new MessageRateLimit(db, { perWindow: config.rateLimitPerMinute }) : undefined,
    t: app.i18n.t,
    i18n: app.i18n,
    logger: silentLogger(),
  });
}

/** The ceiling: a bare grammY echo bot on the same runner and fake server. */
async function measureEcho(): Promise<Measured> {
  const fake = await startFakeTelegram({ recordPayloads: false });
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: FAKE_BOT });
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  const runner = runBot(bot, { runner: { silent: true } });
  try {
    pushQuestions(fake, WARM_UP, 0, 0);
    await fake.waitForCount('sendMessage', WARM_UP, 60_000);
    const done = measuring(ECHO_UPDATES);
    pushQuestions(fake, ECHO_UPDATES, WARM_UP, 0);
    await fake.waitForCount('sendMessage', WARM_UP + ECHO_UPDATES, 300_000);
    return done();
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
 * Updates per second and CPU per update through the real grammY stack and the fake Bot API: Pandu
 * answering non-LLM questions, and a bare echo bot as the ceiling of the transport. The ratio says how
 * much of the time is Pandu's own work (retrieval, storage, typing action, replies) rather than Telegram
 * plumbing; CPU per update holds still on a machine busy with other work, where throughput does not.
 * Ablations in the same run: Pandu with "typing" sent before every answer, and Pandu's core with its
 * stores on Prisma queries instead of the prepared hot statements. Rounds alternate the measurements so a
 * busy machine skews them alike; medians are printed.
 */
export async function run(): Promise<void> {
  const build = await compiledStack();
  const compiled = await startApp(build);
  const sources = await startApp(SOURCES);
  const series = {
    pandu: [] as Measured[],
    fromSources: [] as Measured[],
    typingAtOnce: [] as Measured[],
    grammyClient: [] as Measured[],
    core: [] as Measured[],
    corePrisma: [] as Measured[],
    echo: [] as Measured[],
  };
  let messages = 0;
  /** CPU per update, Pandu over the echo bot, measured back to back in each round. */
  const ratios: number[] = [];
  try {
    const viaPrisma = prismaRouter(sources.app);
    // One unrecorded round of each first: the first measured round otherwise still paid for V8 compiling
    // Pandu's retrieval (1.2 ms an update against 0.8 in the rounds after it), and the echo bot has less to compile.
    await measurePandu(build, compiled.app, 0);
    await measureEcho();
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Pandu and the echo bot back to back, in alternating order: the machine's speed drifts (other
      // work, the heap's state), and a ratio taken within a round is fair to both sides of it.
      const echoBefore = round % 2 === 0 ? await measureEcho() : undefined;
      const pandu = await measurePandu(build, compiled.app, round);
      const echo = echoBefore ?? (await measureEcho());
      messages = pandu.messages;
      series.pandu.push(pandu);
      series.echo.push(echo);
      ratios.push(pandu.cpuMs / echo.cpuMs);
      console.log(`  round ${round}: pandu ${pandu.cpuMs.toFixed(3)} ms, echo ${echo.cpuMs.toFixed(3)} ms CPU/update`);
      series.fromSources.push(await measurePandu(SOURCES, sources.app, round));
      series.typingAtOnce.push(await measurePandu(build, compiled.app, round + ROUNDS, { typingDelayMs: 0 }));
      series.grammyClient.push(await measurePandu(build, compiled.app, round + 2 * ROUNDS, { httpClient: 'grammy' }));
      series.core.push(await measureCore(compiled.app.router, round, 'core'));
      series.corePrisma.push(await measureCore(viaPrisma, round, 'prisma'));
    }
  } finally {
    await compiled.close();
    await sources.close();
  }
  const rate = (m: Measured[]) => median(m.map((x) => x.perSecond));
  const cpu = (m: Measured[]) => median(m.map((x) => x.cpuMs));
  const fmt = (m: Measured[]) =>
    `${rate(m).toFixed(1)} updates/s (rounds: ${m.map((x) => x.perSecond.toFixed(1)).join(', ')}), ${cpu(m).toFixed(2)} ms CPU/update`;
  console.log(
    `pandu via Telegram, compiled as \`npm start\` runs it, non-LLM questions (${PANDU_UPDATES} updates from ${SENDERS} chats, ${messages} messages sent): ${fmt(series.pandu)}`,
  );
  console.log(`  the same from the TypeScript sources through tsx (esbuild's naming helpers): ${fmt(series.fromSources)}`);
  console.log(`  the same compiled, "typing" sent before every answer: ${fmt(series.typingAtOnce)}`);
  console.log(`  the same compiled, Bot API calls through grammY's own HTTP client (node-fetch): ${fmt(series.grammyClient)}`);
  console.log(`pandu core alone, compiled (router.handle, same questions and concurrency, no Telegram): ${fmt(series.core)}`);
  console.log(`  from the sources, stores on Prisma queries (no prepared hot statements): ${fmt(series.corePrisma)}`);
  console.log(`bare grammY echo bot (${ECHO_UPDATES} updates): ${fmt(series.echo)}`);
  const spread = [...ratios].sort((a, b) => a - b);
  console.log(
    `ratio echo / pandu via Telegram (compiled): ${(rate(series.echo) / rate(series.pandu)).toFixed(1)}× by throughput (medians); ` +
      `by CPU per update, paired in each round: ${median(ratios).toFixed(2)}× (median of rounds, from ${spread[0]!.toFixed(2)} to ` +
      `${spread[spread.length - 1]!.toFixed(2)}; target ≤ 2×); from the sources ${(cpu(series.fromSources) / cpu(series.echo)).toFixed(1)}× by CPU (medians)`,
  );
}
