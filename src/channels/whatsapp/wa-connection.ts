import { Backoff, type BackoffPolicy } from '../../core/backoff.js';
import type { Timers } from '../../core/timers.js';
import type { Logger } from '../../logger.js';
import { localProbe, removeStaleProfileLock, type LockOwnerProbe } from './profile-lock.js';
import type { QrOutput } from './qr-output.js';
import { DEFAULT_WATCHDOG, SessionWatchdog, type WatchdogSettings } from './session-watchdog.js';
import type { WaClientLike } from './wa-client.js';

/** Reconnect timing: a flaky network is retried quickly, a long outage once every few minutes. */
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/** Lines for the person running Pandu (printed to the terminal, next to the QR), by locale key. */
export type OperatorNotice = (key: 'scan_qr' | 'ready' | 'auth_failure' | 'logged_out', vars?: Record<string, string>) => void;

export interface WaConnectionOptions {
  client: WaClientLike;
  logger: Logger;
  timers: Timers;
  qr: QrOutput;
  notice: OperatorNotice;
  /** The stored session (Chromium profile); named in the auth-failure hint, unlocked after an unclean stop. */
  sessionDir: string;
  /**
   * Removes the stored session after the phone unlinked Pandu (reason LOGOUT), between closing and
   * re-opening the browser, so WhatsApp Web shows a fresh QR instead of retrying a dead session.
   */
  clearSession?: () => Promise<void>;
  backoff?: BackoffPolicy;
  watchdog?: Partial<WatchdogSettings>;
  /** Tells a stale Chromium profile lock from one a running browser holds. */
  lockProbe?: LockOwnerProbe;
  /** Called on every 'ready' (after the first login and after each reconnect). */
  onReady?: () => void;
  /**
   * Told every state the session enters: WhatsApp Web's own (CONNECTED, UNPAIRED, TIMEOUT, …) and QR
   * (waiting for a scan; `qr` is the code), DISCONNECTED, LOGOUT, AUTH_FAILURE. For metrics and alerts.
   */
  onState?: (state: string, qr?: string) => void;
}

/**
 * Keeps the WhatsApp Web session alive: shows the login QR, and after a disconnect, an authentication
 * failure, a failed start (no network, browser crash) or a session that silently stopped being
 * CONNECTED (see SessionWatchdog) closes the browser and starts it again with exponential back-off.
 * Before each start it removes a Chromium profile lock left by an unclean stop. Nothing here throws
 * into the process; faults are logged and retried until stop().
 */
export class WaConnection {
  private stopped = false;
  /** Waits between restarts: they grow with consecutive failures, and 'ready' starts them over. */
  private readonly backoff: Backoff;
  private readonly watchdog: SessionWatchdog;
  /** Bumped on every start, so a late rejection of an abandoned initialize() is ignored. */
  private generation = 0;
  private cancelRetry: (() => void) | undefined;
  /** Closing the browser and clearing the session before a restart; events meanwhile add nothing. */
  private restarting = false;
  /** The phone unlinked Pandu since the last restart, so the next one starts without the old session. */
  private logoutPending = false;
  /** 'ready' since the last start (logged in); messages Pandu sends first wait while this is false. */
  private loggedIn = false;
  /** The last state WhatsApp Web reported was CONNECTED (it drops to TIMEOUT, CONFLICT, … and back). */
  private connectedState = true;
  private readonly log: Logger;
  /** The last state entered (see onState); STARTING until WhatsApp Web says anything. */
  private lastState = 'STARTING';

  constructor(private readonly options: WaConnectionOptions) {
    this.log = options.logger;
    this.backoff = new Backoff(options.backoff ?? RECONNECT_BACKOFF);
    this.watchdog = new SessionWatchdog(
      options.client,
      options.timers,
      options.logger,
      { ...DEFAULT_WATCHDOG, ...options.watchdog },
      (state) => this.scheduleReconnect(`not connected: ${state}`, false),
    );
  }

  /** Listens to the client's lifecycle and starts it in the background (start-up does not wait for a QR scan). */
  start(): void {
    this.listen('on');
    void this.connect();
  }

