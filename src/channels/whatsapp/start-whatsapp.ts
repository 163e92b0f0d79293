import fs from 'node:fs/promises';
import type { App } from '../../app.js';
import type { Config } from '../../config.js';
import type { OutgoingDocument } from '../../core/messages.js';
import type { ChannelStarter } from '../channel.js';
import { createQrOutput } from './qr-output.js';
import { sessionDir } from './session-paths.js';
import type { Timers } from '../../core/timers.js';
import type { WaClientLike, WaMediaLike } from './wa-client.js';
import type { OperatorNotice } from './wa-connection.js';
import { WhatsAppAdapter } from './whatsapp-adapter.js';

export type WhatsAppSettings = NonNullable<Config['whatsapp']>;

/** What the starter builds on; tests replace the real whatsapp-web.js client with a fake. */
export interface WhatsAppStarterDeps {
  createClient?: (settings: WhatsAppSettings) => WaClientLike;
  toMedia?: (document: OutgoingDocument) => WaMediaLike;
  /** Where operator lines and the terminal QR go; default stderr. */
  write?: (text: string) => void;
  timers?: Timers;
}

/**
 * Builds the WhatsApp channel starter. whatsapp-web.js (and puppeteer behind it) is loaded only when
 * WhatsApp is enabled, so the terminal and Telegram start without it.
 */
export function whatsAppStarter(deps: WhatsAppStarterDeps = {}): ChannelStarter {
  return async (app: App) => {
    const settings = app.config.whatsapp;
    if (!settings) return undefined;
    const { createClient, toMedia } = await clientFactory(deps);
    const write = deps.write ?? ((text: string) => process.stderr.write(`${text}\n`));
    const notice: OperatorNotice = (key, vars) => write(app.i18n.t(`whatsapp.operator.${key}`, vars));
    const session = sessionDir(settings.authDir);

    const qr = createQrOutput({ dir: settings.authDir, logger: app.logger, write });
    const adapter = new WhatsAppAdapter({
      client: createClient(settings),
      handle: (msg) => app.router.handle(msg),
      t: app.i18n.t,
      logger: app.logger,
      minGapMs: settings.minGapMs,
      toMedia,
      qr,
      notice,
      sessionDir: session,
      clearSession: () => fs.rm(session, { recursive: true, force: true }),
      timers: deps.timers,
      onState: (state, qr) => app.health.changed('whatsapp', { ok: state === 'CONNECTED', state, ...(qr ? { qr } : {}) }),
    });
    const unprobe = app.health.register('whatsapp', () =>
      adapter.isReady() ? { ok: true, state: 'CONNECTED' } : { ok: false, state: adapter.state(), detail: 'WhatsApp is not connected' },
    );
    const uncontrol = app.controls.setWhatsApp({
      currentQr: () => fs.readFile(qr.pngFile).catch(() => undefined),
      pairingCode: (phone) => adapter.pairingCode(phone),
    });
    adapter.start();
    const unregister = app.outbound.register({
      channel: 'whatsapp',
      available: () => adapter.isReady(),
      send: (chatId, replies) => adapter.deliver(chatId, replies),
    });
    return {
      name: 'whatsapp',
      async stop() {
        unprobe();
        uncontrol();
        unregister();
        await adapter.stop();
      },
    };
  };
}

/** The injected client factory, or the real whatsapp-web.js one (imported only now, when it is needed). */
async function clientFactory(deps: WhatsAppStarterDeps): Promise<Required<Pick<WhatsAppStarterDeps, 'createClient' | 'toMedia'>>> {
  if (deps.createClient && deps.toMedia) return { createClient: deps.createClient, toMedia: deps.toMedia };
  const real = await import('./create-client.js');
  return { createClient: deps.createClient ?? real.createWaClient, toMedia: deps.toMedia ?? real.toMessageMedia };
}

/** Starts WhatsApp when WHATSAPP_ENABLED is set; start-up does not wait for the QR to be scanned. */
export const startWhatsApp: ChannelStarter = whatsAppStarter();
