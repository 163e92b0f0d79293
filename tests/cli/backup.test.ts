import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { listBackups } from '../../src/db/backups.js';
import { migrate } from '../../src/db/migrate.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { PROJECT_ROOT } from '../support/test-app.js';
import { cliEnv } from './support/cli-env.js';

const prismaDir = path.join(PROJECT_ROOT, 'prisma');
let temp: ReturnType<typeof tempDataDir>;
const dataDir = () => path.join(temp.dir, 'data');
const backup = (extra: Record<string, string> = {}) => runCli('src/cli/backup.ts', [], { env: cliEnv(dataDir(), extra) });

beforeAll(() => {
  temp = tempDataDir('pandu-backup-');
});
afterAll(() => {
  temp.cleanup();
});

/** A WhatsApp session folder as whatsapp-web.js leaves it while Chromium runs: data, caches, locks, a socket. */
async function fakeSession(): Promise<net.Server> {
  const profile = path.join(dataDir(), 'whatsapp', 'session-pandu', 'Default');
  fs.mkdirSync(path.join(profile, 'IndexedDB', 'https_web.whatsapp.com_0.indexeddb.leveldb'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'IndexedDB', 'https_web.whatsapp.com_0.indexeddb.leveldb', '000003.log'), 'kunci sesi');
  fs.mkdirSync(path.join(profile, 'Cache'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'Cache', 'data_0'), 'x'.repeat(10_000));
  fs.mkdirSync(path.join(dataDir(), 'whatsapp', 'web-cache'), { recursive: true });
  fs.writeFileSync(path.join(dataDir(), 'whatsapp', 'web-cache', '2.3000.html'), '<html></html>');
  fs.symlinkSync('pandu-host-4242', path.join(dataDir(), 'whatsapp', 'session-pandu', 'SingletonLock'));
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(dataDir(), 'whatsapp', 'session-pandu', 'sock'), resolve));
  return server;
}

describe('npm run backup', () => {
  it('copies the database and the WhatsApp session while Pandu writes, keeps the newest BACKUP_KEEP, and the copy restores', async () => {
    const url = `file:${path.join(dataDir(), 'pandu.db')}`;
    await migrate(url, prismaDir);
    // The running bot: rows committed but still only in the WAL, and a write transaction left open.
    const bot = new Database(path.join(dataDir(), 'pandu.db'));
    bot.pragma('wal_autocheckpoint = 0');
    bot.exec(`INSERT INTO "User" ("id", "displayName", "role", "createdAt", "updatedAt") VALUES ('u1', 'Sari', 'innovator', 0, 0);
      INSERT INTO "ProposalDraft" ("id", "userId", "templateId", "status", "createdAt", "updatedAt") VALUES ('d1', 'u1', 'pp38', 'draft', 0, 0);
      INSERT INTO "SectionAnswer" ("id", "draftId", "sectionKey", "version", "text", "skipped", "createdAt") VALUES ('a1', 'd1', 'latar', 1, 'Antrean puskesmas', 0, 0);`);
    bot.exec(
      `BEGIN IMMEDIATE; INSERT INTO "User" ("id", "displayName", "role", "createdAt", "updatedAt") VALUES ('belum', 'x', 'innovator', 0, 0);`,
    );
    const socket = await fakeSession();
    // Older backups of both kinds, and a folder the operator made by hand.
    const backupsDir = path.join(dataDir(), 'backups');
    for (const old of ['2020-01-01T000000Z-manual', '2020-01-02T000000Z-before-migration', 'salinan-saya']) {
      fs.mkdirSync(path.join(backupsDir, old), { recursive: true });
    }

    let result;
    try {
      result = await backup({ BACKUP_KEEP: '2' });
    } finally {
      bot.exec('ROLLBACK');
      bot.close();
      socket.close();
    }
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folders = listBackups(backupsDir);
    expect(folders.map((f) => path.basename(f))).toEqual(['2020-01-02T000000Z-before-migration', expect.stringMatching(/Z-manual$/)]);
    const folder = folders[1]!;
    expect(result.stdout.trim()).toBe(
      `Cadangan tersimpan di ${folder} (basis data dan sesi WhatsApp). Cadangan yang lebih lama dari 2 cadangan terbaru dihapus otomatis (BACKUP_KEEP).`,
    );
    expect(fs.existsSync(path.join(backupsDir, 'salinan-saya'))).toBe(true);

    const session = path.join(folder, 'whatsapp', 'session-pandu');
    expect(
      fs.readFileSync(path.join(session, 'Default', 'IndexedDB', 'https_web.whatsapp.com_0.indexeddb.leveldb', '000003.log'), 'utf8'),
    ).toBe('kunci sesi');
    for (const left of [path.join(session, 'Default', 'Cache'), path.join(session, 'SingletonLock'), path.join(session, 'sock')]) {
      expect(fs.existsSync(left)).toBe(false);
    }
    expect(fs.existsSync(path.join(folder, 'whatsapp', 'web-cache'))).toBe(false);

    // Restore as the README says: the copy becomes DATA_DIR/pandu.db of a fresh installation.
    const restored = path.join(temp.dir, 'dipulihkan', 'pandu.db');
    fs.mkdirSync(path.dirname(restored));
    fs.copyFileSync(path.join(folder, 'pandu.db'), restored);
    expect(await migrate(`file:${restored}`, prismaDir)).toEqual([]);
    const db = await createDb(`file:${restored}`);
    try {
      expect((await db.user.findMany()).map((u) => u.id)).toEqual(['u1']);
      expect(await db.sectionAnswer.findUniqueOrThrow({ where: { id: 'a1' } })).toMatchObject({ text: 'Antrean puskesmas' });
    } finally {
      await db.$disconnect();
    }
  });

  it('on PostgreSQL explains pg_dump in Indonesian and does nothing', async () => {
    const before = fs.readdirSync(temp.dir);
    const result = await backup({ DATA_DIR: path.join(temp.dir, 'pg'), DATABASE_URL: 'postgresql://pandu:rahasia@db.example:5432/pandu' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Pandu memakai PostgreSQL');
    expect(result.stderr).toContain('pg_dump --format=custom');
    expect(result.stderr).not.toContain('rahasia');
    expect(fs.readdirSync(temp.dir)).toEqual(before);
  });

  it('says there is nothing to back up before the first start', async () => {
    const result = await backup({ DATA_DIR: path.join(temp.dir, 'kosong') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Belum ada basis data');
    expect(fs.existsSync(path.join(temp.dir, 'kosong'))).toBe(false);
  });
});
