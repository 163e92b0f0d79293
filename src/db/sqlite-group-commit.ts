import type Database from 'better-sqlite3';

/** How long a write waits in all for another connection's transaction (as the app's busy_timeout). */
const BUSY_WAIT_MS = 5000;

/** Queues a write for the next group commit; resolves with what `run` returned once it is committed. */
export type GroupedWrite = <T>(run: () => T) => Promise<T>;

interface Pending {
  run: () => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown };
}

/**
 * Writes asked for in one turn of the event loop share one transaction. The messages of one Telegram
 * batch arrive together, and each writes its id and its rate-limit count: one commit for all of them
 * instead of one each, and the pages they share (a table's newest rows, its time index) go to the WAL
 * once. Each write keeps its own result or error; a write that fails leaves the others in. The
 * connection must not wait inside SQLite (busy_timeout 0): a busy commit is tried again after yielding
 * to the event loop, so the transaction of another connection in this process can finish.
 */
export function groupCommits(
  db: Database.Database,
  defer: (run: () => void) => void = setImmediate,
): {
  write: GroupedWrite;
  /** Commits what is queued now (before the connection closes). */
  flush(): Promise<void>;
} {
  let queued: Pending[] = [];
  // Inside the group's transaction each write runs in its own savepoint: a write of several statements
  // that fails half-way leaves none of them in.
  const runOne = db.transaction((w: Pending) => w.run());
  const commitAll = db.transaction((writes: Pending[]) => {
    for (const w of writes) {
      try {
        w.outcome = { ok: true, value: runOne(w) };
      } catch (error) {
        // Busy, or an error that ended the transaction: the whole group is tried again or fails.
        if (isBusy(error) || !db.inTransaction) throw error;
        w.outcome = { ok: false, error };
      }
    }
  });
  const flush = async () => {
    const writes = queued;
    queued = [];
    if (writes.length === 0) return;
    try {
      await retryWhileBusy(() => commitAll(writes));
    } catch (error) {
      for (const w of writes) w.reject(error);
      return;
    }
    for (const w of writes) {
      if (w.outcome!.ok) w.resolve(w.outcome!.value as never);
      else w.reject(w.outcome!.error);
    }
  };
  return {
    write: <T>(run: () => T) =>
      new Promise<T>((resolve, reject) => {
        if (queued.length === 0) defer(() => void flush());
        queued.push({ run, resolve: resolve as (value: never) => void, reject });
      }),
    flush,
  };
}

async function retryWhileBusy(run: () => void): Promise<void> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      run();
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function isBusy(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_BUSY';
}
