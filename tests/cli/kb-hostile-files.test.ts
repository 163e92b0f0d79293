import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import type { IngestErrorCode } from '../../src/knowledge/ingest/errors.js';
import { silentLogger } from '../../src/logger.js';
import type { HostileFile } from '../knowledge/ingest/support/hostile-files.js';
import { writeHostileFiles } from '../knowledge/ingest/support/hostile-files.js';
import { canWatchMemory } from '../support/process-memory.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

/** The start of the Indonesian line each refusal must print (default limits). */
const EXPECTED_LINE: Partial<Record<IngestErrorCode, string>> = {
  unpacked_too_big: 'Isi berkas terlalu besar setelah dibuka (lebih dari 100 MB), jadi tidak diproses.',
  suspicious_archive: 'Susunan berkas DOCX ini tidak wajar',
  text_too_long: 'Teks dalam berkas terlalu panjang (lebih dari 3.000.000 karakter).',
  too_many_pages: 'PDF ini terlalu banyak halamannya (100.000 halaman; batas 2.000).',
  too_complex: 'Membaca berkas ini membutuhkan memori jauh lebih besar daripada dokumen biasa',
};
const ONE_GB_KB = 1024 * 1024;

let temp: ReturnType<typeof tempDataDir>;
let env: Record<string, string>;
let hostile: HostileFile[];

async function snapshot() {
  const { db, knowledge } = await openKnowledge(loadConfig(env, projectRoot), silentLogger());
  try {
    const documents = (await knowledge.list()).map((d) => ({ id: d.id, chunks: d.chunks }));
    const manifest = fs.readFileSync(path.join(temp.dir, 'data', 'index', 'manifest.json'), 'utf8');
    return { documents, manifest };
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  temp = tempDataDir('pandu-kb-hostile-');
  env = cliEnv(path.join(temp.dir, 'data'));
  hostile = await writeHostileFiles(path.join(temp.dir, 'bom'));
  // A knowledge base with one document and a built index, so "unchanged" means something.
  const { db, knowledge } = await openKnowledge(loadConfig(env, projectRoot), silentLogger());
  try {
    const note = path.join(temp.dir, 'catatan.md');
    fs.writeFileSync(note, '# Catatan\n\nInovasi daerah dinilai setiap tahun oleh Kementerian Dalam Negeri.\n');
    await knowledge.addFile(note);
    await knowledge.buildIndex();
  } finally {
    await db.$disconnect();
  }
});
afterAll(() => temp.cleanup());

describe.skipIf(!canWatchMemory)('npm run kb -- add with hostile files', () => {
  it('refuses every zip bomb and PDF bomb in one Indonesian line each, within bounded memory, changing nothing', async () => {
    const before = await snapshot();
    const r = await runCli('src/cli/kb.ts', ['add', ...hostile.map((h) => h.file)], { env, measureMemory: true, timeoutMs: 180_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(hostile.length);
    hostile.forEach((h, i) => {
      expect(lines[i]).toContain(`Gagal: ${h.file} — ${EXPECTED_LINE[h.code]}`);
      expect(lines[i]!.length).toBeLessThan(400);
    });
    expect(await snapshot()).toEqual(before);
    // The kb process, and it together with its PDF reader at their peaks, stay well under 1 GB.
    expect(r.memory!.processKb).toBeLessThan(ONE_GB_KB / 2);
    expect(r.memory!.treeKb).toBeLessThan(ONE_GB_KB);
  }, 200_000);
});
