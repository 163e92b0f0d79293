/**
 * Runs tasks one at a time per key, in arrival order, without blocking other keys. The router uses it
 * per person (one person may write from a group and a private chat, or from Telegram and WhatsApp at
 * once, and each message loads and saves that person's conversation state); the channels use it per
 * chat, so a second message is never answered before the first.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      // The map holds only keys with work in flight, so it cannot grow with the number of users.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with work queued or running (for tests and diagnostics). */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far (and any queued meanwhile) has finished: for shutdown. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()]);
  }
}
