import type { BackoffPolicy } from '../../core/backoff.js';
import { KeyedLock } from '../../core/keyed-lock.js';
import type { IncomingMessage, OutgoingDocument, Reply } from '../../core/messages.js';
import type { ChannelSendResult } from '../../core/outbound.js';
import { realTimers, type Timers } from '../../core/timers.js';
import type { Translate } from '../../i18n/translator.js';
import { scrubbingChild, type Logger } from '../../logger.js';
import { DEFAULT_CATCH_UP, unansweredMessages, type CatchUpSettings } from './catch-up.js';
import { chatRef, whatsappErrScrubbing } from './chat-ref.js';
import { ContactDirectory } from './contacts.js';
import type { LockOwnerProbe } from './profile-lock.js';
import type { QrOutput } from './qr-output.js';
import { RecentIds } from './recent-ids.js';
import { renderReply, type WaOutgoing } from './render-reply.js';
import { SendQueue } from './send-queue.js';
import type { WatchdogSettings } from './session-watchdog.js';
import { toIncoming } from './to-incoming.js';
import type { WaClientLike, WaMediaLike, WaMessageLike } from './wa-client.js';
import { WaConnection, type OperatorNotice } from './wa-connection.js';
import { PairingNotAwaited } from '../../ops/channel-controls.js';

export interface WhatsAppAdapterOptions {
  client: WaClientLike;
  /** The core: the app's router. */
  handle: (msg: IncomingMessage) => Promise<Reply[]>;
  t: Translate;
  logger: Logger;
  /** Minimum pause between two outgoing messages to the same chat (WHATSAPP_MIN_GAP_MS). */
  minGapMs: number;
  /** Minimum pause between any two sends across chats; default DEFAULT_GLOBAL_GAP_MS. */
  globalGapMs?: number;
  /** Most sends waiting at once; default DEFAULT_MAX_PENDING. */
  maxPendingSends?: number;
  /** Wraps a document in the client's media class (whatsapp-web.js only sends its own MessageMedia). */
  toMedia: (document: OutgoingDocument) => WaMediaLike;
  qr: QrOutput;
  notice: OperatorNotice;
  sessionDir: string;
  clearSession?: () => Promise<void>;
  timers?: Timers;
  /** Jitter source for pacing. */
  random?: () => number;
  /** Pause before retrying a failed send. */
  retryPauseMs?: number;
  backoff?: BackoffPolicy;
  watchdog?: Partial<WatchdogSettings>;
  catchUp?: Partial<CatchUpSettings>;
  lockProbe?: LockOwnerProbe;
  /** How long stop() waits for replies still being written or sent. */
  drainTimeoutMs?: number;
  /** Every state the session enters (see WaConnectionOptions.onState). */
  onState?: (state: string, qr?: string) => void;
}

/**
 * Pandu on WhatsApp: translates incoming whatsapp-web.js messages into IncomingMessage (naming the
 * person by their stable id, see ContactDirectory), hands them to the core, and sends the replies back
 * through the send queue (paced per chat and overall). Whenever the session becomes ready it also
 * answers what arrived while Pandu was away. It holds no business state; the connection (QR, reconnects,
 * dead sessions) is looked after by WaConnection.
 */
export class WhatsAppAdapter {
  private readonly log: Logger;
  private readonly timers: Timers;
  private readonly recent: RecentIds;
  private readonly queue: SendQueue;
  private readonly connection: WaConnection;
  private readonly contacts: ContactDirectory;
  /** A person's messages are answered one after another, in the order they were written. */
  private readonly chats = new KeyedLock();
  private readonly catchUp: CatchUpSettings;
  /** The catch-up in progress, and whether another 'ready' asked for one meanwhile. */
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain = false;
  private stopping = false;

