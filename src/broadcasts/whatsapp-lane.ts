import type { Db } from '../db/client.js';
import { addDays } from '../core/time/local-date.js';
import { atLocalTime, todayIn } from '../core/time/zoned.js';

export interface WhatsAppLaneSettings {
  /** A random gap in [minGapMs, maxGapMs] separates two announcements (bulk-looking bursts get numbers banned). */
  minGapMs: number;
  maxGapMs: number;
  /** Announcements a day; the rest is deferred to the next morning. */
  dailyCap: number;
  /** Whose calendar "a day" is (default WIB). */
  zone?: string;
  /** Local hour deferred announcements go out the next day (default 8). */
  morningHour?: number;
}

export type LaneDecision = { kind: 'go' } | { kind: 'wait'; until: Date } | { kind: 'defer'; until: Date };

/** Rows that took a slot of the lane: claimed for sending, whatever became of them. */
const TOOK_A_SLOT = ['sending', 'sent', 'unknown', 'failed', 'blocked'];

/**
 * The slow lane's rules, read from the outbox itself (the announcements claimed on WhatsApp), so they hold
 * across restarts: how long since the last one went out, and how many went out today.
 */
export class WhatsAppLane {
  private readonly gaps = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly settings: WhatsAppLaneSettings,
    private readonly random: () => number = Math.random,
  ) {}

  /** Before claiming: whether the next announcement may go now (a cheap look; `confirm` decides). */
  async decide(now: Date): Promise<LaneDecision> {
    const sentToday = await this.db.broadcastRecipient.count({
      where: { channel: 'whatsapp', claimedAt: { gte: this.dayStart(now) }, status: { in: TOOK_A_SLOT } },
    });
    if (sentToday >= this.settings.dailyCap) return this.defer(now);
    const last = await this.db.broadcastRecipient.findFirst({
      where: { channel: 'whatsapp', claimedAt: { not: null }, status: { in: TOOK_A_SLOT } },
      orderBy: { claimedAt: 'desc' },
      select: { claimedAt: true },
    });
    if (!last?.claimedAt) return { kind: 'go' };
    const until = last.claimedAt.getTime() + this.gapAfter(last.claimedAt.getTime());
    return until <= now.getTime() ? { kind: 'go' } : { kind: 'wait', until: new Date(until) };
  }

  /**
   * After claiming (the row is `sending` with claimedAt = now): senders on several instances may have
   * looked at the same moment, so the claims are ranked by (claimedAt, id) and only the first within a gap,
   * and within the day's cap, goes. The others give their claim back.
   */
  async confirm(recipientId: string, claimedAt: Date): Promise<LaneDecision> {
    const before = {
      channel: 'whatsapp',
      status: { in: TOOK_A_SLOT },
      id: { not: recipientId },
      OR: [{ claimedAt: { lt: claimedAt } }, { claimedAt, id: { lt: recipientId } }],
    };
    const earlierToday = await this.db.broadcastRecipient.count({ where: { ...before, claimedAt: { gte: this.dayStart(claimedAt) } } });
    if (earlierToday >= this.settings.dailyCap) return this.defer(claimedAt);
    const previous = await this.db.broadcastRecipient.findFirst({
      where: { ...before, claimedAt: { gt: new Date(claimedAt.getTime() - this.settings.minGapMs), lte: claimedAt } },
      orderBy: { claimedAt: 'desc' },
      select: { claimedAt: true },
    });
    if (!previous?.claimedAt) return { kind: 'go' };
    return { kind: 'wait', until: new Date(previous.claimedAt.getTime() + this.gapAfter(previous.claimedAt.getTime())) };
  }

  private dayStart(now: Date): Date {
    const zone = this.settings.zone ?? 'Asia/Jakarta';
    return atLocalTime(todayIn(now, zone), 0, 0, zone);
  }

  private defer(now: Date): LaneDecision {
    const zone = this.settings.zone ?? 'Asia/Jakarta';
    const morning = atLocalTime(addDays(todayIn(now, zone), 1), this.settings.morningHour ?? 8, 0, zone);
    return { kind: 'defer', until: new Date(morning.getTime() + Math.floor(this.random() * 60_000)) };
  }

  /** One random gap per announcement sent, so every look at the same "last one" agrees on the wait. */
  private gapAfter(lastMs: number): number {
    let gap = this.gaps.get(lastMs);
    if (gap === undefined) {
      const { minGapMs, maxGapMs } = this.settings;
      gap = minGapMs + Math.floor(this.random() * Math.max(0, maxGapMs - minGapMs));
      this.gaps.clear();
      this.gaps.set(lastMs, gap);
    }
    return gap;
  }
}
