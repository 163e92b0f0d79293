import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { BroadcastService } from '../../broadcasts/broadcast-contract.js';

/** The words every announcement names in its last line; matched whole, in any case. */
const STOP = 'BERHENTI';
const START = 'MULAI';

/**
 * A recipient replies BERHENTI to stop announcements and MULAI to get them again. Only announcements:
 * reminders the person set up for their innovations keep coming. Inside another flow the word belongs to
 * that flow (the innovation form reads "berhenti" as "cancel").
 */
export class AnnouncementOptOutFeature implements Feature {
  readonly name = 'optout';

  constructor(private readonly broadcasts: Pick<BroadcastService, 'setOptOut'>) {}

  claims(text: string): boolean {
    const word = text.trim().toUpperCase();
    return word === STOP || word === START;
  }

  async onClaim(ctx: Context, text: string): Promise<Reply[]> {
    const stop = text.trim().toUpperCase() === STOP;
    await this.broadcasts.setOptOut(ctx.user.id, stop);
    ctx.logger.info({ user: ctx.user.id, optedOut: stop }, 'announcement preference changed');
    return [{ text: ctx.t(stop ? 'broadcast.optout.stopped' : 'broadcast.optout.resumed') }];
  }
}
