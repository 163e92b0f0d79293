import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient as SqliteClient } from '../generated/prisma-sqlite/index.js';
import { sqliteFile } from './sqlite-url.js';

/** Both generated clients expose the same model API; code is written against the SQLite one. */
export type Db = SqliteClient;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database for a URL: `file:` (SQLite, the default) or `postgresql://` (scale-out).
 * Migrations are applied separately by `migrate()`. The PostgreSQL client stack (pg, its adapter and
 * generated client) is loaded only for a PostgreSQL URL.
 */
export async function createDb(url: string): Promise<Db> {
  if (isPostgresUrl(url)) {
    const [{ PrismaPg }, { PrismaClient: PgClient }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('../generated/prisma-pg/index.js'),
    ]);
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // The adapter would take `?connection_limit=1` as part of the file name: open the file the migrator opens.
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFile(url) }) });
}

/**
 * Per-connection settings for SQLite. The database is in WAL mode (set when migrating); with
 * synchronous=NORMAL a commit no longer waits for the disk to flush, which took tens of milliseconds per
 * message on a busy disk, and a crash can lose at most the last transactions, never corrupt the file.
 * A busy timeout lets the bot and a `kb` command write to the same file without "database is locked".
 */
export async function tuneConnection(db: Db, url: string): Promise<void> {
  if (isPostgresUrl(url)) return;
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
}
