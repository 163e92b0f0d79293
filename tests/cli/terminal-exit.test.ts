import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

const TSX = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const hasScript = spawnSync('script', ['--version']).status === 0;

/** Seconds the process may take to end after /keluar or Ctrl+D (it used to hang until stdin closed). */
const EXIT_WITHIN_S = 5;

/**
 * `npm start` and `npm run chat` with a person at a terminal: run under `script`, which gives them a
 * pseudo-terminal. stdin stays open throughout, as a person's terminal would.
 */
describe.skipIf(!hasScript)(hasScript ? 'leaving the terminal chat' : 'leaving the terminal chat (skipped: no `script` command)', () => {
  let temp: ReturnType<typeof tempDataDir>;
  let env: Record<string, string>;
  beforeAll(() => {
    temp = tempDataDir();
    env = cliEnv(temp.dir, { KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir), TELEGRAM_BOT_TOKEN: '', WHATSAPP_ENABLED: '' });
  });
  afterAll(() => temp.cleanup());

  function chatUnderTerminal(script: string) {
    const child = spawn('script', ['-qfec', `${TSX} ${path.join(projectRoot, script)}`, '/dev/null'], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const prompt = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no prompt:\n${output}`)), 60_000);
      child.stdout.on('data', () => {
        if (output.includes('/keluar untuk berhenti')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    return { child, exited, prompt, output: () => output };
  }

  async function secondsToExit(
    run: ReturnType<typeof chatUnderTerminal>,
    input: string,
  ): Promise<{ code: number | null; seconds: number }> {
    await run.prompt;
    const sentAt = Date.now();
    run.child.stdin.write(input);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 30_000);
    const code = await run.exited;
    clearTimeout(timer);
    return { code, seconds: (Date.now() - sentAt) / 1000 };
  }

  it('npm run chat ends at once after /keluar, with stdin still open', async () => {
    const run = chatUnderTerminal('src/cli/chat.ts');
    const { code, seconds } = await secondsToExit(run, '/keluar\n');
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(EXIT_WITHIN_S);
    expect(run.output()).toContain('Sampai jumpa!');
  });

  it('npm start (terminal chat, no channel configured) ends at once at end of input (Ctrl+D)', async () => {
    const run = chatUnderTerminal('src/main.ts');
    const { code, seconds } = await secondsToExit(run, '\x04');
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(EXIT_WITHIN_S);
  });
});
