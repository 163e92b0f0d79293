import { BroadcastError } from '../../broadcasts/broadcast-contract.js';
import type { Context } from '../../core/context.js';
import type { Reply } from '../../core/messages.js';

/**
 * A refusal of the broadcast service as an Indonesian message (locale `broadcast.error.<code>`), logged
 * with its stack; anything else is a fault and is thrown on to the router's apology.
 */
export function refusalReply(ctx: Context, error: unknown, extra: Partial<Reply> = {}): Reply {
  if (!(error instanceof BroadcastError)) throw error;
  ctx.logger.info({ err: error, code: error.code }, 'broadcast request refused');
  return { text: ctx.t(`broadcast.error.${error.code}`), ...extra };
}
