import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfiguredAdmins } from '../../src/core/admins.js';
import { RoleService } from '../../src/people/role-service.js';
import { startClockedApp, textOf, type ClockedApp } from '../core/support/clocked-app.js';
import path from 'node:path';
import { createTestDatabase, TEST_PG_URL } from '../support/pg-database.js';
import { tempDataDir } from '../support/temp-data.js';

/** A database two instances share: a PostgreSQL one, or one SQLite file (the bot and a second process). */
async function sharedDatabase(kind: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind.startsWith('PostgreSQL')) return createTestDatabase();
  const temp = tempDataDir('pandu-shared-');
  return { url: `file:${path.join(temp.dir, 'pandu.db')}`, drop: async () => temp.cleanup() };
}

const backends: Array<[string, boolean]> = [
  [TEST_PG_URL ? 'PostgreSQL' : 'PostgreSQL (skipped: TEST_DATABASE_URL not set)', Boolean(TEST_PG_URL)],
  ['SQLite', true],
];

/**
 * Two Pandu processes on one database (scale-out on PostgreSQL): what one of them writes — a role, a
 * conversation — is what the other uses on the very next message. Nothing on the message path may be
 * served from one process's memory.
 */
describe.each(backends)('two instances on one %s database', (kind, enabled) => {
  let left: ClockedApp;
  let right: ClockedApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (!enabled) return;
    const database = await sharedDatabase(kind);
    drop = database.drop;
    const env = { DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '0' };
    left = await startClockedApp(undefined, env);
    right = await startClockedApp(undefined, env);
  });
  afterAll(async () => {
    await left?.close();
    await right?.close();
    await drop?.();
  });

  it.runIf(enabled)('sees a role granted through the other instance on the next message, and its revocation too', async () => {
    const forbidden = left.app.i18n.t('common.forbidden', { role: left.app.i18n.t('roles.name.coordinator') });
    expect(textOf(await right.send('telegram:7001', '/rekap'))).toBe(forbidden);

    const person = await left.app.users.resolve('telegram', '7001');
    const roles = new RoleService(left.app.db, new ConfiguredAdmins(), left.now);
    await roles.grant(null, person.id, 'coordinator');
    expect(textOf(await right.send('telegram:7001', '/rekap'))).not.toBe(forbidden);

    await roles.revoke('someone-else', person.id);
    expect(textOf(await right.send('telegram:7001', '/rekap'))).toBe(forbidden);
  });

  it.runIf(enabled)('picks from a menu the other instance offered: the conversation is the database one', async () => {
    const menu = await left.send('telegram:7002', '/proposal');
    const offered = menu.flatMap((r) => r.choices ?? []);
    expect(offered.length).toBeGreaterThan(1);
    // "2" only means something through the session the other instance saved.
    const picked = await right.send('telegram:7002', '2');
    const direct = await left.app.router.handle({ channel: 'telegram', senderId: '7003', choiceId: offered[1]!.id });
    expect(textOf(picked)).toBe(textOf(direct));
  });
});
