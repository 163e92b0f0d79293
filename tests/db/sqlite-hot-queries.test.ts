import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { MessageDeduplicator } from '../../src/core/dedup.js';
import { MessageRateLimit } from '../../src/core/rate-limit/message-rate-limit.js';
import { SessionStore } from '../../src/core/sessions.js';
import { UserStore } from '../../src/core/users.js';
import { createDb, type Db } from '../../src/db/client.js';
import type { HotQueries } from '../../src/db/hot-queries.js';
import { migrate } from '../../src/db/migrate.js';
import { sqliteHotQueries } from '../../src/db/sqlite-hot-queries.js';
import { tempDataDir } from '../support/temp-data.js';

/**
 * The prepared statements share tables with Prisma: what one writes, the other must read back the same
 * (times, JSON, nulls), or a session or a rate-limit window would silently change meaning.
 */
describe('the prepared hot statements next to Prisma on one SQLite file', () => {
  const temp = tempDataDir('pandu-hot-');
  let db: Db;
  let hot: HotQueries;
  beforeAll(async () => {
    const url = `file:${path.join(temp.dir, 'pandu.db')}`;
    await migrate(url, path.join(projectRoot, 'prisma'));
    db = await createDb(url);
    hot = sqliteHotQueries(path.join(temp.dir, 'pandu.db'));
  });
  afterAll(async () => {
    await hot.close();
    await db.$disconnect();
    temp.cleanup();
  });

  it('finds a user Prisma created, with the identity and user fields Prisma reads', async () => {
    const now = new Date('2026-03-02T03:04:05.678Z');
    const user = await db.user.create({
      data: {
        displayName: 'Sari',
        role: 'coordinator',
        fullName: 'Sari Dewi',
        profileAt: now,
        identities: { create: { channel: 'telegram', externalId: '77', displayName: 'Sari', lastSeenAt: now, firstMessageAt: now } },
      },
      include: { identities: true },
    });
    const [found] = await hot.identities('telegram', ['77', 'absent']);
    expect(found).toMatchObject({
      id: user.identities[0]!.id,
      userId: user.id,
      externalId: '77',
      lastSeenAt: now,
      firstMessageAt: now,
      blockedAt: null,
      user: { id: user.id, role: 'coordinator', fullName: 'Sari Dewi', profileAt: now, createdAt: user.createdAt, opd: null },
    });
    const viaStore = await new UserStore(db, undefined, hot).resolve('telegram', '77', 'Sari', now);
    expect(viaStore).toEqual(await new UserStore(db).resolve('telegram', '77', 'Sari', now));
  });

  it('creates a first-contact user Prisma reads back as its own, and a second first message finds that user', async () => {
    const now = new Date('2026-03-02T05:06:07.089Z');
    const viaHot = await new UserStore(db, undefined, hot).resolve('whatsapp', '628111@c.us', 'Budi', now, ['1234@lid']);
    const row = await db.user.findUniqueOrThrow({ where: { id: viaHot.id }, include: { identities: { orderBy: { externalId: 'asc' } } } });
    expect(row).toMatchObject({ displayName: 'Budi', role: 'innovator', createdAt: now, updatedAt: now, profileAt: null });
    expect(row.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(
      row.identities.map((i) => [i.channel, i.externalId, i.displayName, i.createdAt, i.lastSeenAt, i.firstMessageAt, i.blockedAt]),
    ).toEqual([
      ['whatsapp', '1234@lid', 'Budi', now, now, now, null],
      ['whatsapp', '628111@c.us', 'Budi', now, now, now, null],
    ]);
    expect(new Set(row.identities.map((i) => i.id)).size).toBe(2);
    expect(viaHot).toEqual(await new UserStore(db).resolve('whatsapp', '628111@c.us', 'Budi', now, ['1234@lid']));

    // The same person's first message handled twice at once: one creates, the other meets the unique id and finds it.
    await expect(
      hot.createUser(
        { displayName: null },
        [{ channel: 'whatsapp', externalId: '1234@lid', displayName: null, firstMessageAt: now, lastSeenAt: now }],
        now,
      ),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.user.count({ where: { identities: { some: { externalId: '1234@lid' } } } })).toBe(1);
    const both = await Promise.all([1, 2].map(() => new UserStore(db, undefined, hot).resolve('telegram', '991', 'Ani', now)));
    expect(both[0]!.id).toBe(both[1]!.id);
    expect(await db.channelIdentity.count({ where: { channel: 'telegram', externalId: '991' } })).toBe(1);
  });

  it('saves a session Prisma reads back identically, and reads one Prisma saved', async () => {
    const user = await db.user.create({ data: {} });
    const now = new Date('2026-03-02T03:00:00.000Z');
    const session = {
      flow: 'proposal',
      step: 'judul',
      data: { judul: 'Posyandu "Digital"', n: 3, nested: { ok: true, none: null } },
      choices: [{ id: 'proposal:lanjut', label: 'Lanjut' }],
      expired: false,
    };
    await new SessionStore(db, 60_000, hot).save(user.id, session, now);
    const row = await db.conversationState.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ flow: 'proposal', step: 'judul', expiresAt: new Date(now.getTime() + 60_000) });
    expect(row.data).toEqual({ state: session.data, choices: session.choices });
    expect(await new SessionStore(db, 60_000).load(user.id, now)).toEqual(session);

    const other = await db.user.create({ data: {} });
    await new SessionStore(db, 60_000).save(other.id, session, now);
    expect(await new SessionStore(db, 60_000, hot).load(other.id, now)).toEqual(session);
    // And the expiry compares as Prisma wrote it.
    expect(await new SessionStore(db, 60_000, hot).load(other.id, new Date(now.getTime() + 61_000))).toMatchObject({
      expired: true,
      expiredFlow: 'proposal',
    });
  });

  it('records a message id once, and prunes it by the time it was recorded', async () => {
    const dedup = new MessageDeduplicator(db, hot);
    expect(await dedup.firstTime('telegram:1')).toBe(true);
    expect(await dedup.firstTime('telegram:1')).toBe(false);
    expect(await new MessageDeduplicator(db).firstTime('telegram:1')).toBe(false);
    expect(await dedup.prune(60_000, new Date(Date.now() + 120_000))).toBeGreaterThanOrEqual(1);
    expect(await dedup.firstTime('telegram:1')).toBe(true);
  });

  it('adds to a rate-limit window and starts a new one once it ended', async () => {
    const now = new Date('2026-03-02T03:00:00.000Z');
    const end = new Date(now.getTime() + 60_000);
    expect(await hot.addPoints('msg:a', 1, end, now)).toEqual({ points: 1, expire: end });
    expect(await hot.addPoints('msg:a', 1, new Date(end.getTime() + 5_000), new Date(now.getTime() + 5_000))).toEqual({
      points: 2,
      expire: end,
    });
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key: 'msg:a' } })).toEqual({ key: 'msg:a', points: 2, expire: end });
    const later = new Date(end.getTime() + 1);
    const next = new Date(later.getTime() + 60_000);
    expect(await hot.addPoints('msg:a', 1, next, later)).toEqual({ points: 1, expire: next });
  });

  it('counts messages by statement into the same window, with the same decisions, as the rate-limit library', async () => {
    let now = new Date('2026-03-02T04:00:00.000Z');
    const clock = () => now;
    const byStatement = new MessageRateLimit(db, { perWindow: 3 }, clock, hot);
    const byLibrary = new MessageRateLimit(db, { perWindow: 3 }, clock);
    expect(await byStatement.admit('u1')).toEqual({ allowed: true });
    expect(await byLibrary.admit('u1')).toEqual({ allowed: true });
    expect(await byStatement.admit('u1')).toEqual({ allowed: true });
    now = new Date(now.getTime() + 20_000);
    const retryAt = new Date('2026-03-02T04:01:00.000Z');
    expect(await byStatement.admit('u1')).toEqual({ allowed: false, first: true, retryAt });
    expect(await byLibrary.admit('u1')).toEqual({ allowed: false, first: false, retryAt });
    expect(await byStatement.admit('u1')).toEqual({ allowed: false, first: false, retryAt });
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key: 'msg:u1' } })).toEqual({ key: 'msg:u1', points: 6, expire: retryAt });
    now = new Date(retryAt.getTime() + 1);
    expect(await byStatement.admit('u1')).toEqual({ allowed: true });
    expect(await byLibrary.admit('u2')).toEqual({ allowed: true });
    expect(await byStatement.admit('u2')).toEqual({ allowed: true });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: 'msg:u2' } })).points).toBe(2);
  });

  it('waits for a transaction Prisma holds open instead of failing or blocking it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.processedMessage.create({ data: { id: 'held' } });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const write = hot.recordMessage('while-held', new Date());
    setTimeout(release, 50);
    await transaction;
    expect(await write).toBe(true);
    expect(await db.processedMessage.count({ where: { id: { in: ['held', 'while-held'] } } })).toBe(2);
  });
  it('sees a role or session another connection wrote since the last read, and keeps what it read otherwise', async () => {
    const now = new Date('2026-03-03T03:00:00.000Z');
    const user = await db.user.create({
      data: { identities: { create: { channel: 'telegram', externalId: '4040', lastSeenAt: now } } },
    });
    const roleOf = async () => (await hot.identities('telegram', ['4040']))[0]!.user.role;
    expect(await roleOf()).toBe('innovator');
    // Prisma's connection in this process.
    await db.user.update({ where: { id: user.id }, data: { role: 'coordinator' } });
    expect(await roleOf()).toBe('coordinator');
    // Another process on the same file (the CLI granting a role).
    const other = new Database(path.join(temp.dir, 'pandu.db'));
    try {
      other.prepare(`UPDATE "User" SET "role" = 'admin' WHERE "id" = ?`).run(user.id);
      expect(await roleOf()).toBe('admin');

      const sessions = new SessionStore(db, 60_000, hot);
      const session = { flow: 'proposal', step: 'judul', data: { n: 1 }, choices: [], expired: false };
      await sessions.save(user.id, session, now);
      expect(await sessions.load(user.id, now)).toEqual(session);
      // What this connection wrote is read back as written, again and again, and each read is its own copy.
      const first = await hot.session(user.id);
      (first!.data as { state: { n: number } }).state.n = 99;
      expect((await hot.session(user.id))!.data).toEqual({ state: { n: 1 }, choices: [] });
      other.prepare(`UPDATE "ConversationState" SET "step" = 'masalah' WHERE "userId" = ?`).run(user.id);
      expect((await hot.session(user.id))!.step).toBe('masalah');
      await db.conversationState.delete({ where: { userId: user.id } });
      expect(await hot.session(user.id)).toBeUndefined();
    } finally {
      other.close();
    }
  });

  it('serves a repeated read from memory, and never an old session during its own pending write', async () => {
    const now = new Date('2026-03-03T05:00:00.000Z');
    const created = await hot.createUser(
      { displayName: 'Dewi' },
      [{ channel: 'telegram', externalId: '7070', displayName: 'Dewi', firstMessageAt: now, lastSeenAt: now }],
      now,
    );
    const first = await hot.identities('telegram', ['7070']);
    expect(first).toEqual(created);
    // The same objects: read from memory, not from the table again.
    expect((await hot.identities('telegram', ['7070']))[0]).toBe(first[0]);

    const userId = first[0]!.userId;
    const write = (step: string) =>
      hot.saveSession(userId, { flow: 'proposal', step, data: {}, expiresAt: new Date(now.getTime() + 60_000) }, now);
    await write('judul');
    expect((await hot.session(userId))!.step).toBe('judul');
    // A read while the next write waits for its group commit sees the old row; once it is committed the
    // new one is read, not the old one remembered in between.
    const pending = write('masalah');
    expect((await hot.session(userId))!.step).toBe('judul');
    await pending;
    expect((await hot.session(userId))!.step).toBe('masalah');
  });

  it('finds a user created after a first read found nobody', async () => {
    const now = new Date('2026-03-03T04:00:00.000Z');
    expect(await hot.identities('telegram', ['5050'])).toEqual([]);
    const created = await hot.createUser(
      { displayName: 'Rina' },
      [{ channel: 'telegram', externalId: '5050', displayName: 'Rina', firstMessageAt: now, lastSeenAt: now }],
      now,
    );
    expect(await hot.identities('telegram', ['5050'])).toEqual(created);
    // A user created by another connection after this one read nobody is found too.
    expect(await hot.identities('telegram', ['6060'])).toEqual([]);
    await db.user.create({ data: { identities: { create: { channel: 'telegram', externalId: '6060', lastSeenAt: now } } } });
    expect(await hot.identities('telegram', ['6060'])).toHaveLength(1);
  });
});
