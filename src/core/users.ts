import type { Db } from '../db/client.js';
import type { ConfiguredAdmins } from './admins.js';
import type { ChannelName } from './messages.js';
import { parseRole, type Role } from './roles.js';

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

type UserRow = {
  id: string;
  displayName: string | null;
  role: string;
  fullName: string | null;
  opd: string | null;
  region: string | null;
  timeZone: string | null;
  profileAt: Date | null;
};

/**
 * People and their channel identities. The first message from an unknown identity creates a user; a
 * linked identity (see features/linking) points at an existing one, so drafts and roles follow the person.
 */
export class UserStore {
  constructor(
    private readonly db: Db,
    private readonly admins?: ConfiguredAdmins,
  ) {}

  async resolve(channel: ChannelName, externalId: string, displayName?: string, now = new Date()): Promise<UserRecord> {
    const found = await this.db.channelIdentity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      include: { user: true },
    });
    if (found) {
      // Writing on every message would cost a disk write per message; "last seen" needs no such precision.
      const renamed = displayName !== undefined && displayName !== found.displayName;
      const stale = now.getTime() - found.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS;
      // An identity imported from a spreadsheet becomes reachable the moment its person writes.
      const firstMessage = found.firstMessageAt === null;
      // Writing again after blocking Pandu means the person unblocked it.
      const unblocked = found.blockedAt !== null;
      if (renamed || stale || firstMessage || unblocked) {
        await this.db.channelIdentity.update({
          where: { id: found.id },
          data: {
            lastSeenAt: now,
            ...(renamed ? { displayName } : {}),
            ...(firstMessage ? { firstMessageAt: now } : {}),
            ...(unblocked ? { blockedAt: null } : {}),
          },
        });
      }
      return this.withConfiguredRole(channel, externalId, found.user);
    }
    try {
      const user = await this.db.user.create({
        data: {
          displayName: displayName ?? null,
          identities: { create: { channel, externalId, displayName: displayName ?? null, firstMessageAt: now, lastSeenAt: now } },
        },
      });
      return this.withConfiguredRole(channel, externalId, user);
    } catch (error) {
      // Two first messages at once: the other one created the identity; use it.
      const again = await this.db.channelIdentity.findUnique({
        where: { channel_externalId: { channel, externalId } },
        include: { user: true },
      });
      if (again) return this.withConfiguredRole(channel, externalId, again.user);
      throw error;
    }
  }

  /** The person behind a user id (for features acting on someone else: coordinators, admins, jobs). */
  async get(userId: string): Promise<UserRecord | undefined> {
    const user = await this.db.user.findUnique({ where: { id: userId } });
    return user ? toRecord(user) : undefined;
  }

  async identities(userId: string) {
    return this.db.channelIdentity.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  }

  /**
   * A configured admin is an admin whatever the database says, and the role is written down the first
   * time, so it also holds on the person's linked identities on other channels.
   */
  private async withConfiguredRole(channel: ChannelName, externalId: string, user: UserRow): Promise<UserRecord> {
    if (user.role !== 'admin' && this.admins?.includes(channel, externalId)) {
      const updated = await this.db.user.update({ where: { id: user.id }, data: { role: 'admin' } });
      return toRecord(updated);
    }
    return toRecord(user);
  }
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
