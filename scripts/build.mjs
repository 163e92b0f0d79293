// `npm run build` (also run by `npm install`): compiles src/ to dist/ for `npm start`, which runs plain
// JavaScript instead of loading a TypeScript compiler into the bot. dist/ mirrors src/, so paths the code
// takes from its own location (the project root, prompts/, locales/) resolve alike from both. Files tsc
// does not emit are copied next to the compiled code: the generated Prisma clients and plain .mjs files
// (the PDF reader's child-process entry).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const out = path.join(root, process.argv[2] ?? 'dist');

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const compiled = spawnSync(
  process.execPath,
  [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', out, '--tsBuildInfoFile', path.join(out, '.tsbuildinfo')],
  {
    stdio: 'inherit',
  },
);
if (compiled.status !== 0) {
  console.error('build failed: TypeScript reported errors (above)');
  process.exit(compiled.status ?? 1);
}

fs.rmSync(path.join(out, 'generated'), { recursive: true, force: true });
fs.cpSync(path.join(src, 'generated'), path.join(out, 'generated'), { recursive: true });
for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.mjs') && !file.startsWith('generated')) fs.cpSync(path.join(src, file), path.join(out, file));
}

// The YAML every start reads (messages, proposal templates), parsed now: see src/yaml/yaml-catalog.ts.
const { writeYamlCatalog, yamlFilesUnder } = await import(pathToFileURL(path.join(out, 'yaml', 'yaml-catalog.js')).href);
const catalog = writeYamlCatalog(
  path.join(out, 'yaml-catalog.json'),
  yamlFilesUnder([path.join(root, 'locales'), path.join(root, 'prompts')]),
);
for (const file of catalog.skipped)
  console.warn(`build: ${path.relative(root, file)} left to be parsed at start (a YAML error or a value JSON cannot hold)`);
