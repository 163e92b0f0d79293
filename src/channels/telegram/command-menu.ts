import type { BotCommand, BotCommandScope } from 'grammy/types';
import type { CommandSpec } from '../../core/commands.js';
import { splitText } from '../render/split-text.js';

/** What Telegram's command menu needs from a registered command. */
export type MenuCommand = Pick<CommandSpec, 'name' | 'description' | 'privateOnly'>;

/** One setMyCommands call: the commands shown where `scope` applies (no scope: Telegram's default). */
export interface CommandMenu {
  scope?: BotCommandScope;
  commands: BotCommand[];
}

/** Telegram's limits for setMyCommands. */
const MAX_COMMANDS = 100;
const MAX_DESCRIPTION = 256;

/**
 * The command menu Telegram shows next to the text field, built from the core's command registry so a
 * new feature's command appears without touching this adapter. Over-long descriptions are shortened at
 * a word boundary rather than making Telegram reject the whole menu.
 */
export function toBotCommands(commands: readonly MenuCommand[]): BotCommand[] {
  return commands.slice(0, MAX_COMMANDS).map((c) => ({
    command: c.name,
    description: splitText(c.description, MAX_DESCRIPTION)[0] ?? c.name,
  }));
}

/**
 * The menus to publish, one per scope. Private chats list every command. Groups leave out the personal
 * ones (`privateOnly`: drafts, linking), which in a group only answer "use a private chat", so offering
 * them there is an invitation to a dead end. The default scope (chats neither scope covers) gets the
 * group list too, so a personal command is never offered where it might not run.
 */
export function commandMenus(commands: readonly MenuCommand[]): CommandMenu[] {
  const shared = toBotCommands(commands.filter((c) => !c.privateOnly));
  return [
    { commands: shared },
    { scope: { type: 'all_private_chats' }, commands: toBotCommands(commands) },
    { scope: { type: 'all_group_chats' }, commands: shared },
  ];
}
