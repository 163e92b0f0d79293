import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';

/**
 * Run in a fresh Node (vitest itself loads much of node_modules): imports what main.ts imports before it
 * reads the configuration, and prints every package a module was loaded from, ES modules (seen by a
 * resolve hook) and CommonJS ones (require's cache) alike.
 */
const PROBE = `
import { register, createRequire } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
port1.on('message', (url) => urls.push(url));
const hooks = 'let port; export function initialize(data) { port = data.port; }' +
  'export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }';
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
await import('./src/app.ts');
await import('./src/channels/start-channels.ts');
await import('./src/ops/ops-server.ts');
await new Promise((resolve) => setTimeout(resolve, 100));
port1.close();
const files = [...urls, ...Object.keys(createRequire(import.meta.url).cache)];
const packages = new Set(files.map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\/(.*)/.exec(f)).filter(Boolean).map((m) => m[1] + '/' + m[2]));
console.log(JSON.stringify([...packages]));
`;

describe('what start-up loads', () => {
  it('loads no library of a path that is not configured, nor the heavy indexes of libraries it uses a part of', () => {
    const probe = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(probe.stderr).toBe('');
    const files = JSON.parse(probe.stdout) as string[];
    const packages = new Set(
      files.map((f) =>
        f
          .split('/')
          .slice(0, f.startsWith('@') ? 2 : 1)
          .join('/'),
      ),
    );
    // What every start needs is there (the probe sees it).
    expect(packages).toContain('better-sqlite3');
    expect(packages).toContain('zod');
    // Channels, PostgreSQL, Redis queues, the language model, office and PDF files: loaded when configured or used.
    for (const lazy of [
      'grammy',
      'whatsapp-web.js',
      'pg',
      '@prisma/adapter-pg',
      'bullmq',
      'ioredis',
      '@langchain/openai',
      '@langchain/core',
    ]) {
      expect(packages, lazy).not.toContain(lazy);
    }
    // YAML: the build's catalog holds the messages and templates parsed; the parser loads when a file must be read.
    for (const lazy of ['exceljs', 'docx', 'mammoth', 'unpdf', 'qrcode', '@opentelemetry/api', 'tdigest', 'yaml'])
      expect(packages, lazy).not.toContain(lazy);
    // Libraries used in part are loaded from the files Pandu needs, not from their index.
    expect(files).not.toContain('prom-client/index.js');
    expect(files).not.toContain('rate-limiter-flexible/index.js');
  });
});
