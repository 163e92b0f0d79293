import path from 'node:path';
import pino from 'pino';
import { launchTelegram, type RunningTelegram } from '../../../src/channels/telegram/start-telegram.js';
import { createTelegramBot, type TelegramBot, type TelegramBotOptions } from '../../../src/channels/telegram/telegram-bot.js';
import type { WebhookSettings } from '../../../src/channels/telegram/webhook.js';
import { projectRoot } from '../../../src/config.js';
import type { IncomingMessage, Reply } from '../../../src/core/messages.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';

export const translator = loadTranslator(path.join(projectRoot, 'locales'));

export interface BotUnderTest {
  fake: FakeTelegram;
  telegram: TelegramBot;
  running: RunningTelegram;
  /** Every message the bot handed to the core. */
  received: IncomingMessage[];
  /** JSON log lines the bot wrote. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * The real grammY bot (runner or webhook, auto-retry, error boundary) against the fake Bot API, with a
 * stub in place of Pandu's core so a test decides what the core answers.
 */
export async function startBotUnderTest(
  handle: (msg: IncomingMessage) => Promise<Reply[]>,
  options: { webhook?: WebhookSettings; bot?: Partial<TelegramBotOptions>; beforeLaunch?: (fake: FakeTelegram) => void } = {},
): Promise<BotUnderTest> {
  const fake = await startFakeTelegram();
  options.beforeLaunch?.(fake);
  const received: IncomingMessage[] = [];
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const telegram = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    handle: (msg) => {
      received.push(msg);
      return handle(msg);
    },
    commands: () => [
      { name: 'tanya', description: 'Tanya aturan inovasi daerah' },
      { name: 'bantuan', description: 'Daftar perintah' },
      { name: 'hubungkan', description: 'Hubungkan akun Telegram dan WhatsApp', privateOnly: true },
    ],
    t: translator.t,
    logger,
    ...options.bot,
  });
  const running = await launchTelegram(telegram, options.webhook);
  return {
    fake,
    telegram,
    running,
    received,
    logs,
    async stop() {
      await running.stop();
      await fake.close();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
