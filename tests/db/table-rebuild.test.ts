import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../src/db/backups.js';
import { migrate, MigrationError } from '../../src/db/migrate.js';
import { tempDataDir } from '../support/temp-data.js';

/** A parent (User) with children (Draft) and grandchildren (Answer), deleted in cascade as in our models. */
const INIT = `
CREATE TABLE "User" ("id" TEXT NOT NULL PRIMARY KEY, "displayName" TEXT, "role" TEXT NOT NULL DEFAULT 'innovator');
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL PRIMARY KEY, "userId" TEXT NOT NULL, "title" TEXT,
    CONSTRAINT "Draft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL PRIMARY KEY, "draftId" TEXT NOT NULL, "text" TEXT NOT NULL,
    CONSTRAINT "Answer_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
`;

/** What `prisma migrate diff` writes when a column is added to User in a way SQLite cannot ALTER. */
function redefineUser(copyWhere = ''): string {
  return `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT,
    "role" TEXT NOT NULL DEFAULT 'innovator',
    "email" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_User" ("id", "displayName", "role") SELECT "id", "displayName", "role" FROM "User"${copyWhere};
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;
}

let temp: ReturnType<typeof tempDataDir>;
let prismaDir = '';
let url = '';
let file = '';

function writeMigration(name: string, sql: string): void {
  const dir = path.join(prismaDir, 'sqlite', 'migrations', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
}

function count(table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Two people, three drafts, four answers: the rows a careless rebuild of User would cascade away. */
async function seed(): Promise<void> {
  writeMigration('20260101000000_init', INIT);
  await migrate(url, prismaDir);
  const db = new Database(file);
  try {
    db.exec(`INSERT INTO "User" ("id", "displayName", "role") VALUES ('u1', 'Sari', 'admin'), ('u2', 'Budi', 'innovator');
      INSERT INTO "Draft" ("id", "userId", "title") VALUES ('d1', 'u1', 'Satu'), ('d2', 'u1', 'Dua'), ('d3', 'u2', 'Tiga');
      INSERT INTO "Answer" ("id", "draftId", "text") VALUES ('a1', 'd1', 'x'), ('a2', 'd1', 'y'), ('a3', 'd2', 'z'), ('a4', 'd3', 'w');`);
  } finally {
    db.close();
  }
}

beforeEach(() => {
  temp = tempDataDir('pandu-rebuild-');
  prismaDir = path.join(temp.dir, 'prisma');
  file = path.join(temp.dir, 'data', 'pandu.db');
  url = `file:${file}`;
});
afterEach(() => {
  temp.cleanup();
});

describe('a migration that rebuilds a parent table the Prisma way', () => {
  it('keeps every child and grandchild row, and foreign keys still hold afterwards', async () => {
    await seed();
    writeMigration('20260201000000_user_email', redefineUser());
    expect(await migrate(url, prismaDir)).toEqual(['20260201000000_user_email']);
    expect([count('User'), count('Draft'), count('Answer')]).toEqual([2, 3, 4]);

    const db = new Database(file);
    try {
      expect(db.prepare(`SELECT "email" FROM "User" WHERE "id" = 'u1'`).get()).toEqual({ email: '' });
      // The rebuilt table is still the parent: deleting a person still removes their drafts and answers.
      db.exec(`DELETE FROM "User" WHERE "id" = 'u1'`);
      expect(db.prepare('SELECT COUNT(*) AS n FROM "Answer"').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('rolls back a migration that would leave orphans, naming it and the tables, and applies nothing of it', async () => {
    await seed();
    // Copies only admins: Budi's draft would point at nobody.
    writeMigration('20260201000000_admins_only', redefineUser(` WHERE "role" = 'admin'`));
    const failure = await migrate(url, prismaDir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure).toMatchObject({ migration: '20260201000000_admins_only', tables: ['Draft'] });
    expect((failure as Error).message).toContain('20260201000000_admins_only');
    expect((failure as Error).message).toContain('Draft');

    expect([count('User'), count('Draft'), count('Answer')]).toEqual([2, 3, 4]);
    const db = new Database(file);
    try {
      expect((db.prepare('PRAGMA table_info("User")').all() as Array<{ name: string }>).map((c) => c.name)).not.toContain('email');
      expect(db.prepare('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name').all()).toEqual([
        { migration_name: '20260101000000_init' },
      ]);
      // Foreign keys are enforced again on the migrator's connection after the failure.
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('copies an existing database before migrating it, says where, and the copy opens with the old data', async () => {
    await seed();
    writeMigration('20260201000000_user_email', redefineUser());
    const backupsDir = path.join(temp.dir, 'data', 'backups');
    const told: Array<{ folder: string; pending: string[] }> = [];
    await migrate(url, prismaDir, {
      backups: { dir: backupsDir, keep: 7 },
      onBackup: (folder, pending) => told.push({ folder, pending }),
      now: () => new Date('2026-03-02T01:02:03Z'),
    });

    const folder = path.join(backupsDir, '2026-03-02T010203Z-before-migration');
    expect(told).toEqual([{ folder, pending: ['20260201000000_user_email'] }]);
    const copy = new Database(path.join(folder, 'pandu.db'), { readonly: true });
    try {
      expect(copy.prepare('SELECT COUNT(*) AS n FROM "Answer"').get()).toEqual({ n: 4 });
      // The copy is from before the migration.
      expect((copy.prepare('PRAGMA table_info("User")').all() as Array<{ name: string }>).map((c) => c.name)).not.toContain('email');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('makes no copy of a fresh file or when nothing is pending', async () => {
    const backups = { dir: path.join(temp.dir, 'data', 'backups'), keep: 7 };
    writeMigration('20260101000000_init', INIT);
    await migrate(url, prismaDir, { backups });
    await migrate(url, prismaDir, { backups });
    expect(listBackups(backups.dir)).toEqual([]);
  });
});
