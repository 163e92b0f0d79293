import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';
import { tempDataDir } from './support/temp-data.js';

const UNIT = path.join(projectRoot, 'deploy', 'pandu.service');
const unit = fs.readFileSync(UNIT, 'utf8');
const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const hasAnalyze = analyze.status === 0;

/** `Key=value` lines of the unit (the last one wins, as in systemd). */
function setting(key: string): string | undefined {
  const lines = unit.split('\n').filter((l) => l.startsWith(`${key}=`));
  return lines.at(-1)?.slice(key.length + 1);
}

/** The command `npm start` runs (package.json), e.g. `node --max-semi-space-size=4 --v8-pool-size=1 dist/main.js`. */
function startScript(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return manifest.scripts.start!;
}

describe('the systemd unit in deploy/', () => {
  it('runs Pandu as an ordinary user, with its data in /var/lib/pandu and logs in the journal', () => {
    expect(setting('User')).toBe('pandu');
    expect(setting('StateDirectory')).toBe('pandu');
    expect(unit).toContain('Environment=DATA_DIR=/var/lib/pandu');
    expect(setting('StandardError')).toBe('journal');
    // Longer than Pandu's own graceful stop (SHUTDOWN_TIMEOUT_MS, 10 s by default).
    expect(Number(setting('TimeoutStopSec'))).toBeGreaterThan(10);
    // What `npm start` runs, Node flags included, with Node's full path.
    expect(setting('ExecStart')).toBe(`/usr/bin/${startScript()}`);
    expect(setting('WorkingDirectory')).toBe('/opt/pandu');
  });

  it.skipIf(!hasAnalyze)(
    `passes systemd-analyze verify${hasAnalyze ? '' : ' (skipped: systemd-analyze is not installed)'} with the project where /opt/pandu would be`,
    () => {
      const temp = tempDataDir('pandu-unit-');
      try {
        const copy = path.join(temp.dir, 'pandu.service');
        fs.writeFileSync(copy, unit.replaceAll('/opt/pandu', projectRoot));
        const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
        expect(result.stderr.trim()).toBe('');
        expect(result.status).toBe(0);
      } finally {
        temp.cleanup();
      }
    },
  );
});

describe('npm start', () => {
  it("keeps npm's weekly check for a newer npm off, so npm, the bot's parent process, does not grow by it", () => {
    const temp = tempDataDir('pandu-npm-home-');
    try {
      // A home without the developer's own ~/.npmrc: what an operator's fresh account sees.
      const result = spawnSync('npm', ['config', 'get', 'update-notifier'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: temp.dir },
      });
      expect(result.stdout.trim()).toBe('false');
    } finally {
      temp.cleanup();
    }
  });
});
