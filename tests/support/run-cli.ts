import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

/**
 * Runs one of the project's entry points (e.g. "src/cli/chat.ts") as `node --import tsx` (the process is
 * the entry point, not tsx's launcher), with the given environment and stdin, and waits for it to exit.
 * Nothing here reaches the network. `measureMemory` samples the peak memory of it and its children.
 */
export function runCli(
  script: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number; measureMemory?: boolean } = {},
): Promise<CliResult> {
  const started = Date.now();
  const run = spawnCli(script, args, options);
  run.child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      reject(new Error(`${script} timed out\nstdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`));
    }, options.timeoutMs ?? 60_000);
    run.child.on('error', reject);
    void run.exited.then((code) => {
      clearTimeout(timer);
      const measured = options.measureMemory ? { memory: run.memory(), elapsedMs: Date.now() - started } : {};
      resolve({ code, stdout: run.stdout(), stderr: run.stderr(), ...measured });
    });
  });
}

export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stderr line matching `pattern` (already written or future). */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
  /** Peak memory, once exited, with `measureMemory`. */
  memory(): MemoryPeak | undefined;
}

/**
 * Starts an entry point (e.g. "src/main.ts") and leaves it running, for tests that talk to it while it
 * runs (a fake Bot API coming back, a signal). The caller ends it (child.kill) if the test does not.
 */
export function spawnCli(
  script: string,
  args: string[],
  options: { env?: Record<string, string>; measureMemory?: boolean } = {},
): RunningCli {
  const entry = path.join(projectRoot, script);
  // One process, the entry point itself, so a SIGKILL ends it: tsx's launcher would pass SIGTERM on but
  // die alone on SIGKILL, leaving the entry point running after the test. Compiled JavaScript (dist/, what
  // `npm start` runs) needs no TypeScript loader.
  const [command, commandArgs] = [process.execPath, [...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry, ...args]];
  const child = spawn(command, commandArgs, {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stopWatching = options.measureMemory && child.pid !== undefined ? watchMemory(child.pid) : undefined;
  let memory: MemoryPeak | undefined;
  child.on('exit', () => (memory = stopWatching?.()));
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    memory: () => memory,
    waitForStderr(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = stderr.split('\n').find((l) => pattern.test(l));
          if (line === undefined) return;
          cleanup();
          resolve(line);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no stderr line matching ${pattern} within ${timeoutMs} ms:\n${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Splits scripted chat output into one block per input line (blocks end with a "---" line). */
export function replyBlocks(stdout: string): string[] {
  return stdout
    .split(/^---$/m)
    .map((b) => b.trim())
    .filter((b, i, all) => b.length > 0 || i < all.length - 1);
}
