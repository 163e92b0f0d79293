import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

let app: App;
let temp: ReturnType<typeof tempDataDir>;
let env: Record<string, string>;

const POINTS = 'berapa lama masa berlaku poin sampah?';
const kb = (...args: string[]) => runCli('src/cli/kb.ts', args, { env });
const ask = async (text: string) => (await app.router.handle({ channel: 'telegram', senderId: '501', text }))[0]?.text ?? '';

beforeAll(async () => {
  temp = tempDataDir();
  const knowledgeDir = writeSmallKnowledge(temp.dir);
  env = cliEnv(temp.dir, { KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' });
  const config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent', KNOWLEDGE_DIR: knowledgeDir }, projectRoot);
  app = await createApp(config, { logger: silentLogger(), indexCheckMs: 50 });
});
afterAll(async () => {
  await app.close();
  temp.cleanup();
});

describe('npm run kb -- status, while Pandu runs', () => {
  it('marks a Pasal amended; the running bot notes it in answers without a restart, and the change is audited', async () => {
    expect(await ask(POINTS)).not.toContain('telah diubah');
    const r = await kb('status', 'perwal lestari 12/2023', '--pasal', '5', 'diubah', '--by', 'Perwal Lestari 3/2025');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tersimpan: Perwal Lestari 12/2023 Pasal 5 kini diubah oleh Perwal Lestari 3/2025 (sebelumnya berlaku).');
    await expect
      .poll(() => ask(POINTS), { timeout: 15_000, interval: 100 })
      .toContain('Perwal Lestari 12/2023 Pasal 5 telah diubah oleh Perwal Lestari 3/2025');
    const event = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'kb.status' } });
    expect(event).toMatchObject({
      actorId: null,
      before: { status: 'berlaku' },
      after: { pasal: '5', status: 'diubah', amendedBy: 'Perwal Lestari 3/2025' },
    });
  });

  it('revokes it: the running bot stops citing it; back in force, it cites it again', async () => {
    expect((await kb('status', 'Perwal Lestari 12/2023', '--pasal', '5', 'dicabut')).code).toBe(0);
    await expect.poll(() => ask(POINTS), { timeout: 15_000, interval: 100 }).not.toContain('Pasal 5 ayat (2)');
    expect((await kb('status', 'Perwal Lestari 12/2023', '--pasal', '5', 'berlaku')).code).toBe(0);
    await expect.poll(() => ask(POINTS), { timeout: 15_000, interval: 100 }).toContain('Perwal Lestari 12/2023 Pasal 5 ayat (2)');
    expect(await ask(POINTS)).not.toContain('telah diubah');
  });

  it('refuses an unknown document and a bad line, in one Indonesian line each', async () => {
    const unknown = await kb('status', 'Perda Antah 1/2099', 'dicabut');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Tidak ada dokumen atau peraturan "Perda Antah 1/2099"');
    const bad = await kb('status', 'Perwal Lestari 12/2023', 'diubah');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Status diubah perlu --by');
    expect(await app.db.auditEvent.count({ where: { action: 'kb.status' } })).toBe(3);
  });
});
