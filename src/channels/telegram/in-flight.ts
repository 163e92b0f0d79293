/**
 * Counts updates being handled so shutdown can wait for them: the runner's concurrent sink and the
 * webhook (which answers Telegram before a slow reply is sent) both let handling outlive their own stop.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once everything tracked so far (and anything started meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
