import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Backups live in `DATA_DIR/backups/`, one folder each, named `<UTC time>-<kind>` (e.g.
 * `2026-03-02T010203Z-manual`), so names sort by time whatever their kind. Both kinds share one budget:
 * `BACKUP_KEEP` newest folders are kept and older ones removed whenever a backup is written. Folders
 * with other names (copies an operator made by hand) are never touched.
 */
export type BackupKind = 'manual' | 'before-migration';

/** The database copy's name inside a backup folder (the same name it has in DATA_DIR). */
export const DB_COPY_NAME = 'pandu.db';

const OURS = /^\d{4}-\d{2}-\d{2}T\d{6}Z-[a-z-]+(-\d+)?$/;

export interface BackupTarget {
  /** DATA_DIR/backups */
  dir: string;
  /** How many backup folders to keep (both kinds together); at least 1. */
  keep: number;
}

/**
 * Writes a consistent copy of an open SQLite database into a new backup folder and prunes old ones.
 * `VACUUM INTO` reads one snapshot, so it is safe while Pandu writes (WAL) and the copy needs no -wal
 * file. `extra` adds more to the folder before it becomes visible (the WhatsApp session). The folder
 * appears under its final name only when complete, so a crash never leaves a half backup that counts.
 */
export function writeBackup(
  db: Database.Database,
  target: BackupTarget,
  kind: BackupKind,
  now: Date,
  extra?: (folder: string) => void,
): string {
  fs.mkdirSync(target.dir, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/:/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let name = `${stamp}-${kind}`;
  for (let n = 2; fs.existsSync(path.join(target.dir, name)); n += 1) name = `${stamp}-${kind}-${n}`;
  const partial = path.join(target.dir, `.partial-${name}`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial);
  try {
    db.prepare('VACUUM INTO ?').run(path.join(partial, DB_COPY_NAME));
    extra?.(partial);
    const folder = path.join(target.dir, name);
    fs.renameSync(partial, folder);
    pruneBackups(target);
    return folder;
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Removes all but the newest `keep` backup folders; returns the removed ones. */
export function pruneBackups(target: BackupTarget): string[] {
  const ours = listBackups(target.dir);
  const old = ours.slice(0, Math.max(0, ours.length - Math.max(1, target.keep)));
  for (const folder of old) fs.rmSync(folder, { recursive: true, force: true });
  return old;
}

/** Backup folders, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && OURS.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => path.join(dir, name));
}
