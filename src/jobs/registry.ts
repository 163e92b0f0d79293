import type { BackoffPolicy } from '../core/backoff.js';
import { JobKindError } from './errors.js';
import { DEFAULT_BACKOFF, DEFAULT_LANE, DEFAULT_MAX_ATTEMPTS, isValidLaneName, type JobKindSpec, type JobLane } from './job-kind.js';

/** A registered kind with its defaults filled in. */
export interface RegisteredKind {
  spec: JobKindSpec<unknown>;
  maxAttempts: number;
  backoff: BackoffPolicy;
  lane: string;
}

/** A lane with the kinds that run in it. */
export interface LaneSetup {
  name: string;
  concurrency: number;
  limiter?: { max: number; duration: number };
  kinds: string[];
}

/** The kinds this process knows how to run, grouped into lanes. */
export class JobRegistry {
  private readonly byKind = new Map<string, RegisteredKind>();
  private readonly laneSetups = new Map<string, LaneSetup>();

  constructor(defaultConcurrency: number) {
    this.laneSetups.set(DEFAULT_LANE, { name: DEFAULT_LANE, concurrency: defaultConcurrency, kinds: [] });
  }

  register<P>(spec: JobKindSpec<P>): void {
    if (this.byKind.has(spec.kind)) throw new JobKindError(spec.kind, `job kind ${spec.kind} is already registered`);
    const maxAttempts = spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new JobKindError(spec.kind, 'maxAttempts must be a positive integer');
    const lane = this.laneFor(spec.kind, spec.lane);
    lane.kinds.push(spec.kind);
    this.byKind.set(spec.kind, {
      spec: spec as JobKindSpec<unknown>,
      maxAttempts,
      backoff: spec.backoff ?? DEFAULT_BACKOFF,
      lane: lane.name,
    });
  }

  get(kind: string): RegisteredKind | undefined {
    return this.byKind.get(kind);
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** Lanes that have at least one kind. */
  lanes(): LaneSetup[] {
    return [...this.laneSetups.values()].filter((lane) => lane.kinds.length > 0);
  }

  private laneFor(kind: string, lane: JobLane | undefined): LaneSetup {
    if (!lane) return this.laneSetups.get(DEFAULT_LANE)!;
    if (!isValidLaneName(lane.name) || lane.name === DEFAULT_LANE) {
      throw new JobKindError(kind, `lane name ${lane.name} is not allowed (letters, digits, - and _; not "${DEFAULT_LANE}")`);
    }
    const setup: LaneSetup = { name: lane.name, concurrency: lane.concurrency ?? 1, kinds: [] };
    if (lane.limiter) setup.limiter = { ...lane.limiter };
    const existing = this.laneSetups.get(lane.name);
    if (!existing) {
      this.laneSetups.set(lane.name, setup);
      return setup;
    }
    // Two kinds may share a lane (one pace for all Telegram sends) but must agree on how it is paced.
    const same =
      existing.concurrency === setup.concurrency &&
      existing.limiter?.max === setup.limiter?.max &&
      existing.limiter?.duration === setup.limiter?.duration;
    if (!same) throw new JobKindError(kind, `lane ${lane.name} is already registered with other settings`);
    return existing;
  }
}
