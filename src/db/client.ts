import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PgClient } from '../generated/prisma-pg/index.js';
import { PrismaClient as SqliteClient } from '../generated/prisma-sqlite/index.js';

/** Both generated clients expose the same model API; code is written against the SQLite one. */
export type Db = SqliteClient;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database for a URL: `file:` (SQLite, the default) or `postgresql://` (scale-out).
 * Migrations are applied separately by `migrate()`.
 */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
