import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';

/** A file that arrived in a multipart upload (sendDocument): enough to check name and size. */
export interface UploadedFile {
  /** The API field it was attached to, e.g. "document". */
  field: string;
  fileName: string;
  size: number;
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  files: UploadedFile[];
  /** HTTP status the fake answered with (429 for a rate-limited call). */
  status: number;
  at: number;
}

export const FAKE_TOKEN = '123456:TEST-token_for-the-fake-bot-api';

/** The bot the fake answers getMe with. */
export const FAKE_BOT: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'Pandu',
  username: 'PanduTestBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export const ALICE: User = { id: 501, is_bot: false, first_name: 'Siti', last_name: 'Rahma' };

export interface FakeTelegram {
  /** Pass as TELEGRAM_API_ROOT / `apiRoot`. */
  apiRoot: string;
  token: string;
  /** Every API call in arrival order (getUpdates included). */
  calls: ApiCall[];
  callsOf(method: string): ApiCall[];
  /** Texts of successful sendMessage calls, in order (throws when payloads are not recorded). */
  sentTexts(): string[];
  /** How many sendMessage calls succeeded (also when payloads are not recorded). */
  sentCount(): number;
  /** Queues an update for getUpdates; returns its update_id. */
  pushUpdate(update: Omit<Update, 'update_id'>): number;
  /** Answers the next `count` calls of `method` with 429 and parameters.retry_after. */
  rateLimitNext(method: string, count: number, retryAfterSeconds: number): void;
  /** Answers the next `count` calls of `method` with an error (e.g. 403 "bot was blocked by the user"). */
  failNext(method: string, count: number, errorCode: number, description: string): void;
  /**
   * Leaves the next `count` calls of `method` unanswered, the connection open until the client gives up
   * (a Bot API that accepted the request and hangs); `method` "file" stalls file downloads.
   */
  stallNext(method: string, count: number): void;
  /** A file getFile and the download route serve. */
  addFile(fileId: string, content: Buffer): void;
  /** Resolves with the first call (already made or future) of `method` that matches. */
  waitForCall(method: string, match?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** Resolves once `count` successful calls of `method` were made. */
  waitForCount(method: string, count: number, timeoutMs?: number): Promise<ApiCall[]>;
  /** The offset of the last getUpdates: everything below it is confirmed. */
  confirmedOffset(): number;
  /** What setWebhook registered (cleared by deleteWebhook). */
  webhook(): { url: string; secretToken?: string } | undefined;
  /** The command menus set with setMyCommands, by scope type ("default" when no scope was given). */
  commandMenus(): Record<string, BotCommand[]>;
  /**
   * Makes the Bot API unreachable: 'refuse' stops listening (connections are refused, as when Telegram
   * cannot be reached at all); 'bad-gateway' answers every call with an HTML 502 page, as a proxy in
   * front of a broken Bot API does (recorded with status 502).
   */
  goDown(mode?: OutageMode): Promise<void>;
  /** Brings the Bot API back at the same address. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

export type OutageMode = 'refuse' | 'bad-gateway';

/** The longest a getUpdates call is held open, whatever timeout the client asks for. */
const MAX_POLL_WAIT_MS = 200;

/**
 * A local stand-in for the Telegram Bot API, so the real grammY bot (runner, auto-retry, webhooks,
 * multipart uploads) runs in tests without the internet. It answers /bot<TOKEN>/<method> with JSON or
 * multipart bodies, serves getUpdates from a queue (long-polling at most 200 ms), records every call,
 * and can answer chosen calls with a 429 carrying retry_after.
 */
export async function startFakeTelegram(
  options: {
    token?: string;
    bot?: UserFromGetMe;
    down?: OutageMode;
    /** Telegram's flood control: more than `perSecond` messages sent in any second get a 429 with retry_after. */
    floodLimit?: { perSecond: number; retryAfterSeconds?: number };
    /**
     * false: calls are recorded without their payloads and files (benchmarks). The stand-in shares the
     * measured bot's heap, and thousands of kept message bodies made the bot's garbage collection copy
     * them again and again: a cost that grew with the size of the bot's replies and that Telegram's own
     * servers never put on a bot.
     */
    recordPayloads?: boolean;
  } = {},
): Promise<FakeTelegram> {
  const token = options.token ?? FAKE_TOKEN;
  const me = options.bot ?? FAKE_BOT;
  const calls: ApiCall[] = [];
  const queue: Update[] = [];
  const pollWaiters = new Set<() => void>();
  const callWaiters = new Set<() => void>();
  const faults = new Map<string, Array<{ code: number; description: string; retryAfter?: number }>>();
  const stalls = new Map<string, number>();
  /** Takes one stall of `method` if one is queued. */
  const stalled = (method: string) => {
    const left = stalls.get(method) ?? 0;
    if (left > 0) stalls.set(method, left - 1);
    return left > 0;
  };
  const files = new Map<string, Buffer>();
  const recentSends: number[] = [];
  const chatTypes = new Map<number, Chat['type']>();
  let nextUpdateId = 1;
  let nextMessageId = 10_000;
  let offset = 0;
  let webhook: { url: string; secretToken?: string } | undefined;
  const menus = new Map<string, BotCommand[]>();
  let outage: OutageMode | undefined;

  const record = (call: ApiCall) => {
    calls.push(call);
    for (const wake of [...callWaiters]) wake();
  };

  const handlers: Record<string, (p: Record<string, unknown>, uploads: UploadedFile[]) => unknown> = {
    getMe: () => me,
    // Confirmed updates have already left the queue, so it holds exactly what Telegram would return, at
    // most `limit` (1–100, default 100) at a time.
    getUpdates: (p) => queue.slice(0, updatesLimit(p.limit)),
    deleteWebhook: () => {
      webhook = undefined;
      return true;
    },
    setWebhook: (p) => {
      webhook = { url: String(p.url), ...(p.secret_token ? { secretToken: String(p.secret_token) } : {}) };
      return true;
    },
    getWebhookInfo: () => ({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length }),
    setMyCommands: (p) => {
      // As on Telegram, a later call for the same scope replaces that scope's menu.
      const scope = (p.scope as { type?: string } | undefined)?.type ?? 'default';
      menus.set(scope, p.commands as BotCommand[]);
      return true;
    },
    sendChatAction: () => true,
    answerCallbackQuery: () => true,
    sendMessage: (p) => ({ ...botMessage(p), text: String(p.text) }),
    sendDocument: (p, uploads) => {
      const upload = uploads.find((u) => u.field === 'document');
      return {
        ...botMessage(p),
        document: {
          file_id: `doc-${nextMessageId}`,
          file_unique_id: `u-${nextMessageId}`,
          file_name: upload?.fileName,
          file_size: upload?.size,
        },
        ...(p.caption ? { caption: String(p.caption) } : {}),
      };
    },
    getFile: (p) => {
      const id = String(p.file_id);
      const content = files.get(id);
      if (!content) throw new ApiFault(400, 'Bad Request: invalid file_id');
      return { file_id: id, file_unique_id: `u-${id}`, file_size: content.length, file_path: `documents/${id}` };
    },
  };

  function botMessage(p: Record<string, unknown>): Message {
    const chatId = Number(p.chat_id);
    const type = chatTypes.get(chatId) ?? 'private';
    const chat = (type === 'private' ? { id: chatId, type, first_name: 'Pengguna' } : { id: chatId, type, title: 'Grup' }) as Chat;
    nextMessageId += 1;
    return { message_id: nextMessageId, date: Math.floor(Date.now() / 1000), chat, from: me } as Message;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const send = (status: number, body: unknown) => {
          if (res.writableEnded || res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        const fileRoute = /^\/file\/bot([^/]+)\/documents\/(.+)$/.exec(url.pathname);
        if (fileRoute) {
          if (stalled('file')) return;
          const content = fileRoute[1] === token ? files.get(decodeURIComponent(fileRoute[2]!)) : undefined;
          if (!content) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          return res.end(content);
        }
        const route = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
        if (!route) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
        if (route[1] !== token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
        const method = route[2]!;
        const { payload, uploads } = parseBody(Buffer.concat(chunks), req.headers['content-type'], url.searchParams);
        const call: ApiCall =
          options.recordPayloads === false
            ? { method, payload: {}, files: [], status: 200, at: Date.now() }
            : { method, payload, files: uploads, status: 200, at: Date.now() };
        if (outage === 'bad-gateway') {
          call.status = 502;
          record(call);
          res.writeHead(502, { 'content-type': 'text/html' });
          return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        }

        if (stalled(method)) {
          call.status = 0;
          record(call);
          return;
        }
        const fault = faults.get(method)?.shift();
        if (fault) {
          call.status = fault.code;
          record(call);
          return send(fault.code, {
            ok: false,
            error_code: fault.code,
            description: fault.description,
            ...(fault.retryAfter !== undefined ? { parameters: { retry_after: fault.retryAfter } } : {}),
          });
        }
        if (options.floodLimit && (method === 'sendMessage' || method === 'sendDocument')) {
          const now = Date.now();
          while (recentSends.length > 0 && recentSends[0]! <= now - 1000) recentSends.shift();
          if (recentSends.length >= options.floodLimit.perSecond) {
            const retryAfter = options.floodLimit.retryAfterSeconds ?? 1;
            call.status = 429;
            record(call);
            return send(429, {
              ok: false,
              error_code: 429,
              description: `Too Many Requests: retry after ${retryAfter}`,
              parameters: { retry_after: retryAfter },
            });
          }
          recentSends.push(now);
        }
        const handler = handlers[method];
        if (!handler) {
          call.status = 404;
          record(call);
          return send(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
        }
        if (method === 'getUpdates') {
          offset = Number(payload.offset ?? 0);
          // Confirmed updates are gone for good, as on Telegram.
          while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
          const wait = Math.min(Number(payload.timeout ?? 0) * 1000, MAX_POLL_WAIT_MS);
          if (queue.length === 0 && wait > 0) await waitForUpdate(wait, res);
        }
        record(call);
        try {
          send(200, { ok: true, result: handler(payload, uploads) });
        } catch (error) {
          const f = error instanceof ApiFault ? error : new ApiFault(500, String(error));
          call.status = f.code;
          send(f.code, { ok: false, error_code: f.code, description: f.description });
        }
      })();
    });
  });

  // The response's 'close' tells that the client gave up (runner stopped); the request's 'close' fires as
  // soon as its body was read, which ended every long poll at once and made an idle bot poll in a loop.
  function waitForUpdate(ms: number, res: http.ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pollWaiters.delete(done);
        res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pollWaiters.add(done);
      res.once('close', done);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const wake of [...pollWaiters]) wake();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const goDown = async (mode: OutageMode = 'refuse') => {
    if (outage === 'refuse') return;
    outage = mode;
    if (mode === 'refuse') await stopListening();
    else server.closeAllConnections();
  };
  if (options.down) await goDown(options.down);

  const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const found = check();
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; calls: ${calls.map((c) => `${c.method}(${c.status})`).join(', ')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        callWaiters.delete(wake);
      };
      const wake = () => void attempt();
      if (!attempt()) callWaiters.add(wake);
    });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    sentTexts: () => {
      if (options.recordPayloads === false) throw new Error('sentTexts: this fake records no payloads (recordPayloads: false)');
      return calls.filter((c) => c.method === 'sendMessage' && c.status === 200).map((c) => String(c.payload.text));
    },
    sentCount: () => calls.filter((c) => c.method === 'sendMessage' && c.status === 200).length,
    pushUpdate(update) {
      const full = { ...update, update_id: nextUpdateId++ } as Update;
      const chat = full.message?.chat ?? full.callback_query?.message?.chat;
      if (chat) chatTypes.set(chat.id, chat.type);
      queue.push(full);
      for (const wake of [...pollWaiters]) wake();
      return full.update_id;
    },
    rateLimitNext(method, count, retryAfterSeconds) {
      const list = faults.get(method) ?? [];
      for (let i = 0; i < count; i += 1) {
        list.push({ code: 429, description: `Too Many Requests: retry after ${retryAfterSeconds}`, retryAfter: retryAfterSeconds });
      }
      faults.set(method, list);
    },
    failNext(method, count, errorCode, description) {
      const list = faults.get(method) ?? [];
      for (let i = 0; i < count; i += 1) list.push({ code: errorCode, description });
      faults.set(method, list);
    },
    stallNext(method, count) {
      stalls.set(method, (stalls.get(method) ?? 0) + count);
    },
    addFile(fileId, content) {
      files.set(fileId, content);
    },
    waitForCall(method, match = () => true, timeoutMs = 10_000) {
      return waitUntil(() => calls.find((c) => c.method === method && match(c)), timeoutMs, method);
    },
    waitForCount(method, count, timeoutMs = 10_000) {
      // Each check reads only the calls made since the last one (a benchmark waits for thousands of calls,
      // and filtering them all on every call cost the echo bot's measurement a sixth of its CPU); statuses
      // are counted only once enough calls of the method were seen, since a fault can still change one.
      const ofMethod: ApiCall[] = [];
      let seen = 0;
      return waitUntil(
        () => {
          for (; seen < calls.length; seen += 1) if (calls[seen]!.method === method) ofMethod.push(calls[seen]!);
          if (ofMethod.length < count) return undefined;
          const done = ofMethod.filter((c) => c.status === 200);
          return done.length >= count ? done : undefined;
        },
        timeoutMs,
        `${count} × ${method}`,
      );
    },
    confirmedOffset: () => offset,
    webhook: () => webhook,
    commandMenus: () => Object.fromEntries(menus),
    goDown,
    async comeBack() {
      const was = outage;
      outage = undefined;
      if (was === 'refuse') await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: () => (outage === 'refuse' ? Promise.resolve() : stopListening()),
  };
}

