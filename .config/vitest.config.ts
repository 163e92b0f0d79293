import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    include: ['tests/**/*.test.ts'],
    // Suites spawn the CLI and build indexes; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one worker on CI's 2 cores. Most suites spend
    // their time waiting on spawned entry points, sockets and timers, so two side by side finish the
    // whole run in about two thirds of the time (295 s against 438 s measured on a 2-core machine).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    reporters: ['default', path.join(root, 'tests/support/summary-reporter.ts')],
  },
});
