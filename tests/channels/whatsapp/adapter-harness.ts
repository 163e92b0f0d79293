import path from 'node:path';
import { afterEach } from 'vitest';
import { createQrOutput } from '../../../src/channels/whatsapp/qr-output.js';
import { WhatsAppAdapter, type WhatsAppAdapterOptions } from '../../../src/channels/whatsapp/whatsapp-adapter.js';
import type { IncomingMessage, Reply } from '../../../src/core/messages.js';
import { projectRoot } from '../../../src/config.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { silentLogger } from '../../../src/logger.js';
import { tempDataDir } from '../../support/temp-data.js';
import { FakeTimers } from '../../support/fake-timers.js';
import { FakeWaClient, plainMedia, type InitOutcome } from './fake-wa-client.js';

export const i18n = loadTranslator(path.join(projectRoot, 'locales'));

export interface Harness {
  adapter: WhatsAppAdapter;
  client: FakeWaClient;
  timers: FakeTimers;
  /** What the core received. */
  received: IncomingMessage[];
  /** Operator lines and terminal QR output. */
  operator: string[];
  notices: string[];
  authDir: string;
  cleanup(): Promise<void>;
}

/**
 * A started WhatsApp adapter on a fake client and a fake clock. `handle` stands in for the core (the
 * app's router); by default it echoes the text.
 */
export function startHarness(
  options: {
    handle?: (msg: IncomingMessage) => Promise<Reply[]>;
    /** What the first initialize() calls do (default: resolve). */
    initOutcomes?: InitOutcome[];
  } & Partial<Omit<WhatsAppAdapterOptions, 'handle' | 'client' | 'timers'>> = {},
): Harness {
  const timers = new FakeTimers();
  const client = new FakeWaClient(() => timers.now());
  const temp = tempDataDir('pandu-wa-');
  const authDir = path.join(temp.dir, 'whatsapp');
  const received: IncomingMessage[] = [];
  const operator: string[] = [];
  const notices: string[] = [];
  const { handle, initOutcomes = [], ...rest } = options;
  client.initOutcomes.push(...initOutcomes);
  const adapter = new WhatsAppAdapter({
    client,
    timers,
    t: i18n.t,
    logger: silentLogger(),
    // No pacing unless a test asks for it: most tests only settle promises and never move the clock.
    minGapMs: 0,
    globalGapMs: 0,
    random: () => 0,
    toMedia: plainMedia,
    qr: createQrOutput({ dir: authDir, logger: silentLogger(), write: (text) => operator.push(text) }),
    notice: (key) => notices.push(key),
    sessionDir: path.join(authDir, 'session-pandu'),
    ...rest,
    handle: async (msg) => {
      received.push(msg);
      return handle ? handle(msg) : [{ text: `gema: ${msg.text ?? ''}` }];
    },
  });
  adapter.start();
  return {
    adapter,
    client,
    timers,
    received,
    operator,
    notices,
    authDir,
    async cleanup() {
      await adapter.stop();
      temp.cleanup();
    },
  };
}

/**
 * For a describe block: returns a function that starts a harness, and cleans up the one a test started
 * after each test.
 */
export function harnessPerTest(): typeof startHarness {
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return (options) => (current = startHarness(options));
}
