import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the suites may use; unset, their PostgreSQL parts are skipped. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL;

/** Runs one statement on the server named by TEST_DATABASE_URL (create/drop a test database). */
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, randomly named database on the test server, so parallel suites never share rows. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pandu_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
