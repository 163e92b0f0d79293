import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { createApp, type App, type AppOptions } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { IncomingMessage, Reply } from '../../../src/core/messages.js';
import { silentLogger } from '../../../src/logger.js';
import { writeSmallKnowledge } from '../../fixtures/cli/small-knowledge.js';
import { createTestDatabase, TEST_PG_URL } from '../../support/pg-database.js';
import { tempDataDir } from '../../support/temp-data.js';

export interface ClockedApp {
  app: App;
  dataDir: string;
  /** Moves the app's clock forward. */
  advance(ms: number): void;
  now(): Date;
  /** Sends one message through the router; `from` is "channel:senderId". */
  send(from: string, text: string, extra?: Partial<IncomingMessage>): Promise<Reply[]>;
  /** Closes the app and builds a new one on the same DATA_DIR and database at the same time (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real app on the small knowledge base, in a temporary DATA_DIR, with a clock the test moves
 * (session expiry, link-code expiry, lockouts, rate limits). `env` overrides the environment, e.g.
 * DATABASE_URL for PostgreSQL or RATE_LIMIT_PER_MINUTE.
 */
export async function startClockedApp(
  start = new Date('2026-03-02T08:00:00+07:00'),
  env: Record<string, string> = {},
  options: Partial<AppOptions> = {},
): Promise<ClockedApp> {
  const temp = tempDataDir();
  let now = start;
  const config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent', KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir), ...env }, projectRoot);
  const open = () => createApp(config, { logger: silentLogger(), clock: () => now, ...options });
  const test: ClockedApp = {
    app: await open(),
    dataDir: temp.dir,
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    send(from, text, extra = {}) {
      const [channel, senderId] = from.split(':') as [IncomingMessage['channel'], string];
      return test.app.router.handle({ channel, senderId, text, ...extra });
    },
    async restart() {
      await test.app.close();
      test.app = await open();
    },
    async close() {
      await test.app.close();
      temp.cleanup();
    },
  };
  return test;
}

/** All reply texts joined, for assertions that do not care how replies are split. */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n\n');
}

/**
 * Runs the same scenarios on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL (a fresh database
 * for every app). The helper starts and closes the app (one per suite, or one per test with `perTest`);
 * scenarios reach it through `running()`. The suite names say which database and why one was skipped.
 */
export function describeOnBothDatabases(
  title: string,
  scenarios: (running: () => ClockedApp) => void,
  options: { perTest?: boolean; env?: Record<string, string> } = {},
): void {
  const suite = (start: () => Promise<ClockedApp>) => () => {
    let test: ClockedApp | undefined;
    (options.perTest ? beforeEach : beforeAll)(async () => {
      test = await start();
    });
    (options.perTest ? afterEach : afterAll)(async () => {
      await test?.close();
    });
    scenarios(() => test!);
  };
  describe(
    `${title} on SQLite`,
    suite(() => startClockedApp(undefined, options.env)),
  );
  const pg = TEST_PG_URL ? `${title} on PostgreSQL` : `${title} on PostgreSQL (skipped: TEST_DATABASE_URL not set)`;
  const drops: Array<() => Promise<void>> = [];
  describe.skipIf(!TEST_PG_URL)(pg, () => {
    afterAll(async () => {
      for (const drop of drops) await drop();
    });
    suite(async () => {
      const db = await createTestDatabase();
      drops.push(db.drop);
      return startClockedApp(undefined, { ...options.env, DATABASE_URL: db.url });
    })();
  });
}
