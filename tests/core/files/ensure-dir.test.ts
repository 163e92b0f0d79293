import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDir, FolderError } from '../../../src/core/files/ensure-dir.js';
import { runCli } from '../../support/run-cli.js';
import { tempDataDir } from '../../support/temp-data.js';

let temp: ReturnType<typeof tempDataDir> | undefined;
afterEach(() => temp?.cleanup());

describe('Creating DATA_DIR and its folders', () => {
  it('creates missing parents one level at a time, and accepts a folder that exists', () => {
    temp = tempDataDir();
    const dir = path.join(temp.dir, 'a', 'b', 'c');
    ensureDir(dir);
    ensureDir(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it('fails at once, naming the folder, where it cannot be created (a file in the way, a virtual file system)', () => {
    temp = tempDataDir();
    const file = path.join(temp.dir, 'berkas');
    fs.writeFileSync(file, 'x');
    expect(() => ensureDir(path.join(file, 'data'))).toThrow(FolderError);
    if (fs.existsSync('/proc/self')) expect(() => ensureDir('/proc/pandu-tidak-ada/data')).toThrow(/\/proc\/pandu-tidak-ada\/data/);
  });

  it('ends npm run kb with one Indonesian line for a DATA_DIR that cannot be created, instead of hanging', async () => {
    temp = tempDataDir();
    const file = path.join(temp.dir, 'berkas');
    fs.writeFileSync(file, 'x');
    const r = await runCli('src/cli/kb.ts', ['list'], { env: { DATA_DIR: path.join(file, 'data'), LOG_LEVEL: 'silent' } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toContain('Pandu tidak dapat membuat folder data');
  });
});