  /** Cancels any pending reconnect and closes the browser. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.generation += 1;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.watchdog.stop();
    this.listen('off');
    await this.destroyClient();
  }

  private listen(method: 'on' | 'off'): void {
    const { client } = this.options;
    client[method]('qr', this.onQr);
    client[method]('authenticated', this.onAuthenticated);
    client[method]('auth_failure', this.onAuthFailure);
    client[method]('ready', this.onReady);
    client[method]('disconnected', this.onDisconnected);
    client[method]('change_state', this.onChangeState);
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    try {
      this.unlockProfile();
      await this.options.client.initialize();
    } catch (error) {
      if (this.stopped || generation !== this.generation) return;
      this.log.error({ err: error }, 'WhatsApp client failed to start');
      // The browser may already be running; do not leave it idle for the whole back-off.
      await this.destroyClient();
      if (this.stopped || generation !== this.generation) return;
      this.scheduleReconnect('start failed', false);
    }
  }

  /** Chromium refuses a profile another browser locked; a lock left by a crash would block every start. */
  private unlockProfile(): void {
    try {
      if (removeStaleProfileLock(this.options.sessionDir, this.options.lockProbe ?? localProbe)) {
        this.log.warn({ sessionDir: this.options.sessionDir }, 'removed a stale Chromium profile lock left by an unclean stop');
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not check the Chromium profile lock');
    }
  }

  /** Whether WhatsApp is logged in and connected now (as far as the last events and the watchdog tell). */
  isReady(): boolean {
    return this.loggedIn && this.connectedState && !this.stopped;
  }

  /** The last state the session entered: CONNECTED, QR, UNPAIRED, DISCONNECTED, … */
  state(): string {
    return this.lastState;
  }

  private enter(state: string, qr?: string): void {
    this.lastState = state;
    try {
      this.options.onState?.(state, qr);
    } catch (error) {
      this.log.error({ err: error, state }, 'a WhatsApp state observer failed');
    }
  }

  private scheduleReconnect(reason: string, loggedOut: boolean): void {
    this.loggedIn = false;
    if (this.stopped) return;
    if (loggedOut) this.logoutPending = true;
    // One reconnect at a time: a burst of events must not open several browsers.
    if (this.cancelRetry || this.restarting) return;
    this.watchdog.stop();
    const delayMs = this.backoff.next();
    this.log.warn({ reason, delayMs, attempt: this.backoff.attempts }, 'WhatsApp will reconnect');
    this.cancelRetry = this.options.timers.schedule(() => {
      this.cancelRetry = undefined;
      void this.reconnect();
    }, delayMs);
  }

  private async reconnect(): Promise<void> {
    this.restarting = true;
    try {
      // Invalidate the current start first, so its rejection (the browser is closing) is not counted twice.
      this.generation += 1;
      await this.destroyClient();
      if (this.stopped) return;
      if (this.logoutPending && this.options.clearSession) {
        await this.options.clearSession().catch((error: unknown) => {
          this.log.error({ err: error }, 'could not remove the unlinked WhatsApp session');
        });
      }
      this.logoutPending = false;
    } finally {
      this.restarting = false;
    }
    if (this.stopped) return;
    await this.connect();
  }

  private async destroyClient(): Promise<void> {
    try {
      await this.options.client.destroy();
    } catch (error) {
      // A browser that already crashed cannot be closed; the next initialize() starts a new one anyway.
      this.log.warn({ err: error }, 'closing the WhatsApp browser failed');
    }
  }

  private readonly onQr = (qr: string): void => {
    this.log.info('WhatsApp login QR received');
    this.options.notice('scan_qr', { file: this.options.qr.pngFile });
    void this.options.qr.show(qr);
    this.enter('QR', qr);
  };

  private readonly onAuthenticated = (): void => {
    this.log.info('WhatsApp authenticated');
  };

  private readonly onAuthFailure = (message: unknown): void => {
    const reason = String(message);
    this.log.error(
      { reason, sessionDir: this.options.sessionDir },
      'WhatsApp authentication failed: delete the session folder and scan the new QR',
    );
    this.options.notice('auth_failure', { reason, dir: this.options.sessionDir });
    this.enter('AUTH_FAILURE');
    // Keep trying (slowly): once the operator deletes the folder, the next start shows a QR without a restart.
    this.scheduleReconnect('auth_failure', false);
  };

  private readonly onReady = (): void => {
    this.loggedIn = true;
    this.connectedState = true;
    this.backoff.reset();
    this.log.info('WhatsApp ready');
    this.options.notice('ready');
    void this.options.qr.clear();
    this.watchdog.start();
    this.enter('CONNECTED');
    this.options.onReady?.();
  };

  private readonly onChangeState = (state: unknown): void => {
    this.connectedState = String(state) === 'CONNECTED';
    this.watchdog.observe(String(state));
    if (String(state) !== this.lastState) this.enter(String(state));
  };

  private readonly onDisconnected = (reason: unknown): void => {
    const text = String(reason);
    const loggedOut = text === 'LOGOUT';
    this.log.warn({ reason: text }, loggedOut ? 'WhatsApp session was removed on the phone' : 'WhatsApp disconnected');
    if (loggedOut) this.options.notice('logged_out');
    this.enter(loggedOut ? 'LOGOUT' : 'DISCONNECTED');
    this.scheduleReconnect(`disconnected: ${text}`, loggedOut);
  };
}
