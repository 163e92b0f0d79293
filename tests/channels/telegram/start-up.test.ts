import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningChannel } from '../../../src/channels/channel.js';
import { launchWithRetry } from '../../../src/channels/telegram/start-telegram.js';
import { createTelegramBot } from '../../../src/channels/telegram/telegram-bot.js';
import { projectRoot } from '../../../src/config.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { messageUpdate, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';

const { t } = loadTranslator(path.join(projectRoot, 'locales'));

/** Runs scheduled retries immediately, so the test does not wait out real back-off. */
const instantTimers = {
  setTimeout: ((fn: () => void) => setTimeout(fn, 10)) as unknown as typeof setTimeout,
  clearTimeout,
};

describe('Telegram start-up', () => {
  let fake: FakeTelegram | undefined;
  let running: RunningChannel | undefined;

  afterEach(async () => {
    await running?.stop();
    await fake?.close();
    running = undefined;
  });

  function bot(f: FakeTelegram) {
    return createTelegramBot({
      token: f.token,
      apiRoot: f.apiRoot,
      handle: async (msg) => [{ text: `dapat: ${msg.text}` }],
      commands: () => [{ name: 'bantuan', description: 'Daftar perintah' }],
      t,
      logger: pino({ level: 'silent' }),
      retry: { maxRetryAttempts: 0 },
    });
  }

  it('keeps trying in the background when Telegram is unreachable at start-up, then serves messages', async () => {
    fake = await startFakeTelegram();
    fake.failNext('getMe', 2, 502, 'Bad Gateway');
    running = await launchWithRetry(bot(fake), undefined, instantTimers);
    expect(running.name).toBe('telegram');
    fake.pushUpdate(messageUpdate('halo'));
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.payload.text).toBe('dapat: halo');
    expect(fake.calls.filter((c) => c.method === 'getMe').length).toBeGreaterThanOrEqual(3);
  });

  it('starts polling even when the Bot API server cannot remove a webhook', async () => {
    fake = await startFakeTelegram();
    fake.failNext('deleteWebhook', 1, 404, 'Not Found: method not found');
    running = await launchWithRetry(bot(fake), undefined, instantTimers);
    fake.pushUpdate(messageUpdate('tes'));
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.payload.text).toBe('dapat: tes');
  });

  it('reports a refused token at once instead of retrying', async () => {
    fake = await startFakeTelegram();
    fake.failNext('getMe', 1, 401, 'Unauthorized');
    await expect(launchWithRetry(bot(fake), undefined, instantTimers)).rejects.toThrow(/Unauthorized/);
  });
});
