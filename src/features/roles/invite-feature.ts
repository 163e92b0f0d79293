import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Outbound } from '../../core/outbound.js';
import type { Translate } from '../../i18n/translator.js';
import type { RoleService } from '../../people/role-service.js';
import { roleNotice } from './role-notice.js';

const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MS = 15 * 60 * 1000;

interface InviteFailures {
  count: number;
  lockedUntil?: number;
}

/**
 * /undangan <kode>: the invited person redeems a code an admin created with /peran. Anyone may try a
 * code; only a code an admin made gives a role, and guessing is limited per person.
 */
export class InviteFeature implements Feature {
  readonly name = 'invite';
  readonly commands: CommandSpec[];

  constructor(private readonly deps: { roles: RoleService; outbound: Outbound; t: Translate }) {
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
    const failures = (ctx.session.data.inviteFailures as InviteFailures | undefined) ?? { count: 0 };
    if (failures.lockedUntil && failures.lockedUntil > ctx.now.getTime()) {
      return [{ text: ctx.t('roles.invite_locked', { minutes: Math.ceil((failures.lockedUntil - ctx.now.getTime()) / 60_000) }) }];
    }
    const outcome = await this.deps.roles.redeemInvite(ctx.user.id, code);
    if (outcome.status !== 'granted') {
      const count = failures.count + 1;
      ctx.session.data.inviteFailures =
        count >= MAX_FAILED_ATTEMPTS ? { count: 0, lockedUntil: ctx.now.getTime() + LOCKOUT_MS } : { count };
      ctx.logger.info({ outcome: outcome.status }, 'role invite refused');
      return [{ text: ctx.t(`roles.invite_${outcome.status}`) }];
    }
    delete ctx.session.data.inviteFailures;
    ctx.user.role = outcome.role === 'admin' || ctx.user.role === 'admin' ? 'admin' : 'coordinator';
    ctx.logger.info({ role: ctx.user.role }, 'role invite redeemed');
    const name = ctx.user.profile.fullName ?? ctx.user.displayName ?? '—';
    await this.deps.outbound.send(outcome.createdBy, [
      { text: ctx.t('roles.invite_redeemed', { name, role: ctx.t(`roles.name.${outcome.role}`) }) },
    ]);
    return [roleNotice(ctx.t, ctx.user.role, outcome.scope)];
  }
}
