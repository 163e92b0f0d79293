import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, openKnowledge, type App } from '../src/app.js';
import { loadConfig, projectRoot } from '../src/config.js';
import { loadTranslator, type Translator } from '../src/i18n/translator.js';
import { silentLogger } from '../src/logger.js';
import { writeSmallKnowledge } from './fixtures/cli/small-knowledge.js';
import { curatedUnit, tempDataDir, writeKnowledge } from './support/temp-data.js';

let app: App;
let temp: ReturnType<typeof tempDataDir>;
let config: ReturnType<typeof loadConfig>;

beforeAll(async () => {
  temp = tempDataDir();
  config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent', KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir) }, projectRoot);
  app = await createApp(config, { logger: silentLogger(), indexCheckMs: 50 });
});
afterAll(async () => {
  await app.close();
  temp.cleanup();
});

const ask = (text: string) => app.router.handle({ channel: 'whatsapp', senderId: '628111000', text });

describe('a first greeting', () => {
  it('gets the welcome with what Pandu can do, not a knowledge-base miss', async () => {
    const [reply] = await ask('halo min');
    expect(reply?.text).toContain('Saya Pandu');
    expect(reply?.text).not.toContain('tidak ditemukan');
  });

  it('does not swallow a question that starts with a greeting', async () => {
    const [reply] = await ask('halo, berapa gaji PPPK?');
    expect(reply?.text).toContain('tidak ditemukan dalam basis pengetahuan');
  });
});

describe('a knowledge base changed by the kb command while Pandu runs', () => {
  it('is picked up without a restart', async () => {
    const question = 'apa itu program kebun hidroponik sekolah rakyat?';
    expect((await ask(question))[0]?.text).toContain('tidak ditemukan');
    // What `npm run kb -- add` does in another process: store the document and rebuild the index.
    const extra = writeKnowledge(`${temp.dir}/extra`, {
      'kebun.md': curatedUnit({
        citation: 'Panduan Kebun Hidroponik Sekolah 2024',
        title: 'Program kebun hidroponik sekolah rakyat',
        topic: 'kebun hidroponik sekolah',
        text: 'Program kebun hidroponik sekolah rakyat melatih siswa menanam sayur tanpa tanah di halaman sekolah.',
        aliases: ['kebun hidroponik sekolah'],
      }),
    });
    const other = await openKnowledge(config, silentLogger());
    await other.knowledge.addFile(`${extra}/kebun.md`);
    await other.knowledge.buildIndex();
    await other.db.$disconnect();
    await expect
      .poll(async () => (await ask(question))[0]?.text ?? '', { timeout: 10_000, interval: 100 })
      .toContain('Panduan Kebun Hidroponik Sekolah 2024');
  });
});

describe('user-facing strings the caller has loaded already (npm start loads them once, before the app)', () => {
  it('are the ones the app speaks with', async () => {
    const loaded = loadTranslator(config.localesDir);
    const i18n: Translator = { has: loaded.has, t: (key, vars) => `«${loaded.t(key, vars)}»` };
    const other = await createApp(config, { logger: silentLogger(), i18n, skipKnowledgeSync: true });
    try {
      const [reply] = await other.router.handle({ channel: 'whatsapp', senderId: '628222000', text: 'halo min' });
      expect(reply?.text).toMatch(/^«Halo! Saya Pandu/);
    } finally {
      await other.close();
    }
  });
});
