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
