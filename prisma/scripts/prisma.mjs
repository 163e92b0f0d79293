// Offline-safe Prisma CLI runner: placeholder engine paths stop the CLI from downloading engines
// (only npm and Debian are reachable), and telemetry/update checks are switched off.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function runPrisma(args, extraEnv = {}) {
  const placeholder = path.join(here, 'engine-placeholder');
  const env = { ...process.env, ...extraEnv };
  env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
  env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
  env.CHECKPOINT_DISABLE ??= '1';
  env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';
  env.DATABASE_URL ??= 'file:./data/pandu.db';
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });
  return result.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(runPrisma(process.argv.slice(2)));
}
