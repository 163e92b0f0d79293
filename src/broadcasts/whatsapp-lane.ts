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

  async decide(now: Date): Promise<LaneDecision> {
    const zone = this.settings.zone ?? 'Asia/Jakarta';
    const today = todayIn(now, zone);
    const dayStart = atLocalTime(today, 0, 0, zone);
    const sentToday = await this.db.broadcastRecipient.count({
      where: { channel: 'whatsapp', claimedAt: { gte: dayStart }, status: { in: ['sending', 'sent', 'unknown', 'failed', 'blocked'] } },
    });
    if (sentToday >= this.settings.dailyCap) {
      const morning = atLocalTime(addDays(today, 1), this.settings.morningHour ?? 8, 0, zone);
      return { kind: 'defer', until: new Date(morning.getTime() + Math.floor(this.random() * 60_000)) };
    }
    const last = await this.db.broadcastRecipient.findFirst({
      where: { channel: 'whatsapp', claimedAt: { not: null } },
      orderBy: { claimedAt: 'desc' },
      select: { claimedAt: true },
    });
    if (!last?.claimedAt) return { kind: 'go' };
    const until = last.claimedAt.getTime() + this.gapAfter(last.claimedAt.getTime());
    return until <= now.getTime() ? { kind: 'go' } : { kind: 'wait', until: new Date(until) };
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
