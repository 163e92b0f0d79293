import type { Timers } from '../../core/timers.js';

/**
 * Message ids seen in the last few minutes, in memory. whatsapp-web.js can emit the same 'message' twice
 * in one process (e.g. around a reconnect); this catches that before the router's persistent check, so a
 * repeat never even reaches the database.
 */
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly timers: Timers,
    private readonly windowMs = 10 * 60_000,
    private readonly maxSize = 5_000,
  ) {}

  /** True the first time an id is seen within the window; false for a repeat. */
  firstTime(id: string): boolean {
    const now = this.timers.now();
    this.forgetOld(now);
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.windowMs) return false;
    this.seen.set(id, now);
    return true;
  }

  private forgetOld(now: number): void {
    // Map keeps insertion order, so the oldest ids come first.
    for (const [id, at] of this.seen) {
      if (now - at < this.windowMs && this.seen.size <= this.maxSize) break;
      this.seen.delete(id);
    }
  }
}
