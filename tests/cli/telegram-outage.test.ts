import { afterEach, describe, expect, it } from 'vitest';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { messageUpdate, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { spawnCli, type RunningCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

/** `npm start` with Telegram configured while the Bot API cannot be reached, until it comes back. */
describe('npm start while Telegram cannot be reached', () => {
  let fake: FakeTelegram | undefined;
  let pandu: RunningCli | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(async () => {
    pandu?.child.kill('SIGKILL');
    await fake?.close();
    cleanup?.();
  });

  it('says so within 10 s, answers soon after the Bot API is back, and stops cleanly on SIGTERM', async () => {
    fake = await startFakeTelegram({ down: 'refuse' });
    const temp = tempDataDir();
    cleanup = temp.cleanup;
    const env = cliEnv(temp.dir, {
      KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WHATSAPP_ENABLED: '',
      LOG_LEVEL: 'info',
    });
    pandu = spawnCli('src/main.ts', [], { env });

    // Preparing storage and the index takes what it takes on a busy machine; the clock starts when
    // Pandu first tries Telegram.
    const connecting = JSON.parse(await pandu.waitForStderr(/connecting to Telegram/, 60_000)) as { time: number };
    const line = await pandu.waitForStderr(/Telegram cannot be reached/);
    const warned = JSON.parse(line) as { time: number; retryInMs: number; retryAt: string; err: { message: string } };
    expect(warned.time - connecting.time).toBeLessThan(10_000);
    expect(warned.retryInMs).toBeLessThanOrEqual(15_000);
    // retryAt is computed from the instant of the failure; the logger stamps the line a moment later.
    const retryAfterLine = Date.parse(warned.retryAt) - warned.time;
    expect(retryAfterLine).toBeLessThanOrEqual(warned.retryInMs);
    expect(retryAfterLine).toBeGreaterThan(warned.retryInMs - 100);
    expect(warned.err.message).toContain('getMe');
    expect(line).not.toContain(fake.token);
    await pandu.waitForStderr(/Kanal aktif: telegram/);

    await fake.comeBack();
    const backAt = Date.now();
    fake.pushUpdate(messageUpdate('/bantuan'));
    const answer = await fake.waitForCall('sendMessage', () => true, 20_000);
    const seconds = (answer.at - backAt) / 1000;
    console.info(`Telegram outage: ${seconds.toFixed(1)} s from the Bot API's return to the first answer`);
    expect(String(answer.payload.text)).toContain('/bantuan');
    await pandu.waitForStderr(/Telegram reachable again/);

    pandu.child.kill('SIGTERM');
    expect(await pandu.exited).toBe(0);
    expect(pandu.stderr()).toContain('"msg":"shutting down"');
  });
});
