import type { App } from '../app.js';
import type { ChannelStarter, RunningChannel } from './channel.js';

/**
 * Every channel Pandu can run besides the terminal; each starter returns undefined when not configured.
 * A channel's code (grammY for Telegram, the WhatsApp adapter) is imported only when it is configured, so
 * a bot with one channel does not load and keep the other's modules.
 */
const STARTERS: ReadonlyArray<[string, ChannelStarter]> = [
  ['telegram', async (app) => (app.config.telegram ? (await import('./telegram/start-telegram.js')).startTelegram(app) : undefined)],
  ['whatsapp', async (app) => (app.config.whatsapp ? (await import('./whatsapp/start-whatsapp.js')).startWhatsApp(app) : undefined)],
];

export interface ChannelStartReport {
  running: RunningChannel[];
  /** Channels that were configured but could not start (the reason is in the log). */
  failed: string[];
}

/**
 * Starts every configured channel side by side, so a slow one (Telegram timing out at start-up) never
 * holds another back. A channel that fails to start is logged and reported, so one broken channel does
 * not keep the others down, and main can tell "nothing configured" from "all failed".
 */
export async function startChannels(app: App, starters: ReadonlyArray<[string, ChannelStarter]> = STARTERS): Promise<ChannelStartReport> {
  const outcomes = await Promise.allSettled(starters.map(([, start]) => start(app)));
  const report: ChannelStartReport = { running: [], failed: [] };
  outcomes.forEach((outcome, i) => {
    const name = starters[i]![0];
    if (outcome.status === 'fulfilled') {
      if (outcome.value) report.running.push(outcome.value);
      return;
    }
    app.logger.error({ channel: name, err: outcome.reason }, 'channel failed to start');
    report.failed.push(name);
  });
  return report;
}
