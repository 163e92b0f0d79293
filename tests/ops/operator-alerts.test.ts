import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningChannel } from '../../src/channels/channel.js';
import { whatsAppStarter } from '../../src/channels/whatsapp/start-whatsapp.js';
import type { Reply } from '../../src/core/messages.js';
import type { OutboundChannel } from '../../src/core/outbound.js';
import { startClockedApp, textOf, type ClockedApp } from '../core/support/clocked-app.js';
import { FakeWaClient, plainMedia } from '../channels/whatsapp/fake-wa-client.js';

const ADMIN = '9001';
const MINUTE = 60_000;

/** Telegram's outbound side, recording whole replies (text and document) per recipient. */
function telegramRecorder(): OutboundChannel & { got: Reply[] } {
  const got: Reply[] = [];
  return {
    channel: 'telegram',
    got,
    available: () => true,
    async send(_to, replies) {
      got.push(...replies);
      return { status: 'sent', messageIds: [`t${got.length}`] };
    },
  };
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('operator alerts in the chat', () => {
  let test: ClockedApp;
  let channel: RunningChannel | undefined;
  afterEach(async () => {
    await channel?.stop();
    channel = undefined;
    await test.close();
  });

  async function start(): Promise<ReturnType<typeof telegramRecorder>> {
    test = await startClockedApp(undefined, {
      WHATSAPP_ENABLED: 'true',
      WHATSAPP_MIN_GAP_MS: '0',
      ADMIN_TELEGRAM_IDS: ADMIN,
      RATE_LIMIT_PER_MINUTE: '0',
      ALERT_CHANNEL_DOWN_MINUTES: '10',
      ALERT_REMINDERS_LATE_MINUTES: '60',
    });
    await test.send(`telegram:${ADMIN}`, 'halo');
    const recorder = telegramRecorder();
    test.app.outbound.register(recorder);
    return recorder;
  }

  it('sends the WhatsApp QR as an image once per incident, offers /wa_qr and /wa_pairing, and says "pulih" once when linked', async () => {
    const telegram = await start();
    const client = new FakeWaClient();
    client.initOutcomes.push('hang');
    const pairings: string[] = [];
    client.requestPairingCode = async (phone: string) => {
      pairings.push(phone);
      return 'ABCD-EFGH';
    };
    channel = await whatsAppStarter({ createClient: () => client, toMedia: plainMedia, write: () => undefined })(test.app);

    client.emit('qr', 'kode-qr-pertama');
    await vi.waitFor(() => expect(telegram.got).toHaveLength(1), { timeout: 10_000 });
    const [alert] = telegram.got;
    expect(alert!.text).toContain('perlu ditautkan ulang');
    expect(alert!.document).toMatchObject({ mimeType: 'image/png' });
    expect(alert!.document!.data.subarray(0, 4).equals(PNG_MAGIC)).toBe(true);

    // WhatsApp shows a new QR every ~20 s: the same incident, no new alert.
    client.emit('qr', 'kode-qr-kedua');
    await test.app.alerts.whatsappChanged({ ok: false, state: 'QR', qr: 'kode-qr-ketiga' });
    expect(telegram.got).toHaveLength(1);

    await vi.waitFor(
      async () => {
        const replies = await test.send(`telegram:${ADMIN}`, '/wa_qr');
        expect(replies[0]?.document?.mimeType).toBe('image/png');
      },
      { timeout: 10_000 },
    );
    expect(textOf(await test.send(`telegram:${ADMIN}`, '/wa_pairing 0812-7781-0009'))).toContain('ABCD-EFGH');
    expect(pairings).toEqual(['6281277810009']);
    expect(textOf(await test.send(`telegram:${ADMIN}`, '/wa_pairing'))).toContain('Tulis nomor WhatsApp Pandu');

    client.emit('ready');
    await vi.waitFor(() => expect(telegram.got).toHaveLength(2), { timeout: 10_000 });
    expect(telegram.got[1]!.text).toContain('Pulih: WhatsApp Pandu sudah tertaut kembali');
    expect(textOf(await test.send(`telegram:${ADMIN}`, '/wa_pairing 081277810009'))).toContain('sedang tidak menunggu penautan');
    client.emit('ready');
    await test.app.alerts.whatsappChanged({ ok: true, state: 'CONNECTED' });
    expect(telegram.got).toHaveLength(2);
    expect(await test.app.db.opsIncident.findMany({ select: { key: true, alertedAt: true, recoveredAt: true } })).toEqual([
      { key: 'whatsapp.link', alertedAt: expect.any(Date), recoveredAt: expect.any(Date) },
    ]);
  });

  it('reports WhatsApp down (UNPAIRED) only after the configured time, once, and its recovery once', async () => {
    const telegram = await start();
    const client = new FakeWaClient();
    channel = await whatsAppStarter({ createClient: () => client, toMedia: plainMedia, write: () => undefined })(test.app);
    client.emit('ready');
    await test.app.alerts.check();
    expect(telegram.got).toHaveLength(0);

    client.emit('change_state', 'UNPAIRED');
    await test.app.alerts.check();
    test.advance(9 * MINUTE);
    await test.app.alerts.check();
    expect(telegram.got).toHaveLength(0);
    test.advance(2 * MINUTE);
    await test.app.alerts.check();
    expect(telegram.got.map((r) => r.text)).toEqual([
      expect.stringContaining('Kanal whatsapp Pandu tidak berjalan sejak 11 menit lalu (status: UNPAIRED)'),
    ]);
    test.advance(30 * MINUTE);
    await test.app.alerts.check();
    expect(telegram.got).toHaveLength(1);

    client.emit('ready');
    await test.app.alerts.check();
    await test.app.alerts.check();
    expect(telegram.got.map((r) => r.text)).toEqual([expect.any(String), expect.stringContaining('Pulih: kanal whatsapp')]);
  });

  it('keeps the incident in the database: late reminders are reported once across a restart, then "pulih"', async () => {
    let telegram = await start();
    const due = new Date(test.now().getTime() - 2 * 60 * MINUTE);
    await test.app.db.job.create({ data: { kind: 'reminder.send', key: 'rem:uji:2026-03:h-3', payload: {}, dueAt: due, runAt: due } });
    await test.app.alerts.check();
    expect(telegram.got.map((r) => r.text)).toEqual([expect.stringContaining('1 pengingat laporan terlambat')]);

    await test.restart();
    telegram = telegramRecorder();
    test.app.outbound.register(telegram);
    await test.app.alerts.check();
    expect(telegram.got).toHaveLength(0);

    await test.app.db.job.update({ where: { key: 'rem:uji:2026-03:h-3' }, data: { state: 'done' } });
    await test.app.alerts.check();
    expect(telegram.got.map((r) => r.text)).toEqual([expect.stringContaining('Pulih: pengingat laporan')]);
  });

  it('tells admins when a broadcast stops, through the hook the broadcast engine calls', async () => {
    const telegram = await start();
    await test.app.alerts.broadcastStopped('bc-7', 'kanal WhatsApp terputus');
    await test.app.alerts.broadcastStopped('bc-7', 'kanal WhatsApp terputus');
    await test.app.alerts.broadcastResumed('bc-7');
    expect(telegram.got.map((r) => r.text)).toEqual([
      expect.stringContaining('Siaran bc-7 berhenti'),
      expect.stringContaining('Pulih: siaran bc-7'),
    ]);
  });
});
