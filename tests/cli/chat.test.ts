import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyBlocks, runCli, type CliResult } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

let temp: ReturnType<typeof tempDataDir>;
let result: CliResult;

// One scripted conversation over the shipped knowledge base: a Windows line ending, an empty line and a
// last line without a newline are all messages too.
const INPUT = 'proposal inovasi daerah isinya apa aja?\r\nberapa gaji PPPK?\n\n/bantuan';

beforeAll(async () => {
  temp = tempDataDir();
  result = await runCli('src/cli/chat.ts', [], { env: cliEnv(temp.dir), input: INPUT });
});
afterAll(() => {
  temp.cleanup();
});

describe('npm run chat (scripted through stdin)', () => {
  it('exits 0 at the end of input', () => {
    expect(result.stderr).not.toMatch(/"level":(50|60)/);
    expect(result.code).toBe(0);
  });

  it('prints one "---"-terminated reply block per input line, and nothing else on stdout', () => {
    expect(replyBlocks(result.stdout)).toHaveLength(4);
    expect(result.stdout.endsWith('\n---\n')).toBe(true);
    expect(result.stdout).not.toContain('"level"');
  });

  it('answers "proposal inovasi daerah isinya apa aja?" citing PP 38/2017 Pasal 7 ayat (2)', () => {
    const [answer] = replyBlocks(result.stdout);
    expect(answer).toContain('sekurang-kurangnya memuat');
    expect(answer).toMatch(/^Dasar: PP 38\/2017 Pasal 7 ayat \(2\)/m);
  });

  it('says "berapa gaji PPPK?" is not found in the knowledge base', () => {
    const block = replyBlocks(result.stdout)[1]!;
    expect(block).toContain('tidak ditemukan dalam basis pengetahuan');
    expect(block).not.toContain('Dasar:');
  });

  it('answers an empty line and a command like any other message', () => {
    const [, , empty, help] = replyBlocks(result.stdout);
    expect(empty).toBe('Pesannya kosong. Silakan ketik pertanyaan Anda, atau /bantuan untuk melihat apa yang bisa saya bantu.');
    expect(help!.startsWith('Perintah yang tersedia:')).toBe(true);
    expect(help).toContain('/tanya <pertanyaan>');
  });

  it('keeps its database and index under DATA_DIR', () => {
    expect(fs.existsSync(path.join(temp.dir, 'pandu.db'))).toBe(true);
    expect(fs.existsSync(path.join(temp.dir, 'index', 'manifest.json'))).toBe(true);
  });
});