class ApiFault extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** Reads a Bot API request body: JSON (most calls), multipart (uploads) or a query string. */
function parseBody(
  body: Buffer,
  contentType: string | undefined,
  query: URLSearchParams,
): { payload: Record<string, unknown>; uploads: UploadedFile[] } {
  const payload: Record<string, unknown> = Object.fromEntries(query);
  const uploads: UploadedFile[] = [];
  if (body.length === 0) return { payload, uploads };
  const boundary = /boundary=(.+)$/.exec(contentType ?? '')?.[1];
  if (!contentType?.startsWith('multipart/form-data') || !boundary) {
    return { payload: { ...payload, ...(JSON.parse(body.toString('utf8')) as Record<string, unknown>) }, uploads };
  }
  const attached = new Map<string, { fileName: string; size: number }>();
  for (const part of splitMultipart(body, boundary)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) continue;
    // grammY writes filename=<name> without quotes; browsers and curl quote it.
    const fileName = /filename="([^"]*)"|filename=([^;\r\n]*)/i.exec(headers);
    if (fileName) {
      attached.set(name, { fileName: (fileName[1] ?? fileName[2] ?? '').trim(), size: content.length });
      continue;
    }
    const value = content.toString('utf8');
    payload[name] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  for (const [field, value] of Object.entries(payload)) {
    const id = typeof value === 'string' && value.startsWith('attach://') ? value.slice('attach://'.length) : undefined;
    const file = id ? attached.get(id) : undefined;
    if (file) uploads.push({ field, ...file });
  }
  return { payload, uploads };
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    const end = body.indexOf(delimiter, from);
    if (end < 0) break;
    // Each part sits between "\r\n" after one delimiter and "\r\n" before the next.
    parts.push(body.subarray(from + 2, end - 2));
    start = end;
  }
  return parts;
}

