import { RateLimiterRes } from 'rate-limiter-flexible';
import { ClockedPrismaLimiter } from '../../core/rate-limit/clocked-prisma-limiter.js';
import type { Db } from '../../db/client.js';

/** Wrong codes a person may try before they must wait. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** One person's wrong codes add up over this window (then they start again from five). */
const PERSON_WINDOW_S = 60 * 60;

/**
 * Wrong codes everybody together may try per hour. A guess cannot be tied to an issued code, so the
 * bound is on guessing as a whole: codes are 6 of 31 characters (887 million), so with even 100 live
 * codes at once, 30 guesses an hour all year long succeed with probability under 3 % — and one
 * person's budget alone would not hold, since new identities are cheap. A per-code-prefix budget was
 * rejected: spreading guesses over the 961 two-letter prefixes multiplies it away. The price is that
 * somebody guessing on purpose can pause linking for everyone for up to an hour; linking is rare, loses
 * nothing while paused, and the pause is logged.
 */
export const MAX_WRONG_CODES_PER_HOUR = 30;
const EVERYONE = 'all';

export interface LinkLock {
  /** `person`: this person tried too many wrong codes; `everyone`: too many wrong codes overall. */
  scope: 'person' | 'everyone';
  retryAt: Date;
}

/**
 * The lock-outs around redeeming link codes, kept in the database (the RateLimit table) so they
 * survive a restart and hold across processes. The person is the internal user id.
 */
export class LinkGuard {
  private readonly person: ClockedPrismaLimiter;
  private readonly everyone: ClockedPrismaLimiter;

  constructor(
    db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // The fifth failure goes over the 4 points and blocks the person for LOCKOUT_MS from then.
    this.person = new ClockedPrismaLimiter(
      db,
      { keyPrefix: 'link-person', points: MAX_FAILED_ATTEMPTS - 1, duration: PERSON_WINDOW_S, blockDuration: LOCKOUT_MS / 1000 },
      clock,
    );
    this.everyone = new ClockedPrismaLimiter(db, { keyPrefix: 'link-all', points: MAX_WRONG_CODES_PER_HOUR, duration: 60 * 60 }, clock);
  }

  /** The lock that stops `userId` from redeeming any code now, if there is one. */
  async lock(userId: string): Promise<LinkLock | undefined> {
    const [mine, all] = await Promise.all([this.person.get(userId), this.everyone.get(EVERYONE)]);
    if (mine && mine.consumedPoints > this.person.points) return this.locked('person', mine);
    if (all && all.consumedPoints > this.everyone.points) return this.locked('everyone', all);
    return undefined;
  }

  /** Counts a wrong (or expired) code: how many tries the person has left, or the lock it started. */
  async failed(userId: string): Promise<{ left: number } | LinkLock> {
    const [mine, all] = await Promise.all([settle(this.person.consume(userId)), settle(this.everyone.consume(EVERYONE))]);
    if (!mine.ok) return this.locked('person', mine.res);
    if (!all.ok) return this.locked('everyone', all.res);
    return { left: MAX_FAILED_ATTEMPTS - mine.res.consumedPoints };
  }

  private locked(scope: LinkLock['scope'], res: RateLimiterRes): LinkLock {
    return { scope, retryAt: new Date(this.clock().getTime() + res.msBeforeNext) };
  }
}

/** A consume that went over the limit, told apart from a store failure (which is rethrown). */
async function settle(consume: Promise<RateLimiterRes>): Promise<{ ok: boolean; res: RateLimiterRes }> {
  try {
    return { ok: true, res: await consume };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { ok: false, res: rejection };
    throw rejection;
  }
}
