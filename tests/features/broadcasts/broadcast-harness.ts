import type { IncomingFile } from '../../../src/core/messages.js';
import { opdKey } from '../../../src/people/opd-names.js';
import { regionKey } from '../../../src/people/profile-store.js';
import type { Stage } from '../../../src/innovations/periods.js';
import type { ClockedApp } from '../../core/support/clocked-app.js';
import type { FakeBroadcasts, FakeRecipient } from '../../support/fake-broadcasts.js';
import { person } from '../reports/report-harness.js';

export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

/** A file as a channel hands it over: bytes known, size as the channel reports it. */
export function sentFile(fileName: string, data: Buffer, size: number | undefined = data.length): IncomingFile {
  return { fileName, ...(size === undefined ? {} : { size }), download: () => Promise.resolve(data) };
}

/** An innovator with a profile in the app's database, mirrored into the fake engine as a recipient. */
export async function innovator(
  test: ClockedApp,
  fake: FakeBroadcasts,
  from: string,
  profile: { fullName: string; opd: string; region: string },
  extra: { stages?: Stage[]; overdue?: boolean; channel?: FakeRecipient['channel']; optedOut?: boolean } = {},
): Promise<string> {
  const userId = await person(test, from, profile);
  const row = await test.app.db.user.findUniqueOrThrow({ where: { id: userId } });
  fake.add({
    userId,
    name: profile.fullName,
    region: profile.region,
    regionKey: regionKey(profile.region),
    opd: row.opd ?? profile.opd,
    opdKey: opdKey(profile.opd),
    stages: extra.stages ?? ['uji_coba'],
    overdue: extra.overdue ?? false,
    channel: extra.channel === undefined ? (from.startsWith('whatsapp') ? 'whatsapp' : 'telegram') : extra.channel,
    optedOut: extra.optedOut ?? false,
  });
  return userId;
}
