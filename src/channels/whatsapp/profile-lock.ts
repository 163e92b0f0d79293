import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The files Chromium leaves in a profile while it runs; an unclean stop leaves them behind. */
export const PROFILE_LOCK_FILES = ['SingletonLock', 'SingletonCookie', 'SingletonSocket'] as const;

/** How to tell whether the browser that wrote a lock still runs (replaced in tests). */
export interface LockOwnerProbe {
  hostname(): string;
  /** Whether `pid` on this machine is a running Chromium. */
  isRunningBrowser(pid: number): boolean;
}

export const localProbe: LockOwnerProbe = {
  hostname: () => os.hostname(),
  isRunningBrowser(pid) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      // EPERM: it exists but belongs to someone else; only "no such process" proves it is gone.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
    // After a restart the number may belong to another program (in a container often to Pandu itself).
    try {
      return /chrom/i.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return pid !== process.pid;
    }
  },
};

/**
 * Removes Chromium's profile lock when the browser that took it is gone (a crash, kill -9, a power
 * cut). Chromium refuses to open a locked profile, so a stale lock would keep WhatsApp from starting
 * on every retry. SingletonLock is a symlink to `<host>-<pid>`; a lock held by a live Chromium on this
 * machine (another Pandu on the same DATA_DIR) is left alone. Synchronous on purpose: a few local file
 * operations before a browser start that takes seconds, done in the same turn as the start itself.
 * Returns whether a lock was removed.
 */
export function removeStaleProfileLock(profileDir: string, probe: LockOwnerProbe = localProbe): boolean {
  let owner: string | undefined;
  try {
    owner = fs.readlinkSync(path.join(profileDir, 'SingletonLock'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // EINVAL: a plain file where the symlink should be; no owner to ask, so it cannot be in use.
    if (code !== 'EINVAL') throw error;
  }
  const match = owner ? /^(.+)-(\d+)$/.exec(owner) : null;
  if (match && match[1] === probe.hostname() && probe.isRunningBrowser(Number(match[2]))) return false;
  for (const name of PROFILE_LOCK_FILES) fs.rmSync(path.join(profileDir, name), { force: true });
  return true;
}
