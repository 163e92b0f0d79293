import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeBackup, type BackupTarget } from './backups.js';
import { ensureDir } from '../core/files/ensure-dir.js';
import { isPostgresUrl } from './client.js';
import { sqliteFile } from './sqlite-url.js';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the committed migrations of one provider, in order. */
export function readMigrations(prismaDir: string, provider: 'sqlite' | 'pg'): Migration[] {
  const dir = path.join(prismaDir, provider, 'migrations');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrateOptions {
  /** Applied migrations whose file changed since (committed SQL must never be edited after release). */
  onEdited?: (names: string[]) => void;
  /**
   * Where to copy an existing SQLite database before applying pending migrations (DATA_DIR/backups).
   * Without it no copy is made (tests, fresh files).
   */
  backups?: BackupTarget;
  /** The copy was written: say where, so an operator can find it if a migration goes wrong. */
  onBackup?: (folder: string, pending: string[]) => void;
  now?: () => Date;
}

/** A migration that would leave the database inconsistent; nothing of it was applied. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    /** Tables holding rows whose foreign key points nowhere after the migration. */
    readonly tables: string[],
  ) {
    super(`migration ${migration} was rolled back: it leaves rows without their parent in ${tables.join(', ')}`);
    this.name = 'MigrationError';
  }
}

/**
 * Applies pending migrations at start-up, so a fresh machine needs no manual step. It records them in
 * Prisma's own `_prisma_migrations` table, so `prisma migrate deploy` and this function agree.
 * Returns the names of the migrations it applied.
 */
export async function migrate(url: string, prismaDir: string, options: MigrateOptions = {}): Promise<string[]> {
  if (isPostgresUrl(url)) return migratePostgres(url, readMigrations(prismaDir, 'pg'), options.onEdited);
  return migrateSqlite(url, readMigrations(prismaDir, 'sqlite'), options);
}

/** Opens a SQLite `DATABASE_URL` outside Prisma (migrations, backups), creating its folder. */
export function openSqlite(url: string): Database.Database {
  const file = sqliteFile(url);
  ensureDir(path.dirname(file));
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Applied migrations by name, reporting those whose file changed since (committed SQL must never be
 * edited after release: the database would not get the edit). Reported, not fatal.
 */
function appliedChecksums(
  rows: Array<{ migration_name: string; checksum: string }>,
  migrations: Migration[],
  onEdited?: (names: string[]) => void,
): Map<string, string> {
  const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const changed = migrations.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum).map((m) => m.name);
  if (changed.length > 0) onEdited?.(changed);
  return applied;
}

function migrateSqlite(url: string, migrations: Migration[], options: MigrateOptions): string[] {
  const db = openSqlite(url);
  try {
    db.pragma('journal_mode = WAL');
    const hasData = (
      db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).get() as {
        n: number;
      }
    ).n;
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const rows = db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL').all() as Array<{
      migration_name: string;
      checksum: string;
    }>;
    const applied = appliedChecksums(rows, migrations, options.onEdited);
    const pending = migrations.filter((m) => !applied.has(m.name));
    if (pending.length > 0 && hasData > 0 && options.backups) {
      const folder = writeBackup(db, options.backups, 'before-migration', options.now?.() ?? new Date());
      options.onBackup?.(
        folder,
        pending.map((m) => m.name),
      );
    }
    const done: string[] = [];
    for (const m of pending) if (applySqlite(db, m)) done.push(m.name);
    return done;
  } finally {
    db.close();
  }
}

/**
 * Applies one migration atomically. Prisma rebuilds a SQLite table as CREATE new_X, copy, DROP X,
 * RENAME, wrapped in `PRAGMA foreign_keys=OFF`; that pragma is ignored inside a transaction, so with
 * foreign keys on, `DROP TABLE "User"` would cascade and delete every child row. Foreign keys are
 * therefore switched off around the transaction, and `foreign_key_check` stands in for them before
 * commit: a migration that leaves orphans is rolled back whole.
 */
function applySqlite(db: Database.Database, m: Migration): boolean {
  db.pragma('foreign_keys = OFF');
  try {
    const apply = db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL').get(m.name);
      if (again) return false;
      db.exec(m.sql);
      const violations = db.pragma('foreign_key_check') as Array<{ table: string }>;
      if (violations.length > 0) throw new MigrationError(m.name, [...new Set(violations.map((v) => v.table))].sort());
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
         VALUES (?, ?, current_timestamp, ?, 1, current_timestamp)`,
      ).run(randomUUID(), m.checksum, m.name);
      return true;
    });
    // IMMEDIATE takes the write lock first, so two processes starting together do not both apply it.
    return apply.immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

async function migratePostgres(url: string, migrations: Migration[], onEdited?: (names: string[]) => void): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across processes.
    await client.query('SELECT pg_advisory_lock(727274)');
    await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    const applied = appliedChecksums(rows, migrations, onEdited);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
        done.push(m.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    await client.end();
  }
}
