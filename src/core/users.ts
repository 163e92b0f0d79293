import type { Db } from '../db/client.js';
import type { HotIdentity, HotQueries, HotUser } from '../db/hot-queries.js';
import type { ConfiguredAdmins } from './admins.js';
import { mergeUsers } from './merge-users.js';
import type { ChannelName } from './messages.js';
import { higherRole, parseRole, type Role } from './roles.js';

const LAST_SEEN_PRECISION_MS = 15 * 60 * 1000;

/** What a person told Pandu about themselves (/profil). Fields are null until given. */
export interface Profile {
  fullName: string | null;
  opd: string | null;
  region: string | null;
  /** IANA zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
  timeZone: string | null;
  /** The profile flow was finished or skipped, so Pandu stops asking. */
  done: boolean;
}

export interface UserRecord {
  id: string;
  displayName: string | null;
  role: Role;
  profile: Profile;
}

/** A user as the hot path and Prisma both read it (the creation time is not needed here). */
type UserRow = Omit<HotUser, 'createdAt'>;

type IdentityWithUser = HotIdentity;

/**
 * People and their channel identities. The first message from an unknown identity creates a user; a
 * linked identity (see features/linking) points at an existing one, so drafts and roles follow the person.
 */
export class UserStore {
  constructor(
    private readonly db: Db,
    private readonly admins?: ConfiguredAdmins,
    /** Prepared statements for the lookup every message makes (the app passes them on SQLite). */
    private readonly hot?: HotQueries,
  ) {}

  /**
   * The user behind `externalId` on `channel`, created on first contact. `aliases` are other ids the
   * channel knows for the same account (WhatsApp names one person `…@lid` one day and `…@c.us` the next):
   * every form is stored as an identity of one user, so any of them finds the person; users that were
   * created for different forms before the channel could tell they belong together are merged.
   * `externalId` is the form to write to: its "last seen" is kept, so the outbound port picks it first.
   */
  async resolve(
    channel: ChannelName,
    externalId: string,
    displayName?: string,
    now = new Date(),
    aliases: readonly string[] = [],
  ): Promise<UserRecord> {
    const ids = [...new Set([externalId, ...aliases])];
    const found = await this.find(channel, ids);
    const primary = found.find((i) => i.externalId === externalId);
    if (primary && found.length === ids.length && new Set(found.map((i) => i.userId)).size === 1) {
      // Writing on every message would cost a disk write per message; "last seen" needs no such precision.
      const renamed = displayName !== undefined && displayName !== primary.displayName;
      const stale = now.getTime() - primary.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS;
      // An identity imported from a spreadsheet becomes reachable the moment its person writes.
      const firstMessage = primary.firstMessageAt === null;
      // Writing again after blocking Pandu means the person unblocked it.
      const unblocked = primary.blockedAt !== null;
      if (renamed || stale || firstMessage || unblocked) {
        await this.db.channelIdentity.update({
          where: { id: primary.id },
          data: {
            lastSeenAt: now,
            ...(renamed ? { displayName } : {}),
            ...(firstMessage ? { firstMessageAt: now } : {}),
            ...(unblocked ? { blockedAt: null } : {}),
          },
        });
      }
      return this.withConfiguredRole(channel, ids, primary.user);
    }
    if (found.length === 0) return this.create(channel, ids, displayName, now);
    return this.unite(channel, ids, found, displayName, now);
  }

  /** The person behind a user id (for features acting on someone else: coordinators, admins, jobs). */
  async get(userId: string): Promise<UserRecord | undefined> {
    const user = await this.db.user.findUnique({ where: { id: userId } });
    return user ? toRecord(user) : undefined;
  }

  async identities(userId: string) {
    return this.db.channelIdentity.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  }

  private find(channel: ChannelName, ids: readonly string[]): Promise<IdentityWithUser[]> {
    if (this.hot) return this.hot.identities(channel, ids);
    return this.db.channelIdentity.findMany({ where: { channel, externalId: { in: [...ids] } }, include: { user: true } });
  }

