import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWhatsApp, whatsAppStarter } from '../../../src/channels/whatsapp/start-whatsapp.js';
import { CommandRegistry } from '../../../src/core/commands.js';
import type { Feature } from '../../../src/core/feature.js';
import { choice } from '../../../src/core/messages.js';
import { Router } from '../../../src/core/router.js';
import { SessionStore } from '../../../src/core/sessions.js';
import { silentLogger } from '../../../src/logger.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startHarness } from './adapter-harness.js';
import { FakeWaClient, fakeMessage, plainMedia } from './fake-wa-client.js';

const PERSON = '628123456789@c.us';

/** Waits for the fake client to have sent at least `count` messages (the real app does real I/O). */
async function sentAtLeast(client: FakeWaClient, count: number): Promise<void> {
  await vi.waitFor(() => expect(client.sent.length).toBeGreaterThanOrEqual(count), { timeout: 20_000, interval: 20 });
}

describe('WhatsApp adapter in front of the real app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WHATSAPP_ENABLED: 'true', WHATSAPP_MIN_GAP_MS: '0' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers "proposal inovasi daerah isinya apa saja?" with the PP 38/2017 Pasal 7 ayat (2) basis', async () => {
    const h = startHarness({ handle: (msg) => t.app.router.handle(msg) });
    try {
      h.client.emit('message', fakeMessage({ body: 'proposal inovasi daerah isinya apa saja?', notifyName: 'Pak Budi' }));
      await sentAtLeast(h.client, 1);
      expect(h.client.sent.every((s) => s.chatId === PERSON)).toBe(true);
      expect(h.client.texts().join('\n')).toContain('PP 38/2017 Pasal 7 ayat (2)');
    } finally {
      await h.cleanup();
    }
  });

  it('sends a menu as a numbered list, and a following "2" picks the second choice through the real router', async () => {
    const picked: string[] = [];
    const menu: Feature = {
      name: 'uji',
      commands: [
        {
          name: 'menu',
          description: 'menu uji',
          run: async () => [
            {
              text: 'Mau mulai dari mana?',
              choices: [choice('uji', 'latar', 'Latar belakang'), choice('uji', 'tujuan', 'Tujuan'), choice('uji', 'manfaat', 'Manfaat')],
            },
          ],
        },
      ],
      onChoice: async (_ctx, payload) => {
        picked.push(payload);
        return [{ text: `Baik, kita mulai dari ${payload}.` }];
      },
    };
    const commands = new CommandRegistry();
    commands.register(menu.commands![0]!);
    const router = new Router({
      users: t.app.users,
      sessions: new SessionStore(t.app.db),
      commands,
      features: [menu],
      fallback: async () => [{ text: 'fallback' }],
      t: t.app.i18n.t,
      logger: silentLogger(),
    });
    const h = startHarness({ handle: (msg) => router.handle(msg) });
    try {
      h.client.emit('message', fakeMessage({ from: '628555000111@c.us', body: '/menu' }));
      await sentAtLeast(h.client, 1);
      expect(h.client.texts()[0]).toBe(
        'Mau mulai dari mana?\n\n1. Latar belakang\n2. Tujuan\n3. Manfaat\nBalas dengan angka pilihan (1, 2 atau 3).',
      );

      h.client.emit('message', fakeMessage({ from: '628555000111@c.us', body: '2' }));
      await sentAtLeast(h.client, 2);
      expect(picked).toEqual(['tujuan']);
      expect(h.client.texts()[1]).toBe('Baik, kita mulai dari tujuan.');
    } finally {
      await h.cleanup();
    }
  });

  it('does not answer a message again when WhatsApp redelivers it after a restart', async () => {
    const msg = fakeMessage({ from: '628777000222@c.us', body: 'apa itu inovasi daerah?' });
    const first = startHarness({ handle: (m) => t.app.router.handle(m) });
    first.client.emit('message', msg);
    await sentAtLeast(first.client, 1);
    await first.cleanup();

    // A new adapter has an empty in-memory window; the core's stored ids still catch the repeat.
    const second = startHarness({ handle: (m) => t.app.router.handle(m) });
    try {
      second.client.emit('message', msg);
      second.client.emit('message', fakeMessage({ from: '628777000222@c.us', body: 'halo' }));
      await sentAtLeast(second.client, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(second.received).toHaveLength(2);
      expect(second.client.sent).toHaveLength(1);
    } finally {
      await second.cleanup();
    }
  });

  it('starts the channel without waiting for a QR scan, saves the QR under DATA_DIR/whatsapp, carries messages Pandu sends first once logged in, and stops cleanly', async () => {
    const client = new FakeWaClient();
    client.initOutcomes.push('hang');
    const operator: string[] = [];
    const start = whatsAppStarter({ createClient: () => client, toMedia: plainMedia, write: (text) => operator.push(text) });
    const running = await start(t.app);
    expect(running?.name).toBe('whatsapp');
    expect(client.initializeCalls).toBe(1);

    client.emit('qr', '2@c2NhbiBtZQ==,dGVzdA==,a2V5');
    const png = path.join(t.dataDir, 'whatsapp', 'qr.png');
    await vi.waitFor(() => expect(fs.existsSync(png)).toBe(true), { timeout: 10_000 });
    expect(operator[0]).toContain('Perangkat tertaut');
    expect(operator[0]).toContain(png);

    // Once logged in, WhatsApp carries messages Pandu sends first (reminders) to people who wrote to it.
    expect(t.app.outbound.availableChannels()).not.toContain('whatsapp');
    client.emit('ready');
    expect(t.app.outbound.availableChannels()).toContain('whatsapp');
    await t.app.router.handle({ channel: 'whatsapp', senderId: '628777000111@c.us', text: '/bantuan' });
    const { userId } = await t.app.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'whatsapp', externalId: '628777000111@c.us' } },
    });
    const before = client.sent.length;
    expect(await t.app.outbound.send(userId, [{ text: 'Pengingat laporan' }])).toMatchObject({ status: 'sent', channel: 'whatsapp' });
    await vi.waitFor(() => expect(client.sent.length).toBe(before + 1), { timeout: 10_000 });
    expect(client.sent.at(-1)).toMatchObject({ chatId: '628777000111@c.us', content: 'Pengingat laporan' });

    await running!.stop();
    expect(t.app.outbound.availableChannels()).not.toContain('whatsapp');
    expect(client.destroyCalls).toBe(1);
  });

  it('does not start WhatsApp when WHATSAPP_ENABLED is not set', async () => {
    const { whatsapp: _whatsapp, ...config } = t.app.config;
    expect(await startWhatsApp({ ...t.app, config })).toBeUndefined();
  });
});
