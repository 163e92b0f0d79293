import type { CommandSpec } from '../../../core/commands.js';
import type { Context } from '../../../core/context.js';
import type { Feature } from '../../../core/feature.js';
import { todayIn } from '../../../core/time/zoned.js';
import { choice, type Reply } from '../../../core/messages.js';
import type { Db } from '../../../db/client.js';
import type { Translate } from '../../../i18n/translator.js';
import { periodLabel } from '../../../innovations/labels.js';
import type { ScopeStore, Scope } from '../../../people/scopes.js';
import { parsePeriodText } from '../../../reports/period-input.js';
import { lastMonth, thisMonth, thisQuarter, windowByKey, type PeriodWindow } from '../../../reports/period-window.js';
import { personZone } from '../../../reports/person-zone.js';
import { buildRekap } from '../../../reports/rekap.js';
import { rekapText, scopeLine } from './rekap-text.js';
import { renderRekapXlsx, XLSX_MIME } from './rekap-xlsx.js';

export const REKAP_FEATURE = 'rekap';

export interface RekapFeatureDeps {
  db: Db;
  scopes: ScopeStore;
  t: Translate;
}

/**
 * /rekap: a coordinator's view of their OPDs' progress reports for a month or a quarter (submitted, not yet
 * due, overdue), and the period's reports as a spreadsheet. Admins see every region. The whole feature needs
 * the coordinator role; the router refuses everyone else. Choices: `rekap:show:<key>`, `rekap:xlsx:<key>`
 * (key 2027-01 or 2027-Q1), `rekap:ask` (type a period).
 */
export class RekapFeature implements Feature {
  readonly name = REKAP_FEATURE;
  readonly role = 'coordinator' as const;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: RekapFeatureDeps) {
    this.summary = deps.t('rekap.summary');
    this.commands = [
      {
        name: 'rekap',
        description: deps.t('rekap.command'),
        usage: deps.t('rekap.usage'),
        privateOnly: true,
        run: (ctx, args) => (args ? this.typed(ctx, args) : Promise.resolve(this.menu(ctx))),
      },
    ];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const [action, key = ''] = payload.split(':');
    const window = windowByKey(key);
    switch (action) {
      case 'show':
        return window ? this.show(ctx, window) : [{ text: ctx.t('common.choice_expired') }];
      case 'xlsx':
        return window ? this.export(ctx, window) : [{ text: ctx.t('common.choice_expired') }];
      case 'ask':
        ctx.session.flow = REKAP_FEATURE;
        ctx.session.step = 'period';
        return [{ text: ctx.t('rekap.ask_period') }];
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  /** A period typed after "Periode lain". */
  async onText(ctx: Context, text: string): Promise<Reply[]> {
    if (/^batal$/i.test(text.trim())) {
      this.end(ctx);
      return [{ text: ctx.t('rekap.cancelled') }];
    }
    return this.typed(ctx, text);
  }

  private menu(ctx: Context): Reply[] {
    const today = this.today(ctx);
    const options: Array<[string, PeriodWindow]> = [
      ['this_month', thisMonth(today)],
      ['last_month', lastMonth(today)],
      ['this_quarter', thisQuarter(today)],
    ];
    return [
      {
        text: ctx.t('rekap.menu'),
        choices: [
          ...options.map(([label, w]) =>
            choice(REKAP_FEATURE, `show:${w.key}`, ctx.t(`rekap.choice.${label}`, { period: periodLabel(ctx.t, w.key) })),
          ),
          choice(REKAP_FEATURE, 'ask', ctx.t('rekap.choice.other')),
        ],
      },
    ];
  }

  private async typed(ctx: Context, text: string): Promise<Reply[]> {
    const window = parsePeriodText(text, this.today(ctx));
    if (!window) return [{ text: ctx.t('rekap.bad_period', { text: text.trim() }) }];
    this.end(ctx);
    return this.show(ctx, window);
  }

  private async show(ctx: Context, window: PeriodWindow): Promise<Reply[]> {
    const scopes = await this.scopesOf(ctx);
    if (scopes === 'none') return [{ text: ctx.t('rekap.no_scope') }];
    const rekap = await buildRekap(this.deps.db, scopes, window, ctx.now);
    ctx.logger.info({ period: window.key, rows: rekap.rows.length, scopes: scopes?.length ?? 'all' }, 'report overview shown');
    const text = rekapText(
      ctx.t,
      rekap,
      scopeLine(
        ctx.t,
        scopes?.map((s) => s.label),
      ),
      this.zone(ctx),
    );
    const choices = rekap.rows.length > 0 ? [choice(REKAP_FEATURE, `xlsx:${window.key}`, ctx.t('rekap.choice.xlsx'))] : [];
    return [{ text, ...(choices.length > 0 ? { choices } : {}) }];
  }

  private async export(ctx: Context, window: PeriodWindow): Promise<Reply[]> {
    const scopes = await this.scopesOf(ctx);
    if (scopes === 'none') return [{ text: ctx.t('rekap.no_scope') }];
    const rekap = await buildRekap(this.deps.db, scopes, window, ctx.now);
    const period = periodLabel(ctx.t, window.key);
    ctx.logger.info({ period: window.key, rows: rekap.rows.length }, 'report overview exported');
    return [
      {
        text: ctx.t('rekap.xlsx_ready', { period, count: rekap.rows.length }),
        document: {
          fileName: `rekap-laporan-${window.key.toLowerCase()}.xlsx`,
          mimeType: XLSX_MIME,
          data: await renderRekapXlsx(ctx.t, rekap, this.zone(ctx), ctx.now),
          caption: ctx.t('rekap.xlsx_caption', { period }),
        },
      },
    ];
  }

  /** An admin's scope is everything (undefined); a coordinator's their scopes, or 'none' when they have none. */
  private async scopesOf(ctx: Context): Promise<Scope[] | undefined | 'none'> {
    if (ctx.user.role === 'admin') return undefined;
    const scopes = await this.deps.scopes.list(ctx.user.id);
    return scopes.length > 0 ? scopes : 'none';
  }

  private zone(ctx: Context) {
    return personZone(ctx.user.profile.timeZone);
  }

  private today(ctx: Context) {
    return todayIn(ctx.now, this.zone(ctx));
  }

  private end(ctx: Context): void {
    if (ctx.session.flow === REKAP_FEATURE) {
      ctx.session.flow = null;
      ctx.session.step = null;
    }
  }
}
