import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import { lastMenu, type ChannelName, type Reply } from './messages.js';
import type { OfferedMenus } from './sessions.js';

/** How one channel's attempt to deliver went. */
export type ChannelSendResult =
  | { status: 'sent'; messageIds: string[] }
  /** The person blocked Pandu (Telegram 403) or the chat no longer exists: do not try this identity again. */
  | { status: 'blocked'; reason: string }
  /** The channel is down or not connected right now (WhatsApp not CONNECTED); try later or elsewhere. */
  | { status: 'unavailable'; reason: string }
  /** retryAfterMs: the channel said "too many requests, wait this long" (Telegram 429 retry_after). */
  | { status: 'failed'; reason: string; error?: Error; retryable: boolean; retryAfterMs?: number };

/**
 * A channel's way of speaking first. Adapters register one when they are up; the core never imports a
 * channel. Each adapter paces its own sends (Telegram's flood limits, WhatsApp's send queue).
 */
export interface OutboundChannel {
  readonly channel: ChannelName;
  /** Delivers the replies, in order, to one identity (a Telegram user id, a WhatsApp chat id). */
  send(externalId: string, replies: readonly Reply[]): Promise<ChannelSendResult>;
  /** Whether a send could go out now (connected, not in an outage). */
  available(): boolean;
  /**
   * One attempt without the adapter's own waiting out of rate limits: a 429 comes back at once as `failed`
   * with `retryAfterMs`, so a paced sender (broadcasts) can pause its whole lane instead of one message.
   * Channels without it are paced by `send` itself.
   */
  sendOnce?(externalId: string, replies: readonly Reply[]): Promise<ChannelSendResult>;
}

/** The outcome for a person, over every channel tried. */
export interface Delivery {
  /**
   * sent: one channel delivered; blocked: every channel tried refused the person; unreachable: the person
   * has no identity Pandu may write to (never wrote, or no such channel running); failed: a fault.
   */
  status: 'sent' | 'blocked' | 'unreachable' | 'failed';
  channel?: ChannelName;
  messageIds?: string[];
  /** A later attempt may succeed (a fault, a channel that is down), so a job may retry. */
  retryable: boolean;
  attempts: Array<{ channel: ChannelName; status: ChannelSendResult['status']; reason?: string }>;
}

export interface SendOptions {
  /** Only these channels (a broadcast's WhatsApp lane, a test). */
  channels?: readonly ChannelName[];
}

interface IdentityRow {
  id: string;
  channel: string;
  externalId: string;
  lastSeenAt: Date;
  firstMessageAt: Date | null;
  blockedAt: Date | null;
}

/**
 * Messages Pandu sends without being asked (reminders, escalations, announcements, role changes). A
 * person is reached on their preferred channel (the one they chose, else the one they used last); when
 * that fails or is down, on their other linked channel. Pandu writes only to identities whose person has
 * written to it before: Telegram refuses anything else, and WhatsApp bans numbers that message strangers.
 */
