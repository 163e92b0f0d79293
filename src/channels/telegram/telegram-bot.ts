import type { AutoRetryOptions } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { IncomingMessage, Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import { commandMenus, type MenuCommand } from './command-menu.js';
import { describeFault, isRateLimited } from './fault.js';
import { InFlight } from './in-flight.js';
import { sendReplies, type ReplyTarget } from './render-reply.js';
import { retryTransformer } from './retry.js';
import { toIncoming } from './to-incoming.js';
import { keepTyping, TYPING_INTERVAL_MS } from './typing.js';

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

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
  retry?: Partial<AutoRetryOptions>;
}

/** A grammY bot wired to Pandu's core, plus what the polling and webhook launchers need around it. */
export interface TelegramBot {
  bot: Bot;
  /** Updates being handled right now; shutdown waits for them. */
  inFlight: InFlight;
  /** The highest update_id whose handling has started (confirmed to Telegram when polling stops). */
  lastUpdateId(): number | undefined;
  /** Sets Telegram's command menus (private chats, groups, default) from the registry; logs and carries on when Telegram refuses one. */
  publishCommands(): Promise<void>;
  /** A log-safe summary of a failure (never contains the token). */
  describe(error: unknown): ReturnType<typeof describeFault>;
  logger: Logger;
}

/**
 * Builds the grammY bot for Pandu without starting it, so tests and benchmarks can drive it against a
 * fake Bot API. The bot only translates: Telegram update → IncomingMessage → `handle` → replies rendered
 * back (plain text split under 4096, inline keyboards, documents). Updates of one chat are handled one
 * after another; every fault is logged and answered with a short apology, and the bot keeps running.
 */
export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const { token, handle, t } = options;
  const logger = options.logger.child({ channel: 'telegram' });
  const apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
  const bot = new Bot(token, { client: { apiRoot }, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  bot.api.config.use(retryTransformer(options.retry));

  const describe = (error: unknown) => describeFault(error, token);
  const inFlight = new InFlight();
  let lastUpdateId: number | undefined;

  const download = async (fileId: string): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId);
    if (!file.file_path) throw new Error('Telegram returned no file path');
    // The token is part of the file URL, so the URL itself must never reach an error message or log.
    const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
    if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };

  const apologise = async (err: BotError) => {
    logger.error({ fault: describe(err) }, 'telegram update failed');
    const chatId = err.ctx.chat?.id;
    if (chatId === undefined) return;
    try {
      await err.ctx.api.sendMessage(chatId, t(isRateLimited(err) ? 'telegram.rate_limited' : 'telegram.error'));
    } catch (error) {
      logger.warn({ fault: describe(error) }, 'apology could not be sent');
    }
  };

  bot.use((ctx, next) => {
    lastUpdateId = Math.max(lastUpdateId ?? 0, ctx.update.update_id);
    return inFlight.track(next());
  });
  // Per chat in arrival order: a second message must not overtake the answer to the first.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.errorBoundary(apologise, async (ctx) => {
    if (ctx.callbackQuery) {
      // First, and whatever happens next: an unanswered query leaves a spinner on the button.
      await ctx.answerCallbackQuery().catch((error: unknown) => logger.warn({ fault: describe(error) }, 'answerCallbackQuery failed'));
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
      (error) => logger.debug({ fault: describe(error) }, 'chat action failed'),
      options.typingIntervalMs ?? TYPING_INTERVAL_MS,
    );
    try {
      let replies: Reply[];
      try {
        replies = await handle(msg);
      } catch (error) {
        // The router never throws; this guards against a handler that does.
        logger.error({ fault: describe(error) }, 'message handling failed');
        replies = [{ text: t('telegram.error') }];
      }
      await sendReplies(ctx.api, target, replies, t);
    } finally {
      stopTyping();
    }
  });
  // Errors outside the boundary (none expected) still must not stop the runner.
  bot.catch(apologise);

  return {
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
            logger.warn({ fault: describe(error), scope: scope?.type ?? 'default' }, 'command menu not set');
          }
        }),
      );
    },
    describe,
    logger,
  };
}
