import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createDb, tuneConnection, type Db } from './client.js';
import { migrate } from './migrate.js';

/**
 * The database, migrated and tuned: what every command that touches storage starts with. Kept apart from
 * app.ts so light commands (`npm run jobs`) do not load the whole app.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Db> {
  const applied = await migrate(config.databaseUrl, config.prismaDir, {
    onEdited: (names) =>
      logger.warn({ migrations: names }, 'applied migrations were edited afterwards; the database does not have those edits'),
    backups: config.backups,
    // Warn level, so it shows at a terminal too: this is where to go back to if an upgrade goes wrong.
    onBackup: (folder, pending) => logger.warn({ backup: folder, migrations: pending }, 'database copied before migrating'),
  });
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const db = await createDb(config.databaseUrl);
  await tuneConnection(db, config.databaseUrl);
  return db;
}
