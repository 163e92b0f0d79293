import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { OutgoingDocument, Reply } from '../core/messages.js';
import type { ChannelSendResult, Outbound } from '../core/outbound.js';
import { sleep, SleepAbortedError, type Timers } from '../core/timers.js';
import type { Translate } from '../i18n/translator.js';
import { RateLimited, RetryLater } from '../jobs/errors.js';
import type { JobContext } from '../jobs/job-kind.js';
import { announcementParts, messageCount, partReply } from './announcement.js';
import type { RecipientStatus } from './broadcast-contract.js';
import type { WhatsAppLane } from './whatsapp-lane.js';

/** One delivery job: a few recipients of one broadcast on one channel (Telegram: a second's worth). */
export const DeliveryPayloadSchema = z.object({ broadcastId: z.string().min(1), recipientIds: z.array(z.string().min(1)).min(1) });
export type DeliveryPayload = z.infer<typeof DeliveryPayloadSchema>;

const MessageIdsSchema = z.array(z.string());

/** Telegram allows about one message a second to one chat: the parts of a long announcement wait this long. */
export const PER_CHAT_GAP_MS = 1_000;
/** How soon a channel that is down here (disconnected, or run by another instance) is looked at again. */
const CHANNEL_DOWN_RETRY_MS = 60_000;

export interface DeliveryDeps {
  db: Db;
  outbound: Outbound;
  t: Translate;
  logger: Logger;
  timers: Timers;
  clock: () => Date;
  /** This instance's name on the rows it claims. */
  owner: string;
  /** How long a claim holds a recipient; past it (the sender died) the row becomes `unknown`. */
  leaseMs: number;
  whatsapp: WhatsAppLane;
  /** Telegram messages per second: this instance never sends faster (the lane's limiter holds it across instances). */
  telegramPerSecond: number;
  /** Attempts after a fault (5xx, network) before the recipient is recorded as failed. */
  maxAttempts: number;
  perChatGapMs?: number;
  /** A recipient reached a final status (the broadcast may be finished). */
  settled(broadcastId: string): Promise<void>;
}

interface Content {
  text: string;
  document?: OutgoingDocument;
}

type Final = Extract<RecipientStatus, 'sent' | 'failed' | 'blocked' | 'opted_out' | 'unreachable' | 'unknown'>;

/** Why a batch stops early: the lane is rate-limited, the channel went away, a fault to retry, or shutdown. */
type Stop =
  | { kind: 'rate'; ms: number; reason: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'retry'; reason: string; error?: Error }
  | { kind: 'stopping' };

/**
 * Delivers one announcement to one recipient, at most once. The recipient row is claimed (`sending`, with
 * this instance's lease) before the first API call; each part delivered is recorded with its message id at
 * once, so a 429 or a fault between parts resumes after the last part sent. A row found `sending` with its
 * lease run out belonged to a sender that died mid-call: it becomes `unknown` and is not sent again.
 */
export class BroadcastDelivery {
  private readonly contents = new Map<string, Content>();
  private nextSlotAt = 0;

  constructor(private readonly d: DeliveryDeps) {}

  async deliver(payload: DeliveryPayload, ctx: JobContext): Promise<string> {
    try {
      return await this.deliverBatch(payload, ctx);
    } finally {
      await this.d.settled(payload.broadcastId);
    }
  }

