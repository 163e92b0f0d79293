import { createApp, type App, type AppOptions } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { IncomingMessage, Reply } from '../../../src/core/messages.js';
import type { Role } from '../../../src/core/roles.js';
import { silentLogger } from '../../../src/logger.js';
import { opdKey } from '../../../src/people/opd-names.js';
import { ProfileStore, regionKey } from '../../../src/people/profile-store.js';
import type { Zone } from '../../../src/people/regions/zones.js';
import { writeSmallKnowledge } from '../../fixtures/cli/small-knowledge.js';

export interface ReportsApp {
  app: App;
  now(): Date;
  setNow(date: Date): void;
  /** One message through the router; `from` is "channel:senderId". */
  send(from: string, text: string, extra?: Partial<IncomingMessage>): Promise<Reply[]>;
  close(): Promise<void>;
}

/**
 * The real app on the small knowledge base in `dataDir` (open it again for a restart), with a clock the
 * test sets. The terminal plays an innovator (like any other person) unless the options say otherwise.
 */
export async function startReportsApp(
  dataDir: string,
  start: Date,
  env: Record<string, string> = {},
  options: Partial<AppOptions> = {},
): Promise<ReportsApp> {
  let now = start;
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', KNOWLEDGE_DIR: writeSmallKnowledge(dataDir), ...env }, projectRoot);
  const app = await createApp(config, { logger: silentLogger(), clock: () => now, terminalIsAdmin: false, ...options });
  return {
    app,
    now: () => now,
    setNow(date) {
      now = date;
    },
    send(from, text, extra = {}) {
      const [channel, senderId] = from.split(':') as [IncomingMessage['channel'], string];
      return app.router.handle({ channel, senderId, text, ...extra });
    },
    close: () => app.close(),
  };
}

/** The user behind "channel:senderId" (created by a first message), with a complete profile and a role. */
export async function person(
  test: ReportsApp,
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
  test: ReportsApp,
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

/** All reply texts joined. */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n\n');
}

/** The id of the choice whose label matches, from any of the replies. */
export function pick(replies: Reply[], label: string | RegExp): string {
  const found = replies.flatMap((r) => r.choices ?? []).find((c) => (typeof label === 'string' ? c.label === label : label.test(c.label)));
  if (!found) throw new Error(`no choice ${String(label)} in ${JSON.stringify(replies.map((r) => r.choices))}`);
  return found.id;
}