  constructor(private readonly options: WhatsAppAdapterOptions) {
    this.log = scrubbingChild(options.logger, { channel: 'whatsapp' }, whatsappErrScrubbing);
    this.timers = options.timers ?? realTimers;
    this.recent = new RecentIds(this.timers);
    this.catchUp = { ...DEFAULT_CATCH_UP, ...options.catchUp };
    this.queue = new SendQueue({
      minGapMs: options.minGapMs,
      globalGapMs: options.globalGapMs,
      maxPending: options.maxPendingSends,
      timers: this.timers,
      logger: this.log,
      random: options.random,
      retryPauseMs: options.retryPauseMs,
    });
    this.contacts = new ContactDirectory({ client: options.client, timers: this.timers, logger: this.log });
    this.connection = new WaConnection({
      client: options.client,
      logger: this.log,
      timers: this.timers,
      qr: options.qr,
      notice: options.notice,
      sessionDir: options.sessionDir,
      clearSession: options.clearSession,
      backoff: options.backoff,
      watchdog: options.watchdog,
      lockProbe: options.lockProbe,
      onReady: () => this.answerWhatArrivedMeanwhile(),
      onState: options.onState,
    });
  }

  /** Starts listening and connecting; returns at once (the QR may still be waiting for a scan). */
  start(): void {
    this.options.client.on('message', this.onMessage);
    this.connection.start();
  }

  /** Stops taking messages, lets replies in progress go out (up to drainTimeoutMs), then closes the browser. */
  /** Whether WhatsApp is connected, so a message Pandu sends first could go out now. */
  isReady(): boolean {
    return !this.stopping && this.connection.isReady();
  }

  /** The last state the session entered (CONNECTED, QR, UNPAIRED, …). */
  state(): string {
    return this.connection.state();
  }

  /** A pairing code for the phone with this number (see WaClientLike.requestPairingCode). */
  async pairingCode(phoneNumber: string): Promise<string> {
    const client = this.options.client;
    if (!client.requestPairingCode) throw new Error('this WhatsApp client cannot pair by phone number');
    if (this.connection.state() !== 'QR') throw new PairingNotAwaited(this.connection.state());
    return client.requestPairingCode(phoneNumber, true);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.options.client.off('message', this.onMessage);
    const idle = this.chats.idle().then(() => this.queue.drain());
    await this.atMost(idle, this.options.drainTimeoutMs ?? 5_000);
    this.queue.close();
    await this.connection.stop();
  }

  private readonly onMessage = (msg: WaMessageLike): void => {
    void this.receive(msg);
  };

  private async receive(msg: WaMessageLike): Promise<void> {
    if (this.stopping) return;
    let incoming: IncomingMessage | undefined;
    try {
      incoming = toIncoming(msg);
    } catch (error) {
      this.log.error({ err: error }, 'unreadable WhatsApp message ignored');
      return;
    }
    if (!incoming) return;
    if (incoming.messageId && !this.recent.firstTime(incoming.messageId)) {
      this.log.debug({ chat: chatRef(msg.from) }, 'repeated WhatsApp message ignored');
      return;
    }
    const read = incoming;
    // Keyed by the chat, before the contact lookup, so a quick second message cannot overtake the first.
    await this.chats.run(msg.from, async () => {
      const { senderId, aliases, displayName } = await this.contacts.identify(msg);
      await this.answer(msg.from, {
        ...read,
        senderId,
        ...(aliases.length > 0 ? { senderAliases: aliases } : {}),
        ...(displayName ? { displayName } : {}),
      });
    });
  }

  /** Replies go to the chat the message came from; the person is named by their stable id. */
  private async answer(chatId: string, incoming: IncomingMessage): Promise<void> {
    let replies: Reply[];
    try {
      replies = await this.options.handle(incoming);
    } catch (error) {
      // The router already turns faults into an apology; this catches anything that slips past it.
      this.log.error({ chat: chatRef(chatId), err: error }, 'handling a WhatsApp message failed');
      replies = [{ text: this.options.t('whatsapp.error') }];
    }
    const outgoing = replies.flatMap((reply) => renderReply(reply, this.options.t));
    if (!this.queue.hasRoom(outgoing.length)) {
      // Refuse the newest answer whole rather than drop queued ones: every queued send is someone's
      // answer already under way, and dropping parts of it would leave that person with half an answer.
      this.log.warn({ chat: chatRef(chatId), parts: outgoing.length }, 'WhatsApp send queue full; answer not sent');
      return;
    }
    await Promise.all(outgoing.map((out) => this.send(chatId, out)));
  }

