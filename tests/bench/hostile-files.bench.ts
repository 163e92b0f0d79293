import path from 'node:path';
import { loadFile } from '../../src/knowledge/ingest/load-file.js';
import { writeHostileFiles } from '../knowledge/ingest/support/hostile-files.js';
import { cliEnv } from '../cli/support/cli-env.js';
import { canWatchMemory } from '../support/process-memory.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';

/**
 * `npm run bench -- hostile`: how long `kb add` takes to refuse each hostile file and how much memory it
 * and its PDF reader reach, one process per file. "start-up" is `kb add` of a missing file: the cost of
 * starting the command and opening the database, included in every `kb s`. "read s" is the refusal
 * alone: loadFile in this process, default limits.
 */
export async function run(): Promise<void> {
  if (!canWatchMemory) {
    console.log('skipped: needs /proc to measure memory');
    return;
  }
  const temp = tempDataDir('pandu-bench-hostile-');
  try {
    const env = cliEnv(path.join(temp.dir, 'data'));
    const files = await writeHostileFiles(path.join(temp.dir, 'bom'));
    const rows = [{ file: path.join(temp.dir, 'tidak-ada.docx'), claims: 'start-up (missing file)' }, ...files];
    console.log('file'.padEnd(22), 'claims'.padEnd(40), 'read s', '  kb s', ' kb MB', ' reader MB', ' line');
    for (const row of rows) {
      const started = performance.now();
      await loadFile(row.file, { maxBytes: 20 * 1024 * 1024 }).catch(() => undefined);
      const readSeconds = (performance.now() - started) / 1000;
      const r = await runCli('src/cli/kb.ts', ['add', row.file], { env, measureMemory: true, timeoutMs: 180_000 });
      const mb = (kb: number) => (kb / 1024).toFixed(0).padStart(6);
      console.log(
        path.basename(row.file).padEnd(22),
        row.claims.padEnd(40),
        readSeconds.toFixed(2).padStart(6),
        ((r.elapsedMs ?? 0) / 1000).toFixed(1).padStart(6),
        mb(r.memory?.processKb ?? 0),
        mb(r.memory?.largestChildKb ?? 0).padStart(10),
        ` ${r.stderr.trim().split(' — ')[1]?.slice(0, 60) ?? r.stderr.trim()}`,
      );
    }
  } finally {
    temp.cleanup();
  }
}
