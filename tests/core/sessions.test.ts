import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../src/core/commands.js';
import type { Context } from '../../src/core/context.js';
import { MessageDeduplicator } from '../../src/core/dedup.js';
import type { Feature } from '../../src/core/feature.js';
import { choice, type IncomingMessage } from '../../src/core/messages.js';
import { Router } from '../../src/core/router.js';
import { SESSION_TTL_MS, SessionStore } from '../../src/core/sessions.js';
import { UserStore } from '../../src/core/users.js';
import { silentLogger } from '../../src/logger.js';
import { startClockedApp, textOf, type ClockedApp } from './support/clocked-app.js';

/**
 * A small menu flow: /menu offers two choices and opens the flow; a pick closes it; text inside the
 * flow is echoed; "rusak" inside the flow throws once.
 */
function menuFeature(): Feature & { failures: number } {
  const feature = {
    name: 'menu',
    failures: 0,
    commands: [
      {
        name: 'menu',
        description: 'Menu uji',
        async run(ctx: Context) {
          ctx.session.flow = 'menu';
          ctx.session.step = 'pilih';
          return [{ text: 'Pilih sayur:', choices: [choice('menu', 'apel', 'Apel'), choice('menu', 'bayam', 'Bayam')] }];
        },
      },
      {
        name: 'catat',
        description: 'Balasan tanpa pilihan',
        async run() {
          return [{ text: 'Dicatat.' }];
        },
      },
    ],
    async onChoice(ctx: Context, payload: string) {
      ctx.session.flow = null;
      return [{ text: `Dipilih: ${payload}` }];
    },
    async onText(_ctx: Context, text: string) {
      if (text === 'rusak' && feature.failures === 0) {
        feature.failures += 1;
        throw new Error('flow rusak');
      }
      return [{ text: `Menu menerima: ${text}` }];
    },
  };
  return feature;
}

let test: ClockedApp;
let router: Router;

beforeAll(async () => {
  test = await startClockedApp();
  const { app } = test;
  const commands = new CommandRegistry();
  const menu = menuFeature();
  for (const c of menu.commands ?? []) commands.register(c);
  router = new Router({
    users: new UserStore(app.db),
    sessions: new SessionStore(app.db),
    commands,
    features: [menu],
    fallback: async (_ctx, text) => [{ text: `Pertanyaan: ${text}` }],
    dedup: new MessageDeduplicator(app.db),
    t: app.i18n.t,
    logger: silentLogger(),
    clock: () => test.now(),
  });
});
afterAll(async () => {
  await test.close();
});

let counter = 0;
const person = () => `whatsapp:62800${(counter += 1)}`;
function send(from: string, text: string, extra: Partial<IncomingMessage> = {}) {
  const [channel, senderId] = from.split(':') as [IncomingMessage['channel'], string];
  return router.handle({ channel, senderId, text, ...extra });
}

describe('choices offered by a feature', () => {
  it('reads a typed number as the matching choice of the last menu', async () => {
    const who = person();
    expect((await send(who, '/menu'))[0]!.choices).toHaveLength(2);
    expect(textOf(await send(who, '2'))).toBe('Dipilih: bayam');
  });

  it('also takes the choice id a button sends', async () => {
    const who = person();
    await send(who, '/menu');
    expect(textOf(await send(who, '', { choiceId: 'menu:apel' }))).toBe('Dipilih: apel');
  });

  it('passes a number outside the menu on as text', async () => {
    const who = person();
    await send(who, '/menu');
    expect(textOf(await send(who, '3'))).toBe('Menu menerima: 3');
  });

  it('forgets the menu once a reply without choices came after it', async () => {
    const who = person();
    await send(who, '/menu');
    await send(who, '/catat');
    // Still in the flow, so the text goes there, but not as the first choice ("Dipilih: apel").
    expect(textOf(await send(who, '1'))).toBe('Menu menerima: 1');
  });

  it('says a choice of an unknown feature has expired', async () => {
    expect(textOf(await send(person(), '', { choiceId: 'hilang:1' }))).toBe(test.app.i18n.t('common.choice_expired'));
  });

  it('sends text inside an active flow to that flow, and anything else to the fallback', async () => {
    const who = person();
    expect(textOf(await send(who, 'apa itu inovasi?'))).toBe('Pertanyaan: apa itu inovasi?');
    await send(who, '/menu');
    expect(textOf(await send(who, 'apa itu inovasi?'))).toBe('Menu menerima: apa itu inovasi?');
  });
});

describe('a fault inside a feature', () => {
  it('becomes the apology, and the next message in the same flow works', async () => {
    const who = person();
    await send(who, '/menu');
    expect(await send(who, 'rusak')).toEqual([{ text: test.app.i18n.t('common.error') }]);
    expect(textOf(await send(who, 'rusak'))).toBe('Menu menerima: rusak');
  });
});

