// Prisma CLI configuration (found automatically at .config/prisma.ts). The CLI is only used offline by
// prisma/scripts (generate, migration diffs); the app applies migrations itself (src/db/migrate.ts).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const url = process.env.DATABASE_URL ?? 'file:./data/pandu.db';
const isPg = /^postgres(ql)?:/.test(url);

// The wasm schema engine leaves 10 s / 60 s timers behind, which keeps the CLI alive; unref long timers.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = realSetTimeout(fn, ms, ...args);
  if ((ms ?? 0) >= 5000) timer.unref();
  return timer;
}) as typeof setTimeout;

export default defineConfig({
  schema: isPg ? '../prisma/pg/schema.prisma' : '../prisma/sqlite/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => (isPg ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
