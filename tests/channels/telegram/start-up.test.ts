import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningChannel } from '../../../src/channels/channel.js';
import { launchTelegram, launchWithRetry } from '../../../src/channels/telegram/start-telegram.js';
import { createTelegramBot, type TelegramBotOptions } from '../../../src/channels/telegram/telegram-bot.js';
import { projectRoot } from '../../../src/config.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { FakeTimers } from '../../support/fake-timers.js';
import { entries, capturingLogger } from '../../support/log-lines.js';
import { messageUpdate, startFakeTelegram, type FakeTelegram, type OutageMode } from '../../support/fake-telegram.js';

const { t } = loadTranslator(path.join(projectRoot, 'locales'));

describe('Telegram start-up and polling through outages', () => {
  let fake: FakeTelegram | undefined;
  let running: RunningChannel | undefined;

  afterEach(async () => {
    await running?.stop();
    await fake?.close();
    running = undefined;
  });

  function bot(f: FakeTelegram, options: Partial<TelegramBotOptions> = {}) {
    const log = capturingLogger();
    const telegram = createTelegramBot({
      token: f.token,
      apiRoot: f.apiRoot,
      handle: async (msg) => [{ text: `dapat: ${msg.text}` }],
      commands: () => [{ name: 'bantuan', description: 'Daftar perintah' }],
      t,
      logger: log.logger,
      ...options,
    });
    return { telegram, ...log };
  }

  it('says at once that Telegram cannot be reached and when it retries, retries at most 15 s apart, and answers soon after it is back', async () => {
    fake = await startFakeTelegram({ down: 'refuse' });
    const timers = new FakeTimers();
    const { telegram, lines } = bot(fake, { timers });
    const startedAt = timers.now();
    running = await launchWithRetry(telegram);
    expect(telegram.isReachable()).toBe(false);

    const [first, ...more] = entries(lines, /cannot be reached/);
    expect(more).toEqual([]);
    expect(first).toMatchObject({ level: 40, activity: 'start-up', retryInMs: 1_000 });
    expect(first!.msg).toBe('Telegram cannot be reached (start-up); retrying in 1 s');
    expect(first!.retryAt).toBe(new Date(startedAt + 1_000).toISOString());
    expect(JSON.stringify(first!.err)).toContain('ECONNREFUSED');
    // Logged before any time passed: well within the 10 s the operator may wait for it.
    expect(timers.now() - startedAt).toBe(0);

    // Six minutes of outage: waits grow to 15 s and stay there; one reminder after five minutes.
    const waits: number[] = [];
    while (timers.now() - startedAt < 6 * 60_000) {
      const [wait] = timers.delays();
      waits.push(wait!);
      const logged = lines.length;
      await timers.advance(wait!);
      await vi.waitFor(() => expect(timers.delays()).toHaveLength(1), { timeout: 10_000 });
      // Every attempt failed and said so (at debug level between the warnings).
      expect(lines.length).toBe(logged + 1);
    }
    expect(waits.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
    expect(Math.max(...waits)).toBe(15_000);
    expect(entries(lines, /cannot be reached/).map((e) => e.msg)).toEqual([
      'Telegram cannot be reached (start-up); retrying in 1 s',
      'Telegram still cannot be reached after 5 min (start-up); retrying in 15 s',
    ]);

    await fake.comeBack();
    const backAt = timers.now();
    const [wait] = timers.delays();
    await timers.advance(wait!);
    fake.pushUpdate(messageUpdate('halo'));
    const answer = await fake.waitForCall('sendMessage');
    expect(answer.payload.text).toBe('dapat: halo');
    // Telegram's clock: the next attempt after its return came at most 15 s later.
    expect(timers.now() - backAt).toBeLessThanOrEqual(15_000);
    expect(entries(lines, /reachable again/)).toEqual([expect.objectContaining({ level: 30, activity: 'start-up' })]);
    expect(telegram.isReachable()).toBe(true);
  });

  it('keeps trying in the background when the Bot API answers 502 at start-up, then serves messages', async () => {
    fake = await startFakeTelegram();
    fake.failNext('getMe', 2, 502, 'Bad Gateway');
    running = await launchWithRetry(bot(fake, { reconnect: { baseMs: 10, maxMs: 10 } }).telegram);
    expect(running.name).toBe('telegram');
    fake.pushUpdate(messageUpdate('halo'));
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.payload.text).toBe('dapat: halo');
    expect(fake.callsOf('getMe')).toHaveLength(3);
  });

  it('starts polling even when the Bot API server cannot remove a webhook', async () => {
    fake = await startFakeTelegram();
    fake.failNext('deleteWebhook', 1, 404, 'Not Found: method not found');
    running = await launchWithRetry(bot(fake).telegram);
    fake.pushUpdate(messageUpdate('tes'));
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.payload.text).toBe('dapat: tes');
  });

  it('reports a refused token at once instead of retrying', async () => {
    fake = await startFakeTelegram();
    fake.failNext('getMe', 1, 401, 'Unauthorized');
    await expect(launchWithRetry(bot(fake).telegram)).rejects.toThrow(/Unauthorized/);
    expect(fake.callsOf('getMe')).toHaveLength(1);
  });

  it.each<OutageMode>(['refuse', 'bad-gateway'])(
    'logs one warning when polling loses Telegram (%s) and one info line when it is back, then answers what came meanwhile',
    async (mode) => {
      fake = await startFakeTelegram();
      const { telegram, lines } = bot(fake, { reconnect: { baseMs: 20, maxMs: 50 } });
      running = await launchTelegram(telegram);
      await fake.waitForCall('getUpdates');
      await fake.goDown(mode);
      await vi.waitFor(() => expect(entries(lines, /still unreachable/).length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
      // Messages Pandu would send first wait, or go by another channel, meanwhile.
      expect(telegram.isReachable()).toBe(false);
      fake.pushUpdate(messageUpdate('selama gangguan'));
      await fake.comeBack();
      const answer = await fake.waitForCall('sendMessage');
      expect(answer.payload.text).toBe('dapat: selama gangguan');

      const warned = entries(lines, /cannot be reached/);
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({ level: 40, activity: 'polling', retryInMs: 20 });
      expect(entries(lines, /reachable again/)).toEqual([expect.objectContaining({ level: 30, activity: 'polling' })]);
      expect(telegram.isReachable()).toBe(true);
      expect(lines.join('\n')).not.toContain(fake.token);
    },
  );
});
