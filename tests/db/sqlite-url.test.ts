import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { migrate, openSqlite } from '../../src/db/migrate.js';
import { sqliteFile } from '../../src/db/sqlite-url.js';
import { tempDataDir } from '../support/temp-data.js';
import { PROJECT_ROOT } from '../support/test-app.js';

const prismaDir = path.join(PROJECT_ROOT, 'prisma');
let temp: ReturnType<typeof tempDataDir>;

beforeAll(() => {
  temp = tempDataDir('pandu-sqlite-url-');
});
afterAll(() => {
  temp.cleanup();
});

describe('sqliteFile', () => {
  it('reads the file of a SQLite URL without its query string, absolute or relative', () => {
    expect(sqliteFile('file:/srv/pandu/pandu.db?connection_limit=1&socket_timeout=10')).toBe('/srv/pandu/pandu.db');
    expect(sqliteFile('file:./data/pandu.db', '/opt/pandu')).toBe('/opt/pandu/data/pandu.db');
    expect(sqliteFile('file:pandu.db?connection_limit=1', '/opt/pandu')).toBe('/opt/pandu/pandu.db');
    expect(sqliteFile('file:///srv/pandu/pandu.db')).toBe('/srv/pandu/pandu.db');
    expect(() => sqliteFile('file:?connection_limit=1')).toThrow(/names no SQLite file/);
  });
});

/**
 * Both halves of the contract: what the app writes through Prisma, the migrator's own connection reads
 * for the same URL, and the other way round. Before, `?connection_limit=1` made them two files.
 */
async function sameFileBothWays(url: string, file: string): Promise<void> {
  expect(await migrate(url, prismaDir)).not.toEqual([]);
  const prisma = await createDb(url);
  const raw = openSqlite(url);
  try {
    await prisma.user.create({ data: { id: 'dari-prisma', displayName: 'Sari' } });
    expect(raw.prepare('SELECT "displayName" FROM "User" WHERE "id" = ?').get('dari-prisma')).toEqual({ displayName: 'Sari' });
    raw
      .prepare(`INSERT INTO "User" ("id", "displayName", "role", "createdAt", "updatedAt") VALUES (?, ?, 'innovator', ?, ?)`)
      .run('dari-migrator', 'Budi', Date.now(), Date.now());
    expect(await prisma.user.findUnique({ where: { id: 'dari-migrator' } })).toMatchObject({ displayName: 'Budi' });
  } finally {
    raw.close();
    await prisma.$disconnect();
  }
  expect(fs.existsSync(file)).toBe(true);
  // No second database named after the whole URL.
  expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('?'))).toEqual([]);
}

describe('one SQLite file for the migrator and the app', () => {
  it('with query parameters in an absolute URL', async () => {
    const file = path.join(temp.dir, 'absolut', 'pandu.db');
    await sameFileBothWays(`file:${file}?connection_limit=1`, file);
  });

  it('with a relative path and query parameters', async () => {
    const dir = path.join(temp.dir, 'relatif');
    fs.mkdirSync(dir);
    const before = process.cwd();
    process.chdir(dir);
    try {
      await sameFileBothWays('file:./data/pandu.db?connection_limit=1', path.join(dir, 'data', 'pandu.db'));
    } finally {
      process.chdir(before);
    }
  });
});
