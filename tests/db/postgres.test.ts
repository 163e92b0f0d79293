import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/client.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { MessageDeduplicator } from '../../src/core/dedup.js';
import { choice } from '../../src/core/messages.js';
import { SessionStore } from '../../src/core/sessions.js';
import { UserStore } from '../../src/core/users.js';
import { KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { silentLogger } from '../../src/logger.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { createTestDatabase, TEST_PG_URL } from '../support/pg-database.js';
import { tempDataDir } from '../support/temp-data.js';

const suite = TEST_PG_URL ? 'PostgreSQL storage' : 'PostgreSQL storage (skipped: TEST_DATABASE_URL not set)';
const prismaDir = path.join(projectRoot, 'prisma');

describe.skipIf(!TEST_PG_URL)(suite, () => {
  let url = '';
  let drop: () => Promise<void> = async () => undefined;
  let db: Db;
  let temp: ReturnType<typeof tempDataDir>;
  let knowledgeDir = '';
  let firstRun: string[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    firstRun = await migrate(url, prismaDir);
    db = await createDb(url);
    temp = tempDataDir('pandu-pg-');
    knowledgeDir = writeSmallKnowledge(temp.dir);
  });
  afterAll(async () => {
    await db?.$disconnect();
    temp?.cleanup();
    await drop();
  });

  it('applies the migrations once on a fresh database, and nothing on a second run', async () => {
    expect(firstRun).toEqual(readMigrations(prismaDir, 'pg').map((m) => m.name));
    expect(await migrate(url, prismaDir)).toEqual([]);
  });

  it('stores users with their channel identities, one user per identity', async () => {
    const users = new UserStore(db);
    const first = await users.resolve('telegram', '42', 'Sari');
    expect(await users.resolve('telegram', '42')).toEqual(first);
    const concurrent = await Promise.all([users.resolve('whatsapp', '628', 'Budi'), users.resolve('whatsapp', '628', 'Budi')]);
    expect(concurrent[0].id).toBe(concurrent[1].id);
    expect((await users.identities(first.id)).map((i) => [i.channel, i.externalId, i.displayName])).toEqual([['telegram', '42', 'Sari']]);
  });

  it('round-trips a session with JSON state and choices, and expires it', async () => {
    const user = await new UserStore(db).resolve('terminal', 'sesi');
    const sessions = new SessionStore(db, 60_000);
    const now = new Date('2026-03-02T01:00:00Z');
    const session = {
      flow: 'proposal',
      step: 'tujuan',
      data: { draftId: 'd1', nested: { n: 2 } },
      choices: [choice('proposal', 'lanjut', 'Lanjut')],
      expired: false,
    };
    await sessions.save(user.id, session, now);
    expect(await sessions.load(user.id, new Date(now.getTime() + 1000))).toEqual(session);
    expect((await sessions.load(user.id, new Date(now.getTime() + 61_000))).expired).toBe(true);
  });

  it('remembers handled message ids', async () => {
    const dedup = new MessageDeduplicator(db);
    expect(await dedup.firstTime('telegram:1')).toBe(true);
    expect(await dedup.firstTime('telegram:1')).toBe(false);
  });

  it('stores, lists, indexes and removes knowledge documents', async () => {
    const service = new KnowledgeService({ db, dataDir: temp.dir, maxFileBytes: 1_000_000, logger: silentLogger() });
    expect(await service.syncShipped(knowledgeDir)).toMatchObject({ added: 11, failed: [] });
    expect(await service.syncShipped(knowledgeDir)).toMatchObject({ added: 0, unchanged: 11 });
    const docs = await service.list();
    expect(docs).toHaveLength(11);
    const perwal = docs.filter((d) => d.regulation === 'Perwal Lestari 12/2023');
    expect(perwal.map((d) => d.pasal[0])).toEqual(expect.arrayContaining(['2', '3', '5', '8', '9', '11']));
    const index = await service.buildIndex();
    expect(index.chunks).toHaveLength(11);
    const doc = docs.find((d) => d.sourcePath === 'knowledge/perwal-lestari/pasal-09.md')!;
    expect(await service.remove(doc.id)).toBe(true);
    expect(await db.kbChunk.count({ where: { documentId: doc.id } })).toBe(0);
    expect(await service.list()).toHaveLength(10);
  });

  describe('the app on PostgreSQL', () => {
    let app: App;
    beforeAll(async () => {
      const config = loadConfig(
        { DATA_DIR: path.join(temp.dir, 'app'), DATABASE_URL: url, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' },
        projectRoot,
      );
      app = await createApp(config, { logger: silentLogger() });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers a question through the router', async () => {
      const replies = await app.router.handle({
        channel: 'telegram',
        senderId: 'pg-1',
        text: 'brp lama evaluasi usulan inovasi?',
        messageId: 'pg-m1',
      });
      expect(replies[0]!.text).toContain('Dasar: PP 38/2017 Pasal 13 ayat (1)');
      expect(
        await app.router.handle({ channel: 'telegram', senderId: 'pg-1', text: 'brp lama evaluasi usulan inovasi?', messageId: 'pg-m1' }),
      ).toEqual([]);
    });

    it('links two channel identities in one transaction', async () => {
      const issued = await app.router.handle({ channel: 'telegram', senderId: 'pg-2', text: '/hubungkan' });
      const code = /Kode penghubung Anda: ([A-Z0-9]{6})/.exec(issued[0]!.text)![1]!;
      const linked = await app.router.handle({ channel: 'whatsapp', senderId: 'pg-wa-2', text: `/hubungkan ${code}` });
      expect(linked[0]!.text).toContain('Berhasil!');
      const identities = await app.db.channelIdentity.findMany({ where: { externalId: { in: ['pg-2', 'pg-wa-2'] } } });
      expect(new Set(identities.map((i) => i.userId)).size).toBe(1);
    });
  });
});
