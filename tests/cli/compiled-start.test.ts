import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type * as PdfText from '../../src/knowledge/ingest/pdf-text.js';
import { parseYamlDocument, readYamlCatalog, yamlFilesUnder } from '../../src/yaml/yaml-catalog.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { makePdfPages } from '../knowledge/ingest/support/make-pdf.js';
import { messageUpdate, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { spawnCli, type RunningCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';

const dist = path.join(projectRoot, 'dist');

/**
 * `npm start` runs the compiled app (dist/main.js, built by `npm install` and `npm run build`): it must find
 * everything it takes from disk from there too — prompts, locales, the shipped knowledge base, the
 * migrations, the generated Prisma client and the PDF reader's child process.
 */
describe('npm start from the compiled JavaScript', () => {
  let fake: FakeTelegram;
  let pandu: RunningCli | undefined;
  const temp = tempDataDir('pandu-compiled-');
  beforeAll(() => {
    const built = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')], { encoding: 'utf8' });
    expect(built.status, built.stdout + built.stderr).toBe(0);
  });
  afterAll(async () => {
    pandu?.child.kill('SIGKILL');
    temp.cleanup();
  });

  it('is what npm start runs, with no TypeScript loader', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.start).toMatch(/^node (--[\w-]+=\S+ )*dist\/main\.js$/);
    expect(fs.existsSync(path.join(dist, 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'generated', 'prisma-sqlite', 'index.js'))).toBe(true);
  });

  it('holds every messages and template file parsed (dist/yaml-catalog.json), as each reads now', () => {
    const catalog = readYamlCatalog(path.join(dist, 'yaml-catalog.json'));
    const sources = yamlFilesUnder([path.join(projectRoot, 'locales'), path.join(projectRoot, 'prompts')]);
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      const text = fs.readFileSync(source, 'utf8');
      expect(catalog.lookup(text), source).toEqual({ value: parseYamlDocument(text).toJS() });
    }
  });

  it('starts, answers a question on Telegram from the knowledge base, and stops cleanly', async () => {
    fake = await startFakeTelegram();
    const env = cliEnv(temp.dir, {
      KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WHATSAPP_ENABLED: '',
    });
    try {
      pandu = spawnCli('dist/main.js', [], { env });
      await pandu.waitForStderr(/Pandu berjalan\. Kanal aktif: telegram/, 90_000);
      fake.pushUpdate(messageUpdate('apa itu inovasi daerah?'));
      const [sent] = await fake.waitForCount('sendMessage', 1, 30_000);
      expect(String(sent!.payload.text)).toMatch(/inovasi daerah/i);
      pandu.child.kill('SIGTERM');
      expect(await pandu.exited).toBe(0);
      expect(pandu.stderr()).not.toMatch(/"level":50/);
    } finally {
      await fake.close();
    }
  });

  it('reads a PDF in the reader process from the compiled layout', async () => {
    const compiled = (await import(path.join(dist, 'knowledge', 'ingest', 'pdf-text.js'))) as typeof PdfText;
    const pdf = makePdfPages([['Halaman satu'], ['Halaman dua']]);
    const limits = { maxPdfPages: 10, maxTextChars: 10_000, pdfTimeoutMs: 30_000 };
    expect(await compiled.extractPdfText('uji.pdf', pdf, limits)).toBe('Halaman satu\nHalaman dua');
  });
});
