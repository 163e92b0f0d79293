import type { App } from '../app.js';
import type { ChannelStarter, RunningChannel } from './channel.js';
import { startWhatsApp } from './whatsapp/start-whatsapp.js';
import { startTelegram } from './telegram/start-telegram.js';

/** Every channel Pandu can run besides the terminal; each starter returns undefined when not configured. */
const STARTERS: ChannelStarter[] = [startTelegram, startWhatsApp];

/**
 * Starts every configured channel. A channel that fails to start is logged and skipped, so one broken
 * channel does not keep the others down.
 */
export async function startChannels(app: App): Promise<RunningChannel[]> {
  const running: RunningChannel[] = [];
  for (const start of STARTERS) {
    try {
      const channel = await start(app);
      if (channel) running.push(channel);
    } catch (error) {
      app.logger.error({ err: error instanceof Error ? error.message : error }, 'channel failed to start');
    }
  }
  return running;
}
