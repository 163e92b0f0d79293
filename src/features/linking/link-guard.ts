import { GuessGuard } from '../../core/rate-limit/guess-guard.js';
import type { Db } from '../../db/client.js';

export { LOCKOUT_MS, MAX_FAILED_ATTEMPTS, type GuessLock as LinkLock } from '../../core/rate-limit/guess-guard.js';

/**
 * Wrong link codes everybody together may try per hour. A guess cannot be tied to an issued code, so the
 * bound is on guessing as a whole: codes are 6 of 31 characters (887 million), so with even 100 live
 * codes at once, 30 guesses an hour all year long succeed with probability under 3 % — and one
 * person's budget alone would not hold, since new identities are cheap. A per-code-prefix budget was
 * rejected: spreading guesses over the 961 two-letter prefixes multiplies it away. The price is that
 * somebody guessing on purpose can pause linking for everyone for up to an hour; linking is rare, loses
 * nothing while paused, and the pause is logged.
 */
export const MAX_WRONG_CODES_PER_HOUR = 30;

/** The guard around redeeming link codes (its counters keep the `link-person` / `link-all` keys). */
export function linkGuard(db: Db, clock?: () => Date): GuessGuard {
  return new GuessGuard(db, { name: 'link', everyonePerHour: MAX_WRONG_CODES_PER_HOUR }, clock);
}
