import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { SessionStore } from '../../core/sessions.js';
import type { UserStore } from '../../core/users.js';
import type { Translate } from '../../i18n/translator.js';
import { CODE_TTL_MS, type LinkCodes } from './link-codes.js';
import { minutesLeft, type GuessGuard } from '../../core/rate-limit/guess-guard.js';
import type { LinkLock } from './link-guard.js';

/**
 * /hubungkan: without a code it issues one; with a code it links this channel to the person who asked
 * for it, so drafts, reminders and role are shared across Telegram and WhatsApp.
 */
export class LinkingFeature implements Feature {
  readonly name = 'linking';
  readonly summary: string;
  readonly commands;

  constructor(
    private readonly codes: LinkCodes,
    private readonly guard: GuessGuard,
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    t: Translate,
  ) {
    this.summary = t('linking.summary');
    this.commands = [
      {
        name: 'hubungkan',
        description: t('linking.command'),
        usage: t('linking.usage'),
        privateOnly: true,
        run: (ctx: Context, args: string) => (args ? this.redeem(ctx, args) : this.issue(ctx)),
      },
    ];
  }

  private async issue(ctx: Context): Promise<Reply[]> {
    const { code } = await this.codes.issue(ctx.user.id, ctx.now);
    return [{ text: ctx.t('linking.issued', { code, minutes: Math.round(CODE_TTL_MS / 60000) }) }];
  }

  private async redeem(ctx: Context, raw: string): Promise<Reply[]> {
    const lock = await this.guard.lock(ctx.user.id);
    if (lock) return this.locked(ctx, lock);
    const outcome = await this.codes.redeem(ctx.user.id, raw, ctx.now);
    switch (outcome.status) {
      case 'linked': {
        ctx.logger.info({ from: ctx.user.id, to: outcome.targetUserId }, 'identities linked');
        // The redeeming user no longer exists; continue this conversation as the linked person.
        const merged = await this.users.resolve(ctx.msg.channel, ctx.msg.senderId, ctx.msg.displayName);
        ctx.user = merged;
        ctx.session = await this.sessions.load(merged.id, ctx.now);
        const channels = (await this.users.identities(merged.id)).map((i) => ctx.t(`linking.channel.${i.channel}`));
        return [{ text: ctx.t('linking.linked', { channels: [...new Set(channels)].join(ctx.t('common.and')) }) }];
      }
      case 'same_user':
        return [{ text: ctx.t('linking.same_user') }];
      case 'expired':
      case 'invalid': {
        const after = await this.guard.failed(ctx.user.id);
        if ('retryAt' in after && after.scope === 'everyone') {
          // Somebody is guessing codes, possibly from many accounts: worth an operator's look.
          ctx.logger.warn({ retryAt: after.retryAt }, 'linking paused for everyone: too many wrong codes');
        }
        if ('retryAt' in after) return this.locked(ctx, after);
        const key = outcome.status === 'expired' ? 'linking.expired' : 'linking.invalid';
        return [{ text: ctx.t(key, { left: after.left }) }];
      }
    }
  }

  private locked(ctx: Context, lock: LinkLock): Reply[] {
    const minutes = minutesLeft(lock, ctx.now);
    return [{ text: ctx.t(lock.scope === 'person' ? 'linking.locked' : 'linking.paused', { minutes }) }];
  }
}
