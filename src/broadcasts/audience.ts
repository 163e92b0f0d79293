import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/prisma-sqlite/index.js';
import type { ChannelName } from '../core/messages.js';
import { addDays } from '../core/time/local-date.js';
import { todayIn } from '../core/time/zoned.js';
import { periodsDueBetween } from '../innovations/periods.js';
import type { Scope } from '../people/scopes.js';
import { personZone } from '../reports/person-zone.js';
import { LOOKBACK_DAYS, scheduleOf } from '../reports/report-periods.js';
import type { Audience, AudienceCount } from './broadcast-contract.js';

/** One person an audience reaches, with the channel the announcement would go out on. */
export interface AudienceMember {
  userId: string;
  /** Null: no identity Pandu may write to on a channel this deployment runs. */
  channel: Extract<ChannelName, 'telegram' | 'whatsapp'> | null;
  optedOut: boolean;
}

export interface AudienceDeps {
  db: Db;
  /** Channels this deployment runs (from the configuration, so a CLI resolves as the bot would). */
  channels: readonly ChannelName[];
}

/** Where a person belongs: their profile, or an innovation they are responsible for. */
function placedIn(places: ReadonlyArray<{ regionKey: string; opdKey?: string }>): Prisma.UserWhereInput {
  return {
    OR: places.flatMap((p) => [
      { regionKey: p.regionKey, ...(p.opdKey !== undefined ? { opdKey: p.opdKey } : {}) },
      { innovations: { some: { regionKey: p.regionKey, ...(p.opdKey !== undefined ? { opdKey: p.opdKey } : {}) } } },
    ]),
  };
}

function scopePlaces(scopes: readonly Scope[]): Array<{ regionKey: string; opdKey?: string }> {
  return scopes.map((s) => (s.kind === 'region' ? { regionKey: s.regionKey } : { regionKey: s.regionKey, opdKey: s.opdKey }));
}

/**
 * Who an audience reaches inside a sender's scopes (`undefined`: everyone, an admin or the shell). Every
 * filter narrows; a coordinator without scopes reaches nobody. The sender is never among them, nor the
 * terminal's operator. People on both channels get Telegram (paced, and no ban risk); WhatsApp only for
 * people who wrote to Pandu there.
 */
export async function resolveAudience(
  deps: AudienceDeps,
  scopes: readonly Scope[] | undefined,
  audience: Audience,
  now: Date,
  excludeUserId?: string | null,
): Promise<AudienceMember[]> {
  if (scopes !== undefined && scopes.length === 0) return [];
  const and: Prisma.UserWhereInput[] = [{ identities: { some: { channel: { in: ['telegram', 'whatsapp'] } } } }];
  if (scopes !== undefined) and.push(placedIn(scopePlaces(scopes)));
  if (audience.regionKeys && audience.regionKeys.length > 0) and.push(placedIn(audience.regionKeys.map((regionKey) => ({ regionKey }))));
  if (audience.opds && audience.opds.length > 0) {
    and.push(
      placedIn(
        audience.opds.map((key) => {
          const slash = key.indexOf('/');
          return { regionKey: key.slice(0, slash), opdKey: key.slice(slash + 1) };
        }),
      ),
    );
  }
  if (audience.stages && audience.stages.length > 0) {
    and.push({ innovations: { some: { stage: { in: audience.stages }, status: 'active' } } });
  }
  if (excludeUserId) and.push({ id: { not: excludeUserId } });
  const users = await deps.db.user.findMany({
    where: { AND: and },
    select: {
      id: true,
      announcementsOptOutAt: true,
      identities: { select: { channel: true, firstMessageAt: true, blockedAt: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  let ids = users.map((u) => u.id);
  if (audience.overdueOnly) {
    const overdue = await overdueOwners(deps.db, ids, now);
    ids = ids.filter((id) => overdue.has(id));
  }
  const keep = new Set(ids);
  return users
    .filter((u) => keep.has(u.id))
    .map((u) => {
      const writable = (channel: ChannelName) =>
        deps.channels.includes(channel) &&
        u.identities.some((i) => i.channel === channel && i.firstMessageAt !== null && i.blockedAt === null);
      const channel = writable('telegram') ? 'telegram' : writable('whatsapp') ? 'whatsapp' : null;
      return { userId: u.id, channel, optedOut: u.announcementsOptOutAt !== null };
    });
}

/** The same numbers the recipients of a broadcast created now would show. */
export function countAudience(members: readonly AudienceMember[]): AudienceCount {
  const count: AudienceCount = { total: members.length, telegram: 0, whatsapp: 0, optedOut: 0, unreachable: 0 };
  for (const m of members) {
    if (m.optedOut) count.optedOut += 1;
    else if (m.channel === null) count.unreachable += 1;
    else count[m.channel] += 1;
  }
  return count;
}

/**
 * People responsible for an active innovation with a report that fell due (in their own calendar) within
 * the last year and was not submitted: what the coordinators' rekap shows as overdue.
 */
async function overdueOwners(db: Db, userIds: readonly string[], now: Date): Promise<Set<string>> {
  const owners = new Set<string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const innovations = await db.innovation.findMany({
      where: { ownerId: { in: userIds.slice(i, i + 500) }, status: 'active' },
      select: {
        ownerId: true,
        cadence: true,
        startDate: true,
        trialEndDate: true,
        dueDay: true,
        owner: { select: { timeZone: true } },
        reports: { where: { status: 'submitted' }, select: { periodKey: true } },
      },
    });
    for (const innovation of innovations) {
      if (owners.has(innovation.ownerId)) continue;
      const today = todayIn(now, personZone(innovation.owner.timeZone));
      const submitted = new Set(innovation.reports.map((r) => r.periodKey));
      const due = periodsDueBetween(scheduleOf(innovation), addDays(today, -LOOKBACK_DAYS), addDays(today, -1));
      if (due.some((p) => !submitted.has(p.key))) owners.add(innovation.ownerId);
    }
  }
  return owners;
}
