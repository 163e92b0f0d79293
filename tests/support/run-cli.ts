import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { watchMemory, type MemoryPeak } from './process-memory.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak memory of the entry point and the processes it started, with `measureMemory` (Linux). */
  memory?: MemoryPeak;
  /** From spawn to exit, with `measureMemory`. */
  elapsedMs?: number;
}

const TSX = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

/**
 * Runs one of the project's entry points (e.g. "src/cli/chat.ts") the way `npm run` does, with the given
 * environment and stdin, and waits for it to exit. Nothing here reaches the network. `measureMemory`
 * runs it as `node --import tsx` (so the process measured is the entry point, not tsx's launcher) and
 * samples the peak memory of it and its children.
 */
export function runCli(
  script: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number; measureMemory?: boolean } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const entry = path.join(projectRoot, script);
    const [command, commandArgs] = options.measureMemory
      ? [process.execPath, ['--import', 'tsx', entry, ...args]]
      : [TSX, [entry, ...args]];
    const started = Date.now();
    const child = spawn(command, commandArgs, {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stopWatching = options.measureMemory && child.pid !== undefined ? watchMemory(child.pid) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} timed out\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    let memory: MemoryPeak | undefined;
    child.on('exit', () => (memory = stopWatching?.()));
    child.on('close', (code) => {
      clearTimeout(timer);
      const measured = options.measureMemory ? { memory, elapsedMs: Date.now() - started } : {};
      resolve({ code, stdout, stderr, ...measured });
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
