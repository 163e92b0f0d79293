import type { Db } from '../db/client.js';
import type { ChannelName } from './messages.js';

const LAST_SEEN_PRECISION_MS = 15 * 60 * 1000;

export interface UserRecord {
  id: string;
  displayName: string | null;
  role: string;
}

/**
 * People and their channel identities. The first message from an unknown identity creates a user; a
 * linked identity (see features/linking) points at an existing one, so drafts and roles follow the person.
 */
export class UserStore {
  constructor(private readonly db: Db) {}

  async resolve(channel: ChannelName, externalId: string, displayName?: string, now = new Date()): Promise<UserRecord> {
    const found = await this.db.channelIdentity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      include: { user: true },
    });
    if (found) {
      // Writing on every message would cost a disk write per message; "last seen" needs no such precision.
      const renamed = displayName !== undefined && displayName !== found.displayName;
      const stale = now.getTime() - found.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS;
      if (renamed || stale) {
        await this.db.channelIdentity.update({
          where: { id: found.id },
          data: { lastSeenAt: now, ...(renamed ? { displayName } : {}) },
        });
      }
      return pick(found.user);
    }
    try {
      const user = await this.db.user.create({
        data: { displayName: displayName ?? null, identities: { create: { channel, externalId, displayName: displayName ?? null } } },
      });
      return pick(user);
    } catch (error) {
      // Two first messages at once: the other one created the identity; use it.
      const again = await this.db.channelIdentity.findUnique({
        where: { channel_externalId: { channel, externalId } },
        include: { user: true },
      });
      if (again) return pick(again.user);
      throw error;
    }
  }

  async identities(userId: string) {
    return this.db.channelIdentity.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  }
}

function pick(user: { id: string; displayName: string | null; role: string }): UserRecord {
  return { id: user.id, displayName: user.displayName, role: user.role };
}
