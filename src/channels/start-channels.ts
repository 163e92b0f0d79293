import type { App } from '../app.js';
import type { ChannelStarter, RunningChannel } from './channel.js';
import { startWhatsApp } from './whatsapp/start-whatsapp.js';
import { startTelegram } from './telegram/start-telegram.js';

/** Every channel Pandu can run besides the terminal; each starter returns undefined when not configured. */
const STARTERS: ReadonlyArray<[string, ChannelStarter]> = [
  ['telegram', startTelegram],
  ['whatsapp', startWhatsApp],
];

export interface ChannelStartReport {
  running: RunningChannel[];
  /** Channels that were configured but could not start (the reason is in the log). */
  failed: string[];
}

/**
 * Starts every configured channel. A channel that fails to start is logged and reported, so one broken
 * channel does not keep the others down, and main can tell "nothing configured" from "all failed".
 */
export async function startChannels(app: App, starters: ReadonlyArray<[string, ChannelStarter]> = STARTERS): Promise<ChannelStartReport> {
  const report: ChannelStartReport = { running: [], failed: [] };
  for (const [name, start] of starters) {
    try {
      const channel = await start(app);
      if (channel) report.running.push(channel);
    } catch (error) {
      app.logger.error({ channel: name, err: error instanceof Error ? error.message : error }, 'channel failed to start');
      report.failed.push(name);
    }
  }
  return report;
}