export class Outbound {
  private readonly senders = new Map<ChannelName, OutboundChannel>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
    /** Where a sent menu is remembered, so a number typed in reply picks from it (the app passes its sessions). */
    private readonly menus?: OfferedMenus,
  ) {}

  /** Called by a channel when it comes up; the returned function unregisters it (at stop). */
  register(sender: OutboundChannel): () => void {
    this.senders.set(sender.channel, sender);
    return () => {
      if (this.senders.get(sender.channel) === sender) this.senders.delete(sender.channel);
    };
  }

  /** The registered sender of a channel (a broadcast lane sends through one channel it paces itself). */
  sender(channel: ChannelName): OutboundChannel | undefined {
    return this.senders.get(channel);
  }

  /** Channels that could deliver right now. */
  availableChannels(): ChannelName[] {
    return [...this.senders.values()].filter((s) => s.available()).map((s) => s.channel);
  }

  /** The identities a person can be reached on through the channels running here, best first (nothing is sent). */
  async route(userId: string, options: SendOptions = {}): Promise<Array<{ channel: ChannelName; externalId: string; identityId: string }>> {
    return (await this.reachable(userId, options)).filter((i) => this.senders.has(i.channel));
  }

  /**
   * The channels a message to this person would try, in order, whether or not those channels run in this
   * process (the operator's schedule view runs without any).
   */
  async preview(userId: string, options: SendOptions = {}): Promise<ChannelName[]> {
    return (await this.reachable(userId, options)).map((i) => i.channel);
  }

  private async reachable(userId: string, options: SendOptions) {
    const user = await this.db.user.findUnique({
      where: { id: userId },
      select: {
        preferredChannel: true,
        identities: { select: { id: true, channel: true, externalId: true, lastSeenAt: true, firstMessageAt: true, blockedAt: true } },
      },
    });
    if (!user) return [];
    return orderIdentities(user.identities, user.preferredChannel)
      .filter((i) => i.firstMessageAt !== null && i.blockedAt === null)
      .filter((i) => !options.channels || options.channels.includes(i.channel as ChannelName))
      .map((i) => ({ channel: i.channel as ChannelName, externalId: i.externalId, identityId: i.id }));
  }

  /** Sends to a person, falling back to their other channels; never throws. */
  async send(userId: string, replies: readonly Reply[], options: SendOptions = {}): Promise<Delivery> {
    const attempts: Delivery['attempts'] = [];
    let retryable = false;
    let route: Awaited<ReturnType<Outbound['route']>>;
    try {
      route = await this.route(userId, options);
    } catch (error) {
      this.logger.error({ err: error, user: userId }, 'could not look up where to send a message');
      return { status: 'failed', retryable: true, attempts };
    }
    for (const target of route) {
      const sender = this.senders.get(target.channel);
      if (!sender) continue;
      if (!sender.available()) {
        attempts.push({ channel: target.channel, status: 'unavailable', reason: 'channel not connected' });
        retryable = true;
        continue;
      }
      let result: ChannelSendResult;
      try {
        result = await sender.send(target.externalId, replies);
      } catch (error) {
        // Senders should not throw; one that does is a fault like any other, and the next channel is tried.
        result = { status: 'failed', reason: error instanceof Error ? error.message : String(error), retryable: true };
        this.logger.error({ err: error, user: userId, channel: target.channel }, 'outbound send threw');
      }
      if (result.status === 'sent') {
        await this.rememberMenu(userId, replies);
        return {
          status: 'sent',
          channel: target.channel,
          messageIds: result.messageIds,
          retryable: false,
          attempts: [...attempts, { channel: target.channel, status: 'sent' }],
        };
      }
      attempts.push({ channel: target.channel, status: result.status, reason: result.reason });
      if (result.status === 'blocked') await this.markBlocked(target.identityId);
      else retryable ||= result.status === 'unavailable' || result.retryable;
      if (result.status === 'failed') {
        this.logger.warn({ err: result.error, user: userId, channel: target.channel, reason: result.reason }, 'outbound send failed');
      }
    }
    if (attempts.length === 0) return { status: 'unreachable', retryable: false, attempts };
    const status = attempts.every((a) => a.status === 'blocked') ? 'blocked' : 'failed';
    return { status, retryable: status === 'failed' && retryable, attempts };
  }

  /** The last menu of what was sent, as the router remembers a reply's; a failure costs only the typed-number pick. */
  private async rememberMenu(userId: string, replies: readonly Reply[]): Promise<void> {
    const choices = lastMenu(replies);
    if (!choices || !this.menus) return;
    await this.menus.offer(userId, choices, this.clock()).catch((error: unknown) => {
      this.logger.warn({ err: error, user: userId }, 'could not remember the menu sent');
    });
  }

  /** Records that the person blocked Pandu on this identity (Telegram 403); nothing is sent there again. */
  async markBlocked(identityId: string): Promise<void> {
    await this.db.channelIdentity
      .update({ where: { id: identityId }, data: { blockedAt: this.clock() } })
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not record a blocked identity'));
  }
}

/** Preferred channel first, then the identity used most recently. */
export function orderIdentities<T extends IdentityRow>(identities: readonly T[], preferred: string | null): T[] {
  return [...identities].sort((a, b) => {
    const pa = a.channel === preferred ? 0 : 1;
    const pb = b.channel === preferred ? 0 : 1;
    if (pa !== pb) return pa - pb;
    return b.lastSeenAt.getTime() - a.lastSeenAt.getTime();
  });
}
