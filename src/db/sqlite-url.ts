import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The database file of a SQLite `DATABASE_URL`, as an absolute path. The migrator, the app's client and
 * the backup command all open the file through this one function, so they can never disagree: Prisma-style
 * query parameters (`file:/x/pandu.db?connection_limit=1`) are not part of the file name, and a relative
 * path (`file:./data/pandu.db`) is taken from `baseDir` (the working directory, as SQLite itself does).
 */
export function sqliteFile(url: string, baseDir = process.cwd()): string {
  const withoutQuery = url.replace(/[?#].*$/, '');
  const file = withoutQuery.startsWith('file://') ? fileURLToPath(withoutQuery) : withoutQuery.replace(/^file:/, '');
  if (!file) throw new Error(`DATABASE_URL names no SQLite file: ${url}`);
  return path.resolve(baseDir, file);
}
