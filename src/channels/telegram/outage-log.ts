import type { Timers } from '../../core/timers.js';
import type { Logger } from '../../logger.js';

/** While Telegram stays unreachable, a reminder is logged this often (every attempt goes to debug). */
export const OUTAGE_REMINDER_MS = 5 * 60_000;

/** The start of an outage's first warning, and of its reminders ("… after 5 min"). */
export interface OutageWording {
  down: string;
  stillDown: string;
}

const UNREACHABLE: OutageWording = { down: 'Telegram cannot be reached', stillDown: 'Telegram still cannot be reached' };

/**
 * The log of one kind of outage (start-up, polling): a warning when it begins, saying when Pandu tries
 * again; a reminder every few minutes while it lasts; one info line when Telegram answers again. Not
 * silence (the operator must see why nobody gets answers) and not a line per attempt.
 */
export class OutageLog {
  private downSince: number | undefined;
  private lastWarnAt = 0;

  constructor(
    private readonly logger: Logger,
    private readonly timers: Timers,
    /** What failed, e.g. "start-up" or "polling"; logged with every line. */
    private readonly activity: string,
    private readonly remindEveryMs = OUTAGE_REMINDER_MS,
    /** What is wrong, when it is not that Telegram cannot be reached (the start and the reminder lines). */
    private readonly wording: OutageWording = UNREACHABLE,
  ) {}

  get isDown(): boolean {
    return this.downSince !== undefined;
  }

  /** An attempt failed; the next one follows in `retryInMs`. */
  failed(error: unknown, retryInMs: number): void {
    const now = this.timers.now();
    const retryIn = `${Math.ceil(retryInMs / 1000)} s`;
    const fields = { err: error, activity: this.activity, retryInMs, retryAt: new Date(now + retryInMs).toISOString() };
    if (this.downSince === undefined) {
      this.downSince = now;
      this.lastWarnAt = now;
      this.logger.warn(fields, `${this.wording.down} (${this.activity}); retrying in ${retryIn}`);
      return;
    }
    const downForMs = now - this.downSince;
    if (now - this.lastWarnAt >= this.remindEveryMs) {
      this.lastWarnAt = now;
      const minutes = Math.round(downForMs / 60_000);
      this.logger.warn(
        { ...fields, downForMs },
        `${this.wording.stillDown} after ${minutes} min (${this.activity}); retrying in ${retryIn}`,
      );
      return;
    }
    this.logger.debug({ ...fields, downForMs }, 'Telegram still unreachable');
  }

  /** An attempt succeeded; logs the end of an outage if there was one. */
  recovered(): void {
    if (this.downSince === undefined) return;
    const downForMs = this.timers.now() - this.downSince;
    this.downSince = undefined;
    this.logger.info({ activity: this.activity, downForMs }, 'Telegram reachable again');
  }
}
