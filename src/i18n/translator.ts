import fs from 'node:fs';
import path from 'node:path';
import { NO_YAML_CATALOG, yamlValue, type YamlCatalog } from '../yaml/yaml-catalog.js';

/** Looks up a user-facing string by dotted key and fills its {placeholders}. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface Translator {
  t: Translate;
  has(key: string): boolean;
}

/**
 * Loads `locales/<lang>.yaml` and every `locales/<lang>/*.yaml` (one file per feature). A missing key is
 * a programming error, so it is shown as the key itself (visible in tests) rather than as an empty message.
 * A file the build step parsed is taken from `catalog`; one it did not (edited since) is parsed now.
 */
export function loadTranslator(localesDir: string, lang = 'id', catalog: YamlCatalog = NO_YAML_CATALOG): Translator {
  const files = [path.join(localesDir, `${lang}.yaml`)];
  const featureDir = path.join(localesDir, lang);
  if (fs.existsSync(featureDir)) {
    for (const name of fs.readdirSync(featureDir).sort()) if (name.endsWith('.yaml')) files.push(path.join(featureDir, name));
  }
  const flat = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') flat.set(prefix, node.replace(/\n$/, ''));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  for (const file of files) walk(parsedYaml(file, catalog), '');
  const t: Translate = (key, vars = {}) => {
    const template = flat.get(key);
    if (template === undefined) return key;
    if (!template.includes('{')) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
  return { t, has: (key) => flat.has(key) };
}

/** A messages file's content; a YAML error names the file (a broken messages file stops the start). */
function parsedYaml(file: string, catalog: YamlCatalog): unknown {
  const read = yamlValue(fs.readFileSync(file, 'utf8'), catalog);
  if ('errors' in read) throw new Error(`${file}: invalid YAML: ${read.errors[0]}`);
  return read.value;
}
