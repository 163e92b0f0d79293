import type { Logger } from '../../logger.js';
import { backoffDelay, RECONNECT_BACKOFF, type BackoffOptions } from './backoff.js';
import { describeError } from './describe-error.js';
import type { QrOutput } from './qr-output.js';
import type { Timers } from '../../core/timers.js';
import type { WaClientLike } from './wa-client.js';

/** Lines for the person running Pandu (printed to the terminal, next to the QR), by locale key. */
export type OperatorNotice = (key: 'scan_qr' | 'ready' | 'auth_failure' | 'logged_out', vars?: Record<string, string>) => void;

export interface WaConnectionOptions {
  client: WaClientLike;
  logger: Logger;
  timers: Timers;
  qr: QrOutput;
  notice: OperatorNotice;
  /** The stored session; named in the auth-failure hint. */
  sessionDir: string;
  /**
   * Removes the stored session after the phone unlinked Pandu (reason LOGOUT), between closing and
   * re-opening the browser, so WhatsApp Web shows a fresh QR instead of retrying a dead session.
   */
  clearSession?: () => Promise<void>;
  backoff?: BackoffOptions;
}

/**
 * Keeps the WhatsApp Web session alive: shows the login QR, and after a disconnect, an authentication
 * failure or a failed start (no network, browser crash) closes the browser and starts it again with
 * exponential back-off. Nothing here throws into the process; faults are logged and retried until stop().
 */
export class WaConnection {
  private stopped = false;
  /** Consecutive failures; the back-off grows with it and 'ready' resets it. */
  private failures = 0;
  /** Bumped on every start, so a late rejection of an abandoned initialize() is ignored. */
  private generation = 0;
  private cancelRetry: (() => void) | undefined;
  /** Closing the browser and clearing the session before a restart; events meanwhile add nothing. */
  private restarting = false;
  /** The phone unlinked Pandu since the last restart, so the next one starts without the old session. */
  private logoutPending = false;
  private readonly log: Logger;
  private readonly backoff: BackoffOptions;

  constructor(private readonly options: WaConnectionOptions) {
    this.log = options.logger;
    this.backoff = options.backoff ?? RECONNECT_BACKOFF;
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
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.options.client.initialize();
    } catch (error) {
      if (this.stopped || generation !== this.generation) return;
      this.log.error({ err: describeError(error) }, 'WhatsApp client failed to start');
      // The browser may already be running; do not leave it idle for the whole back-off.
      await this.destroyClient();
      if (this.stopped || generation !== this.generation) return;
      this.scheduleReconnect('start failed', false);
    }
  }

  private scheduleReconnect(reason: string, loggedOut: boolean): void {
    if (this.stopped) return;
    if (loggedOut) this.logoutPending = true;
    // One reconnect at a time: a burst of events must not open several browsers.
    if (this.cancelRetry || this.restarting) return;
    const delayMs = backoffDelay(this.failures, this.backoff);
    this.failures += 1;
    this.log.warn({ reason, delayMs, attempt: this.failures }, 'WhatsApp will reconnect');
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
          this.log.error({ err: describeError(error) }, 'could not remove the unlinked WhatsApp session');
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
      this.log.warn({ err: describeError(error) }, 'closing the WhatsApp browser failed');
    }
  }

  private readonly onQr = (qr: string): void => {
    this.log.info('WhatsApp login QR received');
    this.options.notice('scan_qr', { file: this.options.qr.pngFile });
    void this.options.qr.show(qr);
  };

  private readonly onAuthenticated = (): void => {
    this.log.info('WhatsApp authenticated');
  };

  private readonly onAuthFailure = (message: unknown): void => {
    const reason = describeError(message);
    this.log.error(
      { reason, sessionDir: this.options.sessionDir },
      'WhatsApp authentication failed: delete the session folder and scan the new QR',
    );
    this.options.notice('auth_failure', { reason, dir: this.options.sessionDir });
    // Keep trying (slowly): once the operator deletes the folder, the next start shows a QR without a restart.
    this.scheduleReconnect('auth_failure', false);
  };

  private readonly onReady = (): void => {
    this.failures = 0;
    this.log.info('WhatsApp ready');
    this.options.notice('ready');
    void this.options.qr.clear();
  };

  private readonly onDisconnected = (reason: unknown): void => {
    const text = describeError(reason);
    const loggedOut = text === 'LOGOUT';
    this.log.warn({ reason: text }, loggedOut ? 'WhatsApp session was removed on the phone' : 'WhatsApp disconnected');
    if (loggedOut) this.options.notice('logged_out');
    this.scheduleReconnect(`disconnected: ${text}`, loggedOut);
  };
}
