import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/client.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { tempDataDir } from '../support/temp-data.js';
import { PROJECT_ROOT } from '../support/test-app.js';

const prismaDir = path.join(PROJECT_ROOT, 'prisma');
let temp: ReturnType<typeof tempDataDir>;

beforeAll(() => {
  temp = tempDataDir('pandu-migrate-');
});
afterAll(() => {
  temp.cleanup();
});

describe('migrate() on SQLite', () => {
  it('keeps the SQLite and PostgreSQL migrations in step', () => {
    const sqlite = readMigrations(prismaDir, 'sqlite');
    expect(sqlite.length).toBeGreaterThan(0);
    expect(readMigrations(prismaDir, 'pg').map((m) => m.name)).toEqual(sqlite.map((m) => m.name));
  });

  it('applies every migration once on a fresh file, creating its folder, and records them as Prisma does', async () => {
    const file = path.join(temp.dir, 'baru', 'dalam', 'pandu.db');
    const expected = readMigrations(prismaDir, 'sqlite');
    expect(await migrate(`file:${file}`, prismaDir)).toEqual(expected.map((m) => m.name));
    expect(fs.existsSync(file)).toBe(true);

    const db = new Database(file, { readonly: true });
    try {
      const rows = db
        .prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name')
        .all() as Array<{
        migration_name: string;
        checksum: string;
        finished_at: string | null;
      }>;
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(expected.map((m) => [m.name, m.checksum]));
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (r) => r.name,
      );
      expect(tables).toEqual(
        expect.arrayContaining(['User', 'ChannelIdentity', 'ConversationState', 'LinkCode', 'KbDocument', 'KbChunk', 'ProposalDraft']),
      );
    } finally {
      db.close();
    }
  });

  it('is idempotent: a second run applies nothing and keeps the data', async () => {
    const url = `file:${path.join(temp.dir, 'dua-kali.db')}`;
    await migrate(url, prismaDir);
    const client = await createDb(url);
    try {
      await client.user.create({ data: { displayName: 'Sari' } });
    } finally {
      await client.$disconnect();
    }
    expect(await migrate(url, prismaDir)).toEqual([]);
    const again = await createDb(url);
    try {
      expect(await again.user.count()).toBe(1);
    } finally {
      await again.$disconnect();
    }
    const db = new Database(url.slice('file:'.length), { readonly: true });
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM _prisma_migrations').get() as { n: number }).n).toBe(
        readMigrations(prismaDir, 'sqlite').length,
      );
    } finally {
      db.close();
    }
  });
});

describe('an applied migration edited afterwards', () => {
  it('is reported, since the database will never get the edit', async () => {
    const copy = path.join(temp.dir, 'prisma-copy');
    fs.cpSync(prismaDir, copy, { recursive: true, filter: (src) => !src.includes('schema.prisma') || src.includes('migrations') });
    const url = `file:${path.join(temp.dir, 'edited.db')}`;
    await migrate(url, copy);
    const [first] = readMigrations(copy, 'sqlite');
    fs.appendFileSync(path.join(copy, 'sqlite', 'migrations', first!.name, 'migration.sql'), '\n-- edited later\n');
    const reported: string[][] = [];
    expect(await migrate(url, copy, { onEdited: (names) => reported.push(names) })).toEqual([]);
    expect(reported).toEqual([[first!.name]]);
  });
});

describe('the app on an existing database with a pending migration', () => {
  it('copies the database to DATA_DIR/backups first and logs where, at a level a terminal shows', async () => {
    const [init, ...later] = readMigrations(prismaDir, 'sqlite');
    expect(later.length).toBeGreaterThan(0);
    const olderPrisma = path.join(temp.dir, 'prisma-lama');
    fs.mkdirSync(path.join(olderPrisma, 'sqlite', 'migrations', init!.name), { recursive: true });
    fs.writeFileSync(path.join(olderPrisma, 'sqlite', 'migrations', init!.name, 'migration.sql'), init!.sql);
    const dataDir = path.join(temp.dir, 'aplikasi-lama');
    const url = `file:${path.join(dataDir, 'pandu.db')}`;
    await migrate(url, olderPrisma);
    // Raw SQL: the generated client already expects the newer columns.
    const old = new Database(path.join(dataDir, 'pandu.db'));
    old
      .prepare(`INSERT INTO "User" ("id", "displayName", "role", "createdAt", "updatedAt") VALUES ('sari', 'Sari', 'innovator', 0, 0)`)
      .run();
    old.close();

    const lines: Array<{ level: number; msg: string; backup?: string; migrations?: string[] }> = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const { db } = await openKnowledge(loadConfig({ DATA_DIR: dataDir }, PROJECT_ROOT), logger);
    await db.$disconnect();

    const told = lines.find((l) => l.msg === 'database copied before migrating');
    expect(told).toMatchObject({ level: 40, migrations: later.map((m) => m.name) });
    expect(path.dirname(told!.backup!)).toBe(path.join(dataDir, 'backups'));
    const copy = new Database(path.join(told!.backup!, 'pandu.db'), { readonly: true });
    try {
      expect(copy.prepare('SELECT "displayName" FROM "User"').all()).toEqual([{ displayName: 'Sari' }]);
    } finally {
      copy.close();
    }
  });
});
