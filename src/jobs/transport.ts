import type { Logger } from '../logger.js';
import type { Executor } from './executor.js';
import type { JobStore } from './job-store.js';
import type { JobRegistry } from './registry.js';
import type { Timers } from './timers.js';

/**
 * How claimable rows reach an executor: the in-process dispatcher (one instance, SQLite) or BullMQ
 * (several instances, Redis). Either way the row claim decides who runs a row, so a transport may
 * deliver a row twice without the work happening twice.
 */
export interface JobTransport {
  readonly name: 'local' | 'bullmq';
  /** Begins picking up work (timers, workers). */
  start(): Promise<void>;
  /** A row was created or moved to a new runAt: make sure it is picked up then. */
  notify(job: { id: string; kind: string; runAt: Date }): Promise<void>;
  /** Many new rows at once (one round trip where the transport allows it). */
  notifyMany(jobs: ReadonlyArray<{ id: string; kind: string; runAt: Date }>): Promise<void>;
  /** Looks for due work now, as the poll timer would. */
  wake(): Promise<void>;
  /** Whether the transport's own service answers now (Redis for BullMQ); absent when it has none. */
  health?(): Promise<{ ok: boolean; error?: string }>;
  /** Stops picking up work and waits for running handlers, at most graceMs. Safe to call twice. */
  stop(graceMs: number): Promise<void>;
}

/** What every transport works with. */
export interface TransportDeps {
  executor: Executor;
  store: JobStore;
  registry: JobRegistry;
  clock: () => Date;
  timers: Timers;
  logger: Logger;
  /** Longest wait before looking at the table again (rows written by another process; a flushed Redis). */
  pollMs: number;
}
