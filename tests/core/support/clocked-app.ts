import { createApp, type App, type AppOptions } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { IncomingMessage, Reply } from '../../../src/core/messages.js';
import { silentLogger } from '../../../src/logger.js';
import { writeSmallKnowledge } from '../../fixtures/cli/small-knowledge.js';
import { tempDataDir } from '../../support/temp-data.js';

export interface ClockedApp {
  app: App;
  /** Moves the app's clock forward. */
  advance(ms: number): void;
  now(): Date;
  /** Sends one message through the router; `from` is "channel:senderId". */
  send(from: string, text: string, extra?: Partial<IncomingMessage>): Promise<Reply[]>;
  close(): Promise<void>;
}

/**
 * The real app on the small knowledge base, in a temporary DATA_DIR, with a clock the test moves
 * (session expiry, link-code expiry, lockouts).
 */
export async function startClockedApp(
  start = new Date('2026-03-02T08:00:00+07:00'),
  env: Record<string, string> = {},
  options: Partial<AppOptions> = {},
): Promise<ClockedApp> {
  const temp = tempDataDir();
  let now = start;
  const config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent', KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir), ...env }, projectRoot);
  const app = await createApp(config, { logger: silentLogger(), clock: () => now, ...options });
  return {
    app,
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    send(from, text, extra = {}) {
      const [channel, senderId] = from.split(':') as [IncomingMessage['channel'], string];
      return app.router.handle({ channel, senderId, text, ...extra });
    },
    async close() {
      await app.close();
      temp.cleanup();
    },
  };
}

/** All reply texts joined, for assertions that do not care how replies are split. */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n\n');
}
