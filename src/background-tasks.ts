import type { Logger } from './logger.js';

/**
 * Periodic housekeeping inside the bot process (pruning, noticing a rebuilt index). A failing run is
 * logged and retried at the next tick; timers never keep the process alive and stop with the app.
 */
export class BackgroundTasks {
  private readonly timers: Array<ReturnType<typeof setInterval>> = [];

  constructor(private readonly logger: Logger) {}

  every(intervalMs: number, name: string, task: () => Promise<unknown>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return; // a slow run is not stacked on top of itself
      running = true;
      task()
        .catch((error: unknown) => this.logger.error({ task: name, err: error }, 'background task failed'))
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
  }
}
