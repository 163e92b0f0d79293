import { Api } from 'grammy';
import { Backoff } from '../../core/backoff.js';
import type { ChannelStarter, RunningChannel } from '../channel.js';
import type { ChannelState } from '../../ops/channel-health.js';
import { isUnauthorized } from './fault.js';
import { OutageLog } from './outage-log.js';
import { startPolling, type RunningPolling } from './polling.js';
import { telegramOutbound } from './outbound-sender.js';
import { createTelegramBot, type TelegramBot } from './telegram-bot.js';
import { startWebhook, type RunningWebhook, type WebhookSettings } from './webhook.js';

export type RunningTelegram = RunningPolling | RunningWebhook;

/**
 * getMe gives up after this long, so an unreachable Telegram is reported within 10 s even when the
 * network drops packets silently instead of refusing the connection.
 */
const GET_ME_TIMEOUT_MS = 8_000;

type ApiSignal = Parameters<Api['getMe']>[0];

/**
 * Brings a built bot online: checks the token (getMe, one attempt), publishes the command menu, then
 * long-polls, or serves a webhook when one is configured.
 */
export async function launchTelegram(telegram: TelegramBot, webhook?: WebhookSettings): Promise<RunningTelegram> {
  const { bot } = telegram;
  // Not bot.init(): it retries network failures silently and without end, which is what kept an
  // unreachable Telegram out of the log; launchWithRetry retries instead, and says so.
  if (!bot.isInited()) bot.botInfo = await bot.api.getMe(AbortSignal.timeout(GET_ME_TIMEOUT_MS) as unknown as ApiSignal);
  await telegram.publishCommands();
  const running = webhook ? await startWebhook(telegram, webhook) : await startPolling(telegram);
  telegram.logger.info({ username: bot.botInfo.username, mode: webhook ? 'webhook' : 'polling' }, 'telegram up');
  return running;
}

/**
 * Launches the bot; when Telegram cannot be reached, logs that at once (with when it tries again) and
 * keeps trying in the background, at most 15 s apart, so Pandu answers soon after Telegram is back
 * instead of staying without Telegram until someone restarts it. A refused token (401) is a
 * configuration error and is reported at once.
 */
export async function launchWithRetry(
  telegram: TelegramBot,
  webhook?: WebhookSettings,
): Promise<RunningChannel & { state(): ChannelState }> {
  const { logger, timers } = telegram;
  const outage = new OutageLog(logger, timers, 'start-up');
  const backoff = new Backoff(telegram.reconnect);
  let running: RunningTelegram | undefined;
  let pending: Promise<void> | undefined;
  let cancelRetry: (() => void) | undefined;
  let stopped = false;

  const retryLater = (error: unknown, startedAt: number) => {
    // Attempts start at most one back-off step apart, however long the failed one took to time out.
    const delay = Math.max(0, backoff.next() - (timers.now() - startedAt));
    outage.failed(error, delay);
    cancelRetry = timers.schedule(() => {
      cancelRetry = undefined;
      pending = attempt();
    }, delay);
  };

  const attempt = async () => {
    const startedAt = timers.now();
    try {
      const launched = await launchTelegram(telegram, webhook);
      if (stopped) return void (await launched.stop());
      running = launched;
      outage.recovered();
    } catch (error) {
      if (stopped) return;
      if (isUnauthorized(error)) {
        logger.error({ err: error }, 'Telegram refused the bot token (check TELEGRAM_BOT_TOKEN); Telegram stays off');
        return;
      }
      retryLater(error, startedAt);
    }
  };

  const state = (): ChannelState => {
    if (!running) return { ok: false, state: 'connecting', detail: 'Telegram not reached yet; retrying' };
    if (!running.isRunning()) return { ok: false, state: `${running.mode}_stopped` };
    if (!telegram.isReachable()) return { ok: false, state: 'outage', detail: 'Telegram unreachable; retrying' };
    return { ok: true, state: running.mode };
  };
  const startedAt = timers.now();
  logger.info({ apiRoot: telegram.apiRoot }, 'connecting to Telegram');
  try {
    running = await launchTelegram(telegram, webhook);
    return { ...running, state };
  } catch (error) {
    if (isUnauthorized(error)) throw error;
    retryLater(error, startedAt);
  }
  return {
    name: 'telegram',
    state,
    async stop() {
      stopped = true;
      cancelRetry?.();
      await pending;
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
  const webhook = settings.webhook ? { ...settings.webhook, routes: app.opsRoutes } : undefined;
  const running = await launchWithRetry(telegram, webhook);
  // Announcements go through a client without the retry layer, so a 429 pauses the whole broadcast lane.
  const onceApi = new Api(settings.token, settings.apiRoot ? { apiRoot: settings.apiRoot } : {});
  const unregister = app.outbound.register(telegramOutbound(telegram.bot.api, app.i18n.t, () => telegram.isReachable(), onceApi));
  const unprobe = app.health.register('telegram', () => running.state());
  return {
    ...running,
    async stop() {
      unprobe();
      unregister();
      await running.stop();
    },
  };
};
