import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { choice, type Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { GapStore } from '../../knowledge/gaps/gap-store.js';

export const KB_GAPS_FEATURE = 'kbcelah';

/** The periods an admin can look back over. */
export const GAP_PERIODS = [7, 30, 90] as const;
/** Groups listed; the rest are counted. */
const SHOWN_GROUPS = 15;
const SHOWN_VARIANTS = 2;

/**
 * /kb_celah: the questions Pandu abstained on or answered with low confidence over the last 7, 30 or 90
 * days, grouped (the same question in other words counts once) and counted, largest first, so admins see
 * what the knowledge base is missing.
 */
export class KbGapsFeature implements Feature {
  readonly name = KB_GAPS_FEATURE;
  readonly role = 'admin' as const;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: { gaps: GapStore; t: Translate }) {
    this.summary = deps.t('kb_admin.gaps.summary');
    this.commands = [{ name: 'kb_celah', description: deps.t('kb_admin.gaps.command'), run: async (ctx) => this.menu(ctx) }];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const days = Number(payload.replace(/^d:/, ''));
    if (!payload.startsWith('d:') || !(GAP_PERIODS as readonly number[]).includes(days)) return [{ text: ctx.t('common.choice_expired') }];
    return this.report(ctx, days);
  }

  private menu(ctx: Context): Reply[] {
    return [
      {
        text: ctx.t('kb_admin.gaps.pick_period'),
        choices: GAP_PERIODS.map((days) => choice(KB_GAPS_FEATURE, `d:${days}`, ctx.t('kb_admin.gaps.period', { days }))),
      },
    ];
  }

  private async report(ctx: Context, days: number): Promise<Reply[]> {
    const report = await this.deps.gaps.report(days, ctx.now);
    const retention = ctx.t('kb_admin.gaps.retention', { days: this.deps.gaps.retentionDays });
    if (report.total === 0) return [{ text: `${ctx.t('kb_admin.gaps.empty', { days })}\n${retention}` }];
    const lines = [ctx.t('kb_admin.gaps.title', { days, total: report.total, groups: report.groups.length })];
    report.groups.slice(0, SHOWN_GROUPS).forEach((g, i) => {
      lines.push(ctx.t('kb_admin.gaps.group', { rank: i + 1, count: g.count, abstained: g.abstained, low: g.low, text: g.text }));
      if (g.variants.length > 0)
        lines.push(
          ctx.t('kb_admin.gaps.similar', {
            examples: g.variants
              .slice(0, SHOWN_VARIANTS)
              .map((v) => `"${v}"`)
              .join(', '),
          }),
        );
    });
    if (report.groups.length > SHOWN_GROUPS) lines.push(ctx.t('kb_admin.gaps.more', { count: report.groups.length - SHOWN_GROUPS }));
    lines.push('', retention);
    return [{ text: lines.join('\n') }];
  }
}
