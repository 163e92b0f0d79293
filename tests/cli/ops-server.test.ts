import { afterEach, describe, expect, it } from 'vitest';
import { startOpsServer } from '../../src/ops/ops-server.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { spawnCli, type RunningCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

/** `npm start` with HTTP_PORT set: the service a monitoring system and systemd talk to. */
describe('npm start with HTTP_PORT', () => {
  let fake: FakeTelegram | undefined;
  let pandu: RunningCli | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(async () => {
    pandu?.child.kill('SIGKILL');
    await fake?.close();
    cleanup?.();
  });

  it('serves /healthz, /readyz and /metrics on 127.0.0.1 while running, and closes the port on SIGTERM', async () => {
    fake = await startFakeTelegram();
    const temp = tempDataDir();
    cleanup = temp.cleanup;
    const probe = await startOpsServer(() => false, 0, '127.0.0.1');
    await probe.stop();
    const env = cliEnv(temp.dir, {
      KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WHATSAPP_ENABLED: '',
      LOG_LEVEL: 'info',
      HTTP_PORT: String(probe.port),
    });
    // As the systemd unit runs it: node --import tsx, so SIGTERM reaches Pandu directly.
    pandu = spawnCli('src/main.ts', [], { env, measureMemory: true });
    const up = JSON.parse(await pandu.waitForStderr(/health and metrics server up/, 60_000)) as { host: string; port: number };
    expect(up).toMatchObject({ host: '127.0.0.1', port: probe.port });
    await pandu.waitForStderr(/Kanal aktif: telegram/);

    const base = `http://127.0.0.1:${probe.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { channels: unknown }).channels).toEqual({ telegram: { ok: true, state: 'polling' } });
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('# TYPE pandu_messages_handled_total counter');

    pandu.child.kill('SIGTERM');
    const code = await pandu.exited;
    expect(code, pandu.stderr().split('\n').slice(-8).join('\n')).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
