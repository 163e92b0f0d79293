import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { cliEnv } from '../cli/support/cli-env.js';
import { startFakeTelegram } from '../support/fake-telegram.js';
import { canWatchMemory, treeRssKb } from '../support/process-memory.js';
import { tempDataDir } from '../support/temp-data.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** How long the bot rests after "ready" before its memory is read: start-up garbage is collected by then. */
const IDLE_MS = 5000;
const TSX = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

interface Start {
  readyMs: number;
  idleMb: number;
}

/**
 * Starts a command as a service would (stdin not a terminal), with Telegram pointed at a local fake Bot
 * API, and measures the time until Pandu says it runs, then the whole process tree's resident memory
 * after resting. `ready` null: a process that has nothing to say (bare node), measured after its start.
 */
async function measureStart(command: string, args: string[], env: Record<string, string>, ready: RegExp | null): Promise<Start> {
  const started = performance.now();
  // Its own process group, so the whole tree (npm, its shell, node) is ended together afterwards.
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'ignore', 'pipe'],
    detached: true,
  });
  const closed = new Promise((resolve) => child.once('close', resolve));
  let stderr = '';
  try {
    const readyMs = await new Promise<number>((resolve, reject) => {
      if (!ready) return child.on('spawn', () => resolve(performance.now() - started));
      const timer = setTimeout(() => reject(new Error(`no start within 120 s:\n${stderr}`)), 120_000);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (ready.test(stderr)) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      });
      child.on('exit', (code) => reject(new Error(`${command} ended (${code}) before it was ready:\n${stderr}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleMb = treeRssKb(child.pid!) / 1024;
    if (process.env.BENCH_VERBOSE) console.error(`${command} ${args.join(' ')}: ready ${readyMs.toFixed(0)} ms, ${idleMb.toFixed(0)} MB`);
    return { readyMs, idleMb };
  } finally {
    // Measured already; how it stops is tested elsewhere.
    process.kill(-child.pid!, 'SIGKILL');
    await closed;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * `npm start` with the shipped knowledge base and a built index (a second start on one DATA_DIR): time to
 * "Pandu berjalan" and the process tree's memory at idle, against baselines measured in the same run —
 * bare node idling, and the same app started through the tsx TypeScript loader as before the build step.
 */
export async function run(): Promise<void> {
  if (!canWatchMemory) {
    console.log('skipped: reading memory needs /proc (Linux)');
    return;
  }
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
  const fake = await startFakeTelegram();
  const temp = tempDataDir('pandu-start-bench-');
  const env = cliEnv(temp.dir, { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: 'warn' });
  const ready = /Pandu berjalan/;
  // The start script's own command, Node flags included, run without npm: what npm start adds, and what the flags save (against `node dist/main.js`).
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const startArgs = manifest.scripts.start!.split(' ').slice(1);
  const series: Record<'npm' | 'script' | 'node' | 'tsx' | 'bare', Start[]> = { npm: [], script: [], node: [], tsx: [], bare: [] };
  try {
    // First run: migrations, the shipped knowledge base and the index, so the measured starts find them built.
    await measureStart(process.execPath, ['dist/main.js'], env, ready);
    for (let round = 0; round < ROUNDS; round += 1) {
      series.npm.push(await measureStart('npm', ['start', '--silent'], env, ready));
      series.script.push(await measureStart(process.execPath, startArgs, env, ready));
      series.node.push(await measureStart(process.execPath, ['dist/main.js'], env, ready));
      series.tsx.push(await measureStart(TSX, ['src/main.ts'], env, ready));
      series.bare.push(await measureStart(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {}, null));
    }
  } finally {
    await fake.close();
    fs.rmSync(temp.dir, { recursive: true, force: true });
  }
  const ms = (s: Start[]) => median(s.map((x) => x.readyMs));
  const mb = (s: Start[]) => median(s.map((x) => x.idleMb));
  const fmt = (s: Start[]) =>
    `ready in ${(ms(s) / 1000).toFixed(2)} s (rounds: ${s.map((x) => (x.readyMs / 1000).toFixed(2)).join(', ')}), ` +
    `${mb(s).toFixed(0)} MB at idle (rounds: ${s.map((x) => x.idleMb.toFixed(0)).join(', ')})`;
  console.log(`npm start (whole tree: npm, shell, node), built index: ${fmt(series.npm)}`);
  console.log(`node ${startArgs.join(' ')} (the start script without npm): ${fmt(series.script)}`);
  console.log(`node dist/main.js alone (no Node flags): ${fmt(series.node)}`);
  console.log(`before the build step, tsx src/main.ts (tsx and its children): ${fmt(series.tsx)}`);
  console.log(`bare node idling: ${mb(series.bare).toFixed(0)} MB`);
  console.log(
    `ratios: npm start / tsx start ${(ms(series.npm) / ms(series.tsx)).toFixed(2)}× time, ${(mb(series.npm) / mb(series.tsx)).toFixed(2)}× memory; ` +
      `npm start / bare node ${(mb(series.npm) / mb(series.bare)).toFixed(1)}× memory (targets: ≤ 1.5 s, ≤ 200 MB)`,
  );
}
