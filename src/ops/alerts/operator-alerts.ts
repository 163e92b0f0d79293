import type { Db } from '../../db/client.js';
import { KeyedLock } from '../../core/keyed-lock.js';
import type { ChannelName, Reply } from '../../core/messages.js';
import type { Outbound } from '../../core/outbound.js';
import type { Translate } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import type { ChannelHealth, ChannelState } from '../channel-health.js';
import type { PanduMetrics } from '../metrics.js';
import { Incidents } from './incidents.js';

export interface AlertSettings {
  /** A channel down this long is reported (shorter blips are not). */
  channelDownMs: number;
  /** Reminders waiting this long past their time are reported. */
  remindersLateMs: number;
}

export interface OperatorAlertsDeps {
  db: Db;
  outbound: Pick<Outbound, 'send'>;
  health: ChannelHealth;
  /** Channels configured in this process (telegram, whatsapp). */
  channels: readonly string[];
  settings: AlertSettings;
  metrics?: PanduMetrics;
  t: Translate;
  logger: Logger;
  clock: () => Date;
}

const WHATSAPP_LINK = 'whatsapp.link';
const CHANNEL_DOWN = 'channel.down:';
const REMINDERS_LATE = 'reminders.late';
const BROADCAST_STOPPED = 'broadcast.stopped:';

/**
 * Tells admins in the chat, on a channel other than the one in trouble, when WhatsApp needs a new link
 * (with the QR as an image), a channel has been down longer than configured, reminders run late, or a
 * broadcast stopped; once per incident, and once more ("pulih") when it recovers. Incidents live in the
 * database. An alert nobody could receive (no admin reachable) is tried again at the next check.
 */
export class OperatorAlerts {
  private readonly incidents: Incidents;
  private readonly locks = new KeyedLock();

  constructor(private readonly deps: OperatorAlertsDeps) {
    this.incidents = new Incidents(deps.db);
  }

  /** Listens to channel transitions: a QR to scan raises the link alert, CONNECTED ends it. */
  watch(): void {
    this.deps.health.onChange((channel, state) => {
      if (channel !== 'whatsapp') return;
      this.whatsappChanged(state).catch((error: unknown) => this.deps.logger.error({ err: error }, 'WhatsApp link alert failed'));
    });
  }

  async whatsappChanged(state: ChannelState): Promise<void> {
    if (state.state === 'QR' && state.qr) {
      const qr = state.qr;
      await this.raise(WHATSAPP_LINK, 'whatsapp', state.state, async () => [
        {
          text: this.deps.t('ops.alert.whatsapp_qr'),
          document: { fileName: 'whatsapp-qr.png', mimeType: 'image/png', data: await qrPng(qr) },
        },
      ]);
    } else if (state.ok) {
      await this.recover(WHATSAPP_LINK, 'whatsapp', 'ops.recovered.whatsapp_linked');
    }
  }

  /** The periodic check: channels down too long, reminders late; and recoveries of both. */
  async check(): Promise<void> {
    const now = this.deps.clock();
    for (const channel of this.deps.channels) await this.checkChannel(channel, now);
    await this.checkReminders(now);
  }

  /**
   * Hook for the broadcast engine (issue 9): a broadcast stopped (paused by a fault, its channel gone)
   * and will not finish by itself. Call `broadcastResumed` when it runs again or is finished.
   */
  async broadcastStopped(broadcastId: string, reason: string): Promise<void> {
    await this.raise(`${BROADCAST_STOPPED}${broadcastId}`, undefined, reason, async () => [
      { text: this.deps.t('ops.alert.broadcast_stopped', { id: broadcastId, reason }) },
    ]);
  }

  async broadcastResumed(broadcastId: string): Promise<void> {
    await this.recover(`${BROADCAST_STOPPED}${broadcastId}`, undefined, 'ops.recovered.broadcast', { id: broadcastId });
  }