// --- Updates as Telegram sends them ------------------------------------------------------------------

let nextIncomingId = 1;

export type NonChannelChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

export interface MessageOptions {
  from?: User;
  /** Defaults to a private chat with `from`. */
  chat?: NonChannelChat;
  replyTo?: Message;
  extra?: Partial<Message>;
}

/** A message update as a user would send it (text, or any other content through `extra`). */
export function messageUpdate(text: string | undefined, options: MessageOptions = {}): Omit<Update, 'update_id'> {
  const from = options.from ?? ALICE;
  const chat: NonChannelChat = options.chat ?? { id: from.id, type: 'private', first_name: from.first_name };
  const entities = text?.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
  const message = {
    message_id: nextIncomingId++,
    date: Math.floor(Date.now() / 1000),
    chat,
    from,
    ...(text !== undefined ? { text } : {}),
    ...(entities ? { entities } : {}),
    ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
    ...options.extra,
  } as NonNullable<Update['message']>;
  return { message };
}

/** A press on an inline button Pandu sent (in a private chat with `from` unless `chat` is given). */
export function callbackUpdate(data: string, options: { from?: User; chat?: NonChannelChat } = {}): Omit<Update, 'update_id'> {
  const from = options.from ?? ALICE;
  const chat: NonChannelChat = options.chat ?? { id: from.id, type: 'private', first_name: from.first_name };
  const message = { message_id: nextIncomingId++, date: Math.floor(Date.now() / 1000), chat, from: FAKE_BOT, text: 'Pilih:' } as Message & {
    chat: NonChannelChat;
  };
  return { callback_query: { id: `cbq-${nextIncomingId++}`, from, chat_instance: `ci-${chat.id}`, data, message } };
}

export function groupChat(id = -100200300): Chat.SupergroupChat {
  return { id, type: 'supergroup', title: 'Forum Inovasi Daerah' };
}

/** getUpdates' `limit` as Telegram reads it: 1–100, 100 when absent or not a number. */
function updatesLimit(limit: unknown): number {
  const n = Math.trunc(Number(limit ?? 100));
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), 100) : 100;
}
