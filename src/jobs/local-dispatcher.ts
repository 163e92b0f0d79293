import { LaneGate } from './lane-gate.js';
import type { JobTransport, TransportDeps } from './transport.js';

/** A timer never fires sooner than this after a pass, so a row that cannot be claimed cannot spin the loop. */
const MIN_WAKE_MS = 250;

/**
 * The default transport: one loop in this process that sleeps until the next row is due (or pollMs,
 * whichever is sooner), claims due rows atomically and runs them with each lane's concurrency.
 * Several processes on one SQLite file (the bot and a CLI) can each run one: the claim decides.
 */
export class LocalDispatcher implements JobTransport {
  readonly name = 'local';
  private readonly gates = new Map<string, LaneGate>();
  private started = false;
  private cancelTimer: (() => void) | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;
  private pass: Promise<void> | undefined;
  private again = false;

  constructor(private readonly o: TransportDeps) {}

  async start(): Promise<void> {
    this.started = true;
    await this.cycle();
  }

  async notify(job: { runAt: Date }): Promise<void> {
    if (!this.started) return;
    const at = job.runAt.getTime();
    if (at < this.wakeAt) this.arm(Math.max(0, at - this.o.clock().getTime()));
  }

  async notifyMany(jobs: ReadonlyArray<{ runAt: Date }>): Promise<void> {
    // One timer for the earliest: each pass claims every due row anyway.
    const first = jobs.reduce<{ runAt: Date } | undefined>((a, b) => (!a || b.runAt < a.runAt ? b : a), undefined);
    if (first) await this.notify(first);
  }

  wake(): Promise<void> {
    return this.cycle();
  }

  async stop(graceMs: number): Promise<void> {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    await this.pass;
    const left = await this.o.executor.drain(graceMs);
    if (left > 0) this.o.logger.warn({ running: left }, 'stopped while jobs were still running; their crash policy applies');
  }

  /** One pass at a time; a request during a pass runs another pass right after it. */
  private cycle(): Promise<void> {
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    this.pass = (async () => {
      do {
        this.again = false;
        await this.runPass();
      } while (this.again && this.started);
    })().finally(() => {
      this.pass = undefined;
    });
    return this.pass;
  }

  private async runPass(): Promise<void> {
    if (!this.started) return;
    try {
      for (const lane of this.o.registry.lanes()) {
        const gate = this.gate(lane.name);
        const room = gate.room(this.o.clock().getTime());
        if (room === 0) continue;
        const rows = await this.o.store.dueCandidates(this.o.clock(), lane.kinds, room, this.o.executor.runningIds());
        for (const row of rows) {
          if (!this.started || gate.room(this.o.clock().getTime()) === 0) break;
          const claimed = await this.o.executor.claim(row);
          if (!('job' in claimed)) continue;
          gate.started(this.o.clock().getTime());
          this.o.executor
            .run(claimed)
            .then((outcome) => {
              if (outcome.kind === 'rescheduled' && outcome.rateLimitMs !== undefined) {
                gate.pauseUntil(this.o.clock().getTime() + outcome.rateLimitMs);
              }
            })
            .catch((error: unknown) => this.o.logger.error({ err: error, key: row.key }, 'could not record a job outcome'))
            .finally(() => {
              gate.finished();
              if (this.started) void this.cycle();
            });
        }
      }
      if (this.started) this.arm(await this.nextWakeDelay());
    } catch (error) {
      this.o.logger.error({ err: error }, 'job dispatcher pass failed; trying again at the next poll');
      if (this.started) this.arm(this.o.pollMs);
    }
  }

  private async nextWakeDelay(): Promise<number> {
    const now = this.o.clock().getTime();
    let next = now + this.o.pollMs;
    for (const lane of this.o.registry.lanes()) {
      const gate = this.gate(lane.name);
      if (gate.full()) continue; // a finishing run starts the next pass
      const opensAt = gate.opensAt(now);
      if (opensAt !== undefined) {
        next = Math.min(next, opensAt);
        continue;
      }
      const at = await this.o.store.nextClaimableAt(lane.kinds);
      if (at) next = Math.min(next, at.getTime());
    }
    return Math.max(MIN_WAKE_MS, next - now);
  }

  private arm(delayMs: number): void {
    this.cancelTimer?.();
    this.wakeAt = this.o.clock().getTime() + delayMs;
    this.cancelTimer = this.o.timers.schedule(() => {
      this.cancelTimer = undefined;
      this.wakeAt = Number.POSITIVE_INFINITY;
      void this.cycle();
    }, delayMs);
  }

  private gate(name: string): LaneGate {
    let gate = this.gates.get(name);
    if (!gate) {
      const setup = this.o.registry.lanes().find((lane) => lane.name === name)!;
      gate = new LaneGate(setup);
      this.gates.set(name, gate);
    }
    return gate;
  }
}
