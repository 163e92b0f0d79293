import type { Reply } from '../../../src/core/messages.js';
import type { Role } from '../../../src/core/roles.js';
import { opdKey } from '../../../src/people/opd-names.js';
import { ProfileStore, regionKey } from '../../../src/people/profile-store.js';
import type { Zone } from '../../../src/people/regions/zones.js';
import type { ClockedApp } from '../../core/support/clocked-app.js';

/** The user behind "channel:senderId" (created by a first message), with a complete profile and a role. */
export async function person(
  test: ClockedApp,
  from: string,
  profile: { fullName: string; opd: string; region: string; timeZone?: Zone },
  role: Role = 'innovator',
): Promise<string> {
  await test.send(from, '/bantuan');
  const [channel, externalId] = from.split(':') as [string, string];
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
  await new ProfileStore(test.app.db, test.now).update(identity.userId, {
    ...profile,
    timeZone: profile.timeZone ?? 'Asia/Jakarta',
    done: true,
  });
  await test.app.db.user.update({ where: { id: identity.userId }, data: { role } });
  return identity.userId;
}

/** An innovation row as /inovasi or the spreadsheet import would create it (monthly, due at the month's end). */
export async function innovation(
  test: ClockedApp,
  ownerId: string,
  fields: {
    name: string;
    opd: string;
    region: string;
    startDate: string;
    cadence?: string;
    stage?: string;
    status?: string;
    dueDay?: number;
  },
) {
  return test.app.db.innovation.create({
    data: {
      ownerId,
      name: fields.name,
      opd: fields.opd,
      opdKey: opdKey(fields.opd),
      region: fields.region,
      regionKey: regionKey(fields.region),
      startDate: fields.startDate,
      cadence: fields.cadence ?? 'monthly',
      stage: fields.stage ?? 'uji_coba',
      status: fields.status ?? 'active',
      dueDay: fields.dueDay ?? 0,
    },
  });
}

/** The id of the choice whose label matches, from any of the replies. */
export function pick(replies: Reply[], label: string | RegExp): string {
  const found = replies.flatMap((r) => r.choices ?? []).find((c) => (typeof label === 'string' ? c.label === label : label.test(c.label)));
  if (!found) throw new Error(`no choice ${String(label)} in ${JSON.stringify(replies.map((r) => r.choices))}`);
  return found.id;
}
