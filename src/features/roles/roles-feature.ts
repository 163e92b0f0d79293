import { z } from 'zod';
import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { choice, type Reply } from '../../core/messages.js';
import type { Outbound } from '../../core/outbound.js';
import type { Translate } from '../../i18n/translator.js';
import type { GrantableRole, PersonSummary, RoleService } from '../../people/role-service.js';
import { opdScope, parseScopeText, regionScope } from '../../people/scope-input.js';
import { ScopeSchema, type Scope } from '../../people/scopes.js';
import { roleNotice } from './role-notice.js';

export const ROLES_FEATURE = 'roles';

const StateSchema = z.object({
  mode: z.enum(['grant', 'invite']).optional(),
  target: z.string().optional(),
  role: z.enum(['coordinator', 'admin']).optional(),
  scope: ScopeSchema.optional(),
});
type RolesState = z.infer<typeof StateSchema>;

export interface RolesFeatureDeps {
  roles: RoleService;
  outbound: Outbound;
  t: Translate;
}

/**
 * /peran: admins grant and revoke the coordinator and admin roles, by picking a known person or by a
 * one-time invitation code the person redeems (/undangan). The whole feature needs the admin role; the
 * router refuses everyone else, so nothing here checks it again.
 */
export class RolesFeature implements Feature {
  readonly name = ROLES_FEATURE;
  readonly role = 'admin' as const;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: RolesFeatureDeps) {
    this.summary = deps.t('roles.summary');
    this.commands = [{ name: 'peran', description: deps.t('roles.command'), privateOnly: true, run: async (ctx) => this.menu(ctx) }];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const [action, arg = ''] = splitOnce(payload);
    switch (action) {
      case 'grant':
        return this.startSearch(ctx, 'grant');
      case 'invite':
        this.setState(ctx, { mode: 'invite' });
        return this.askRole(ctx);
      case 'revoke':
        return this.revokeMenu(ctx);
      case 'list':
        return this.list(ctx);
      case 'who':
        return this.pickTarget(ctx, arg);
      case 'role':
        return arg === 'coordinator' || arg === 'admin' ? this.pickRole(ctx, arg) : [{ text: ctx.t('common.choice_expired') }];
      case 'scope':
        return this.pickScope(ctx, arg);
      case 'ok':
        return this.confirm(ctx);
      case 'rv':
        return this.askRevoke(ctx, arg);
      case 'rvok':
        return this.revoke(ctx, arg);
      case 'cancel':
        this.end(ctx);
        return [{ text: ctx.t('roles.cancelled') }];
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  /** Free text in the flow: a name to search for, or a scope typed out. */
  async onText(ctx: Context, text: string): Promise<Reply[]> {
    if (ctx.session.step === 'scope') {
      const parsed = parseScopeText(text);
      if (!parsed.ok) {
        const key = parsed.reason === 'ambiguous' ? 'roles.scope_ambiguous' : 'roles.scope_format';
        return [{ text: ctx.t(key, { options: (parsed.options ?? []).join(', ') }) }];
      }
      return this.withScope(ctx, parsed.scope);
    }
    const people = await this.deps.roles.findPeople(text);
    if (people.length === 0) return [{ text: ctx.t('roles.nobody', { query: text }) }];
    return [
      {
        text: ctx.t('roles.pick_person'),
        choices: people.map((p) => choice(ROLES_FEATURE, `who:${p.id}`, describe(ctx.t, p))),
      },
    ];
  }

  private menu(ctx: Context): Reply[] {
    this.end(ctx);
    return [
      {
        text: ctx.t('roles.menu'),
        choices: [
          choice(ROLES_FEATURE, 'grant', ctx.t('roles.choice.grant')),
          choice(ROLES_FEATURE, 'invite', ctx.t('roles.choice.invite')),
          choice(ROLES_FEATURE, 'revoke', ctx.t('roles.choice.revoke')),
          choice(ROLES_FEATURE, 'list', ctx.t('roles.choice.list')),
        ],
      },
    ];
  }

  private startSearch(ctx: Context, mode: 'grant'): Reply[] {
    this.setState(ctx, { mode });
    ctx.session.flow = ROLES_FEATURE;
    ctx.session.step = 'search';
    return [{ text: ctx.t('roles.ask_name') }];
  }

  private async pickTarget(ctx: Context, userId: string): Promise<Reply[]> {
    const person = await this.deps.roles.person(userId);
    if (!person) return [{ text: ctx.t('common.choice_expired') }];
    this.setState(ctx, { mode: 'grant', target: person.id });
    return this.askRole(ctx, person);
  }

  private askRole(ctx: Context, person?: PersonSummary): Reply[] {
    ctx.session.flow = ROLES_FEATURE;
    ctx.session.step = 'role';
    const text = person ? ctx.t('roles.ask_role_for', { person: describe(ctx.t, person) }) : ctx.t('roles.ask_role_invite');
    return [
      {
        text,
        choices: [
          choice(ROLES_FEATURE, 'role:coordinator', ctx.t('roles.name.coordinator')),
          choice(ROLES_FEATURE, 'role:admin', ctx.t('roles.name.admin')),
          choice(ROLES_FEATURE, 'cancel', ctx.t('roles.choice.cancel')),
        ],
      },
    ];
  }

  private async pickRole(ctx: Context, role: GrantableRole): Promise<Reply[]> {
    const state = { ...this.state(ctx), role };
    this.setState(ctx, state);
    if (role === 'admin') return this.summaryReply(ctx, state);
    // A coordinator oversees somebody: their own OPD or region when known, or what the admin types.
    ctx.session.step = 'scope';
    const person = state.target ? await this.deps.roles.person(state.target) : undefined;
    const choices = [];
    if (person?.opd && person.region)
      choices.push(choice(ROLES_FEATURE, 'scope:opd', ctx.t('roles.scope_opd', { opd: person.opd, region: person.region })));
    if (person?.region) choices.push(choice(ROLES_FEATURE, 'scope:region', ctx.t('roles.scope_region', { region: person.region })));
    return [{ text: ctx.t('roles.ask_scope'), ...(choices.length > 0 ? { choices } : {}) }];
  }

  private async pickScope(ctx: Context, kind: string): Promise<Reply[]> {
    const state = this.state(ctx);
    const person = state.target ? await this.deps.roles.person(state.target) : undefined;
    if (kind === 'opd' && person?.opd && person.region) return this.withScope(ctx, opdScope(person.opd, person.region));
    if (kind === 'region' && person?.region) return this.withScope(ctx, regionScope(person.region));
    return [{ text: ctx.t('common.choice_expired') }];
  }

  private withScope(ctx: Context, scope: Scope): Promise<Reply[]> {
    const state = { ...this.state(ctx), scope };
    this.setState(ctx, state);
    return this.summaryReply(ctx, state);
  }

  private async summaryReply(ctx: Context, state: RolesState): Promise<Reply[]> {
    ctx.session.step = 'confirm';
    const role = ctx.t(`roles.name.${state.role}`);
    const scope = state.scope ? ctx.t('roles.scope_suffix', { scope: state.scope.label }) : '';
    const person = state.target ? await this.deps.roles.person(state.target) : undefined;
    const text =
      state.mode === 'invite'
        ? ctx.t('roles.confirm_invite', { role, scope })
        : ctx.t('roles.confirm_grant', { role, scope, person: person ? describe(ctx.t, person) : '—' });
    return [
      {
        text,
        choices: [
          choice(ROLES_FEATURE, 'ok', ctx.t('roles.choice.confirm')),
          choice(ROLES_FEATURE, 'cancel', ctx.t('roles.choice.cancel')),
        ],
      },
    ];
  }

  private async confirm(ctx: Context): Promise<Reply[]> {
    const state = this.state(ctx);
    this.end(ctx);
    if (!state.role || (state.role === 'coordinator' && !state.scope)) return [{ text: ctx.t('common.choice_expired') }];
    if (state.mode === 'invite') {
      const { code, expiresAt } = await this.deps.roles.createInvite(ctx.user.id, state.role, state.scope);
      ctx.logger.info({ role: state.role }, 'role invite created');
      const days = Math.round((expiresAt.getTime() - ctx.now.getTime()) / 86_400_000);
      return [{ text: ctx.t('roles.invite_created', { code, days, role: ctx.t(`roles.name.${state.role}`) }) }];
    }
    if (!state.target) return [{ text: ctx.t('common.choice_expired') }];
    const after = await this.deps.roles.grant(ctx.user.id, state.target, state.role, state.scope);
    ctx.logger.info({ target: state.target, role: after }, 'role granted');
    const person = await this.deps.roles.person(state.target);
    const delivery = await this.deps.outbound.send(state.target, [roleNotice(ctx.t, after, state.scope)]);
    const told = delivery.status === 'sent' ? ctx.t('roles.told') : ctx.t('roles.not_told');
    return [
      {
        text: `${ctx.t('roles.granted', { person: person ? describe(ctx.t, person) : '—', role: ctx.t(`roles.name.${after}`) })}\n${told}`,
      },
    ];
  }

  private async revokeMenu(ctx: Context): Promise<Reply[]> {
    const people = (await this.deps.roles.privileged()).filter((p) => p.id !== ctx.user.id).slice(0, 20);
    if (people.length === 0) return [{ text: ctx.t('roles.none_to_revoke') }];
    return [{ text: ctx.t('roles.pick_revoke'), choices: people.map((p) => choice(ROLES_FEATURE, `rv:${p.id}`, describe(ctx.t, p))) }];
  }

  private async askRevoke(ctx: Context, userId: string): Promise<Reply[]> {
    const person = await this.deps.roles.person(userId);
    if (!person) return [{ text: ctx.t('common.choice_expired') }];
    return [
      {
        text: ctx.t('roles.confirm_revoke', { person: describe(ctx.t, person) }),
        choices: [
          choice(ROLES_FEATURE, `rvok:${person.id}`, ctx.t('roles.choice.confirm_revoke')),
          choice(ROLES_FEATURE, 'cancel', ctx.t('roles.choice.cancel')),
        ],
      },
    ];
  }

  private async revoke(ctx: Context, userId: string): Promise<Reply[]> {
    const outcome = await this.deps.roles.revoke(ctx.user.id, userId);
    if (outcome.status !== 'revoked') return [{ text: ctx.t(`roles.revoke_${outcome.status}`) }];
    ctx.logger.info({ target: userId, before: outcome.before }, 'role revoked');
    const delivery = await this.deps.outbound.send(userId, [{ text: ctx.t('roles.notice_revoked') }]);
    const person = await this.deps.roles.person(userId);
    const told = delivery.status === 'sent' ? ctx.t('roles.told') : ctx.t('roles.not_told');
    return [{ text: `${ctx.t('roles.revoked', { person: person ? describe(ctx.t, person) : '—' })}\n${told}` }];
  }

  private async list(ctx: Context): Promise<Reply[]> {
    const people = await this.deps.roles.privileged();
    if (people.length === 0) return [{ text: ctx.t('roles.list_empty') }];
    const lines = people.map((p) => `• ${describe(ctx.t, p)}${p.scopes.length > 0 ? `: ${p.scopes.join('; ')}` : ''}`);
    return [{ text: [ctx.t('roles.list_title'), ...lines].join('\n') }];
  }

  private state(ctx: Context): RolesState {
    const parsed = StateSchema.safeParse(ctx.session.data[ROLES_FEATURE] ?? {});
    return parsed.success ? parsed.data : {};
  }

  private setState(ctx: Context, state: RolesState): void {
    ctx.session.data[ROLES_FEATURE] = JSON.parse(JSON.stringify(state)) as unknown;
  }

  private end(ctx: Context): void {
    if (ctx.session.flow === ROLES_FEATURE) {
      ctx.session.flow = null;
      ctx.session.step = null;
    }
    delete ctx.session.data[ROLES_FEATURE];
  }
}

/** "Siti Rahma (koordinator, Dinas Kesehatan, Kabupaten Bantul)". */
export function describe(t: Translate, p: PersonSummary): string {
  const details = [t(`roles.name.${p.role}`), p.opd, p.region].filter(Boolean).join(', ');
  return `${p.name} (${details})`;
}

function splitOnce(payload: string): [string, string?] {
  const sep = payload.indexOf(':');
  return sep < 0 ? [payload] : [payload.slice(0, sep), payload.slice(sep + 1)];
}
