import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/features/proposal/templates/template-loader.js';
import { loadTranslator } from '../../src/i18n/translator.js';
import { parseYamlDocument, readYamlCatalog, writeYamlCatalog, yamlFilesUnder, type YamlCatalog } from '../../src/yaml/yaml-catalog.js';
import { tempDataDir } from '../support/temp-data.js';

let temp: ReturnType<typeof tempDataDir> | undefined;
afterEach(() => temp?.cleanup());

function files(contents: Record<string, string>): string {
  temp = tempDataDir('pandu-yaml-');
  for (const [name, text] of Object.entries(contents)) {
    fs.mkdirSync(path.dirname(path.join(temp.dir, name)), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, name), text);
  }
  return temp.dir;
}

/** A catalog that answers every text with `value`: shows whether a reader takes what the catalog says. */
const answering = (value: unknown): YamlCatalog => ({ lookup: () => ({ value }) });

describe('the YAML catalog the build writes', () => {
  it('gives back what parsing each file gives, looked up by its text', () => {
    const dir = files({
      'locales/id.yaml': 'salam:\n  pagi: "Selamat pagi, {nama}!"\n  daftar: [satu, 2, true, null]\n',
      'locales/id/fitur.yaml': 'fitur:\n  judul: |\n    Baris satu\n    Baris dua\n',
      'prompts/templates/t.yml': 'id: t\norder: 1\n',
      'prompts/catatan.md': '# bukan YAML',
    });
    const sources = yamlFilesUnder([path.join(dir, 'locales'), path.join(dir, 'prompts'), path.join(dir, 'tidak-ada')]);
    expect(sources.map((f) => path.relative(dir, f))).toEqual(['locales/id.yaml', 'locales/id/fitur.yaml', 'prompts/templates/t.yml']);
    const file = path.join(dir, 'dist', 'yaml-catalog.json');
    expect(writeYamlCatalog(file, sources)).toEqual({ cached: 3, skipped: [] });
    const catalog = readYamlCatalog(file);
    for (const source of sources) {
      const text = fs.readFileSync(source, 'utf8');
      expect(catalog.lookup(text)).toEqual({ value: parseYamlDocument(text).toJS() });
    }
    // An edited file is not in it: the reader parses it as it is now.
    expect(catalog.lookup('salam:\n  pagi: "Selamat siang"\n')).toBeUndefined();
  });

  it('leaves out a file with a YAML error or a value JSON cannot carry, so the app parses and reports it', () => {
    const dir = files({ 'rusak.yaml': 'a: 1\na: 2\n', 'tak-hingga.yaml': 'batas: .inf\n', 'baik.yaml': 'b: 1\n' });
    const sources = yamlFilesUnder([dir]);
    const file = path.join(dir, 'catalog.json');
    const written = writeYamlCatalog(file, sources);
    expect(written.cached).toBe(1);
    expect(written.skipped.map((f) => path.basename(f))).toEqual(['rusak.yaml', 'tak-hingga.yaml']);
    expect(readYamlCatalog(file).lookup('a: 1\na: 2\n')).toBeUndefined();
  });

  it('is only a cache: a missing or damaged catalog knows nothing, and nothing fails', () => {
    const dir = files({ 'rusak.json': '{"format":"pandu-yaml-1","files":', 'lain.json': '{"format":"lain","files":{}}' });
    for (const name of ['tidak-ada.json', 'rusak.json', 'lain.json']) {
      expect(readYamlCatalog(path.join(dir, name)).lookup('b: 1\n')).toBeUndefined();
    }
  });
});

describe('readers of the catalog', () => {
  it('the translator takes a file from the catalog when it has it, and parses it otherwise', () => {
    const dir = files({ 'locales/id.yaml': 'qa:\n  basis: Dasar\n' });
    expect(loadTranslator(path.join(dir, 'locales'), 'id', answering({ qa: { basis: 'Dari katalog' } })).t('qa.basis')).toBe(
      'Dari katalog',
    );
    expect(loadTranslator(path.join(dir, 'locales'), 'id', { lookup: () => undefined }).t('qa.basis')).toBe('Dasar');
  });

  it('the translator names the file when it must parse a broken one', () => {
    const dir = files({ 'locales/id.yaml': 'qa:\n  basis: Dasar\n  basis: Lagi\n' });
    expect(() => loadTranslator(path.join(dir, 'locales'))).toThrow(/id\.yaml: invalid YAML/);
  });

  it('the template loader takes the parsed value from the catalog and still checks it', () => {
    expect(parseTemplate('tidak: dipakai', 'x.yaml', answering({ id: 'x' })).errors.length).toBeGreaterThan(0);
    expect(
      parseTemplate('a: [', 'x.yaml', answering({ id: 'x' }))
        .errors.map((e) => e.message)
        .join(),
    ).not.toMatch(/invalid YAML/);
    expect(
      parseTemplate('a: [', 'x.yaml')
        .errors.map((e) => e.message)
        .join(),
    ).toMatch(/invalid YAML/);
  });
});
