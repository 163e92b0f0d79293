import fs from 'node:fs';
import wweb from 'whatsapp-web.js';
import type { OutgoingDocument } from '../../core/messages.js';
import { WA_CLIENT_ID, webCacheDir } from './session-paths.js';
import type { WaClientLike, WaMediaLike } from './wa-client.js';

// whatsapp-web.js is CommonJS; under Node ESM only `Client` is a detectable named export.
const { Client, LocalAuth, MessageMedia } = wweb;

export interface WaClientSettings {
  /** DATA_DIR/whatsapp: the session (LocalAuth), the web cache and the QR image live here. */
  authDir: string;
  /** Debian's /usr/bin/chromium or CHROMIUM_PATH; puppeteer's own browser download is skipped at install. */
  chromiumPath: string;
}

/**
 * Chromium flags for a server: /dev/shm is often tiny, and the background services (updates, sync,
 * first-run) only add traffic and memory. The sandbox stays on: see chromiumArgs.
 */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  constructor(readonly chromiumPath: string) {
    super(
      `Chromium not found at ${chromiumPath}. Install Debian's chromium (apt-get install chromium, or .ci/chromium.sh) or set CHROMIUM_PATH.`,
    );
    this.name = 'ChromiumMissingError';
  }
}

/**
 * The flags for this process: Chromium refuses to run as root with its sandbox, so only then (a
 * container) is it turned off; run as an ordinary user (the systemd unit in deploy/) it keeps it.
 */
export function chromiumArgs(uid: number | undefined = process.getuid?.()): string[] {
  return uid === 0 ? ['--no-sandbox', '--disable-setuid-sandbox', ...CHROMIUM_ARGS] : [...CHROMIUM_ARGS];
}

/**
 * Builds the real whatsapp-web.js client with Pandu's settings: the session survives restarts under
 * DATA_DIR (LocalAuth), the system Chromium runs headless. Fails at once, with a hint, when Chromium is
 * missing, instead of retrying a browser that can never start.
 */
export function createWaClient(settings: WaClientSettings): WaClientLike {
  if (!fs.existsSync(settings.chromiumPath)) throw new ChromiumMissingError(settings.chromiumPath);
  fs.mkdirSync(settings.authDir, { recursive: true });
  return new Client({
    authStrategy: new LocalAuth({ dataPath: settings.authDir, clientId: WA_CLIENT_ID }),
    puppeteer: { executablePath: settings.chromiumPath, headless: true, args: chromiumArgs() },
    // The default cache folder is ./.wwebjs_cache in the working directory; keep all state under DATA_DIR.
    webVersionCache: { type: 'local', path: webCacheDir(settings.authDir) },
  });
}

/** A Pandu document as whatsapp-web.js media (its sendMessage recognises only its own MessageMedia class). */
export function toMessageMedia(document: OutgoingDocument): WaMediaLike {
  return new MessageMedia(document.mimeType, document.data.toString('base64'), document.fileName, document.data.length);
}