describe('an expired session', () => {
  it('is reported once, and nothing stored is lost', async () => {
    const who = person();
    await send(who, '/menu');
    const [channel, externalId] = who.split(':') as [string, string];
    const identity = await test.app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
    const draft = await test.app.db.proposalDraft.create({
      data: { userId: identity.userId, templateId: 'uji', title: 'Bank Sampah Digital' },
    });

    test.advance(SESSION_TTL_MS + 60_000);
    const replies = await send(who, 'poin sampah berlaku berapa lama?');
    expect(replies.map((r) => r.text)).toEqual([test.app.i18n.t('common.session_expired'), 'Pertanyaan: poin sampah berlaku berapa lama?']);
    expect(replies[0]!.text).toContain('Data yang sudah Anda simpan tidak hilang');
    // The old menu is gone with the session: "1" is not a choice any more, and it is said so.
    expect(textOf(await send(who, '1'))).toBe(test.app.i18n.t('common.no_menu', { number: '1' }));

    expect(await test.app.db.proposalDraft.findUnique({ where: { id: draft.id } })).toMatchObject({
      userId: identity.userId,
      title: 'Bank Sampah Digital',
    });
    expect(await test.app.db.channelIdentity.findUnique({ where: { id: identity.id } })).toMatchObject({ userId: identity.userId });
  });

  it('is not reported when no flow was active', async () => {
    const who = person();
    await send(who, 'halo');
    test.advance(SESSION_TTL_MS + 60_000);
    expect(textOf(await send(who, 'halo lagi'))).toBe('Pertanyaan: halo lagi');
  });

  it('is kept alive by activity within the time limit', async () => {
    const who = person();
    await send(who, '/menu');
    test.advance(SESSION_TTL_MS - 60_000);
    expect(textOf(await send(who, 'masih di sini'))).toBe('Menu menerima: masih di sini');
    test.advance(SESSION_TTL_MS - 60_000);
    expect(textOf(await send(who, 'masih juga'))).toBe('Menu menerima: masih juga');
  });
});

describe('SessionStore', () => {
  it('round-trips flow, step, data and choices, and expires them after the time limit', async () => {
    const sessions = new SessionStore(test.app.db, 1000);
    const user = await new UserStore(test.app.db).resolve('terminal', `store-${Date.now()}`);
    const now = new Date('2026-01-01T00:00:00Z');
    await sessions.save(user.id, { flow: 'menu', step: 'pilih', data: { a: 1 }, choices: [choice('menu', 'x', 'X')], expired: false }, now);
    expect(await sessions.load(user.id, new Date(now.getTime() + 999))).toEqual({
      flow: 'menu',
      step: 'pilih',
      data: { a: 1 },
      choices: [{ id: 'menu:x', label: 'X' }],
      expired: false,
    });
    expect(await sessions.load(user.id, new Date(now.getTime() + 1001))).toMatchObject({
      flow: null,
      step: null,
      data: {},
      choices: [],
      expired: true,
    });
  });
});

describe('a menu offered in a private chat', () => {
  it('cannot be picked from a group by typing its number, and a group reply leaves it in place', async () => {
    const who = person();
    await send(who, '/menu');
    const inGroup = await send(who, '1', { conversation: 'group' });
    expect(textOf(inGroup)).not.toContain('Dipilih');
    // Back in the private chat the menu still works.
    expect(textOf(await send(who, '1'))).toBe('Dipilih: apel');
  });
});

describe('a fault while handling a message', () => {
  it('lets a redelivery of the same message be handled instead of dropping it as a duplicate', async () => {
    const { app } = test;
    let calls = 0;
    const flaky: Feature = {
      name: 'rapuh',
      claims: (text) => text === 'coba',
      async onClaim() {
        calls += 1;
        if (calls === 1) throw new Error('gangguan sesaat');
        return [{ text: 'Berhasil pada percobaan kedua.' }];
      },
    };
    const flakyRouter = new Router({
      users: new UserStore(app.db),
      sessions: new SessionStore(app.db),
      commands: new CommandRegistry(),
      features: [flaky],
      fallback: async () => [{ text: 'fallback' }],
      dedup: new MessageDeduplicator(app.db),
      t: app.i18n.t,
      logger: silentLogger(),
      clock: () => test.now(),
    });
    const message = { channel: 'telegram' as const, senderId: '990011', text: 'coba', messageId: 'm-rapuh-1' };
    expect(textOf(await flakyRouter.handle(message))).toBe(app.i18n.t('common.error'));
    expect(textOf(await flakyRouter.handle(message))).toBe('Berhasil pada percobaan kedua.');
    // Once handled, the same id is a duplicate again.
    expect(await flakyRouter.handle(message)).toEqual([]);
  });
});

describe('messages from one person at the same moment', () => {
  it('are handled one after the other, so no session write is lost', async () => {
    const who = person();
    await send(who, '/menu');
    // Two concurrent picks: the second must see the first one's saved state (flow closed, menu gone).
    const [a, b] = await Promise.all([send(who, '1'), send(who, '2')]);
    expect([textOf(a), textOf(b)].filter((t) => t.startsWith('Dipilih'))).toHaveLength(1);
  });
});

describe('a feature with a long-lived flow', () => {
  it('keeps its flow beyond the default session time limit', async () => {
    const { app } = test;
    const long: Feature = {
      name: 'panjang',
      flowTtlMs: 90 * 24 * 60 * 60 * 1000,
      commands: [
        {
          name: 'panjang',
          description: 'Alur panjang',
          async run(ctx: Context) {
            ctx.session.flow = 'panjang';
            return [{ text: 'Mulai.' }];
          },
        },
      ],
      async onText(_ctx: Context, text: string) {
        return [{ text: `Tetap di alur: ${text}` }];
      },
    };
    const commands = new CommandRegistry();
    for (const c of long.commands ?? []) commands.register(c);
    const longRouter = new Router({
      users: new UserStore(app.db),
      sessions: new SessionStore(app.db),
      commands,
      features: [long],
      fallback: async () => [{ text: 'fallback' }],
      t: app.i18n.t,
      logger: silentLogger(),
      clock: () => test.now(),
    });
    await longRouter.handle({ channel: 'whatsapp', senderId: '62899001', text: '/panjang' });
    test.advance(3 * SESSION_TTL_MS);
    const later = await longRouter.handle({ channel: 'whatsapp', senderId: '62899001', text: 'jawaban tiga hari kemudian' });
    expect(textOf(later)).toBe('Tetap di alur: jawaban tiga hari kemudian');
  });
});
