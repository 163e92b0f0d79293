import { realTimers, type Timers } from './core/timers.js';
import type { Logger } from './logger.js';

export interface ShutdownOptions {
  logger: Logger;
  /** The longest the whole shutdown may take (SHUTDOWN_TIMEOUT_MS); then the process exits with 1. */
  timeoutMs: number;
  /** process.exit in production. */
  exit: (code: number) => void;
  timers?: Timers;
}

interface Step {
  name: string;
  run: () => Promise<void>;
}

/**
 * How a Pandu process ends: the steps registered as things start (stop channels, close the app) run
 * once, newest first, within one overall time limit; then the process exits. A fault (an unhandled
 * rejection or an uncaught exception) is logged with its stack and ends the process the same way with
 * exit code 1, instead of leaving it half alive; so does a shutdown that overruns its limit.
 */
export class Shutdown {
  private readonly steps: Step[] = [];
  private running: Promise<void> | undefined;
  private exitCode = 0;
  private readonly timers: Timers;

  constructor(private readonly options: ShutdownOptions) {
    this.timers = options.timers ?? realTimers;
  }

  /** Registers what to undo at shutdown; steps run in reverse order of registration. */
  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** Runs the steps (once, whoever asks first) and exits with `code`, or 1 if anything went wrong. */
  run(reason: string, code = 0): Promise<void> {
    this.exitCode = Math.max(this.exitCode, code);
    this.running ??= this.stop(reason);
    return this.running;
  }

  /** Ctrl+C / SIGTERM stop gracefully; a second signal while stopping exits at once. */
  handleSignals(proc: NodeJS.EventEmitter = process): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      proc.on(signal, () => {
        if (!this.running) return void this.run(signal);
        this.options.logger.warn({ signal }, 'second signal while shutting down; exiting now');
        this.options.exit(1);
      });
    }
  }

  /** Logs unhandled rejections and uncaught exceptions with their stack, then shuts down with exit code 1. */
  handleFaults(proc: NodeJS.EventEmitter = process): void {
    proc.on('unhandledRejection', (reason: unknown) => {
      this.options.logger.fatal({ err: reason }, 'unhandled promise rejection; shutting down');
      void this.run('unhandledRejection', 1);
    });
    proc.on('uncaughtException', (error: unknown) => {
      this.options.logger.fatal({ err: error }, 'uncaught exception; shutting down');
      void this.run('uncaughtException', 1);
    });
  }

  private async stop(reason: string): Promise<void> {
    const { logger, timeoutMs, exit } = this.options;
    logger.info({ reason }, 'shutting down');
    let overran = false;
    const cancel = this.timers.schedule(() => {
      overran = true;
      logger.error({ reason, timeoutMs }, `shutdown did not finish within ${timeoutMs} ms; exiting anyway`);
      exit(1);
    }, timeoutMs);
    for (const step of [...this.steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        this.exitCode = Math.max(this.exitCode, 1);
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
      if (overran) return;
    }
    cancel();
    exit(this.exitCode);
  }
}

/** How a process's main work ended, when it ends by itself (the terminal chat closing, nothing to run). */
export interface Finished {
  reason: string;
  code: number;
}

/**
 * Runs an entry point's main work under a Shutdown that handles signals and faults. When the work
 * finishes it returns how, and the process shuts down and exits at once (nothing left open may keep it
 * alive); when it returns nothing, the process keeps running (channels serve) until a signal or fault.
 * A failure while starting is logged with its stack and exits with 1.
 */
export async function runProcess(
  options: Omit<ShutdownOptions, 'exit'> & {
    exit?: (code: number) => void;
    /** A line for the person at the terminal about a start-up failure they can fix (a bad DATA_DIR). */
    explain?: (error: unknown) => string | undefined;
  },
  main: (shutdown: Shutdown) => Promise<Finished | void>,
): Promise<void> {
  const shutdown = new Shutdown({ ...options, exit: options.exit ?? ((code) => process.exit(code)) });
  shutdown.handleFaults();
  shutdown.handleSignals();
  let finished: Finished | void;
  try {
    finished = await main(shutdown);
  } catch (error) {
    options.logger.fatal({ err: error }, 'Pandu could not start');
    const line = options.explain?.(error);
    if (line) console.error(line);
    finished = { reason: 'start-up failed', code: 1 };
  }
  if (finished) await shutdown.run(finished.reason, finished.code);
}
