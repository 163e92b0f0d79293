import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { DraftStore } from '../../src/features/proposal/draft-store.js';
import { createTestDatabase, TEST_PG_URL } from '../support/pg-database.js';
import { tempDataDir } from '../support/temp-data.js';

const MIGRATION = 'draft_parts';

/** A copy of prisma/ holding only the migrations before the one under test, for both providers. */
function prismaBefore(dir: string): string {
  const copy = path.join(dir, 'prisma');
  for (const provider of ['sqlite', 'pg']) {
    const from = path.join(projectRoot, 'prisma', provider, 'migrations');
    for (const name of fs.readdirSync(from)) {
      if (name.endsWith(MIGRATION) || !fs.statSync(path.join(from, name)).isDirectory()) continue;
      fs.cpSync(path.join(from, name), path.join(copy, provider, 'migrations', name), { recursive: true });
    }
  }
  return copy;
}

function addMigrationUnderTest(copy: string): void {
  for (const provider of ['sqlite', 'pg']) {
    const from = path.join(projectRoot, 'prisma', provider, 'migrations');
    const name = fs.readdirSync(from).find((n) => n.endsWith(MIGRATION))!;
    fs.cpSync(path.join(from, name), path.join(copy, provider, 'migrations', name), { recursive: true });
  }
}

/**
 * What the store wrote before appends were stored as parts: every version held the whole answer it led
 * to (an append: the previous text, a newline, the message; a skip: the previous text again).
 */
const OLD_VERSIONS: Array<{ section: string; text: string; skipped: boolean }> = [
  { section: 'latar', text: 'Satu', skipped: false },
  { section: 'latar', text: 'Satu\nDua', skipped: false },
  { section: 'latar', text: 'Satu\nDua', skipped: true },
  { section: 'latar', text: 'Satu\nDua\nTiga  dengan spasi ', skipped: false },
  { section: 'latar', text: 'Ditulis ulang', skipped: false },
  { section: 'latar', text: 'Ditulis ulang\n\n  baris kosong di depan\nlalu baris lain', skipped: false },
  { section: 'tujuan', text: '', skipped: true },
  { section: 'tujuan', text: '  ', skipped: false },
  { section: 'tujuan', text: 'isi setelah spasi', skipped: false },
  { section: 'tujuan', text: 'isi setelah spasi\nSatu\nDua', skipped: false },
];

const backends: Array<[string, boolean]> = [
  ['SQLite', true],
  [TEST_PG_URL ? 'PostgreSQL' : 'PostgreSQL (skipped: TEST_DATABASE_URL not set)', Boolean(TEST_PG_URL)],
];

describe.each(backends)('drafts written before appends were stored as parts (%s)', (name, enabled) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.runIf(enabled)('are converted by the migration and read back identical, version by version', async () => {
    const temp = tempDataDir('pandu-draft-parts-');
    cleanups.push(temp.cleanup);
    let url = `file:${path.join(temp.dir, 'pandu.db')}`;
    if (name === 'PostgreSQL') {
      const database = await createTestDatabase();
      cleanups.push(() => database.drop());
      url = database.url;
    }
    const prismaDir = prismaBefore(temp.dir);
    await migrate(url, prismaDir);

    const start = new Date('2026-02-01T08:00:00.000Z');
    const at = (i: number) => new Date(start.getTime() + i * 60_000);
    let db: Db = await createDb(url);
    await db.$executeRaw`INSERT INTO "User" ("id", "role", "createdAt", "updatedAt") VALUES ('u1', 'innovator', ${start}, ${start})`;
    await db.$executeRaw`INSERT INTO "ProposalDraft" ("id", "userId", "templateId", "status", "createdAt", "updatedAt")
      VALUES ('d1', 'u1', 'inovasi-daerah', 'draft', ${start}, ${start})`;
    const versions = new Map<string, number>();
    const stored: Array<{ section: string; version: number; text: string; skipped: boolean; savedAt: Date }> = [];
    for (const [i, v] of OLD_VERSIONS.entries()) {
      const version = (versions.get(v.section) ?? 0) + 1;
      versions.set(v.section, version);
      stored.push({ section: v.section, version, text: v.text, skipped: v.skipped, savedAt: at(i) });
      await db.$executeRaw`INSERT INTO "SectionAnswer" ("id", "draftId", "sectionKey", "version", "text", "skipped", "createdAt")
        VALUES (${`a${i}`}, 'd1', ${v.section}, ${version}, ${v.text}, ${v.skipped}, ${at(i)})`;
    }
    await db.$disconnect();

    addMigrationUnderTest(prismaDir);
    expect(await migrate(url, prismaDir)).toEqual([expect.stringMatching(new RegExp(`_${MIGRATION}$`))]);
    db = await createDb(url);
    cleanups.push(() => db.$disconnect());
    const store = new DraftStore(db);

    for (const section of ['latar', 'tujuan']) {
      const expected = stored
        .filter((s) => s.section === section)
        .map((s) => ({ sectionKey: section, text: s.text, skipped: s.skipped, version: s.version, savedAt: s.savedAt }));
      expect(await store.history('d1', section)).toEqual(expected);
      expect((await store.answers('d1')).get(section)).toEqual(expected.at(-1));
    }
    // The appends now hold only what was added.
    const rows = await db.sectionAnswer.findMany({ where: { draftId: 'd1', sectionKey: 'latar' }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => [r.kind, r.text])).toEqual([
      ['replace', 'Satu'],
      ['append', 'Dua'],
      ['skip', ''],
      ['append', 'Tiga  dengan spasi '],
      ['replace', 'Ditulis ulang'],
      ['append', '\n  baris kosong di depan\nlalu baris lain'],
    ]);

    // And the converted draft goes on like any other.
    await store.append('d1', 'latar', 'tambahan');
    expect((await store.answers('d1')).get('latar')).toMatchObject({
      text: 'Ditulis ulang\n\n  baris kosong di depan\nlalu baris lain\ntambahan',
      version: 7,
      skipped: false,
    });
  });
});
