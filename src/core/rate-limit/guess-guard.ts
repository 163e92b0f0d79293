import { RateLimiterRes } from './limiter-library.js';
import type { Db } from '../../db/client.js';
import { ClockedPrismaLimiter } from './clocked-prisma-limiter.js';

/** Wrong codes a person may try before they must wait. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** One person's wrong codes add up over this window (then they start again from five). */
const PERSON_WINDOW_S = 60 * 60;
const EVERYONE = 'all';

export interface GuessLock {
  /** `person`: this person tried too many wrong codes; `everyone`: too many wrong codes overall. */
  scope: 'person' | 'everyone';
  retryAt: Date;
}

export interface GuessGuardOptions {
  /** Keeps this guard's counters apart in the RateLimit table (`link`, `invite`). */
  name: string;
  /** Wrong codes everybody together may try per hour (see the callers for why their number). */
  everyonePerHour: number;
}

/**
 * The lock-outs around redeeming secret codes (link codes, role invites), kept in the database (the
 * RateLimit table) so they survive a restart, a cleared conversation and several processes. A person
 * (internal user id) gets MAX_FAILED_ATTEMPTS wrong codes, then waits LOCKOUT_MS; everybody together
 * gets `everyonePerHour`, since new identities are cheap and one person's budget alone would not hold.
 */
export class GuessGuard {
  private readonly person: ClockedPrismaLimiter;
  private readonly everyone: ClockedPrismaLimiter;

  constructor(
    db: Db,
    options: GuessGuardOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // The fifth failure goes over the 4 points and blocks the person for LOCKOUT_MS from then.
    this.person = new ClockedPrismaLimiter(
      db,
      { keyPrefix: `${options.name}-person`, points: MAX_FAILED_ATTEMPTS - 1, duration: PERSON_WINDOW_S, blockDuration: LOCKOUT_MS / 1000 },
      clock,
    );
    this.everyone = new ClockedPrismaLimiter(
      db,
      { keyPrefix: `${options.name}-all`, points: options.everyonePerHour, duration: 60 * 60 },
      clock,
    );
  }

  /** The lock that stops `userId` from redeeming any code now, if there is one. */
  async lock(userId: string): Promise<GuessLock | undefined> {
    const [mine, all] = await Promise.all([this.person.get(userId), this.everyone.get(EVERYONE)]);
    if (mine && mine.consumedPoints > this.person.points) return this.locked('person', mine);
    if (all && all.consumedPoints > this.everyone.points) return this.locked('everyone', all);
    return undefined;
  }

  /** Counts a wrong (or expired) code: how many tries the person has left, or the lock it started. */
  async failed(userId: string): Promise<{ left: number } | GuessLock> {
    const [mine, all] = await Promise.all([settle(this.person.consume(userId)), settle(this.everyone.consume(EVERYONE))]);
    if (!mine.ok) return this.locked('person', mine.res);
    if (!all.ok) return this.locked('everyone', all.res);
    return { left: MAX_FAILED_ATTEMPTS - mine.res.consumedPoints };
  }

  private locked(scope: GuessLock['scope'], res: RateLimiterRes): GuessLock {
    return { scope, retryAt: new Date(this.clock().getTime() + res.msBeforeNext) };
  }
}

/** Minutes until a lock ends, at least 1 (what the refusal tells the person). */
export function minutesLeft(lock: GuessLock, now: Date): number {
  return Math.max(1, Math.ceil((lock.retryAt.getTime() - now.getTime()) / 60_000));
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
