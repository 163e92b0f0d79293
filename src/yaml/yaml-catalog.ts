import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type * as YAML from 'yaml';
import { z } from 'zod';

/**
 * The YAML every start reads (the messages in locales/, the proposal templates in prompts/templates/),
 * parsed by the build step and kept by content hash in dist/yaml-catalog.json. Parsing them took 0.17–0.22 s
 * of a start of about 1.5 s on a 2-core machine; looking a text's hash up takes well under a millisecond.
 * Keyed by content, so an edited file (no rebuild) is simply parsed as before, and a moved project keeps
 * its catalog.
 */
const FORMAT = 'pandu-yaml-1';
const CatalogSchema = z.object({ format: z.literal(FORMAT), files: z.record(z.string(), z.unknown()) });

export interface YamlCatalog {
  /** The parsed value of a text the build parsed without error; undefined for any other text. */
  lookup(text: string): { value: unknown } | undefined;
}

export const NO_YAML_CATALOG: YamlCatalog = { lookup: () => undefined };

/**
 * The catalog in `file`, or one that knows nothing when it is missing or unreadable: it is only a cache of
 * what the YAML files say, and they are then parsed as they are.
 */
export function readYamlCatalog(file: string): YamlCatalog {
  let files: Record<string, unknown>;
  try {
    files = CatalogSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).files;
  } catch {
    return NO_YAML_CATALOG;
  }
  const byHash = new Map(Object.entries(files));
  return {
    lookup(text) {
      const key = contentKey(text);
      return byHash.has(key) ? { value: byHash.get(key) } : undefined;
    },
  };
}

const requireModule = createRequire(import.meta.url);

/**
 * The yaml library, loaded when something is to be parsed: with the catalog current a start parses nothing,
 * and loading the library took 60–130 ms of it. (Its Node build is CommonJS; `import` loads the same.)
 */
export function yamlLibrary(): typeof YAML {
  return requireModule('yaml') as typeof YAML;
}

/** Parses YAML as the app reads it: duplicate keys are an error. */
export function parseYamlDocument(text: string): YAML.Document.Parsed {
  return yamlLibrary().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
}

/**
 * A YAML text's value: the catalog's when the build parsed this very text, else parsed now. A text that is
 * not valid YAML gives the first line of each error instead.
 */
export function yamlValue(text: string, catalog: YamlCatalog): { value: unknown } | { errors: string[] } {
  const cached = catalog.lookup(text);
  if (cached) return cached;
  const doc = parseYamlDocument(text);
  if (doc.errors.length > 0) return { errors: doc.errors.map((e) => e.message.split('\n')[0]!) };
  return { value: doc.toJS() as unknown };
}

/** The YAML files under `dirs` (recursively), for the build to parse. */
export function yamlFilesUnder(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((name) => /\.ya?ml$/i.test(name))
          .sort()
          .map((name) => path.join(dir, name))
      : [],
  );
}

/**
 * Writes the catalog of `files` (the build step). A file with a YAML error is left out, so the app parses
 * it and reports the error as before; so is a value JSON cannot carry exactly.
 */
export function writeYamlCatalog(file: string, files: readonly string[]): { cached: number; skipped: string[] } {
  const entries: Record<string, unknown> = {};
  const skipped: string[] = [];
  for (const source of files) {
    const text = fs.readFileSync(source, 'utf8');
    const doc = parseYamlDocument(text);
    const value: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
    if (value === undefined || !isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) {
      skipped.push(source);
      continue;
    }
    entries[contentKey(text)] = value;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ format: FORMAT, files: entries }));
  return { cached: Object.keys(entries).length, skipped };
}

function contentKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
