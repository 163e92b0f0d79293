import { RateLimiterPrisma, RateLimiterRes } from './limiter-library.js';
import type { Db } from '../../db/client.js';
import type { HotQueries } from '../../db/hot-queries.js';

/** A row of the RateLimit table (prisma/models.prisma). */
interface Row {
  key: string;
  points: number;
  expire: Date | null;
}

export interface LimiterOptions {
  /** Keeps this limiter's counters apart from the others in the shared table (`msg`, `link-person`, ...). */
  keyPrefix: string;
  /** What may be consumed per window. */
  points: number;
  /** The window, in seconds (fractions allowed). */
  duration: number;
  /** Once a key goes over `points`, block it this many seconds from then (default: until the window ends). */
  blockDuration?: number;
}

/**
 * rate-limiter-flexible's Prisma store (RateLimiterPrisma) with time taken from the app's clock. The
 * library's own store reads `Date.now()`; ours must follow the injected clock so a lock-out and "write
 * again in 40 seconds" agree with the rest of the app and tests can move time instead of sleeping. The
 * store logic is the library's fixed window: an expired row starts a new window; otherwise the count is
 * incremented in the database (one upsert), so concurrent calls from several processes are all counted.
 * It works on both generated clients (SQLite and PostgreSQL driver adapters), since it only uses the
 * `rateLimit` model. Expired rows are removed by `pruneExpiredLimits` on the app's schedule, not by the
 * library's own timer.
 */
export class ClockedPrismaLimiter extends RateLimiterPrisma {
  constructor(
    private readonly db: Db,
    options: LimiterOptions,
    private readonly clock: () => Date = () => new Date(),
    /** One prepared statement instead of two Prisma queries for each counted message (SQLite). */
    private readonly hot?: HotQueries,
  ) {
    super({ ...options, storeClient: db, tableName: 'rateLimit', clearExpiredByTimeout: false });
  }

  /** @internal rate-limiter-flexible store hook: turns a row into the library's result. */
  _getRateLimiterRes(_rlKey: string, changedPoints: number, row: Row): RateLimiterRes {
    const msBeforeNext = row.expire ? Math.max(row.expire.getTime() - this.clock().getTime(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - row.points, 0), msBeforeNext, row.points, row.points === changedPoints);
  }

  /** @internal store hook: adds `points` to the key's window (or sets them, when `forceExpire`). */
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const now = this.clock();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    if (forceExpire) {
      return this.db.rateLimit.upsert({ where: { key }, create: { key, points, expire }, update: { points, expire } });
    }
    if (this.hot) return { key, ...(await this.hot.addPoints(key, points, expire, now)) };
    await this.db.rateLimit.deleteMany({ where: { key, expire: { lte: now } } });
    return this.db.rateLimit.upsert({ where: { key }, create: { key, points, expire }, update: { points: { increment: points } } });
  }

  /** @internal store hook: the key's current window, if it has one. */
  _get(rlKey: string): Promise<Row | null> {
    return this.db.rateLimit.findFirst({ where: { key: rlKey, OR: [{ expire: { gt: this.clock() } }, { expire: null }] } });
  }
}

/** Deletes counters whose window ended; returns how many. */
export async function pruneExpiredLimits(db: Db, now = new Date()): Promise<number> {
  const result = await db.rateLimit.deleteMany({ where: { expire: { lt: now } } });
  return result.count;
}