  private async deliverBatch(payload: DeliveryPayload, ctx: JobContext): Promise<string> {
    const { db, clock, t } = this.d;
    const now = clock();
    const rows = await db.broadcastRecipient.findMany({
      where: { id: { in: payload.recipientIds }, broadcastId: payload.broadcastId },
      include: { user: { select: { announcementsOptOutAt: true } } },
      orderBy: { id: 'asc' },
    });
    for (const row of rows) {
      if (row.status === 'sending' && row.leaseUntil && row.leaseUntil.getTime() < now.getTime())
        await this.recoverExpired(row.id, row.broadcastId);
    }
    let open = rows.filter((r) => r.status === 'pending' || r.status === 'deferred');
    if (open.length === 0) return 'nothing left to send';
    const broadcast = await db.broadcast.findUnique({ where: { id: payload.broadcastId }, select: { state: true } });
    // Paused or cancelled: the rows wait (pause) or were already ended (cancel); resume schedules them anew.
    if (broadcast?.state !== 'sending') return `broadcast ${broadcast?.state ?? 'gone'}`;
    for (const row of open.filter((r) => r.user.announcementsOptOutAt))
      await this.settleUnclaimed(row.id, 'opted_out', t('broadcast.reason.opted_out'));
    for (const row of open.filter((r) => r.channel !== 'telegram' && r.channel !== 'whatsapp')) {
      await this.settleUnclaimed(row.id, 'unreachable', t('broadcast.reason.unreachable'));
    }
    open = open.filter((r) => !r.user.announcementsOptOutAt && (r.channel === 'telegram' || r.channel === 'whatsapp'));
    if (open.length === 0) return 'nobody to send to';
    const channel = open[0]!.channel as 'telegram' | 'whatsapp';
    const sender = this.d.outbound.sender(channel);
    if (!sender || !sender.available()) {
      throw new RetryLater(new Date(now.getTime() + CHANNEL_DOWN_RETRY_MS), `${channel} is not connected in this instance`);
    }
    if (channel === 'whatsapp') {
      const decision = await this.d.whatsapp.decide(now);
      if (decision.kind === 'wait') throw new RetryLater(decision.until, 'WhatsApp gap between announcements');
      if (decision.kind === 'defer') {
        await db.broadcastRecipient.updateMany({
          where: { id: { in: open.map((r) => r.id) }, status: 'pending' },
          data: { status: 'deferred', reason: t('broadcast.reason.deferred') },
        });
        throw new RetryLater(decision.until, "today's WhatsApp allowance is used up");
      }
    }
    const identities = await db.channelIdentity.findMany({
      where: { userId: { in: open.map((r) => r.userId) }, channel, firstMessageAt: { not: null } },
      orderBy: [{ lastSeenAt: 'desc' }],
    });
    const target = new Map<string, (typeof identities)[number]>();
    for (const identity of identities) {
      const best = target.get(identity.userId);
      if (!best || (best.blockedAt && !identity.blockedAt)) target.set(identity.userId, identity);
    }
    const sendable: typeof open = [];
    for (const row of open) {
      const identity = target.get(row.userId);
      if (!identity) await this.settleUnclaimed(row.id, 'unreachable', t('broadcast.reason.no_identity'));
      else if (identity.blockedAt) await this.settleUnclaimed(row.id, 'blocked', t('broadcast.reason.blocked'));
      else sendable.push(row);
    }
    if (sendable.length === 0) return 'nobody reachable';

    await db.broadcastRecipient.updateMany({
      where: { id: { in: sendable.map((r) => r.id) }, status: { in: ['pending', 'deferred'] } },
      data: {
        status: 'sending',
        leaseOwner: this.d.owner,
        leaseUntil: new Date(now.getTime() + this.d.leaseMs),
        claimedAt: now,
        reason: null,
      },
    });
    const mine = new Set(
      (
        await db.broadcastRecipient.findMany({
          where: { id: { in: sendable.map((r) => r.id) }, status: 'sending', leaseOwner: this.d.owner, claimedAt: now },
          select: { id: true },
        })
      ).map((r) => r.id),
    );
    const claimed = sendable.filter((r) => mine.has(r.id));
    if (claimed.length === 0) return 'taken by another sender';
    if (channel === 'whatsapp') {
      const confirmed = await this.d.whatsapp.confirm(claimed[0]!.id, now);
      if (confirmed.kind !== 'go') {
        const deferred = confirmed.kind === 'defer';
        for (const row of claimed)
          await this.release(row.id, deferred ? { status: 'deferred', reason: t('broadcast.reason.deferred') } : undefined);
        throw new RetryLater(
          confirmed.until,
          deferred ? "today's WhatsApp allowance is used up" : 'another WhatsApp announcement went out just now',
        );
      }
    }

    const content = await this.content(payload.broadcastId);
    const parts = announcementParts(content.text, channel, t);
    const send = (sender.sendOnce ?? sender.send).bind(sender);
    // Each message takes the next free slot of this instance's pace, so batches that overlap (the lane runs
    // two) still add up to the configured rate, never to a burst that Telegram answers with 429.
    let stop: Stop | undefined;
    const running: Array<Promise<string>> = [];
    for (const row of claimed) {
      if (!stop && channel === 'telegram' && !(await this.wait(this.nextSlot(), ctx.signal))) stop = { kind: 'stopping' };
      if (stop) {
        await this.release(row.id);
        continue;
      }
      running.push(
        this.sendParts(row, target.get(row.userId)!, parts, content.document, send, ctx).then((result) => {
          if (typeof result === 'string') return result;
          stop ??= result;
          return 'released';
        }),
      );
    }
    const outcomes = await Promise.all(running);
    if (stop?.kind === 'rate') throw new RateLimited(stop.ms, stop.reason);
    if (stop?.kind === 'unavailable') throw new RetryLater(new Date(clock().getTime() + CHANNEL_DOWN_RETRY_MS), stop.reason);
    if (stop?.kind === 'stopping') throw new RetryLater(clock(), 'stopped before the whole batch was sent');
    if (stop?.kind === 'retry') throw new Error(`announcement not delivered (${channel}): ${stop.reason}`, { cause: stop.error });
    return outcomes.join(',');
  }

