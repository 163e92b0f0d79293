import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback } from 'grammy';
import type { RunningChannel } from '../channel.js';
import { ALLOWED_UPDATES, type TelegramBot } from './telegram-bot.js';

export interface WebhookSettings {
  /** Public HTTPS URL Telegram posts to; its path is the one the local server answers. */
  url: string;
  /** Telegram echoes it in a header so forged posts are refused; generated when not configured. */
  secret?: string;
  /** Local port; 0 picks a free one (tests). */
  port: number;
  host?: string;
  /**
   * Other requests this server answers (the operator endpoints /healthz, /readyz, /metrics); returns
   * false for a request it does not handle.
   */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
}

export interface RunningWebhook extends RunningChannel {
  mode: 'webhook';
  /** The port the server actually listens on. */
  port: number;
  isRunning(): boolean;
}

/**
 * Telegram's HTTP answer is given after this long even if the reply is still being written, so a slow
 * answer (an LLM call) does not make Telegram resend the update; handling continues in the background.
 */
const ANSWER_TELEGRAM_AFTER_MS = 5_000;

/**
 * Webhook mode: a node:http server on the configured port hands Telegram's posts to grammY, which checks
 * the secret token, and setWebhook tells Telegram where to post. The webhook stays registered on stop,
 * so Telegram keeps the updates that arrive while Pandu restarts.
 */
export async function startWebhook(telegram: TelegramBot, settings: WebhookSettings): Promise<RunningWebhook> {
  const { bot, logger } = telegram;
  const secret = settings.secret ?? randomBytes(32).toString('hex');
  const path = new URL(settings.url).pathname;
  const callback = webhookCallback(bot, 'http', {
    secretToken: secret,
    onTimeout: 'return',
    timeoutMilliseconds: ANSWER_TELEGRAM_AFTER_MS,
  });

  const server = http.createServer((req, res) => {
    if (settings.routes?.(req, res)) return;
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    callback(req, res).catch((error: unknown) => {
      logger.warn({ err: error }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  try {
    await bot.api.setWebhook(settings.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    name: 'telegram',
    mode: 'webhook',
    port: (server.address() as AddressInfo).port,
    isRunning: () => server.listening,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await telegram.inFlight.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}
