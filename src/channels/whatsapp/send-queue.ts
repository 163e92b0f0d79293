import { scrubbingChild, type Logger } from '../../logger.js';
import { chatRef, whatsappErrScrubbing } from './chat-ref.js';
import type { Timers } from '../../core/timers.js';

/**
 * At most one send starts per this many milliseconds across all chats (≈ 200 a minute). WhatsApp
 * publishes no limits for a linked-device (whatsapp-web.js) number and flags numbers whose traffic
 * looks automated, so the cap is kept well below anything a busy human sender reaches with several
 * chats open, while still serving about five chats at a 1.5 s per-chat gap without slowing any of them.
 */
export const DEFAULT_GLOBAL_GAP_MS = 300;

/**
 * Sends allowed to wait at once. At the global cap that is about 2½ minutes of backlog; beyond that a
 * new answer would arrive so late that refusing it (and logging) is better than growing without bound.
 */
export const DEFAULT_MAX_PENDING = 500;

export interface SendQueueOptions {
  /** At least this long (plus jitter) between two messages to the same chat (WHATSAPP_MIN_GAP_MS). */
  minGapMs: number;
  /** At least this long between the starts of any two sends, whichever chats they go to. */
  globalGapMs?: number;
  /** Most sends queued or in flight at once; further ones are refused. */
  maxPending?: number;
  timers: Timers;
  logger: Logger;
  /** Source of jitter (0 ≤ x < 1); tests pass a constant. */
  random?: () => number;
  /** Jitter on top of the per-chat gap, as a fraction of minGapMs. */
  jitterRatio?: number;
  /** Pause before the one retry of a failed send. */
  retryPauseMs?: number;
}

/** Facts about a send the queue needs and logs (never the message text: it may be personal). */
export interface SendLabel {
  /** Keys the chat's lane; logged only as its hash (chatRef), because it is a phone number. */
  chatId: string;
  kind: string;
}

interface PendingSend {
  label: SendLabel;
  send: () => Promise<unknown>;
  /** Whether it already failed once (the next failure gives it up). */
  failedOnce: boolean;
  settle: (sent: boolean) => void;
}

/** One chat's sends, strictly in order. */
interface ChatLane {
  waiting: PendingSend[];
  /** A send to this chat is under way; the next one waits for it, so messages cannot overtake. */
  busy: boolean;
  /** The next send to this chat may not start before this: the per-chat gap, or the retry pause. */
  notBefore: number;
  /** When the lane's first waiting send became ready, for choosing fairly between chats. */
  readySince: number;
}

/**
 * Every outgoing WhatsApp message goes through this queue. WhatsApp flags numbers that send bursts, so:
 * - each chat has its own lane: its messages leave in order, one at a time, at least `minGapMs` (plus
 *   a little random jitter, so the rhythm does not look machine-made) apart;
 * - across chats, sends start at most once per `globalGapMs`, the lane waiting longest going first,
 *   so one chat's long answer is interleaved with other chats' instead of holding them up;
 * - at most `maxPending` sends wait; beyond that new ones are refused with a log line.
 * A failed send is retried once after a pause (holding only its own chat) and then given up with a log
 * line; the queue never rejects, so a fault cannot stop the adapter or the messages queued behind it.
 */
export class SendQueue {
  private readonly lanes = new Map<string, ChatLane>();
  /** Sends queued or in flight. */
  private size = 0;
  private globalNotBefore = Number.NEGATIVE_INFINITY;
  private cancelWake: (() => void) | undefined;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private readonly globalGapMs: number;
  private readonly maxPending: number;
  private readonly random: () => number;
  private readonly jitterRatio: number;
  private readonly retryPauseMs: number;
  private readonly log: Logger;

  constructor(private readonly options: SendQueueOptions) {
    // Send errors from whatsapp-web.js quote the chat id, that is the phone number.
    this.log = scrubbingChild(options.logger, {}, whatsappErrScrubbing);
    this.globalGapMs = options.globalGapMs ?? DEFAULT_GLOBAL_GAP_MS;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    this.random = options.random ?? Math.random;
    this.jitterRatio = options.jitterRatio ?? 0.25;
    this.retryPauseMs = options.retryPauseMs ?? 5_000;
  }

