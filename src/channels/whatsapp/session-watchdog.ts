import { withTimeout, type Timers } from '../../core/timers.js';
import type { Logger } from '../../logger.js';
import type { WaClientLike } from './wa-client.js';

export interface WatchdogSettings {
  /** How often the connection state is asked for while the session is up. */
  intervalMs: number;
  /** A getState() that takes longer counts as "not connected": the page is hung. */
  timeoutMs: number;
  /** How long the session may stay out of CONNECTED (WhatsApp reconnects by itself after a blip). */
  graceMs: number;
}

export const DEFAULT_WATCHDOG: WatchdogSettings = { intervalMs: 30_000, timeoutMs: 10_000, graceMs: 60_000 };

/** The state recorded when getState() gave no answer in time. */
export const NO_ANSWER = 'NO_ANSWER';

/**
 * Notices a WhatsApp session that died without saying so: the page hangs, or the state stays out of
 * CONNECTED (TIMEOUT, OPENING, …) while no 'disconnected' event comes. From 'ready' until stop() it
 * asks getState() every `intervalMs` (with a timeout) and listens to 'change_state' reports; once the
 * session has not been CONNECTED for longer than `graceMs`, it calls `onDead` once and stops.
 */
export class SessionWatchdog {
  private cancelTimer: (() => void) | undefined;
  private notConnectedSince: number | undefined;
  private lastState: string | undefined;
  private active = false;

  constructor(
    private readonly client: WaClientLike,
    private readonly timers: Timers,
    private readonly logger: Logger,
    private readonly settings: WatchdogSettings,
    private readonly onDead: (state: string) => void,
  ) {}

  /** Starts watching a session that just became ready. */
  start(): void {
    this.stop();
    this.active = true;
    this.notConnectedSince = undefined;
    this.schedule(this.settings.intervalMs);
  }

  stop(): void {
    this.active = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  /** A state WhatsApp reported ('change_state'), or one a check found. */
  observe(state: string): void {
    if (!this.active) return;
    const now = this.timers.now();
    if (state === 'CONNECTED') {
      if (this.notConnectedSince !== undefined) this.logger.info({ state }, 'WhatsApp connected again');
      this.notConnectedSince = undefined;
    } else if (this.notConnectedSince === undefined) {
      this.notConnectedSince = now;
      this.logger.warn({ state, graceMs: this.settings.graceMs }, 'WhatsApp session not connected; restarting it if this lasts');
      // Decide at the end of the grace period, not at whichever poll comes after it.
      this.schedule(this.settings.graceMs);
    }
    this.lastState = state;
    if (this.notConnectedSince !== undefined && now - this.notConnectedSince >= this.settings.graceMs) {
      this.stop();
      this.onDead(state);
    }
  }

  private schedule(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.timers.schedule(() => {
      this.cancelTimer = undefined;
      void this.check();
    }, ms);
  }

  private async check(): Promise<void> {
    let state: string;
    try {
      const answer = await withTimeout(this.client.getState(), this.settings.timeoutMs, this.timers, () => new Error('getState timed out'));
      state = answer ?? 'UNKNOWN';
    } catch (error) {
      this.logger.debug({ err: error, previous: this.lastState }, 'WhatsApp state check failed');
      state = NO_ANSWER;
    }
    if (!this.active) return;
    this.observe(state);
    if (this.active && !this.cancelTimer) this.schedule(this.settings.intervalMs);
  }
}
