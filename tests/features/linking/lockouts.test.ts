import { expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_WRONG_CODES_PER_HOUR } from '../../../src/features/linking/link-guard.js';
import { describeOnBothDatabases, textOf, type ClockedApp } from '../../core/support/clocked-app.js';

const LOCKED = 'Terlalu banyak kode yang salah. Demi keamanan, coba lagi dalam 15 menit.';

async function issueCode(test: ClockedApp, from: string): Promise<string> {
  return /Kode penghubung Anda: ([A-Z0-9]{6})/.exec(textOf(await test.send(from, '/hubungkan')))![1]!;
}

/** Lock-outs around /hubungkan, kept in the database, on one database. */
function lockoutScenarios(running: () => ClockedApp) {
  it("keeps a person's lock-out across a restart, then lets them link once it ends", async () => {
    const test = running();
    for (let i = 0; i < 4; i += 1)
      expect(textOf(await test.send('whatsapp:penebak', '/hubungkan AAAAAA'))).toContain('Kode tidak dikenali');
    expect(textOf(await test.send('whatsapp:penebak', '/hubungkan AAAAAA'))).toBe(LOCKED);

    await test.restart();
    const code = await issueCode(test, 'telegram:pemilik');
    expect(textOf(await test.send('whatsapp:penebak', `/hubungkan ${code}`))).toBe(LOCKED);
    test.advance(LOCKOUT_MS + 1000);
    const fresh = await issueCode(test, 'telegram:pemilik');
    expect(textOf(await test.send('whatsapp:penebak', `/hubungkan ${fresh}`))).toContain('Berhasil!');
  });

  it('pauses linking for everyone after too many wrong codes from many people, for the rest of the hour', async () => {
    const test = running();
    // Four wrong codes each stays under the personal lock-out: only the overall budget can stop this.
    const replies: string[] = [];
    for (let n = 0; n <= MAX_WRONG_CODES_PER_HOUR; n += 1) {
      replies.push(textOf(await test.send(`telegram:penebak-${Math.floor(n / 4)}`, '/hubungkan AAAAAA')));
    }
    expect(replies.slice(0, -1).every((r) => r.startsWith('Kode tidak dikenali'))).toBe(true);
    expect(replies.at(-1)).toBe(
      'Demi keamanan, penghubungan akun sedang dijeda karena terlalu banyak kode salah yang dicoba. Data Anda aman; silakan coba lagi dalam 60 menit.',
    );

    // Even a right code from somebody who never guessed waits: guessing must gain nothing meanwhile.
    const code = await issueCode(test, 'telegram:pemilik');
    test.advance(10 * 60_000);
    expect(textOf(await test.send('whatsapp:jujur', `/hubungkan ${code}`))).toContain('coba lagi dalam 50 menit');
    test.advance(50 * 60_000);
    const fresh = await issueCode(test, 'telegram:pemilik');
    expect(textOf(await test.send('whatsapp:jujur', `/hubungkan ${fresh}`))).toContain('Berhasil!');
  });
}

describeOnBothDatabases('linking lock-outs', lockoutScenarios, { perTest: true });
