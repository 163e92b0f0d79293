import type { ChannelStarter } from '../channel.js';
import { startPolling, type RunningPolling } from './polling.js';
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

/** The Telegram channel for `npm start`; not started when TELEGRAM_BOT_TOKEN is unset. */
export const startTelegram: ChannelStarter = async (app) => {
  const settings = app.config.telegram;
  if (!settings) return undefined;
  const telegram = createTelegramBot({
    token: settings.token,
    apiRoot: settings.apiRoot,
    handle: (msg) => app.router.handle(msg),
    commands: () => app.commands.listed(),
    t: app.i18n.t,
    logger: app.logger,
  });
  return launchTelegram(telegram, settings.webhook);
};