  /**
   * Answers the unread messages that came while Pandu was down or reconnecting. Runs in the background
   * (one at a time; a 'ready' during a run asks for another), through the same path as live messages.
   */
  private answerWhatArrivedMeanwhile(): void {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        try {
          const missed = await unansweredMessages(this.options.client, this.timers, this.log, this.catchUp);
          if (missed.length > 0)
            this.log.info({ messages: missed.length }, 'answering WhatsApp messages that arrived while Pandu was away');
          await Promise.all(missed.map((msg) => this.receive(msg)));
        } catch (error) {
          this.log.warn({ err: error }, 'could not look for WhatsApp messages that arrived while Pandu was away');
        }
      } while (this.catchUpAgain && !this.stopping);
    })().finally(() => (this.catchingUp = undefined));
  }

  /**
   * A message Pandu sends first (reminder, announcement), through the same paced queue as answers. It is
   * refused while WhatsApp is not connected, so the job layer tries again later instead of losing it.
   */
  async deliver(chatId: string, replies: readonly Reply[]): Promise<ChannelSendResult> {
    if (this.stopping || !this.connection.isReady()) return { status: 'unavailable', reason: 'WhatsApp is not connected' };
    const outgoing = replies.flatMap((reply) => renderReply(reply, this.options.t));
    if (!this.queue.hasRoom(outgoing.length)) return { status: 'unavailable', reason: 'WhatsApp send queue full' };
    const { client } = this.options;
    const ids: string[] = [];
    const record = (message: unknown) => {
      const id = messageIdOf(message);
      if (id) ids.push(id);
      return message;
    };
    let delivered = 0;
    for (const out of outgoing) {
      // In order, one after the other: the parts of one message must not overtake each other.
      const sent = await this.queue.enqueue({ chatId, kind: out.kind }, () =>
        out.kind === 'text'
          ? client.sendMessage(chatId, out.text).then(record)
          : client
              .sendMessage(chatId, this.options.toMedia(out.document), {
                sendMediaAsDocument: true,
                ...(out.document.caption ? { caption: out.document.caption } : {}),
              })
              .then(record),
      );
      if (!sent) {
        // Nothing went out: safe to try again. Some parts went out: trying again would repeat them.
        return delivered === 0
          ? { status: 'failed', reason: 'WhatsApp send failed', retryable: true }
          : { status: 'failed', reason: `WhatsApp send failed after ${delivered} of ${outgoing.length} parts`, retryable: false };
      }
      delivered += 1;
    }
    return { status: 'sent', messageIds: ids };
  }

  private async send(chatId: string, out: WaOutgoing): Promise<void> {
    const { client } = this.options;
    if (out.kind === 'text') {
      await this.queue.enqueue({ chatId, kind: 'text' }, () => client.sendMessage(chatId, out.text));
      return;
    }
    const { document } = out;
    const sent = await this.queue.enqueue({ chatId, kind: 'document' }, () =>
      client.sendMessage(chatId, this.options.toMedia(document), {
        sendMediaAsDocument: true,
        ...(document.caption ? { caption: document.caption } : {}),
      }),
    );
    if (!sent) {
      const state = await client.getState().catch(() => undefined);
      this.log.error({ chat: chatRef(chatId), fileName: document.fileName, state }, 'WhatsApp document not delivered; apologising');
      await this.queue.enqueue({ chatId, kind: 'text' }, () => client.sendMessage(chatId, this.options.t('whatsapp.document_failed')));
    }
  }

  private atMost(work: Promise<unknown>, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = this.timers.schedule(() => {
        this.log.warn({ ms }, 'WhatsApp replies still pending at shutdown; stopping anyway');
        resolve();
      }, ms);
      void work.then(() => {
        cancel();
        resolve();
      });
    });
  }
}

/** whatsapp-web.js's Message id (`id._serialized`), when the send returned a message. */
function messageIdOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null || !('id' in message)) return undefined;
  const id = (message as { id?: { _serialized?: unknown } }).id?._serialized;
  return typeof id === 'string' ? id : undefined;
}
