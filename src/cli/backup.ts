import fs from 'node:fs';
import path from 'node:path';
import { isPostgresUrl } from '../db/client.js';
import { writeBackup } from '../db/backups.js';
import { openSqlite } from '../db/migrate.js';
import { sqliteFile } from '../db/sqlite-url.js';
import { loadTranslator } from '../i18n/translator.js';
import { bootstrap } from './bootstrap.js';

/**
 * `npm run backup`: a consistent copy of the SQLite database plus the WhatsApp session into
 * `DATA_DIR/backups/<time>-manual/`, keeping the newest BACKUP_KEEP backups (see src/db/backups.ts).
 * Safe while Pandu runs: the database copy is one snapshot read alongside the bot's writes (WAL).
 * On PostgreSQL it explains pg_dump instead and changes nothing.
 */
const { config, logger } = bootstrap('warn');
const { t } = loadTranslator(config.localesDir);

/** Chromium's caches (rebuilt on start) and its single-instance lock files, which belong to a live browser. */
const SKIPPED = new Set(['web-cache', 'Cache', 'Code Cache', 'GPUCache', 'SingletonLock', 'SingletonSocket', 'SingletonCookie']);

/**
 * Copies the WhatsApp session folder. Chromium may be writing it: a file that disappears meanwhile is
 * skipped rather than failing the backup, and sockets or links are left out.
 */
function copySession(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    try {
      if (entry.isDirectory()) copySession(source, path.join(to, entry.name));
      else if (entry.isFile()) fs.copyFileSync(source, path.join(to, entry.name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

if (isPostgresUrl(config.databaseUrl)) {
  console.error(t('backup.postgres'));
  process.exit(2);
}
const file = sqliteFile(config.databaseUrl);
if (!fs.existsSync(file)) {
  console.error(t('backup.no_database', { file }));
  process.exit(1);
}

const session = path.join(config.dataDir, 'whatsapp');
const withSession = fs.existsSync(session);
const db = openSqlite(config.databaseUrl);
try {
  const folder = writeBackup(db, config.backups, 'manual', new Date(), (dir) => {
    if (withSession) copySession(session, path.join(dir, 'whatsapp'));
  });
  const contents = [t('backup.database'), ...(withSession ? [t('backup.whatsapp')] : [])].join(t('common.and'));
  console.log(t('backup.done', { folder, contents, keep: config.backups.keep }));
} catch (error) {
  logger.error({ err: error }, 'backup failed');
  console.error(t('backup.failed', { reason: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
} finally {
  db.close();
}
