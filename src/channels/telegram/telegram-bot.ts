import { Bot, type BotError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { IncomingMessage, Reply } from '../../core/messages.js';
import type { BackoffPolicy } from '../../core/backoff.js';
import { KeyedLock } from '../../core/keyed-lock.js';
import { realTimers, type Timers } from '../../core/timers.js';
import type { Translate } from '../../i18n/translator.js';
import { scrubbingChild, type Logger } from '../../logger.js';
import { botApiFetch } from './bot-api-fetch.js';
import { commandMenus, type MenuCommand } from './command-menu.js';
import { isRateLimited, telegramErrScrubbing } from './fault.js';
import { InFlight } from './in-flight.js';
import { sendReplies, type ReplyTarget } from './render-reply.js';
import { OUTAGE_REMINDER_MS, OutageLog } from './outage-log.js';
import { pollThroughOutages } from './poll-outages.js';
import { retryTransformer, type TelegramRetryOptions } from './retry.js';
import { toIncoming } from './to-incoming.js';
import { keepTyping, TYPING_DELAY_MS, TYPING_INTERVAL_MS } from './typing.js';

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

/**
 * A Bot API call that has not answered in this long is given up and retried (see retry.ts): grammY's own
 * limit is 500 s, during which the person's chat, answered in order, waits behind it. Long polls end
 * sooner anyway (30 s, see poll-outages.ts); an upload of a 50 MB document over a slow link still fits.
 */
export const REQUEST_TIMEOUT_SECONDS = 60;
/** Downloading a file a person sent (a report's evidence, an admin's upload) is given up after this long. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * The only update kinds Pandu reads; asking Telegram for just these saves traffic. Edits
 * (`edited_message`) are left out on purpose: the original message has already been answered (or saved
 * into a proposal draft), and answering the edit too would give the person a second answer to one
 * question. To correct something, people send it again.
 */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramBotOptions {
  token: string;
  /** Bot API server; a local one (telegram-bot-api) or a test fake. Defaults to Telegram's. */
  apiRoot?: string;
  /** The core: one incoming message in, the replies out. In the app this is `router.handle`. */
  handle: (msg: IncomingMessage) => Promise<Reply[]>;
  /**
   * Commands for Telegram's menu, read when the menu is published (`app.commands.listed()`); those
   * marked `privateOnly` are listed in private chats only.
   */
  commands: () => readonly MenuCommand[];
  t: Translate;
  logger: Logger;
  /** Skips getMe when the bot's identity is already known (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  typingIntervalMs?: number;
  /** How long an answer may take before "typing…" is shown (default TYPING_DELAY_MS). */
  typingDelayMs?: number;
  retry?: Partial<TelegramRetryOptions>;
  /** How long one Bot API call may take before it is given up (and retried); default REQUEST_TIMEOUT_SECONDS. */
  requestTimeoutSeconds?: number;
  /** How long downloading a file a person sent may take; default DOWNLOAD_TIMEOUT_MS. */
  downloadTimeoutMs?: number;
  /** Waits between attempts to reach an unreachable Bot API (start-up and polling). */
  reconnect?: BackoffPolicy;
  timers?: Timers;
  /**
   * The HTTP client of Bot API calls: Pandu's lean one on Node's http (botApiFetch), or grammY's own
   * (node-fetch), kept so the benchmark can measure what the lean one buys.
   */
  httpClient?: 'node-http' | 'grammy';
}

/**
 * Start-up and polling retry an unreachable Bot API every 1, 2, 4, 8, then 15 s: a returning Telegram
 * is noticed within 15 s, and a long outage costs one request every 15 s.
 */
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 15_000 };

/** A grammY bot wired to Pandu's core, plus what the polling and webhook launchers need around it. */
export interface TelegramBot {
  bot: Bot;
  /** Updates being handled right now; shutdown waits for them. */
  inFlight: InFlight;
  /** The highest update_id whose handling has started (confirmed to Telegram when polling stops). */
  lastUpdateId(): number | undefined;
  /** Sets Telegram's command menus (private chats, groups, default) from the registry; logs and carries on when Telegram refuses one. */
  publishCommands(): Promise<void>;
  /** Logs errors with their stack and without the token (see telegramErrScrubbing). */
  logger: Logger;
  timers: Timers;
  reconnect: BackoffPolicy;
  /** The Bot API server (without the token). */
  apiRoot: string;
  /** Whether calls can go out now: the bot has reached Telegram and polling is not in an outage. */
  isReachable(): boolean;
}

/**
 * Builds the grammY bot for Pandu without starting it, so tests and benchmarks can drive it against a
 * fake Bot API. The bot only translates: Telegram update → IncomingMessage → `handle` → replies rendered
 * back (plain text split under 4096, inline keyboards, documents). Updates of one chat are handled one
 * after another; every fault is logged and answered with a short apology, and the bot keeps running.
 */
