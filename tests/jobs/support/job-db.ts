import path from 'node:path';
import { projectRoot } from '../../../src/config.js';
import { createDb, tuneConnection, type Db } from '../../../src/db/client.js';
import { migrate } from '../../../src/db/migrate.js';
import { silentLogger } from '../../../src/logger.js';
import { Jobs, type JobsOptions } from '../../../src/jobs/jobs.js';
import { tempDataDir } from '../../support/temp-data.js';

export const prismaDir = path.join(projectRoot, 'prisma');

/** A migrated SQLite file in a temporary folder. */
export async function sqliteFile(): Promise<{ url: string; dir: string; cleanup: () => void }> {
  const temp = tempDataDir('pandu-jobs-');
  const url = `file:${path.join(temp.dir, 'jobs.db')}`;
  await migrate(url, prismaDir);
  return { url, dir: temp.dir, cleanup: temp.cleanup };
}

/** Opens a client on an already migrated database, as the app does. */
export async function openDb(url: string): Promise<Db> {
  const db = await createDb(url);
  await tuneConnection(db, url);
  return db;
}

/** A Jobs instance with a silent logger and the given options. */
export function testJobs(db: Db, options: Partial<JobsOptions> = {}): Jobs {
  return new Jobs({ db, logger: silentLogger(), ...options });
}
