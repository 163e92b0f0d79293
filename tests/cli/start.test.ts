import { afterEach, describe, expect, it } from 'vitest';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

/** `npm start` when no person sits at a terminal (stdin is a pipe here). */
describe('npm start without a terminal', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  function env(extra: Record<string, string>) {
    const temp = tempDataDir();
    cleanup = temp.cleanup;
    return cliEnv(temp.dir, { KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir), TELEGRAM_BOT_TOKEN: '', WHATSAPP_ENABLED: '', ...extra });
  }

  it('explains that scripts use npm run chat when no channel is configured, and exits non-zero', async () => {
    const result = await runCli('src/main.ts', [], { env: env({}), input: 'halo\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run chat');
    expect(result.stdout).toBe('');
  });

  it('fails loudly when every configured channel fails to start', async () => {
    const result = await runCli('src/main.ts', [], { env: env({ WHATSAPP_ENABLED: 'true', CHROMIUM_PATH: '/nonexistent/chromium' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('whatsapp gagal dijalankan');
  });
});
