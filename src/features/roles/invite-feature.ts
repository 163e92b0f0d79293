import type { CommandSpec } from '../../core/commands.js';
import { GuessGuard, minutesLeft, type GuessLock } from '../../core/rate-limit/guess-guard.js';
import type { Db } from '../../db/client.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Outbound } from '../../core/outbound.js';
import type { Translate } from '../../i18n/translator.js';
import type { RoleService } from '../../people/role-service.js';
import { roleNotice } from './role-notice.js';

/**
 * Wrong invite codes everybody together may try per hour. Codes are 10 of 31 characters (8·10^14): with
 * 1,000 live codes, 200 guesses an hour all year long succeed with probability about 2·10^-6, while a
 * pause for everyone (invites are redeemed a few times a week) stays unlikely.
 */
export const MAX_WRONG_INVITES_PER_HOUR = 200;

/** The guard around role invites (counters `invite-person` / `invite-all` in the RateLimit table). */
export function inviteGuard(db: Db, clock?: () => Date): GuessGuard {
  return new GuessGuard(db, { name: 'invite', everyonePerHour: MAX_WRONG_INVITES_PER_HOUR }, clock);
}

/**
 * /undangan <kode>: the invited person redeems a code an admin created with /peran. Anyone may try a
 * code; only a code an admin made gives a role, and guessing is limited per person and overall in the
 * database (a cleared conversation or another process does not reset it).
 */
export class InviteFeature implements Feature {
  readonly name = 'invite';
  readonly commands: CommandSpec[];

  constructor(private readonly deps: { roles: RoleService; outbound: Outbound; guard: GuessGuard; t: Translate }) {
    this.commands = [
      {
        name: 'undangan',
        description: deps.t('roles.invite_command'),
        usage: deps.t('roles.invite_usage'),
        privateOnly: true,
        run: (ctx, args) => this.redeem(ctx, args),
      },
    ];
  }

  private async redeem(ctx: Context, code: string): Promise<Reply[]> {
    if (!code) return [{ text: ctx.t('roles.invite_usage_hint') }];
    const lock = await this.deps.guard.lock(ctx.user.id);
    if (lock) return [this.locked(ctx, lock)];
    const outcome = await this.deps.roles.redeemInvite(ctx.user.id, code);
    if (outcome.status !== 'granted') {
      const after = await this.deps.guard.failed(ctx.user.id);
      ctx.logger.info({ outcome: outcome.status, ...('scope' in after ? { locked: after.scope } : {}) }, 'role invite refused');
      if ('retryAt' in after) return [this.locked(ctx, after)];
      return [{ text: ctx.t(`roles.invite_${outcome.status}`) }];
    }
    ctx.user.role = outcome.role === 'admin' || ctx.user.role === 'admin' ? 'admin' : 'coordinator';
    ctx.logger.info({ role: ctx.user.role }, 'role invite redeemed');
    const name = ctx.user.profile.fullName ?? ctx.user.displayName ?? '—';
    await this.deps.outbound.send(outcome.createdBy, [
      { text: ctx.t('roles.invite_redeemed', { name, role: ctx.t(`roles.name.${outcome.role}`) }) },
    ]);
    return [roleNotice(ctx.t, ctx.user.role, outcome.scope)];
  }

  private locked(ctx: Context, lock: GuessLock): Reply {
    const minutes = minutesLeft(lock, ctx.now);
    return { text: ctx.t(lock.scope === 'person' ? 'roles.invite_locked' : 'roles.invite_paused', { minutes }) };
  }
}
