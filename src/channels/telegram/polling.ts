import { run } from '@grammyjs/runner';
import type { Api } from 'grammy';
import type { RunningChannel } from '../channel.js';
import { ALLOWED_UPDATES, type TelegramBot } from './telegram-bot.js';

const CONFIRM_TIMEOUT_MS = 2_000;

/**
 * grammY types signals with the abort-controller polyfill it ships for old Node versions; at run time
 * its node-fetch accepts Node's own AbortSignal, which is the one that offers a timeout.
 */
type ApiSignal = Parameters<Api['getUpdates']>[1];

export interface RunningPolling extends RunningChannel {
  mode: 'polling';
  /** False once the runner gave up (a revoked token, another instance polling). */
  isRunning(): boolean;
}

/**
 * Long polling through @grammyjs/runner: updates are fetched continuously and handled concurrently
 * (serialised per chat by the bot). Polling needs no public URL and tolerates slow answers, which is
 * why it is the default. Outages of getUpdates are retried and logged by pollThroughOutages, which the
 * bot installs. The bot must be initialised (getMe) before this is called.
 */
export async function startPolling(telegram: TelegramBot): Promise<RunningPolling> {
  const { bot, logger } = telegram;
  // Telegram refuses getUpdates while a webhook is set (after running in webhook mode once). A server
  // that cannot do this (some local or stand-in Bot API servers) must not keep the bot offline.
  await bot.api.deleteWebhook().catch((error: unknown) => {
    logger.warn({ err: error }, 'could not remove a Telegram webhook; polling anyway');
  });
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
  runner.task()?.catch((error: unknown) => {
    // 401 (token revoked) or 409 (another instance polls): the runner gives up; the rest of Pandu runs on.
    logger.error({ err: error }, 'telegram polling stopped');
  });

  return {
    name: 'telegram',
    mode: 'polling',
    isRunning: () => runner.isRunning(),
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await telegram.inFlight.idle();
      const last = telegram.lastUpdateId();
      if (last === undefined) return;
      // Confirm what was handled, so a restart does not fetch those updates again; bounded, because a
      // Bot API outage must not hold up shutdown.
      const signal = AbortSignal.timeout(CONFIRM_TIMEOUT_MS) as unknown as ApiSignal;
      await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }, signal).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not confirm the last updates');
      });
    },
  };
}
