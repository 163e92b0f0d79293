import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type WAWebJS from 'whatsapp-web.js';
import { ChromiumMissingError, createWaClient } from '../../../src/channels/whatsapp/create-client.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const suiteName = hasChromium
  ? 'real whatsapp-web.js client with the system Chromium'
  : `real whatsapp-web.js client with the system Chromium (skipped: no Chromium executable at ${CHROMIUM}; run .ci/chromium.sh)`;

describe(suiteName, () => {
  it.skipIf(!hasChromium)(
    'launches Chromium headless with the project’s settings and gets as far as loading WhatsApp Web (no internet here)',
    async () => {
      const authDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pandu-wa-real-'));
      const client = createWaClient({ authDir, chromiumPath: CHROMIUM });
      const events: string[] = [];
      for (const event of ['qr', 'ready', 'disconnected', 'auth_failure']) client.on(event, () => events.push(event));
      try {
        const started = Date.now();
        const error = await client.initialize().then(
          () => undefined,
          (e: unknown) => e,
        );
        const real = client as unknown as WAWebJS.Client;
        if (error !== undefined) {
          // No internet on these machines: page.goto(web.whatsapp.com) fails only after the browser launched.
          expect(error instanceof Error ? error.message : String(error)).toMatch(/net::ERR_[A-Z_]+/);
        } else {
          // A machine with internet loads the real page instead, which proves the same wiring.
          expect(real.pupPage?.url()).toMatch(/^https:\/\/web\.whatsapp\.com/);
        }
        const browser = real.pupBrowser;
        expect(browser, 'the browser was launched').toBeDefined();
        expect(await browser!.version()).toMatch(/Chrom(e|ium)\/\d+/);
        // LocalAuth keeps the Chromium profile (the session) under the folder we gave it.
        expect(fs.existsSync(path.join(authDir, 'session-pandu'))).toBe(true);
        expect(events).not.toContain('ready');
        expect(Date.now() - started).toBeLessThan(55_000);
      } finally {
        await client.destroy().catch(() => undefined);
        fs.rmSync(authDir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('refuses to build a client with a clear hint when the Chromium executable is missing', () => {
    const authDir = path.join(os.tmpdir(), 'pandu-wa-never-created');
    expect(() => createWaClient({ authDir, chromiumPath: '/nonexistent/chromium' })).toThrow(ChromiumMissingError);
    expect(() => createWaClient({ authDir, chromiumPath: '/nonexistent/chromium' })).toThrow(/CHROMIUM_PATH/);
    expect(fs.existsSync(authDir)).toBe(false);
  });
});
