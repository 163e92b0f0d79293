import { GrammyError } from 'grammy';
import type { ChannelStarter, RunningChannel } from '../channel.js';
import { startPolling, type RunningPolling } from './polling.js';
import { telegramOutbound } from './outbound-sender.js';
import { createTelegramBot, type TelegramBot } from './telegram-bot.js';
import { startWebhook, type RunningWebhook, type WebhookSettings } from './webhook.js';

export type RunningTelegram = RunningPolling | RunningWebhook;

/**
 * Brings a built bot online: checks the token (getMe), publishes the command menu, then long-polls, or
 * serves a webhook when one is configured.
 */
export async function launchTelegram(telegram: TelegramBot, webhook?: WebhookSettings): Promise<RunningTelegram> {
  await telegram.bot.init();
  await telegram.publishCommands();
  const running = webhook ? await startWebhook(telegram, webhook) : await startPolling(telegram);
  telegram.logger.info({ username: telegram.bot.botInfo.username, mode: webhook ? 'webhook' : 'polling' }, 'telegram up');
  return running;
}

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * Launches the bot, and when Telegram cannot be reached at start-up keeps trying in the background with
 * growing pauses instead of leaving Pandu without Telegram until someone restarts it. A refused token
 * (401) is a configuration error and is reported at once.
 */
export async function launchWithRetry(
  telegram: TelegramBot,
  webhook?: WebhookSettings,
  timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis,
): Promise<RunningChannel> {
  try {
    return await launchTelegram(telegram, webhook);
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) throw error;
    telegram.logger.error({ fault: telegram.describe(error) }, 'telegram unreachable at start-up; retrying in the background');
  }
  let running: RunningChannel | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  const attempt = () => {
    timer = timers.setTimeout(() => {
      launchTelegram(telegram, webhook)
        .then((r) => {
          if (stopped) return r.stop();
          running = r;
          telegram.logger.info('telegram reachable again');
        })
        .catch((error: unknown) => {
          if (stopped) return;
          telegram.logger.warn({ fault: telegram.describe(error), retryInMs: delay }, 'telegram still unreachable');
          if (error instanceof GrammyError && error.error_code === 401) return;
          delay = Math.min(delay * 2, MAX_RETRY_MS);
          attempt();
        });
    }, delay);
  };
  attempt();
  return {
    name: 'telegram',
    async stop() {
      stopped = true;
      if (timer) timers.clearTimeout(timer);
      await running?.stop();
    },
  };
}

/** The Telegram channel for `npm start`; not started when TELEGRAM_BOT_TOKEN is unset. */
export const startTelegram: ChannelStarter = async (app) => {
  const settings = app.config.telegram;
  if (!settings) return undefined;
  const telegram = createTelegramBot({
    token: settings.token,
    apiRoot: settings.apiRoot,
    handle: (msg) => app.router.handle(msg),
    // Telegram's menu is the same for everyone; privileged commands are listed in /bantuan to those who may run them.
    commands: () => app.commands.listed('innovator'),
    t: app.i18n.t,
    logger: app.logger,
  });
  const running = await launchWithRetry(telegram, settings.webhook);
  const unregister = app.outbound.register(telegramOutbound(telegram.bot.api, app.i18n.t));
  return {
    ...running,
    async stop() {
      unregister();
      await running.stop();
    },
  };
};
