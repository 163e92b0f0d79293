import type { App } from '../../../src/app.js';
import type { ClockedApp } from '../../core/support/clocked-app.js';

export interface PersonSpec {
  telegram?: string;
  whatsapp?: string;
  region?: [name: string, key: string];
  opd?: [name: string, key: string];
  role?: 'innovator' | 'coordinator' | 'admin';
}

/** A person who wrote to Pandu on the given channels (one user), with a profile placing them. */
export async function person(t: ClockedApp, spec: PersonSpec): Promise<string> {
  const app = t.app;
  let userId: string | undefined;
  for (const [channel, id] of [
    ['telegram', spec.telegram],
    ['whatsapp', spec.whatsapp],
  ] as const) {
    if (!id) continue;
    if (!userId) {
      await t.send(`${channel}:${id}`, '/bantuan');
      userId = (await app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId: id } } })).userId;
    } else {
      await app.db.channelIdentity.create({ data: { userId, channel, externalId: id, firstMessageAt: t.now(), lastSeenAt: t.now() } });
    }
  }
  if (!userId) throw new Error('a person needs a channel');
  await app.db.user.update({
    where: { id: userId },
    data: {
      fullName: `Orang ${spec.telegram ?? spec.whatsapp}`,
      region: spec.region?.[0] ?? null,
      regionKey: spec.region?.[1] ?? null,
      opd: spec.opd?.[0] ?? null,
      opdKey: spec.opd?.[1] ?? null,
      role: spec.role ?? 'innovator',
      profileAt: t.now(),
    },
  });
  return userId;
}

/** Someone only imported from a spreadsheet: an identity Pandu may not write to first. */
export async function importedPerson(app: App, externalId: string, region: [string, string], opd: [string, string]): Promise<string> {
  const user = await app.db.user.create({
    data: { fullName: `Impor ${externalId}`, region: region[0], regionKey: region[1], opd: opd[0], opdKey: opd[1] },
  });
  await app.db.channelIdentity.create({ data: { userId: user.id, channel: 'whatsapp', externalId } });
  return user.id;
}

export const BANTUL: [string, string] = ['Kabupaten Bantul', 'kabupaten bantul'];
export const SLEMAN: [string, string] = ['Kabupaten Sleman', 'kabupaten sleman'];
export const DINKES: [string, string] = ['Dinas Kesehatan', 'dinas kesehatan'];
export const DISDIK: [string, string] = ['Dinas Pendidikan', 'dinas pendidikan'];

/** Env for a clocked app whose audiences may use both channels (nothing connects: tests register senders). */
export const BROADCAST_ENV = {
  RATE_LIMIT_PER_MINUTE: '0',
  TELEGRAM_BOT_TOKEN: '123456:TEST',
  WHATSAPP_ENABLED: 'true',
};
