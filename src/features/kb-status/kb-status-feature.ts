import { z } from 'zod';
import { isCancelWord } from '../../core/cancel-words.js';
import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { choice, type Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import {
  isKbStatus,
  MAX_AMENDED_BY,
  type KbStatus,
  type KbStatusStore,
  type StatusSnapshot,
  type StatusTarget,
} from '../../knowledge/status/kb-status.js';

export const KB_STATUS_FEATURE = 'kbstatus';

/** At most this many regulations or documents are offered as buttons; the admin types to narrow. */
const MAX_TARGETS = 10;

const StateSchema = z.object({
  candidates: z.array(z.string()).optional(),
  target: z.string().optional(),
  pasal: z.string().optional(),
  status: z.enum(['berlaku', 'diubah', 'dicabut']).optional(),
  by: z.string().optional(),
});
type KbStatusState = z.infer<typeof StateSchema>;

export interface KbStatusFeatureDeps {
  statuses: KbStatusStore;
  /** Rebuilds the live index so the next answer already follows the new status. */
  reloadIndex: () => Promise<void>;
  t: Translate;
}

/**
 * /kb_status: an admin marks a regulation, a document or one Pasal as berlaku, diubah (with by what) or
 * dicabut, step by step with choices, and confirms. The change is audited (kb.status) and the live index
 * rebuilt at once: answers note an amendment and no longer cite revoked text.
 */
export class KbStatusFeature implements Feature {
  readonly name = KB_STATUS_FEATURE;
  readonly role = 'admin' as const;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: KbStatusFeatureDeps) {
    this.summary = deps.t('kb_admin.status.summary');
    this.commands = [
      {
        name: 'kb_status',
        description: deps.t('kb_admin.status.command'),
        usage: deps.t('kb_admin.status.usage'),
        run: async (ctx, args) => this.start(ctx, args),
      },
    ];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const [action, arg = ''] = splitOnce(payload);
    const state = this.state(ctx);
    switch (action) {
      case 't': {
        const key = state.candidates?.[Number(arg)];
        return key ? this.pickTarget(ctx, key) : this.expired(ctx);
      }
      case 'whole':
        return state.target ? this.askStatus(ctx, { target: state.target }) : this.expired(ctx);
      case 'pasal':
        return state.target ? this.askPasal(ctx, state.target) : this.expired(ctx);
      case 's':
        return state.target && isKbStatus(arg) ? this.pickStatus(ctx, arg) : this.expired(ctx);
      case 'ok':
        return this.save(ctx);
      case 'cancel':
        this.end(ctx);
        return [{ text: ctx.t('kb_admin.status.cancelled') }];
      default:
        return this.expired(ctx);
    }
  }

  async onText(ctx: Context, text: string): Promise<Reply[]> {
    if (isCancelWord(text)) {
      this.end(ctx);
      return [{ text: ctx.t('kb_admin.status.cancelled') }];
    }
    const state = this.state(ctx);
    switch (ctx.session.step) {
      case 'pasal':
        return state.target ? this.withPasal(ctx, state.target, text) : this.expired(ctx);
      case 'by':
        return this.withBy(ctx, text);
      default:
        return this.search(ctx, text);
    }
  }

  private async start(ctx: Context, query: string): Promise<Reply[]> {
    this.end(ctx);
    if (query.trim()) return this.search(ctx, query);
    const targets = await this.deps.statuses.targets();
    if (targets.length === 0) return [{ text: ctx.t('kb_admin.status.empty_base') }];
    return this.offer(ctx, targets, ctx.t('kb_admin.status.pick_target'));
  }

  private async search(ctx: Context, query: string): Promise<Reply[]> {
    const found = await this.deps.statuses.find(query);
    if (found.length === 0) {
      // Ended, not left waiting for another name: what the admin types next (a question, "batal") is not a search.
      this.end(ctx);
      return [{ text: ctx.t('kb_admin.status.none_found', { query: query.trim() }) }];
    }
    if (found.length === 1) return this.pickTarget(ctx, found[0]!.key);
    return this.offer(ctx, found, ctx.t('kb_admin.status.pick_target'));
  }

  private offer(ctx: Context, targets: StatusTarget[], prompt: string): Reply[] {
    const shown = targets.slice(0, MAX_TARGETS);
    this.enter(ctx, 'search', { candidates: shown.map((t) => t.key) });
    const more =
      targets.length > shown.length ? `\n${ctx.t('kb_admin.status.more_targets', { shown: shown.length, total: targets.length })}` : '';
    return [
      {
        text: `${prompt}${more}`,
        choices: [
          ...shown.map((t, i) => choice(KB_STATUS_FEATURE, `t:${i}`, t.label)),
          choice(KB_STATUS_FEATURE, 'cancel', ctx.t('kb_admin.status.choice.cancel')),
        ],
      },
    ];
  }

  private async pickTarget(ctx: Context, key: string): Promise<Reply[]> {
    const target = await this.deps.statuses.byKey(key);
    if (!target) return this.gone(ctx);
    this.enter(ctx, 'scope', { target: target.key });
    const current = await this.deps.statuses.current(target);
    const lines = [ctx.t('kb_admin.status.current', { target: target.label, status: this.describe(ctx, current.whole) })];
    if (current.pasal.length > 0) {
      lines.push(
        ctx.t('kb_admin.status.current_pasal', { list: current.pasal.map((p) => `Pasal ${p.pasal} ${this.describe(ctx, p)}`).join('; ') }),
      );
    }
    const hasPasal = (await this.deps.statuses.pasalOf(target)).length > 0;
    if (!hasPasal) {
      lines.push('');
      return [...(await this.askStatus(ctx, { target: target.key }, lines.join('\n')))];
    }
    lines.push('', ctx.t('kb_admin.status.scope_question', { target: target.label }));
    return [
      {
        text: lines.join('\n'),
        choices: [
          choice(KB_STATUS_FEATURE, 'whole', ctx.t('kb_admin.status.choice.whole', { target: target.label })),
          choice(KB_STATUS_FEATURE, 'pasal', ctx.t('kb_admin.status.choice.pasal')),
          choice(KB_STATUS_FEATURE, 'cancel', ctx.t('kb_admin.status.choice.cancel')),
        ],
      },
    ];
  }

  private async askPasal(ctx: Context, key: string): Promise<Reply[]> {
    const target = await this.deps.statuses.byKey(key);
    if (!target) return this.gone(ctx);
    this.enter(ctx, 'pasal', { target: key });
    return [{ text: ctx.t('kb_admin.status.ask_pasal', { range: pasalRange(await this.deps.statuses.pasalOf(target)) }) }];
  }

  private async withPasal(ctx: Context, key: string, text: string): Promise<Reply[]> {
    const target = await this.deps.statuses.byKey(key);
    if (!target) return this.gone(ctx);
    const pasal = text
      .trim()
      .replace(/^pasal\s+/i, '')
      .toUpperCase();
    const held = await this.deps.statuses.pasalOf(target);
    if (!held.includes(pasal))
      return [{ text: ctx.t('kb_admin.status.no_pasal', { pasal, target: target.label, range: pasalRange(held) }) }];
    return this.askStatus(ctx, { target: key, pasal });
  }

  private async askStatus(ctx: Context, state: KbStatusState, intro?: string): Promise<Reply[]> {
    this.enter(ctx, 'status', state);
    const subject = await this.subject(state);
    if (!subject) return this.gone(ctx);
    const question = ctx.t('kb_admin.status.ask_status', { subject });
    return [
      {
        text: intro ? `${intro}\n${question}` : question,
        choices: [
          ...(['berlaku', 'diubah', 'dicabut'] as const).map((s) =>
            choice(KB_STATUS_FEATURE, `s:${s}`, ctx.t(`kb_admin.status.choice.${s}`)),
          ),
          choice(KB_STATUS_FEATURE, 'cancel', ctx.t('kb_admin.status.choice.cancel')),
        ],
      },
    ];
  }

  private async pickStatus(ctx: Context, status: KbStatus): Promise<Reply[]> {
    const state = { ...this.state(ctx), status };
    delete state.by;
    if (status === 'diubah') {
      this.enter(ctx, 'by', state);
      return [{ text: ctx.t('kb_admin.status.ask_by') }];
    }
    return this.askConfirm(ctx, state);
  }

  private async withBy(ctx: Context, text: string): Promise<Reply[]> {
    const by = text
      .trim()
      .replace(/^diubah\s+oleh\b\s*/i, '')
      .trim();
    if (!by) return [{ text: ctx.t('kb_admin.status.ask_by') }];
    if (by.length > MAX_AMENDED_BY) return [{ text: ctx.t('kb_admin.status.by_too_long', { max: MAX_AMENDED_BY }) }];
    return this.askConfirm(ctx, { ...this.state(ctx), by });
  }

  private async askConfirm(ctx: Context, state: KbStatusState): Promise<Reply[]> {
    this.enter(ctx, 'confirm', state);
    const subject = await this.subject(state);
    if (!subject || !state.status) return this.gone(ctx);
    const status = this.describe(ctx, { status: state.status, amendedBy: state.by ?? null });
    return [
      {
        text: ctx.t('kb_admin.status.confirm', { subject, status }),
        choices: [
          choice(KB_STATUS_FEATURE, 'ok', ctx.t('kb_admin.status.choice.confirm')),
          choice(KB_STATUS_FEATURE, 'cancel', ctx.t('kb_admin.status.choice.cancel')),
        ],
      },
    ];
  }

  private async save(ctx: Context): Promise<Reply[]> {
    const state = this.state(ctx);
    this.end(ctx);
    if (!state.target || !state.status) return this.expired(ctx);
    const target = await this.deps.statuses.byKey(state.target);
    if (!target) return this.gone(ctx);
    const outcome = await this.deps.statuses.set({
      target,
      ...(state.pasal ? { pasal: state.pasal } : {}),
      status: state.status,
      ...(state.by ? { amendedBy: state.by } : {}),
      actorId: ctx.user.id,
    });
    if (!outcome.ok) return [{ text: ctx.t(outcome.reason === 'missing_by' ? 'kb_admin.status.missing_by' : 'kb_admin.status.gone') }];
    ctx.logger.info(
      { target: target.key, pasal: state.pasal, before: outcome.before.status, after: outcome.after.status },
      'knowledge status changed',
    );
    await this.deps.reloadIndex();
    return [
      {
        text: ctx.t('kb_admin.status.saved', {
          subject: subjectOf(target, state.pasal),
          status: this.describe(ctx, outcome.after),
          before: this.describe(ctx, outcome.before),
        }),
      },
    ];
  }

  private async subject(state: KbStatusState): Promise<string | undefined> {
    const target = state.target ? await this.deps.statuses.byKey(state.target) : undefined;
    return target ? subjectOf(target, state.pasal) : undefined;
  }

  private describe(ctx: Context, s: Pick<StatusSnapshot, 'status' | 'amendedBy'>): string {
    return s.status === 'diubah' && s.amendedBy
      ? ctx.t('kb_admin.status.diubah_by', { by: s.amendedBy })
      : ctx.t(`kb_admin.status.name.${s.status}`);
  }

  private expired(ctx: Context): Reply[] {
    this.end(ctx);
    return [{ text: ctx.t('common.choice_expired') }];
  }

  private gone(ctx: Context): Reply[] {
    this.end(ctx);
    return [{ text: ctx.t('kb_admin.status.gone') }];
  }

  private state(ctx: Context): KbStatusState {
    const parsed = StateSchema.safeParse(ctx.session.data[KB_STATUS_FEATURE] ?? {});
    return parsed.success ? parsed.data : {};
  }

  private enter(ctx: Context, step: string, state: KbStatusState): void {
    ctx.session.flow = KB_STATUS_FEATURE;
    ctx.session.step = step;
    ctx.session.data[KB_STATUS_FEATURE] = JSON.parse(JSON.stringify(state)) as unknown;
  }

  private end(ctx: Context): void {
    if (ctx.session.flow === KB_STATUS_FEATURE) {
      ctx.session.flow = null;
      ctx.session.step = null;
    }
    delete ctx.session.data[KB_STATUS_FEATURE];
  }
}

/** "UU 23/2014 Pasal 5", or the regulation or document alone. */
export function subjectOf(target: StatusTarget, pasal?: string): string {
  return pasal ? `${target.label} Pasal ${pasal}` : target.label;
}

/** "1–36" for a run, otherwise a short list. */
function pasalRange(pasal: string[]): string {
  if (pasal.length === 0) return '—';
  const plain = pasal.every((p) => /^\d+$/.test(p));
  const nums = pasal.map((p) => parseInt(p, 10));
  if (plain && nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1) && nums.length > 2) return `${nums[0]}–${nums[nums.length - 1]}`;
  return pasal.length > 15 ? `${pasal.slice(0, 15).join(', ')}, …` : pasal.join(', ');
}

function splitOnce(payload: string): [string, string?] {
  const sep = payload.indexOf(':');
  return sep < 0 ? [payload] : [payload.slice(0, sep), payload.slice(sep + 1)];
}
