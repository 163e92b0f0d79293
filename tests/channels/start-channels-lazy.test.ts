import { describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.js';
import { startChannels } from '../../src/channels/start-channels.js';
import { silentLogger } from '../../src/logger.js';

// Stand-ins for the channel modules: a factory runs when its module is first imported, so `loaded`
// tells which channel's code start-up brought into memory.
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('../../src/channels/telegram/start-telegram.js', () => {
  loaded.push('telegram');
  return { startTelegram: async () => ({ name: 'telegram', stop: async () => undefined }) };
});
vi.mock('../../src/channels/whatsapp/start-whatsapp.js', () => {
  loaded.push('whatsapp');
  return { startWhatsApp: async () => ({ name: 'whatsapp', stop: async () => undefined }) };
});

describe('starting the configured channels', () => {
  it("imports a channel's code only when that channel is configured", async () => {
    const app = { logger: silentLogger(), config: { telegram: undefined, whatsapp: undefined } } as unknown as App;
    expect(await startChannels(app)).toEqual({ running: [], failed: [] });
    expect(loaded).toEqual([]);

    const telegramOnly = { ...app, config: { telegram: { token: '1:x' }, whatsapp: undefined } } as unknown as App;
    const report = await startChannels(telegramOnly);
    expect(report.running.map((c) => c.name)).toEqual(['telegram']);
    expect(loaded).toEqual(['telegram']);

    const both = { ...app, config: { telegram: { token: '1:x' }, whatsapp: { authDir: '/tmp' } } } as unknown as App;
    expect((await startChannels(both)).running.map((c) => c.name)).toEqual(['telegram', 'whatsapp']);
    expect(loaded).toEqual(['telegram', 'whatsapp']);
  });
});
