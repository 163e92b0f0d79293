import { expect, it } from 'vitest';
import { LOCKOUT_MS } from '../../../src/core/rate-limit/guess-guard.js';
import { MAX_WRONG_INVITES_PER_HOUR } from '../../../src/features/roles/invite-feature.js';
import { describeOnBothDatabases, textOf, type ClockedApp } from '../../core/support/clocked-app.js';

const ADMIN = 'telegram:9001';
const LOCKED = 'Terlalu banyak kode yang salah. Demi keamanan, coba lagi dalam 15 menit.';

async function createInvite(test: ClockedApp): Promise<string> {
  await test.send(ADMIN, '/peran');
  await test.send(ADMIN, '', { choiceId: 'roles:invite' });
  await test.send(ADMIN, '', { choiceId: 'roles:role:coordinator' });
  await test.send(ADMIN, 'Kota Makassar');
  return /\/undangan ([A-Z2-9]{10})/.exec(textOf(await test.send(ADMIN, '', { choiceId: 'roles:ok' })))![1]!;
}

async function roleOf(test: ClockedApp, from: string): Promise<string> {
  const [channel, externalId] = from.split(':') as [string, string];
  const identity = await test.app.db.channelIdentity.findFirstOrThrow({ where: { channel, externalId }, include: { user: true } });
  return identity.user.role;
}

/** Lock-outs around /undangan, kept in the database: a cleared conversation or a restart does not reset them. */
function lockoutScenarios(running: () => ClockedApp) {
  it("keeps a guesser's lock-out through /batal and a restart, then lets the right code work once it ends", async () => {
    const test = running();
    for (let i = 0; i < 4; i += 1) {
      expect(textOf(await test.send('telegram:penebak', '/undangan ABCDEFGHJK'))).toContain('Kode undangan tidak dikenali');
      // Clearing the conversation between guesses used to clear the count with it.
      await test.send('telegram:penebak', '/batal');
    }
    expect(textOf(await test.send('telegram:penebak', '/undangan ABCDEFGHJK'))).toBe(LOCKED);

    await test.restart();
    const code = await createInvite(test);
    expect(textOf(await test.send('telegram:penebak', `/undangan ${code}`))).toBe(LOCKED);
    expect(await roleOf(test, 'telegram:penebak')).toBe('innovator');
    test.advance(LOCKOUT_MS + 1000);
    expect(textOf(await test.send('telegram:penebak', `/undangan ${code}`))).toContain('koordinator inovasi');
    expect(await roleOf(test, 'telegram:penebak')).toBe('coordinator');
  });

  it('pauses invites for everyone after too many wrong codes from many people, for the rest of the hour', async () => {
    const test = running();
    const code = await createInvite(test);
    const replies: string[] = [];
    // Four wrong codes each stays under the personal lock-out: only the overall budget can stop this.
    for (let n = 0; n <= MAX_WRONG_INVITES_PER_HOUR; n += 1) {
      replies.push(textOf(await test.send(`telegram:banyak-${Math.floor(n / 4)}`, '/undangan ABCDEFGHJK')));
    }
    expect(replies.slice(0, -1).every((r) => r.startsWith('Kode undangan tidak dikenali'))).toBe(true);
    expect(replies.at(-1)).toContain('dijeda');
    expect(textOf(await test.send('whatsapp:jujur', `/undangan ${code}`))).toContain('dijeda');
    test.advance(61 * 60_000);
    expect(textOf(await test.send('whatsapp:jujur', `/undangan ${code}`))).toContain('koordinator inovasi');
  });
}

describeOnBothDatabases('role invite lock-outs', lockoutScenarios, {
  perTest: true,
  env: { ADMIN_TELEGRAM_IDS: '9001', RATE_LIMIT_PER_MINUTE: '0' },
});
