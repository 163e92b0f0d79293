import type { Context } from './context.js';
import type { Reply } from './messages.js';
import { hasRole, type Role } from './roles.js';

/** A slash command. Channels list these (Telegram's menu, /bantuan) from the one registry. */
export interface CommandSpec {
  /** Without the slash, lower case, ≤ 32 chars (Telegram's limit). */
  name: string;
  /** Indonesian, ≤ 256 chars; shown in Telegram's command menu and /bantuan. */
  description: string;
  /** Extra words that run the same command (e.g. "help" for "bantuan"). */
  aliases?: string[];
  /** Usage hint shown in /bantuan, e.g. "/tanya <pertanyaan>". */
  usage?: string;
  /** Not listed in menus (still runs). */
  hidden?: boolean;
  /** Works only in a private chat (personal data: drafts, linking, reports). */
  privateOnly?: boolean;
  /**
   * The least role allowed to run it (coordinator, admin). The router refuses everyone else politely,
   * on every channel; menus and /bantuan list it only to those who may run it.
   */
  role?: Role;
  run(ctx: Context, args: string): Promise<Reply[]>;
}

export class CommandRegistry {
  private readonly byName = new Map<string, CommandSpec>();
  private readonly ordered: CommandSpec[] = [];
  private readonly owners = new Map<string, string>();

  /**
   * Adds a command. `ownerRole` is the role of the feature it belongs to: a command needs at least that,
   * so a feature declared admin-only cannot leak through one command that forgot to say so. `owner` is
   * the feature's name (metrics count messages by the feature that answered).
   */
  register(spec: CommandSpec, ownerRole?: Role, owner?: string): void {
    if (ownerRole && !hasRole(spec.role ?? 'innovator', ownerRole)) spec = { ...spec, role: ownerRole };
    if (!/^[a-z0-9_]{1,32}$/.test(spec.name)) throw new Error(`invalid command name: ${spec.name}`);
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      if (this.byName.has(name)) throw new Error(`command registered twice: /${name}`);
      this.byName.set(name, spec);
    }
    this.ordered.push(spec);
    if (owner) this.owners.set(spec.name, owner);
  }

  /** The feature a command belongs to (by its main name), when it was registered with one. */
  ownerOf(name: string): string | undefined {
    return this.owners.get(name);
  }

  find(name: string): CommandSpec | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Commands to show users, in registration order; with a role, only those that role may run. */
  listed(role?: Role): CommandSpec[] {
    return this.ordered.filter((c) => !c.hidden && (role === undefined || hasRole(role, c.role)));
  }

  /** Every registered command, hidden ones included (the role matrix test walks these). */
  all(): readonly CommandSpec[] {
    return this.ordered;
  }
}

/** Splits "/tanya@PanduBot apa itu IID" into the command name and its argument text. */
export function parseCommand(text: string): { name: string; args: string } | undefined {
  const m = /^\/([A-Za-z0-9_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), args: (m[2] ?? '').trim() };
}
