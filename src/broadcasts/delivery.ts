import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { ChannelName, OutgoingDocument } from '../core/messages.js';
import type { ChannelSendResult, Outbound } from '../core/outbound.js';
import { sleep, SleepAbortedError, type Timers } from '../core/timers.js';
import type { Translate } from '../i18n/translator.js';
import { RateLimited, RetryLater } from '../jobs/errors.js';
import type { JobContext } from '../jobs/job-kind.js';
import { announcementParts, messageCount, partReply } from './announcement.js';
import type { RecipientStatus } from './broadcast-contract.js';
import type { WhatsAppLane } from './whatsapp-lane.js';

export const DeliveryPayloadSchema = z.object({ broadcastId: z.string().min(1), recipientId: z.string().min(1) });
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

/**
 * Delivers one announcement to one recipient, at most once. The recipient row is claimed (`sending`, with
 * this instance's lease) before the first API call; each part delivered is recorded with its message id at
 * once, so a 429 or a fault between parts resumes after the last part sent. A row found `sending` with its
 * lease run out belonged to a sender that died mid-call: it becomes `unknown` and is not sent again.
 */
export class BroadcastDelivery {
  private readonly contents = new Map<string, Content>();

  constructor(private readonly d: DeliveryDeps) {}

  async deliver(payload: DeliveryPayload, ctx: JobContext): Promise<string> {
    const { db, clock } = this.d;
    const row = await db.broadcastRecipient.findUnique({
      where: { id: payload.recipientId },
      include: { broadcast: { select: { state: true } }, user: { select: { announcementsOptOutAt: true } } },
    });
    if (!row) return 'recipient gone';
    if (row.status === 'sending') {
      if (row.leaseUntil && row.leaseUntil.getTime() < clock().getTime()) await this.recoverExpired(row.id, row.broadcastId);
      return 'in flight or interrupted';
    }
    if (row.status !== 'pending' && row.status !== 'deferred') return row.status;
    // Paused or cancelled: the row waits (pause) or was already ended (cancel); resume schedules it anew.
    if (row.broadcast.state !== 'sending') return `broadcast ${row.broadcast.state}`;
    if (row.user.announcementsOptOutAt)
      return this.settleUnclaimed(row.id, row.broadcastId, 'opted_out', this.d.t('broadcast.reason.opted_out'));
    const channel = row.channel as ChannelName | null;
    if (channel !== 'telegram' && channel !== 'whatsapp') {
      return this.settleUnclaimed(row.id, row.broadcastId, 'unreachable', this.d.t('broadcast.reason.unreachable'));
    }
    const now = clock();
    const sender = this.d.outbound.sender(channel);
    if (!sender || !sender.available()) {
      throw new RetryLater(new Date(now.getTime() + CHANNEL_DOWN_RETRY_MS), `${channel} is not connected in this instance`);
    }
    if (channel === 'whatsapp') {
      const decision = await this.d.whatsapp.decide(now);
      if (decision.kind === 'wait') throw new RetryLater(decision.until, 'WhatsApp gap between announcements');
      if (decision.kind === 'defer') {
        await db.broadcastRecipient.updateMany({
          where: { id: row.id, status: 'pending' },
          data: { status: 'deferred', reason: this.d.t('broadcast.reason.deferred') },
        });
        throw new RetryLater(decision.until, "today's WhatsApp allowance is used up");
      }
    }
    const identity = await db.channelIdentity.findFirst({
      where: { userId: row.userId, channel, firstMessageAt: { not: null } },
      orderBy: [{ blockedAt: { sort: 'asc', nulls: 'first' } }, { lastSeenAt: 'desc' }],
    });
    if (!identity) return this.settleUnclaimed(row.id, row.broadcastId, 'unreachable', this.d.t('broadcast.reason.no_identity'));
    if (identity.blockedAt) return this.settleUnclaimed(row.id, row.broadcastId, 'blocked', this.d.t('broadcast.reason.blocked'));

    const claimed = await db.broadcastRecipient.updateMany({
      where: { id: row.id, status: { in: ['pending', 'deferred'] } },
      data: {
        status: 'sending',
        leaseOwner: this.d.owner,
        leaseUntil: new Date(now.getTime() + this.d.leaseMs),
        claimedAt: now,
        reason: null,
      },
    });
    if (claimed.count !== 1) return 'taken by another sender';
    if (channel === 'whatsapp') {
      const confirmed = await this.d.whatsapp.confirm(row.id, now);
      if (confirmed.kind !== 'go') {
        const deferred = confirmed.kind === 'defer';
        await this.release(row.id, deferred ? { status: 'deferred', reason: this.d.t('broadcast.reason.deferred') } : undefined);
        throw new RetryLater(
          confirmed.until,
          deferred ? "today's WhatsApp allowance is used up" : 'another WhatsApp announcement went out just now',
        );
      }
    }

    const content = await this.content(row.broadcastId);
    const parts = announcementParts(content.text, channel, this.d.t);
    const total = messageCount(parts, content.document);
    const ids = MessageIdsSchema.catch([]).parse(row.messageIds ?? []);
    const send = (sender.sendOnce ?? sender.send).bind(sender);
    for (let i = row.partsSent; i < total; i += 1) {
      if (i > row.partsSent) {
        try {
          await sleep(this.d.timers, this.d.perChatGapMs ?? PER_CHAT_GAP_MS, ctx.signal);
        } catch (error) {
          if (!(error instanceof SleepAbortedError)) throw error;
          // Stopping between two parts: nothing is in flight, so the rest can go later without a duplicate.
          await this.release(row.id);
          throw new RetryLater(clock(), 'stopped between two parts of an announcement');
        }
      }
      let result: ChannelSendResult;
      try {
        result = await send(identity.externalId, [partReply(parts, i, content.document)]);
      } catch (error) {
        result = { status: 'failed', reason: error instanceof Error ? error.message : String(error), retryable: true };
      }
      if (result.status === 'sent') {
        ids.push(...result.messageIds);
        const recorded = await db.broadcastRecipient.updateMany({
          where: { id: row.id, status: 'sending', leaseOwner: this.d.owner },
          data: { partsSent: i + 1, messageIds: ids, leaseUntil: new Date(clock().getTime() + this.d.leaseMs) },
        });
        if (recorded.count !== 1) {
          ctx.logger.error({ recipient: row.id }, 'lost the claim on a broadcast recipient while sending; it stays as recorded');
          return 'claim lost';
        }
        continue;
      }
      if (result.status === 'blocked') {
        await this.d.outbound.markBlocked(identity.id);
        return this.settleClaimed(row.id, row.broadcastId, 'blocked', this.d.t('broadcast.reason.blocked'));
      }
      if (result.status === 'unavailable') {
        await this.release(row.id);
        throw new RetryLater(new Date(clock().getTime() + CHANNEL_DOWN_RETRY_MS), result.reason);
      }
      if (result.retryAfterMs !== undefined) {
        // The whole lane pauses (every instance on BullMQ); this recipient goes again after the pause.
        await this.release(row.id);
        throw new RateLimited(result.retryAfterMs, result.reason);
      }
      if (result.retryable && ctx.attempt < this.d.maxAttempts) {
        await this.release(row.id);
        throw new Error(`announcement not delivered (${channel}): ${result.reason}`, { cause: result.error });
      }
      ctx.logger.warn({ err: result.error, recipient: row.id, reason: result.reason }, 'announcement could not be delivered');
      return this.settleClaimed(row.id, row.broadcastId, 'failed', this.d.t('broadcast.reason.failed', { detail: result.reason }));
    }
    return this.settleClaimed(row.id, row.broadcastId, 'sent', null);
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

  private async settleClaimed(recipientId: string, broadcastId: string, status: Final, reason: string | null): Promise<string> {
    const now = this.d.clock();
    await this.d.db.broadcastRecipient.updateMany({
      where: { id: recipientId, status: 'sending', leaseOwner: this.d.owner },
      data: { status, reason, leaseOwner: null, leaseUntil: null, ...(status === 'sent' ? { sentAt: now } : {}) },
    });
    await this.d.settled(broadcastId);
    return status;
  }

  private async settleUnclaimed(recipientId: string, broadcastId: string, status: Final, reason: string): Promise<string> {
    await this.d.db.broadcastRecipient.updateMany({
      where: { id: recipientId, status: { in: ['pending', 'deferred'] } },
      data: { status, reason },
    });
    await this.d.settled(broadcastId);
    return status;
  }
}