export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const { token, handle, t } = options;
  const logger = scrubbingChild(options.logger, { channel: 'telegram' }, telegramErrScrubbing(token));
  const timers = options.timers ?? realTimers;
  const apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
  const bot = new Bot(token, {
    client: {
      apiRoot,
      timeoutSeconds: options.requestTimeoutSeconds ?? REQUEST_TIMEOUT_SECONDS,
      // grammY types its option as the WHATWG fetch; it reads only what BotApiResponse has.
      ...(options.httpClient === 'grammy' ? {} : { fetch: botApiFetch as unknown as typeof fetch }),
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const inFlight = new InFlight();
  let lastUpdateId: number | undefined;

  const download = async (fileId: string): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId);
    if (!file.file_path) throw new Error('Telegram returned no file path');
    // The token is part of the file URL, so the URL itself must never reach an error message or log.
    const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`, {
      signal: AbortSignal.timeout(options.downloadTimeoutMs ?? DOWNLOAD_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };

  const apologise = async (err: BotError) => {
    logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'telegram update failed');
    const chatId = err.ctx.chat?.id;
    if (chatId === undefined) return;
    try {
      await err.ctx.api.sendMessage(chatId, t(isRateLimited(err) ? 'telegram.rate_limited' : 'telegram.error'));
    } catch (error) {
      logger.warn({ err: error }, 'apology could not be sent');
    }
  };

  bot.use((ctx, next) => {
    lastUpdateId = Math.max(lastUpdateId ?? 0, ctx.update.update_id);
    return inFlight.track(next());
  });
  // Per chat in arrival order: a second message must not overtake the answer to the first.
  const chats = new KeyedLock();
  bot.use((ctx, next) => (ctx.chat ? chats.run(String(ctx.chat.id), next) : next()));
  bot.errorBoundary(apologise, async (ctx) => {
    if (ctx.callbackQuery) {
      // First, and whatever happens next: an unanswered query leaves a spinner on the button.
      await ctx.answerCallbackQuery().catch((error: unknown) => logger.warn({ err: error }, 'answerCallbackQuery failed'));
    }
    const msg = toIncoming(ctx.update, { id: ctx.me.id, username: ctx.me.username }, download);
    const chat = ctx.chat;
    if (!msg || !chat) return;

    const source = ctx.msg;
    const threadId = source?.is_topic_message ? source.message_thread_id : undefined;
    const target: ReplyTarget = {
      chatId: chat.id,
      ...(threadId !== undefined ? { threadId } : {}),
      ...(msg.conversation === 'group' && ctx.message ? { replyTo: ctx.message.message_id } : {}),
    };
    const stopTyping = keepTyping(
      () => ctx.api.sendChatAction(chat.id, 'typing', threadId !== undefined ? { message_thread_id: threadId } : {}),
      (error) => logger.debug({ err: error }, 'chat action failed'),
      options.typingIntervalMs ?? TYPING_INTERVAL_MS,
      options.typingDelayMs ?? TYPING_DELAY_MS,
    );
    try {
      let replies: Reply[];
      try {
        replies = await handle(msg);
      } catch (error) {
        // The router never throws; this guards against a handler that does.
        logger.error({ err: error }, 'message handling failed');
        replies = [{ text: t('telegram.error') }];
      }
      await sendReplies(ctx.api, target, replies, t);
    } finally {
      stopTyping();
    }
  });
  // Errors outside the boundary (none expected) still must not stop the runner.
  bot.catch(apologise);

  const pollOutage = new OutageLog(logger, timers, 'polling');
  const pollConflict = new OutageLog(logger, timers, 'polling', OUTAGE_REMINDER_MS, {
    down: 'Another getUpdates request for this bot cut polling short (a second instance polling the same token, or one stopping; run one polling instance per bot, or a webhook)',
    stillDown: 'Polling still cut short by another getUpdates request for this bot',
  });
  const telegram: TelegramBot = {
    bot,
    inFlight,
    lastUpdateId: () => lastUpdateId,
    async publishCommands() {
      // Side by side: each menu is independent, and one refused menu must not keep the others away.
      await Promise.all(
        commandMenus(options.commands()).map(async ({ scope, commands }) => {
          try {
            await bot.api.setMyCommands(commands, scope ? { scope } : {});
          } catch (error) {
            logger.warn({ err: error, scope: scope?.type ?? 'default' }, 'command menu not set');
          }
        }),
      );
    },
    logger,
    timers,
    reconnect: options.reconnect ?? RECONNECT_BACKOFF,
    apiRoot,
    isReachable: () => bot.isInited() && !pollOutage.isDown,
  };
  bot.api.config.use(
    retryTransformer(options.retry, timers),
    pollThroughOutages({ timers, reconnect: telegram.reconnect, outage: pollOutage, conflict: pollConflict }),
  );
  return telegram;
}
