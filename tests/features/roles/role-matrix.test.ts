import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/core/messages.js';
import { hasRole, ROLES, type Role } from '../../../src/core/roles.js';
import { choiceRole } from '../../../src/core/router.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';
import { FakeBroadcasts } from '../../support/fake-broadcasts.js';

const CHANNELS: ChannelName[] = ['telegram', 'whatsapp', 'terminal'];

let test: ClockedApp;
let forbidden: (role: Role) => string;

/** One person per channel and role, with that role stored. */
async function personFor(channel: ChannelName, role: Role): Promise<string> {
  const senderId = channel === 'whatsapp' ? `62899${ROLES.indexOf(role)}@c.us` : `${channel}-${role}`;
  await test.send(`${channel}:${senderId}`, '/bantuan');
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel, externalId: senderId } },
  });
  await test.app.db.user.update({ where: { id: identity.userId }, data: { role } });
  return `${channel}:${senderId}`;
}

beforeAll(async () => {
  // The terminal is an admin in production; here it plays every role like the other channels.
  // With a broadcast engine, so /umumkan and its choices are in the matrix too.
  // Every role tries every privileged command and choice: far more messages than the per-person limit allows.
  test = await startClockedApp(undefined, { RATE_LIMIT_PER_MINUTE: '0' }, { terminalIsAdmin: false, broadcasts: new FakeBroadcasts() });
  forbidden = (role) => test.app.i18n.t('common.forbidden', { role: test.app.i18n.t(`roles.name.${role}`) });
});
afterAll(async () => {
  await test.close();
});

describe('Role matrix: every privileged command and choice × every role × every channel', () => {
  it('has privileged commands and choices to check', () => {
    expect(
      test.app.commands
        .all()
        .filter((c) => c.role)
        .map((c) => c.name),
    ).toEqual(
      expect.arrayContaining([
        'peran',
        'umumkan',
        'umumkan_status',
        'kb_status',
        'uji',
        'kb_celah',
        'kb_tambah',
        'kb_daftar',
        'kb_hapus',
        'kb_riwayat',
      ]),
    );
  });

  it('refuses a privileged command to a lower role politely, and runs it for a role that may', async () => {
    const privileged = test.app.commands.all().filter((c) => c.role);
    for (const channel of CHANNELS) {
      for (const role of ROLES) {
        const from = await personFor(channel, role);
        for (const command of privileged) {
          const reply = textOf(await test.send(from, `/${command.name}`));
          const allowed = hasRole(role, command.role);
          expect(reply === forbidden(command.role!), `/${command.name} as ${role} on ${channel}`).toBe(!allowed);
        }
      }
    }
  });

  it('refuses a privileged choice to a lower role, whichever channel it comes from', async () => {
    const cases = test.app.features.flatMap((feature) => {
      const actions = [...Object.keys(feature.choiceRoles ?? {}), ...(feature.role ? ['probe'] : [])];
      return actions.map((action) => ({ feature, payload: action, needed: choiceRole(feature, action)! }));
    });
    expect(cases.length).toBeGreaterThan(0);
    for (const channel of CHANNELS) {
      for (const role of ROLES) {
        const from = await personFor(channel, role);
        for (const c of cases) {
          const reply = textOf(await test.send(from, '', { choiceId: `${c.feature.name}:${c.payload}` }));
          expect(reply === forbidden(c.needed), `${c.feature.name}:${c.payload} as ${role} on ${channel}`).toBe(!hasRole(role, c.needed));
        }
      }
    }
  });

  it('closes a privileged flow when the role was revoked in the middle of it', async () => {
    const from = await personFor('telegram', 'admin');
    await test.send(from, '/peran');
    await test.send(from, '', { choiceId: 'roles:grant' });
    const identity = await test.app.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: 'telegram-admin' } },
    });
    await test.app.db.user.update({ where: { id: identity.userId }, data: { role: 'innovator' } });
    // The name meant for the role search is now read as an ordinary message, never as an admin action.
    const reply = textOf(await test.send(from, 'Siti'));
    expect(reply).not.toContain('Pilih orangnya');
    const state = await test.app.db.conversationState.findUniqueOrThrow({ where: { userId: identity.userId } });
    expect(state.flow).not.toBe('roles');
  });
});
