import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningChannel } from '../../../src/channels/channel.js';
import { startChannels } from '../../../src/channels/start-channels.js';
import type { CommandSpec } from '../../../src/core/commands.js';
import { ALICE, FAKE_TOKEN, groupChat, messageUpdate, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

/** Pandu's real app (shipped knowledge base, no LLM) behind the real grammY bot and the fake Bot API. */
describe('Pandu on Telegram', () => {
  let fake: FakeTelegram;
  let test: TestApp;
  let channels: RunningChannel[];

  beforeAll(async () => {
    fake = await startFakeTelegram();
    test = await startTestApp({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    channels = (await startChannels(test.app)).running;
  });

  afterAll(async () => {
    await Promise.all(channels.map((c) => c.stop()));
    await fake.close();
    await test.close();
  });

  /** The registry's commands for everyone that `keep` accepts, as Telegram's menu shows them (privileged ones are not listed there). */
  function menuOf(keep: (command: CommandSpec) => boolean) {
    return test.app.commands
      .listed('innovator')
      .filter(keep)
      .map((c) => ({ command: c.name, description: c.description }));
  }

  /** Sends one update and returns the texts Pandu sent in answer. */
  async function ask(update: Parameters<FakeTelegram['pushUpdate']>[0], expectedMessages = 1): Promise<string[]> {
    const before = fake.sentTexts().length;
    fake.pushUpdate(update);
    await fake.waitForCount('sendMessage', before + expectedMessages);
    return fake.sentTexts().slice(before);
  }

  it('starts as a configured channel and publishes the registry commands with Indonesian descriptions', () => {
    expect(channels.map((c) => c.name)).toEqual(['telegram']);
    const menus = fake.commandMenus();
    expect(menus.all_private_chats).toEqual(menuOf(() => true));
    expect(menus.all_private_chats!.map((c) => c.command)).toEqual(expect.arrayContaining(['tanya', 'bantuan', 'hubungkan']));
  });

  it('leaves personal commands out of the group menu, and lists the rest there', () => {
    const menus = fake.commandMenus();
    const group = menuOf((c) => !c.privateOnly);
    expect(group.map((c) => c.command)).toContain('tanya');
    expect(menus.all_group_chats).toEqual(group);
    expect(menus.default).toEqual(group);
    expect(menus.all_group_chats!.map((c) => c.command)).not.toContain('hubungkan');
  });

  it('greets by name in Indonesian on /start and says what Pandu can do', async () => {
    const [greeting] = await ask(messageUpdate('/start'));
    expect(greeting).toContain(`Halo, ${ALICE.first_name} ${ALICE.last_name}! Saya Pandu`);
    expect(greeting).toContain('/bantuan');
  });

  it('answers a question from the knowledge base with its citation', async () => {
    const [answer] = await ask(messageUpdate('proposal inovasi daerah isinya apa saja?'));
    expect(answer).toContain('PP 38/2017 Pasal 7 ayat (2)');
  });

  it('lists every command an innovator may run in /bantuan', async () => {
    const [help] = await ask(messageUpdate('/bantuan'));
    for (const command of test.app.commands.listed('innovator')) expect(help).toContain(`/${command.name}`);
  });

  it('keeps personal features to private chats when asked in a group', async () => {
    const [reply] = await ask(messageUpdate('/hubungkan@PanduTestBot', { chat: groupChat() }));
    expect(reply).toContain('chat pribadi');
  });

  it('answers a redelivered update only once', async () => {
    const update = messageUpdate('/bantuan');
    const first = await ask(update);
    expect(first).toHaveLength(1);
    const before = fake.sentTexts().length;
    fake.pushUpdate(update);
    fake.pushUpdate(messageUpdate('/bantuan'));
    await fake.waitForCount('sendMessage', before + 1);
    // The second /bantuan is answered; had the redelivery been answered too, a second message would follow.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.sentTexts().length).toBe(before + 1);
  });
});