  /**
   * One recipient's messages, each recorded as soon as it is delivered. Returns the final status, or why
   * the batch must stop (the row is then given back as pending: nothing of it is in flight).
   */
  private async sendParts(
    row: { id: string; partsSent: number; messageIds: unknown },
    identity: { id: string; externalId: string },
    parts: readonly string[],
    document: OutgoingDocument | undefined,
    send: (to: string, replies: readonly Reply[]) => Promise<ChannelSendResult>,
    ctx: JobContext,
  ): Promise<Final | Stop> {
    const { db, clock, t } = this.d;
    const total = messageCount(parts, document);
    const ids = MessageIdsSchema.catch([]).parse(row.messageIds ?? []);
    for (let i = row.partsSent; i < total; i += 1) {
      if (i > row.partsSent && !(await this.wait(this.d.perChatGapMs ?? PER_CHAT_GAP_MS, ctx.signal))) {
        // Stopping between two parts: nothing is in flight, so the rest can go later without a duplicate.
        await this.release(row.id);
        return { kind: 'stopping' };
      }
      let result: ChannelSendResult;
      try {
        result = await send(identity.externalId, [partReply(parts, i, document)]);
      } catch (error) {
        result = { status: 'failed', reason: error instanceof Error ? error.message : String(error), retryable: true };
      }
      if (result.status === 'sent') {
        ids.push(...result.messageIds);
        const last = i + 1 === total;
        const recorded = await db.broadcastRecipient.updateMany({
          where: { id: row.id, status: 'sending', leaseOwner: this.d.owner },
          data: last
            ? { partsSent: i + 1, messageIds: ids, status: 'sent', sentAt: clock(), leaseOwner: null, leaseUntil: null }
            : { partsSent: i + 1, messageIds: ids, leaseUntil: new Date(clock().getTime() + this.d.leaseMs) },
        });
        if (recorded.count !== 1) {
          ctx.logger.error({ recipient: row.id }, 'lost the claim on a broadcast recipient while sending; it stays as recorded');
          return 'unknown';
        }
        continue;
      }
      if (result.status === 'blocked') {
        await this.d.outbound.markBlocked(identity.id);
        return this.settleClaimed(row.id, 'blocked', t('broadcast.reason.blocked'));
      }
      if (result.status === 'unavailable') {
        await this.release(row.id);
        return { kind: 'unavailable', reason: result.reason };
      }
      if (result.retryAfterMs !== undefined) {
        // The whole lane pauses (every instance on BullMQ); this recipient goes again after the pause.
        await this.release(row.id);
        return { kind: 'rate', ms: result.retryAfterMs, reason: result.reason };
      }
      if (result.retryable && ctx.attempt < this.d.maxAttempts) {
        await this.release(row.id);
        return { kind: 'retry', reason: result.reason, ...(result.error ? { error: result.error } : {}) };
      }
      ctx.logger.warn({ err: result.error, recipient: row.id, reason: result.reason }, 'announcement could not be delivered');
      return this.settleClaimed(row.id, 'failed', t('broadcast.reason.failed', { detail: result.reason }));
    }
    return 'sent';
  }

