import type { CommandSpec } from './commands.js';
import type { Context } from './context.js';
import type { IncomingFile, Reply } from './messages.js';
import type { Role } from './roles.js';

/**
 * One capability of Pandu (Q&A, proposal wizard, linking, ...). The router calls at most one of these
 * hooks per message; a feature never talks to a channel directly.
 */
export interface Feature {
  /** Also the prefix of its choice ids and the name of its flow in the session. */
  name: string;
  /**
   * How long this feature's flow stays active without messages (default: the session TTL, 24 h). A flow
   * whose state is durable (a proposal draft) can stay open for weeks, so an answer sent days later
   * still lands in the draft.
   */
  flowTtlMs?: number;
  /** One line for the /start greeting, e.g. "• menyusun proposal inovasi langkah demi langkah (/proposal)". */
  summary?: string;
  commands?: CommandSpec[];
  /**
   * The least role for everything this feature does (its commands, choices and flow), e.g. admin for
   * knowledge-base administration. Checked by the router, so no feature repeats the check.
   */
  role?: Role;
  /**
   * Choices that need more than the feature's role, by action: the part of the choice payload before the
   * first ':' (e.g. `{ grant: 'admin' }` guards `roles:grant:…`). Declared, not checked in the handler, so
   * the router enforces it and the role matrix test can enumerate it.
   */
  choiceRoles?: Readonly<Record<string, Role>>;
  /** A choice `<name>:<payload>` was picked. */
  onChoice?(ctx: Context, payload: string): Promise<Reply[]>;
  /** Free text while this feature's flow is active (session.flow === name). */
  onText?(ctx: Context, text: string): Promise<Reply[]>;
  /** A file while this feature's flow is active. */
  onFile?(ctx: Context, file: IncomingFile): Promise<Reply[]>;
  /** Free text outside any flow that this feature claims ("mau bikin proposal"). */
  claims?(text: string): boolean;
  onClaim?(ctx: Context, text: string): Promise<Reply[]>;
}
