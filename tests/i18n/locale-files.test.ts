import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';

const LOCALES = path.resolve(import.meta.dirname, '../../locales');

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('Locale files', () => {
  // The translator flattens every file into one table, so a key written in two files silently takes the
  // later one; features are built in parallel, so catch that here instead of in a user's chat.
  it('define every key in exactly one file', () => {
    const files = [
      path.join(LOCALES, 'id.yaml'),
      ...fs
        .readdirSync(path.join(LOCALES, 'id'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(LOCALES, 'id', f)),
    ];
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const file of files) {
      for (const key of keysOf(YAML.parse(fs.readFileSync(file, 'utf8')))) {
        const first = owner.get(key);
        if (first) twice.push(`${key}: ${path.basename(first)} and ${path.basename(file)}`);
        else owner.set(key, file);
      }
    }
    expect(twice).toEqual([]);
    expect(owner.size).toBeGreaterThan(100);
  });
});
