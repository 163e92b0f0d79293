import Database from 'better-sqlite3';
import type { HotIdentity, HotNewIdentity, HotQueries, HotSessionWrite } from './hot-queries.js';
import { newRowId } from './row-id.js';
import { groupCommits } from './sqlite-group-commit.js';

/**
 * The hot statements on a second connection to the app's SQLite file, prepared once. The database is in
 * WAL mode, so reads never wait for Prisma's connection. A write that meets Prisma's open transaction
 * must not wait inside SQLite: better-sqlite3 would block the event loop, and with it the transaction it
 * waits for. So this connection does not wait at all (busy_timeout 0) and a busy write is tried again
 * after yielding to the event loop. Writes are committed in groups (see groupCommits).
 */
export function sqliteHotQueries(file: string): HotQueries {
  const db = new Database(file);
  db.pragma('busy_timeout = 0');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const { write, flush } = groupCommits(db);
  const seen = readsSinceOtherWrites(db);

  const record = db.prepare('INSERT INTO "ProcessedMessage" ("id", "createdAt") VALUES (?, ?) ON CONFLICT ("id") DO NOTHING');
  const identityStatements = new Map<number, Database.Statement>();
  const identitiesFor = (count: number) => {
    let statement = identityStatements.get(count);
    if (!statement) {
      statement = db.prepare(
        `SELECT i."id", i."userId", i."channel", i."externalId", i."displayName", i."lastSeenAt", i."firstMessageAt",
                i."blockedAt", u."displayName" AS "userDisplayName", u."role", u."fullName", u."opd", u."region",
                u."timeZone", u."profileAt", u."createdAt" AS "userCreatedAt"
           FROM "ChannelIdentity" i JOIN "User" u ON u."id" = i."userId"
          WHERE i."channel" = ? AND i."externalId" IN (${Array.from({ length: count }, () => '?').join(', ')})`,
      );
      identityStatements.set(count, statement);
    }
    return statement;
  };
  // Every column the app reads is written: SQLite's own defaults (CURRENT_TIMESTAMP) differ from Prisma's format.
  const insertUser = db.prepare(
    `INSERT INTO "User" ("id", "displayName", "role", "createdAt", "updatedAt") VALUES (?, ?, 'innovator', ?, ?)`,
  );
  const insertIdentity = db.prepare(
    `INSERT INTO "ChannelIdentity" ("id", "userId", "channel", "externalId", "displayName", "createdAt", "lastSeenAt", "firstMessageAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let sequence = 0;
  const createUser = db.transaction((displayName: string | null, identities: readonly HotNewIdentity[], now: Date) => {
    const at = sqliteTime(now);
    const userId = newRowId(now.getTime(), (sequence += 1));
    insertUser.run(userId, displayName, at, at);
    for (const i of identities) {
      insertIdentity.run(
        newRowId(now.getTime(), (sequence += 1)),
        userId,
        i.channel,
        i.externalId,
        i.displayName,
        at,
        sqliteTime(i.lastSeenAt),
        optionalSqliteTime(i.firstMessageAt),
      );
    }
  });
  const session = db.prepare('SELECT "flow", "step", "data", "expiresAt" FROM "ConversationState" WHERE "userId" = ?');
  const saveSession = db.prepare(
    `INSERT INTO "ConversationState" ("userId", "flow", "step", "data", "updatedAt", "expiresAt") VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT ("userId") DO UPDATE SET "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data",
       "updatedAt" = excluded."updatedAt", "expiresAt" = excluded."expiresAt"`,
  );
  // One statement for the rate limiter's "drop an ended window, then add": the window restarts when it ended.
  const addPoints = db.prepare(
    `INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (@key, @points, @expire)
     ON CONFLICT ("key") DO UPDATE SET
       "points" = CASE WHEN "RateLimit"."expire" <= @now THEN excluded."points" ELSE "RateLimit"."points" + excluded."points" END,
       "expire" = CASE WHEN "RateLimit"."expire" <= @now THEN excluded."expire" ELSE "RateLimit"."expire" END
     RETURNING "points", "expire"`,
  );

  return {
    async recordMessage(id, now) {
      return (await write(() => record.run(id, sqliteTime(now)))).changes === 1;
    },
    async identities(channel, externalIds) {
      const key = `${channel}\u0000${externalIds.join('\u0000')}`;
      const remembered = seen.now().identities;
      const known = remembered.get(key);
      if (known) return known.slice();
      const found = (identitiesFor(externalIds.length).all(channel, ...externalIds) as IdentityRow[]).map(toIdentity);
      // A first contact is not kept: its user is about to be created.
      if (found.length > 0) remembered.set(key, found);
      return found.slice();
    },
    async createUser(user, identities, now) {
      // Forgotten before and after: a read between the two (another message of the same person, another
      // form of its id) would otherwise remember the table as it was before this commit.
      seen.held().identities.clear();
      try {
        await write(() => createUser(user.displayName, identities, now));
      } finally {
        seen.held().identities.clear();
      }
      const channel = identities[0]?.channel ?? '';
      const ids = identities.map((i) => i.externalId);
      return (identitiesFor(ids.length).all(channel, ...ids) as IdentityRow[]).map(toIdentity);
    },
    async session(userId) {
      const remembered = seen.now().sessions;
      let row = remembered.get(userId);
      if (row === undefined) {
        row = (session.get(userId) as SessionRow | undefined) ?? null;
        remembered.set(userId, row);
      }
      if (!row) return undefined;
      return {
        flow: row.flow,
        step: row.step,
        data: row.data === null ? null : JSON.parse(row.data),
        expiresAt: optionalTime(row.expiresAt),
      };
    },
    async saveSession(userId, s: HotSessionWrite, now) {
      // Forgotten before and after the write, which commits at the next turn of the event loop: a read in
      // between sees the old row, and this connection's own commit does not change data_version.
      seen.held().sessions.delete(userId);
      try {
        await write(() => saveSession.run(userId, s.flow, s.step, JSON.stringify(s.data), sqliteTime(now), sqliteTime(s.expiresAt)));
      } finally {
        seen.held().sessions.delete(userId);
      }
    },
    async addPoints(key, points, expire, now) {
      const row = (await write(() => addPoints.get({ key, points, expire: expire ? sqliteTime(expire) : null, now: sqliteTime(now) }))) as {
        points: number;
        expire: string | null;
      };
      return { points: row.points, expire: optionalTime(row.expire) };
    },
    async close() {
      await flush();
      db.close();
    },
  };
}

/** Beyond this many remembered reads (identity look-ups and sessions, absent ones included) all are dropped. */
const REMEMBERED_ENTRIES = 10_000;

/**
 * The identities and sessions this connection read or wrote, valid while no other connection has
 * committed: SQLite's data_version changes when another connection (Prisma's, in this process or another
 * process on the same file) commits, and then everything remembered is dropped. So a role granted from the
 * CLI or a session changed through Prisma is seen on the next message, as without this; and a returning
 * person's message, in the common case, reads neither table.
 */
function readsSinceOtherWrites(db: Database.Database) {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let version: unknown;
  const remembered = { identities: new Map<string, HotIdentity[]>(), sessions: new Map<string, SessionRow | null>() };
  return {
    /** What is remembered, emptied first when another connection has committed since the last call. */
    now() {
      const current = dataVersion.get();
      if (current !== version || remembered.identities.size + remembered.sessions.size > REMEMBERED_ENTRIES) {
        version = current;
        remembered.identities.clear();
        remembered.sessions.clear();
      }
      return remembered;
    },
    /**
     * What is remembered, without asking SQLite whether it is still valid: enough to forget an entry (what
     * `now` would drop is dropped at the next read anyway), and half of a message's data_version reads.
     */
    held() {
      return remembered;
    },
  };
}

type IdentityRow = {
  id: string;
  userId: string;
  channel: string;
  externalId: string;
  displayName: string | null;
  lastSeenAt: string;
  firstMessageAt: string | null;
  blockedAt: string | null;
  userDisplayName: string | null;
  role: string;
  fullName: string | null;
  opd: string | null;
  region: string | null;
  timeZone: string | null;
  profileAt: string | null;
  userCreatedAt: string;
};

type SessionRow = { flow: string | null; step: string | null; data: string | null; expiresAt: string | null };

function toIdentity(row: IdentityRow): HotIdentity {
  return {
    id: row.id,
    userId: row.userId,
    channel: row.channel,
    externalId: row.externalId,
    displayName: row.displayName,
    lastSeenAt: new Date(row.lastSeenAt),
    firstMessageAt: optionalTime(row.firstMessageAt),
    blockedAt: optionalTime(row.blockedAt),
    user: {
      id: row.userId,
      displayName: row.userDisplayName,
      role: row.role,
      fullName: row.fullName,
      opd: row.opd,
      region: row.region,
      timeZone: row.timeZone,
      profileAt: optionalTime(row.profileAt),
      createdAt: new Date(row.userCreatedAt),
    },
  };
}

/** Times as Prisma's SQLite adapter writes them (ISO 8601, "+00:00"), so both compare as text alike. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

function optionalSqliteTime(date: Date | null): string | null {
  return date === null ? null : sqliteTime(date);
}

function optionalTime(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
