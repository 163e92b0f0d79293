import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

/**
 * Runs one of the project's entry points (e.g. "src/cli/chat.ts") the way `npm run` does, with the given
 * environment and stdin, and waits for it to exit. Nothing here reaches the network.
 */
export function runCli(
  script: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(projectRoot, script), ...args], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} timed out\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Splits scripted chat output into one block per input line (blocks end with a "---" line). */
export function replyBlocks(stdout: string): string[] {
  return stdout
    .split(/^---$/m)
    .map((b) => b.trim())
    .filter((b, i, all) => b.length > 0 || i < all.length - 1);
}