  private async checkChannel(channel: string, now: Date): Promise<void> {
    const state = this.deps.health.state(channel);
    const key = `${CHANNEL_DOWN}${channel}`;
    if (state.ok) return this.recover(key, channel, 'ops.recovered.channel', { channel });
    // A QR waiting to be scanned has its own alert (with the image); the down alert would only repeat it.
    if (channel === 'whatsapp' && state.state === 'QR') return;
    await this.locks.run(key, async () => {
      const incident = await this.incidents.ensureOpen(key, now, state.state);
      if (incident.alertedAt || now.getTime() - incident.startedAt.getTime() < this.deps.settings.channelDownMs) return;
      const minutes = Math.round((now.getTime() - incident.startedAt.getTime()) / 60_000);
      await this.alertAdmins(incident.id, 'channel_down', channel, state.state, [
        { text: this.deps.t('ops.alert.channel_down', { channel, minutes, state: state.state }) },
      ]);
    });
  }

  private async checkReminders(now: Date): Promise<void> {
    const late = await this.deps.db.job.count({
      where: {
        kind: { startsWith: 'reminder.' },
        state: 'pending',
        dueAt: { lt: new Date(now.getTime() - this.deps.settings.remindersLateMs) },
      },
    });
    if (late === 0) return this.recover(REMINDERS_LATE, undefined, 'ops.recovered.reminders');
    const minutes = Math.round(this.deps.settings.remindersLateMs / 60_000);
    await this.raise(REMINDERS_LATE, undefined, String(late), async () => [
      { text: this.deps.t('ops.alert.reminders_late', { count: late, minutes }) },
    ]);
  }

  /** Opens the incident if needed and alerts admins unless that was already done for it. */
  private async raise(key: string, avoid: string | undefined, detail: string, message: () => Promise<Reply[]>): Promise<void> {
    await this.locks.run(key, async () => {
      const incident = await this.incidents.ensureOpen(key, this.deps.clock(), detail);
      if (incident.alertedAt) return;
      await this.alertAdmins(incident.id, key.split(':')[0]!, avoid, detail, await message());
    });
  }

  private async recover(key: string, avoid: string | undefined, messageKey: string, vars: Record<string, string> = {}): Promise<void> {
    await this.locks.run(key, async () => {
      const closed = await this.incidents.close(key, this.deps.clock());
      // Recovered before anyone was told (a blip within the grace period): nothing to say.
      if (!closed?.alertedAt) return;
      const delivered = await this.sendToAdmins(avoid, [{ text: this.deps.t(messageKey, vars) }]);
      this.deps.metrics?.alert(key.split(':')[0]!, 'recovered');
      this.deps.logger.info({ incident: key, delivered }, 'operators told of a recovery');
    });
  }

  private async alertAdmins(incidentId: string, kind: string, avoid: string | undefined, detail: string, replies: Reply[]): Promise<void> {
    const delivered = await this.sendToAdmins(avoid, replies);
    this.deps.logger.warn(
      { incident: kind, detail, delivered },
      delivered > 0 ? 'operators alerted' : 'no admin reachable for an alert; trying again later',
    );
    if (delivered === 0) return;
    await this.incidents.markAlerted(incidentId, this.deps.clock(), detail);
    this.deps.metrics?.alert(kind, 'raised');
  }

  /** Sends to every admin, avoiding the channel in trouble; returns how many admins got it. */
  private async sendToAdmins(avoid: string | undefined, replies: Reply[]): Promise<number> {
    const admins = await this.deps.db.user.findMany({ where: { role: 'admin' }, select: { id: true } });
    const channels = (['telegram', 'whatsapp'] as ChannelName[]).filter((c) => c !== avoid);
    let delivered = 0;
    for (const admin of admins) {
      const result = await this.deps.outbound.send(admin.id, replies, { channels });
      if (result.status === 'sent') delivered += 1;
    }
    return delivered;
  }
}

/** The QR as a PNG; the library is loaded when WhatsApp asks for a login, not with every start of the bot. */
async function qrPng(qr: string): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(qr, { margin: 2, width: 400 });
}