  /**
   * Whether `count` more sends fit. The adapter asks before queueing the parts of one answer (in the
   * same tick), so an answer is sent whole or refused whole, never cut off in the middle.
   */
  hasRoom(count: number): boolean {
    return this.size + count <= this.maxPending;
  }

  /** Queues a send. Resolves true once it went out, false if it failed twice or was refused (full or closed). */
  enqueue(label: SendLabel, send: () => Promise<unknown>): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.size >= this.maxPending) {
      this.log.warn({ chat: chatRef(label.chatId), kind: label.kind, pending: this.size }, 'WhatsApp send queue full; message not sent');
      return Promise.resolve(false);
    }
    this.size += 1;
    const now = this.options.timers.now();
    let lane = this.lanes.get(label.chatId);
    if (!lane) {
      lane = { waiting: [], busy: false, notBefore: Number.NEGATIVE_INFINITY, readySince: now };
      this.lanes.set(label.chatId, lane);
    }
    if (lane.waiting.length === 0) lane.readySince = now;
    const queued = lane;
    return new Promise<boolean>((resolve) => {
      queued.waiting.push({ label, send, failedOnce: false, settle: resolve });
      this.pump();
    });
  }

  /** Resolves when nothing is queued or in flight any more. */
  drain(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses new sends (at shutdown); already queued ones still go out. */
  close(): void {
    this.closed = true;
  }

  /** Starts every send that may start now, and sets one timer for the next that may start later. */
  private pump(): void {
    this.cancelWake?.();
    this.cancelWake = undefined;
    const now = this.options.timers.now();
    for (;;) {
      const next = this.nextLane(now);
      if (!next) return;
      const at = Math.max(next.at, this.globalNotBefore);
      if (at > now) {
        this.cancelWake = this.options.timers.schedule(() => {
          this.cancelWake = undefined;
          this.pump();
        }, at - now);
        return;
      }
      this.start(next.lane, now);
    }
  }

  /** The idle lane with something waiting that became ready first; forgets lanes with nothing left to pace. */
  private nextLane(now: number): { lane: ChatLane; at: number } | undefined {
    let best: { lane: ChatLane; at: number } | undefined;
    for (const [chatId, lane] of this.lanes) {
      if (lane.busy) continue;
      if (lane.waiting.length === 0) {
        if (lane.notBefore <= now) this.lanes.delete(chatId);
        continue;
      }
      const at = Math.max(lane.notBefore, lane.readySince);
      if (!best || at < best.at) best = { lane, at };
    }
    return best;
  }

  private start(lane: ChatLane, now: number): void {
    const item = lane.waiting.shift()!;
    lane.busy = true;
    this.globalNotBefore = now + this.globalGapMs;
    void this.attempt(item).then((error) => {
      const end = this.options.timers.now();
      lane.busy = false;
      const log = { chat: chatRef(item.label.chatId), kind: item.label.kind };
      if (error !== undefined && !item.failedOnce) {
        this.log.warn({ ...log, err: error.thrown }, 'WhatsApp send failed; retrying once');
        item.failedOnce = true;
        lane.waiting.unshift(item);
        lane.notBefore = end + Math.max(this.retryPauseMs, this.gap());
      } else {
        if (error !== undefined) this.log.error({ ...log, err: error.thrown }, 'WhatsApp send failed twice; message dropped');
        lane.notBefore = end + this.gap();
        this.finish(item, error === undefined);
      }
      lane.readySince = end;
      this.pump();
    });
  }

  /** Runs one send; resolves with what it threw, or undefined when it went out. */
  private async attempt(item: PendingSend): Promise<{ thrown: unknown } | undefined> {
    try {
      await item.send();
      return undefined;
    } catch (thrown) {
      return { thrown };
    }
  }

  private finish(item: PendingSend, sent: boolean): void {
    this.size -= 1;
    item.settle(sent);
    if (this.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  private gap(): number {
    const { minGapMs } = this.options;
    return minGapMs + this.random() * minGapMs * this.jitterRatio;
  }
}