  /** How long until this instance's next Telegram send slot (slots are 1/pace apart), and takes it. */
  private nextSlot(): number {
    const now = this.d.timers.now();
    const at = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = at + 1000 / this.d.telegramPerSecond;
    return at - now;
  }

  /** Waits unless the dispatcher is stopping; false when it is. */
  private async wait(ms: number, signal: AbortSignal): Promise<boolean> {
    try {
      await sleep(this.d.timers, ms, signal);
      return true;
    } catch (error) {
      if (error instanceof SleepAbortedError) return false;
      throw error;
    }
  }

  /** A row left `sending` past its lease: its sender died mid-call. Never sent again automatically. */
  async recoverExpired(recipientId: string, broadcastId: string): Promise<void> {
    const now = this.d.clock();
    const result = await this.d.db.broadcastRecipient.updateMany({
      where: { id: recipientId, status: 'sending', leaseUntil: { lt: now } },
      data: { status: 'unknown', leaseOwner: null, leaseUntil: null, reason: this.d.t('broadcast.reason.unknown') },
    });
    if (result.count === 1) await this.d.settled(broadcastId);
  }

  /** Content never changes after creation, so each instance reads a broadcast's text and document once. */
  private async content(broadcastId: string): Promise<Content> {
    let content = this.contents.get(broadcastId);
    if (!content) {
      const b = await this.d.db.broadcast.findUniqueOrThrow({
        where: { id: broadcastId },
        select: { text: true, documentName: true, documentMime: true, documentData: true },
      });
      content = {
        text: b.text,
        ...(b.documentName && b.documentData
          ? {
              document: {
                fileName: b.documentName,
                mimeType: b.documentMime ?? 'application/octet-stream',
                data: Buffer.from(b.documentData),
              },
            }
          : {}),
      };
      if (this.contents.size >= 8) this.contents.delete(this.contents.keys().next().value!);
      this.contents.set(broadcastId, content);
    }
    return content;
  }

  /** Gives a claim back: nothing is in flight, so the row may be sent later without a duplicate. */
  private async release(recipientId: string, as?: { status: 'deferred'; reason: string }): Promise<void> {
    await this.d.db.broadcastRecipient.updateMany({
      where: { id: recipientId, status: 'sending', leaseOwner: this.d.owner },
      data: { status: as?.status ?? 'pending', ...(as ? { reason: as.reason } : {}), leaseOwner: null, leaseUntil: null },
    });
  }

  private async settleClaimed(recipientId: string, status: Final, reason: string | null): Promise<Final> {
    await this.d.db.broadcastRecipient.updateMany({
      where: { id: recipientId, status: 'sending', leaseOwner: this.d.owner },
      data: { status, reason, leaseOwner: null, leaseUntil: null },
    });
    return status;
  }

  private async settleUnclaimed(recipientId: string, status: Final, reason: string): Promise<Final> {
    await this.d.db.broadcastRecipient.updateMany({
      where: { id: recipientId, status: { in: ['pending', 'deferred'] } },
      data: { status, reason },
    });
    return status;
  }
}
