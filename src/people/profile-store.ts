import type { Db } from '../db/client.js';
import type { ChannelName } from '../core/messages.js';
import { canonicalOpd, opdKey, textKey } from './opd-names.js';
import { matchRegion } from './regions/match-region.js';
import type { Zone } from './regions/zones.js';

/** What a person may change in their profile; each field is saved the moment it is given. */
export interface ProfilePatch {
  fullName?: string;
  opd?: string;
  region?: string;
  timeZone?: Zone;
  preferredChannel?: ChannelName | null;
  /** The profile flow was finished or skipped: Pandu stops asking on its own. */
  done?: boolean;
}

/** The key scopes match a region on: the canonical name when Pandu knows the region, else the text as typed. */
export function regionKey(region: string): string {
  return textKey(matchRegion(region)?.name ?? region);
}

/** Reads and writes the profile fields of a user (src/core/users.ts reads them with the user). */
export class ProfileStore {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Saves the given fields; returns what was stored (OPD short names expanded). */
  async update(userId: string, patch: ProfilePatch): Promise<ProfilePatch> {
    const stored: ProfilePatch = { ...patch };
    const data: Record<string, unknown> = {};
    if (patch.fullName !== undefined) data.fullName = patch.fullName;
    if (patch.opd !== undefined) {
      stored.opd = canonicalOpd(patch.opd);
      data.opd = stored.opd;
      data.opdKey = opdKey(patch.opd);
    }
    if (patch.region !== undefined) {
      data.region = patch.region;
      data.regionKey = regionKey(patch.region);
    }
    if (patch.timeZone !== undefined) data.timeZone = patch.timeZone;
    if (patch.preferredChannel !== undefined) data.preferredChannel = patch.preferredChannel;
    if (patch.done) data.profileAt = this.clock();
    await this.db.user.update({ where: { id: userId }, data });
    return stored;
  }
}
