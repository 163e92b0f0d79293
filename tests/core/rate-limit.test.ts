import { describe, expect, it } from 'vitest';
import { ClockedPrismaLimiter, pruneExpiredLimits } from '../../src/core/rate-limit/clocked-prisma-limiter.js';
import { describeOnBothDatabases, startClockedApp, textOf, type ClockedApp } from './support/clocked-app.js';

const REFUSAL =
  /^Mohon maaf, Anda mengirim terlalu banyak pesan dalam waktu singkat\..* silakan kirim pesan lagi dalam (\d+ (detik|menit))\./;

let counter = 0;
const person = (channel: 'telegram' | 'whatsapp' | 'terminal') => `${channel}:rl-${(counter += 1)}`;

/** The message limit (20 a minute, the default) through the whole app, on one database. */
function rateLimitScenarios(running: () => ClockedApp) {
  it('answers 20 messages a minute, refuses the 21st politely with when to write again, ignores the 22nd, then lets messages flow', async () => {
    const test = running();
    const from = person('telegram');
    for (let i = 1; i <= 20; i += 1) expect(textOf(await test.send(from, 'halo'))).toMatch(/^Halo! Saya Pandu/);
    test.advance(15_000);
    const refused = await test.send(from, 'brp lama evaluasi usulan inovasi?');
    expect(refused).toHaveLength(1);
    expect(REFUSAL.exec(refused[0]!.text)?.[1]).toBe('45 detik');
    expect(await test.send(from, 'brp lama evaluasi usulan inovasi?')).toEqual([]);
    expect(await test.send(from, '/bantuan')).toEqual([]);

    test.advance(45_000);
    expect(textOf(await test.send(from, 'brp lama evaluasi usulan inovasi?'))).toContain('PP 38/2017 Pasal 13');
  });

  it('keeps one budget for a person on all their linked channels', async () => {
    const test = running();
    const telegram = person('telegram');
    const whatsapp = person('whatsapp');
    const code = /Kode penghubung Anda: ([A-Z0-9]{6})/.exec(textOf(await test.send(telegram, '/hubungkan')))![1]!;
    expect(textOf(await test.send(whatsapp, `/hubungkan ${code}`))).toContain('Berhasil!');
    // The WhatsApp identity's own first message was counted for the user that no longer exists.
    for (let i = 2; i <= 11; i += 1) expect(await test.send(telegram, 'halo')).toHaveLength(1);
    for (let i = 12; i <= 20; i += 1) expect(await test.send(whatsapp, 'halo')).toHaveLength(1);
    expect(textOf(await test.send(whatsapp, 'halo'))).toMatch(REFUSAL);
    expect(await test.send(telegram, 'halo')).toEqual([]);
  });

  it('does not count a redelivered message twice', async () => {
    const test = running();
    const from = person('whatsapp');
    for (let i = 1; i <= 20; i += 1) {
      expect(await test.send(from, 'halo', { messageId: `m${i}` })).toHaveLength(1);
      expect(await test.send(from, 'halo', { messageId: `m${i}` })).toEqual([]);
    }
    expect(textOf(await test.send(from, 'halo', { messageId: 'm21' }))).toMatch(REFUSAL);
  });

  it('counts the messages of one batch exactly, drops repeats within it and of earlier messages', async () => {
    const test = running();
    const from = person('telegram');
    expect(await test.send(from, 'halo', { messageId: 'sebelum' })).toHaveLength(1);
    // Delivered together, as a Telegram batch is: on SQLite their writes share one commit.
    const ids = [...Array.from({ length: 20 }, (_, i) => `serentak-${i}`), 'serentak-3', 'sebelum'];
    const replies = await Promise.all(ids.map((messageId) => test.send(from, 'halo', { messageId })));
    expect(replies.filter((r) => /^Halo! Saya Pandu/.test(textOf(r)))).toHaveLength(19);
    expect(replies.filter((r) => REFUSAL.test(textOf(r)))).toHaveLength(1);
    expect(replies.filter((r) => r.length === 0)).toHaveLength(2);
    expect(replies.at(-1)).toEqual([]);
  });

  it('never limits the operator at the terminal', async () => {
    const test = running();
    const from = person('terminal');
    for (let i = 1; i <= 25; i += 1) expect(textOf(await test.send(from, 'halo'))).toMatch(/^Halo! Saya Pandu/);
  });

  it('keeps counting across a restart', async () => {
    const test = running();
    const from = person('telegram');
    for (let i = 1; i <= 20; i += 1) await test.send(from, 'halo');
    await test.restart();
    expect(textOf(await test.send(from, 'halo'))).toMatch(REFUSAL);
  });

  it('counts concurrent messages exactly and prunes ended windows', async () => {
    const test = running();
    const limiter = new ClockedPrismaLimiter(test.app.db, { keyPrefix: 'uji', points: 5, duration: 60 }, test.now);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => limiter.consume('serentak')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect((await limiter.get('serentak'))?.consumedPoints).toBe(12);
    expect(await pruneExpiredLimits(test.app.db, new Date(test.now().getTime() + 61_000))).toBeGreaterThan(0);
    expect(await test.app.db.rateLimit.count({ where: { key: 'uji:serentak' } })).toBe(0);
  });
}

describeOnBothDatabases('the message rate limit', rateLimitScenarios);

describe('RATE_LIMIT_PER_MINUTE=0', () => {
  it('switches the limit off', async () => {
    const test = await startClockedApp(undefined, { RATE_LIMIT_PER_MINUTE: '0' });
    try {
      for (let i = 1; i <= 25; i += 1) expect(textOf(await test.send('telegram:bebas', 'halo'))).toMatch(/^Halo! Saya Pandu/);
    } finally {
      await test.close();
    }
  });
});
