import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { ConfiguredAdmins } from '../../src/core/admins.js';
import { UserStore } from '../../src/core/users.js';
import { createDb, type Db } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createTestDatabase, TEST_PG_URL } from '../support/pg-database.js';
import { tempDataDir } from '../support/temp-data.js';

const prismaDir = path.join(projectRoot, 'prisma');

interface Storage {
  db: Db;
  close(): Promise<void>;
}

async function sqliteStorage(): Promise<Storage> {
  const temp = tempDataDir('pandu-users-');
  const url = `file:${path.join(temp.dir, 'pandu.db')}`;
  await migrate(url, prismaDir);
  const db = await createDb(url);
  return {
    db,
    async close() {
      await db.$disconnect();
      temp.cleanup();
    },
  };
}

async function postgresStorage(): Promise<Storage> {
  const database = await createTestDatabase();
  await migrate(database.url, prismaDir);
  const db = await createDb(database.url);
  return {
    db,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

const backends: Array<[string, () => Promise<Storage>, boolean]> = [
  ['SQLite', sqliteStorage, true],
  [TEST_PG_URL ? 'PostgreSQL' : 'PostgreSQL (skipped: TEST_DATABASE_URL not set)', postgresStorage, Boolean(TEST_PG_URL)],
];

let counter = 0;
/** The two forms WhatsApp uses for one person, fresh for each test. */
function person() {
  counter += 1;
  return { lid: `${900000000000 + counter}@lid`, pn: `62811${String(counter).padStart(7, '0')}@c.us` };
}

describe.each(backends)('one person under several ids of one channel (%s)', (_name, open, enabled) => {
  let storage: Storage;
  let users: UserStore;
  beforeAll(async () => {
    if (!enabled) return;
    storage = await open();
    users = new UserStore(storage.db);
  });
  afterAll(async () => {
    await storage?.close();
  });

  const identitiesOf = async (ids: string[]) =>
    storage.db.channelIdentity.findMany({ where: { channel: 'whatsapp', externalId: { in: ids } }, orderBy: { externalId: 'asc' } });

  it.skipIf(!enabled)('stores every form of an account as an identity of one user, so either form finds the person', async () => {
    const { lid, pn } = person();
    const first = await users.resolve('whatsapp', lid, 'Bu Sari', new Date(), [pn]);
    expect(await users.resolve('whatsapp', pn)).toEqual(first);
    expect(await users.resolve('whatsapp', lid)).toEqual(first);
    expect((await identitiesOf([lid, pn])).map((i) => [i.externalId, i.userId])).toEqual([
      [pn, first.id],
      [lid, first.id],
    ]);
  });

  it.skipIf(!enabled)('adds the new form to the person already known under the old one, keeping their drafts', async () => {
    const { lid, pn } = person();
    const known = await users.resolve('whatsapp', pn, 'Pak Budi');
    const draft = await storage.db.proposalDraft.create({ data: { userId: known.id, templateId: 'uji' } });
    const again = await users.resolve('whatsapp', lid, undefined, new Date(), [pn]);
    expect(again.id).toBe(known.id);
    expect((await identitiesOf([lid, pn])).every((i) => i.userId === known.id)).toBe(true);
    expect((await storage.db.proposalDraft.findUniqueOrThrow({ where: { id: draft.id } })).userId).toBe(known.id);
  });

  it.skipIf(!enabled)(
    'merges the users created for each form into one, moving drafts, innovations, reports, scopes and the flow in progress, keeping the higher role',
    async () => {
      const { lid, pn } = person();
      const older = await users.resolve('whatsapp', pn, 'Sari');
      const newer = await users.resolve('whatsapp', lid);
      await storage.db.user.update({ where: { id: newer.id }, data: { role: 'coordinator' } });
      const drafts = await Promise.all(
        [older, newer].map((u) => storage.db.proposalDraft.create({ data: { userId: u.id, templateId: 'uji', title: u.id } })),
      );
      await storage.db.conversationState.create({ data: { userId: newer.id, flow: 'proposal', step: 'section' } });
      await storage.db.user.update({ where: { id: older.id }, data: { fullName: 'Sari Rahmawati', region: 'Kabupaten Bantul' } });
      const scope = { kind: 'opd', regionKey: 'bantul', opdKey: 'dinas kesehatan', label: 'Dinas Kesehatan — Kabupaten Bantul' };
      await storage.db.coordinatorScope.create({ data: { userId: older.id, ...scope } });
      await storage.db.coordinatorScope.create({ data: { userId: newer.id, ...scope } });
      await storage.db.coordinatorScope.create({ data: { userId: older.id, ...scope, opdKey: 'bappeda', label: 'Bappeda' } });

      const innovation = await storage.db.innovation.create({
        data: { ownerId: older.id, name: 'Layanan KTP keliling', opd: 'Disdukcapil', opdKey: 'disdukcapil', startDate: '2027-01-04' },
      });
      const report = await storage.db.progressReport.create({
        data: { innovationId: innovation.id, authorId: older.id, periodKey: '2027-01' },
      });
      const kbDocument = await storage.db.kbDocument.create({
        data: {
          title: 'Perbup',
          origin: 'admin',
          kind: 'text',
          sourcePath: 'chat:x',
          contentHash: `h-${older.id}`,
          byteSize: 1,
          addedById: older.id,
        },
      });
      const kbUpload = await storage.db.kbUpload.create({
        data: { userId: older.id, fileName: 'perbup.docx', bytes: new Uint8Array([1, 2]), expiresAt: new Date(Date.now() + 60_000) },
      });

      const merged = await users.resolve('whatsapp', lid, undefined, new Date(), [pn]);
      expect(merged).toMatchObject({ id: newer.id, displayName: 'Sari', role: 'coordinator' });
      expect((await storage.db.innovation.findUniqueOrThrow({ where: { id: innovation.id } })).ownerId).toBe(newer.id);
      expect((await storage.db.progressReport.findUniqueOrThrow({ where: { id: report.id } })).authorId).toBe(newer.id);
      expect((await storage.db.kbDocument.findUniqueOrThrow({ where: { id: kbDocument.id } })).addedById).toBe(newer.id);
      expect((await storage.db.kbUpload.findUniqueOrThrow({ where: { id: kbUpload.id } })).userId).toBe(newer.id);
      expect(merged.profile).toMatchObject({ fullName: 'Sari Rahmawati', region: 'Kabupaten Bantul' });
      const scopes = await storage.db.coordinatorScope.findMany({ where: { userId: newer.id }, orderBy: { opdKey: 'asc' } });
      expect(scopes.map((s) => s.opdKey)).toEqual(['bappeda', 'dinas kesehatan']);
      expect(await storage.db.user.findUnique({ where: { id: older.id } })).toBeNull();
      expect((await identitiesOf([lid, pn])).map((i) => i.userId)).toEqual([newer.id, newer.id]);
      const moved = await storage.db.proposalDraft.findMany({ where: { id: { in: drafts.map((d) => d.id) } } });
      expect(moved.map((d) => d.userId)).toEqual([newer.id, newer.id]);
      expect(await storage.db.conversationState.findUnique({ where: { userId: newer.id } })).toMatchObject({ flow: 'proposal' });
    },
  );

  it.skipIf(!enabled)('moves the flow in progress of the merged-away user when the survivor has none', async () => {
    const { lid, pn } = person();
    const older = await users.resolve('whatsapp', pn);
    const newer = await users.resolve('whatsapp', lid);
    await storage.db.conversationState.create({ data: { userId: newer.id, flow: 'proposal', step: 'section' } });
    const merged = await users.resolve('whatsapp', lid, undefined, new Date(), [pn]);
    expect(merged.id).toBe(older.id);
    expect(await storage.db.conversationState.findUnique({ where: { userId: older.id } })).toMatchObject({ flow: 'proposal' });
  });

  it.skipIf(!enabled)('recognises an admin configured by phone number when they write as …@lid', async () => {
    const { lid, pn } = person();
    const withAdmins = new UserStore(storage.db, new ConfiguredAdmins({ whatsappNumbers: [pn.split('@')[0]!] }));
    expect((await withAdmins.resolve('whatsapp', lid)).role).toBe('innovator');
    expect((await withAdmins.resolve('whatsapp', lid, undefined, new Date(), [pn])).role).toBe('admin');
  });

  it.skipIf(!enabled)('makes one user of two first messages that arrive at once under both forms', async () => {
    const { lid, pn } = person();
    const [a, b] = await Promise.all([
      users.resolve('whatsapp', lid, undefined, new Date(), [pn]),
      users.resolve('whatsapp', lid, undefined, new Date(), [pn]),
    ]);
    expect(a.id).toBe(b.id);
    expect(await identitiesOf([lid, pn])).toHaveLength(2);
  });
});
