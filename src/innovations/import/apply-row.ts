import type { Prisma } from '../../generated/prisma-sqlite/index.js';
import { canonicalOpd, opdKey } from '../../people/opd-names.js';
import { regionKey } from '../../people/profile-store.js';
import { matchRegion } from '../../people/regions/match-region.js';
import type { Zone } from '../../people/regions/zones.js';
import type { InnovationPatch } from '../innovation.js';
import { InnovationStore } from '../innovation-store.js';
import type { ImportRow } from './import-row.js';

/** How the zone of a row's person was decided when the row left it empty. */
export type ZoneNote = { kind: 'guessed'; zone: Zone; region: string } | { kind: 'default' };

export interface RowOutcome {
  result: 'created' | 'updated' | 'unchanged';
  /** The person's identity, `channel:externalId`. */
  person: string;
  newPerson: boolean;
  /** Pandu may not write first to this identity yet: the person has never written to it. */
  unreachable: boolean;
  zoneNote?: ZoneNote;
}

const DEFAULT_ZONE: Zone = 'Asia/Jakarta';

/**
 * Writes one imported row: finds the person by their channel identity (or creates them, unreachable until
 * they write), fills the profile fields they have not given themselves (OPD, region, zone), and creates
 * or updates their innovation of that name. Call inside a transaction: a row is written whole or not at all.
 */
export async function applyRow(tx: Prisma.TransactionClient, row: ImportRow, now: Date): Promise<RowOutcome> {
  const identity = await tx.channelIdentity.findUnique({
    where: { channel_externalId: { channel: row.channel, externalId: row.externalId } },
    include: { user: true },
  });
  const user =
    identity?.user ??
    (await tx.user.create({
      // firstMessageAt stays null: Telegram refuses and WhatsApp bans a first message from a bot.
      data: { identities: { create: { channel: row.channel, externalId: row.externalId, firstMessageAt: null, lastSeenAt: now } } },
    }));
  const region = row.region ?? user.region;
  const { zone, note } = decideZone(row, user.timeZone, region);

  const profile: Prisma.UserUpdateInput = {};
  if (!user.opd) Object.assign(profile, { opd: canonicalOpd(row.opd), opdKey: opdKey(row.opd) });
  if (!user.region && row.region) Object.assign(profile, { region: row.region, regionKey: regionKey(row.region) });
  if (!user.timeZone && zone) profile.timeZone = zone;
  if (Object.keys(profile).length > 0) await tx.user.update({ where: { id: user.id }, data: profile });

  const store = new InnovationStore(tx);
  const existing = await store.findByName(user.id, row.name);
  let result: RowOutcome['result'];
  if (!existing) {
    await store.create({
      ownerId: user.id,
      name: row.name,
      opd: row.opd,
      region,
      startDate: row.startDate,
      stage: row.stage,
      cadence: row.cadence,
      trialEndDate: row.trialEndDate,
      status: 'active',
      source: 'import',
    });
    result = 'created';
  } else {
    const wanted: InnovationPatch = {
      name: row.name,
      opd: canonicalOpd(row.opd),
      stage: row.stage,
      startDate: row.startDate,
      cadence: row.cadence,
      ...(row.trialEndDate ? { trialEndDate: row.trialEndDate } : {}),
      ...(row.region ? { region: row.region } : {}),
      // A registration left unfinished in the chat is completed by the coordinator's row.
      ...(existing.status === 'draft' ? { status: 'active' as const } : {}),
    };
    const changed = Object.entries(wanted).some(([field, value]) => existing[field as keyof InnovationPatch] !== value);
    if (changed) await store.update(existing.id, wanted);
    result = changed ? 'updated' : 'unchanged';
  }
  return {
    result,
    person: `${row.channel}:${row.externalId}`,
    newPerson: !identity,
    unreachable: !identity || identity.firstMessageAt === null,
    ...(note ? { zoneNote: note } : {}),
  };
}

/**
 * The zone a row's person gets: the row's, else the one in their profile, else the one their region lies
 * in, else WIB (said in the report, so the coordinator can correct it).
 */
function decideZone(row: ImportRow, profileZone: string | null, region: string | null): { zone: Zone | null; note?: ZoneNote } {
  if (row.zone) return { zone: row.zone };
  if (profileZone) return { zone: null };
  const guessed = region ? matchRegion(region)?.zone : undefined;
  if (guessed && region) return { zone: guessed, note: { kind: 'guessed', zone: guessed, region } };
  return { zone: DEFAULT_ZONE, note: { kind: 'default' } };
}
