import { RateLimiterRes } from './limiter-library.js';
import type { Db } from '../../db/client.js';
import type { HotQueries } from '../../db/hot-queries.js';
import type { Translate } from '../../i18n/translator.js';
import type { Reply } from '../messages.js';
import { ClockedPrismaLimiter } from './clocked-prisma-limiter.js';

export type Admission = { allowed: true } | { allowed: false; /** the first refusal of this window */ first: boolean; retryAt: Date };

/**
 * How many messages one person may send per window, across all their linked channels (the key is the
 * internal user id). It protects the model budget and the bot from floods; the router asks before any
 * feature runs. The counters live in the database, so a restart does not reset them and several
 * processes share them.
 */
export class MessageRateLimit {
  private readonly limiter: ClockedPrismaLimiter;
  private readonly windowMs: number;

  constructor(
    db: Db,
    limit: { perWindow: number; windowSeconds?: number },
    private readonly clock: () => Date = () => new Date(),
    private readonly hot?: HotQueries,
  ) {
    this.windowMs = (limit.windowSeconds ?? 60) * 1000;
    this.limiter = new ClockedPrismaLimiter(
      db,
      { keyPrefix: KEY_PREFIX, points: limit.perWindow, duration: limit.windowSeconds ?? 60 },
      clock,
      hot,
    );
  }

  /** Counts one message of `userId` and says whether it may be handled. */
  async admit(userId: string): Promise<Admission> {
    if (this.hot) return this.admitByStatement(this.hot, userId);
    try {
      await this.limiter.consume(userId);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAt = new Date(this.clock().getTime() + rejection.msBeforeNext);
      return { allowed: false, first: rejection.consumedPoints === this.limiter.points + 1, retryAt };
    }
  }

  /**
   * The library's fixed window in one prepared statement, without its promise chain and result objects:
   * this runs on every message (a few µs and ~2 KB of garbage less each). Same row, same key (the
   * library's `prefix:key`) and same decisions as `consume`, so both paths count one budget; the rate-limit
   * tests run the app on this path (SQLite) and on the library's (PostgreSQL).
   */
  private async admitByStatement(hot: HotQueries, userId: string): Promise<Admission> {
    const now = this.clock();
    const row = await hot.addPoints(`${KEY_PREFIX}:${userId}`, 1, new Date(now.getTime() + this.windowMs), now);
    const perWindow = this.limiter.points;
    if (row.points <= perWindow) return { allowed: true };
    const msBeforeNext = row.expire ? Math.max(row.expire.getTime() - now.getTime(), 0) : -1;
    return { allowed: false, first: row.points === perWindow + 1, retryAt: new Date(now.getTime() + msBeforeNext) };
  }
}

/** Keeps the message counters apart from the other limiters' in the shared table. */
const KEY_PREFIX = 'msg';

/**
 * What a refused person hears: once per window a polite note with when to write again; after that
 * nothing, so a flood gets no flood of answers back.
 */
export function refusalReplies(admission: Extract<Admission, { allowed: false }>, t: Translate, now: Date): Reply[] {
  if (!admission.first) return [];
  const seconds = Math.max(1, Math.ceil((admission.retryAt.getTime() - now.getTime()) / 1000));
  const wait = seconds < 60 ? t('rate_limit.seconds', { n: seconds }) : t('rate_limit.minutes', { n: Math.ceil(seconds / 60) });
  return [{ text: t('rate_limit.refused', { wait }) }];
}