  private async create(channel: ChannelName, ids: readonly string[], displayName: string | undefined, now: Date): Promise<UserRecord> {
    try {
      const identities = ids.map((externalId) => newIdentity(channel, externalId, displayName, now));
      if (this.hot) {
        const created = await this.hot.createUser({ displayName: displayName ?? null }, identities, now);
        return await this.withConfiguredRole(channel, ids, created[0]!.user);
      }
      const user = await this.db.user.create({ data: { displayName: displayName ?? null, identities: { create: identities } } });
      return await this.withConfiguredRole(channel, ids, user);
    } catch (error) {
      // Two first messages at once: the other one created the identity; use it.
      const again = await this.find(channel, ids);
      if (again.length > 0) return this.unite(channel, ids, again, displayName, now);
      throw error;
    }
  }

  /**
   * Some of the ids are known: the forms not yet stored join that user, and when the known forms belong
   * to different users (created before the forms could be matched) those are merged, in one transaction,
   * into the one with the highest role (the oldest on a tie), so nobody loses a role they were given.
   */
  private async unite(
    channel: ChannelName,
    ids: readonly string[],
    found: IdentityWithUser[],
    displayName: string | undefined,
    now: Date,
  ): Promise<UserRecord> {
    const users = [...new Map(found.map((i) => [i.user.id, i.user])).values()].sort((a, b) => {
      const ra = parseRole(a.role);
      const rb = parseRole(b.role);
      if (ra !== rb) return higherRole(ra, rb) === ra ? -1 : 1;
      return a.createdAt.getTime() - b.createdAt.getTime();
    });
    const survivor = users[0]!;
    const known = new Set(found.map((i) => i.externalId));
    try {
      await this.db.$transaction(async (tx) => {
        for (const other of users.slice(1)) await mergeUsers(tx, other.id, survivor.id);
        for (const externalId of ids.filter((id) => !known.has(id))) {
          await tx.channelIdentity.create({ data: { userId: survivor.id, ...newIdentity(channel, externalId, displayName, now) } });
        }
      });
    } catch (error) {
      // Two messages of the same person at once: the other one has united the forms already.
      const again = await this.find(channel, ids);
      if (again.length === ids.length && new Set(again.map((i) => i.userId)).size === 1) {
        return this.withConfiguredRole(channel, ids, again[0]!.user);
      }
      throw error;
    }
    return this.withConfiguredRole(channel, ids, await this.db.user.findUniqueOrThrow({ where: { id: survivor.id } }));
  }

  /**
   * A configured admin is an admin whatever the database says, and the role is written down the first
   * time, so it also holds on the person's linked identities on other channels. Any form of the id
   * counts: a WhatsApp admin is configured by phone number, which the `…@lid` form does not show.
   */
  private async withConfiguredRole(channel: ChannelName, ids: readonly string[], user: UserRow): Promise<UserRecord> {
    if (user.role !== 'admin' && ids.some((id) => this.admins?.includes(channel, id))) {
      const updated = await this.db.user.update({ where: { id: user.id }, data: { role: 'admin' } });
      return toRecord(updated);
    }
    return toRecord(user);
  }
}

/** A new identity of a person who is writing now (so Pandu may also write to it later). */
function newIdentity(channel: ChannelName, externalId: string, displayName: string | undefined, now: Date) {
  return { channel, externalId, displayName: displayName ?? null, firstMessageAt: now, lastSeenAt: now };
}

export function toRecord(user: UserRow): UserRecord {
  return {
    id: user.id,
    displayName: user.displayName,
    role: parseRole(user.role),
    profile: {
      fullName: user.fullName,
      opd: user.opd,
      region: user.region,
      timeZone: user.timeZone,
      done: user.profileAt !== null,
    },
  };
}
