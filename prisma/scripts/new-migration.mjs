// Creates the next migration for both providers by diffing the schema at the last migration
// (kept beside the migrations as schema.snapshot.prisma) against prisma/models.prisma.
// The SQLite diff needs no server; the PostgreSQL diff connects to MIGRATION_PG_URL (the JS schema engine
// insists on a live adapter) but changes nothing there. Usage: `npm run db:migration -- <name>`.
import fs from 'node:fs';
import path from 'node:path';
import { prismaDir, writeSchemas } from './schemas.mjs';
import { runPrisma } from './prisma.mjs';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration -- <name>');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

// The SQLite diff opens a scratch database under data/, which a fresh clone does not have yet.
fs.mkdirSync(path.join(prismaDir, '..', 'data'), { recursive: true });

const urls = { sqlite: 'file:./data/migration-diff.db', pg: process.env.MIGRATION_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' };

for (const { dir, file } of writeSchemas()) {
  const migrations = path.join(prismaDir, dir, 'migrations');
  const snapshot = path.join(migrations, 'schema.snapshot.prisma');
  const target = path.join(migrations, `${stamp}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  const out = path.join(target, 'migration.sql');
  const from = fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  // The JS schema engine picks its dialect from the adapter, which .config/prisma.ts derives from DATABASE_URL.
  const status = runPrisma(['migrate', 'diff', ...from, '--to-schema-datamodel', file, '--script', '-o', out], {
    DATABASE_URL: urls[dir],
  });
  if (status !== 0) process.exit(status);
  const sql = fs.readFileSync(out, 'utf8');
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    fs.rmSync(target, { recursive: true });
    console.log(`${dir}: no changes`);
    continue;
  }
  fs.copyFileSync(file, snapshot);
  console.log(`${dir}: wrote ${path.relative(process.cwd(), out)}`);
}
