import path from 'node:path';

/** LocalAuth's client id: one WhatsApp number per Pandu installation. */
export const WA_CLIENT_ID = 'pandu';

/** The Chromium profile that holds the logged-in session (LocalAuth's `<dataPath>/session-<clientId>`). */
export function sessionDir(authDir: string): string {
  return path.join(authDir, `session-${WA_CLIENT_ID}`);
}

/** Where whatsapp-web.js caches WhatsApp Web's page, kept under DATA_DIR instead of the working directory. */
export function webCacheDir(authDir: string): string {
  return path.join(authDir, 'web-cache');
}
