import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { ChannelStarter } from '../../src/channels/channel.js';
import { startChannels } from '../../src/channels/start-channels.js';
import { capturingLogger, entries } from '../support/log-lines.js';

describe('starting the channels', () => {
  it('starts them side by side, so a slow one holds no other back, and reports a failed one with its stack', async () => {
    const { logger, lines } = capturingLogger();
    const app = { logger } as unknown as App;
    const started: string[] = [];
    let releaseSlow!: () => void;
    const slow: ChannelStarter = async () => {
      started.push('telegram');
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      return { name: 'telegram', stop: async () => undefined };
    };
    const fast: ChannelStarter = async () => {
      started.push('whatsapp');
      return { name: 'whatsapp', stop: async () => undefined };
    };
    const broken: ChannelStarter = async () => {
      throw new Error('Chromium not found');
    };
    const report = startChannels(app, [
      ['telegram', slow],
      ['whatsapp', fast],
      ['other', broken],
      ['unset', async () => undefined],
    ]);
    // Before the slow one is done, the others have already started.
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['telegram', 'whatsapp']);
    releaseSlow();
    const { running, failed } = await report;
    expect(running.map((c) => c.name)).toEqual(['telegram', 'whatsapp']);
    expect(failed).toEqual(['other']);
    const [logged] = entries(lines, /channel failed to start/);
    expect(logged).toMatchObject({ channel: 'other', err: { message: 'Chromium not found' } });
    expect(String((logged!.err as { stack: string }).stack)).toContain('start-channels.test.ts');
  });
});
