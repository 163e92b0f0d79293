import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh DATA_DIR under the OS temp folder; remove it with the returned cleanup. */
export function tempDataDir(prefix = 'pandu-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a small curated knowledge base (files in knowledge/README.md format) and returns its folder. */
export function writeKnowledge(dir: string, files: Record<string, string>): string {
  const root = path.join(dir, 'knowledge');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/** One curated unit in the knowledge-file format. */
export function curatedUnit(fields: {
  citation: string;
  title: string;
  topic: string;
  text: string;
  regulation?: string;
  pasal?: string;
  ayat?: string;
  aliases?: string[];
  practice?: boolean;
  year?: number;
}): string {
  const lines = ['---'];
  if (fields.regulation) lines.push(`regulation: ${fields.regulation}`);
  if (fields.pasal) lines.push(`pasal: "${fields.pasal}"`);
  if (fields.ayat) lines.push(`ayat: "${fields.ayat}"`);
  lines.push(`title: ${fields.title}`, `topic: ${fields.topic}`, 'source: Uji', 'status: berlaku', `citation: ${fields.citation}`);
  if (fields.practice) lines.push('practice: true', `year: ${fields.year ?? 2023}`);
  if (fields.aliases?.length) lines.push('aliases:', ...fields.aliases.map((a) => `  - ${a}`));
  lines.push('---', fields.text, '');
  return lines.join('\n');
}
