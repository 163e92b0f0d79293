import type { BotCommand } from 'grammy/types';
import type { CommandSpec } from '../../core/commands.js';
import { splitText } from '../render/split-text.js';

/** What Telegram's command menu needs from a registered command. */
export type MenuCommand = Pick<CommandSpec, 'name' | 'description'>;

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
