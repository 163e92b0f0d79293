import type { BroadcastSummary } from '../../broadcasts/broadcast-contract.js';
import type { Context } from '../../core/context.js';
import { choice, type Choice, type Reply } from '../../core/messages.js';
import { zoneOf, type BroadcastFeatureDeps } from './broadcast-deps.js';
import { BROADCAST_FEATURE } from './draft-state.js';
import { refusalReply } from './error-reply.js';
import { XLSX_MIME, renderRecipientsXlsx } from './recipients-xlsx.js';
import { broadcastTitle, countsLine, renderDeliveryReport, stateLine } from './report-view.js';

/** Broadcasts listed by /umumkan_status. */
const LISTED = 5;

const c = (payload: string, label: string): Choice => choice(BROADCAST_FEATURE, payload, label);

/**
 * /umumkan_status: the sender's recent broadcasts with their delivery reports (an admin sees everyone's),
 * and what can be done with one: pause, resume, cancel, send again to those whose status is unknown after a
 * crash (after a warning), and the recipient list as a spreadsheet. Choices carry the broadcast id:
 * `show:`, `pause:`, `resume:`, `cancel:` / `cancelok:`, `resend:` / `resendok:`, `xlsx:`.
 */
export class StatusView {
  constructor(private readonly deps: BroadcastFeatureDeps) {}

  async list(ctx: Context): Promise<Reply[]> {
    const { t } = ctx;
    const recent = await this.deps.service.list(ctx.user.id, LISTED);
    if (recent.length === 0) return [{ text: t('broadcast.status_view.none') }];
    const zone = zoneOf(ctx);
    const lines = recent.map((b, i) =>
      t('broadcast.status_view.line', {
        n: i + 1,
        title: broadcastTitle(b.text),
        state: stateLine(t, b, zone),
        counts: countsLine(t, b.counts),
      }),
    );
    return [
      {
        text: [t('broadcast.status_view.title'), '', lines.join('\n\n'), '', t('broadcast.status_view.pick')].join('\n'),
        choices: recent.map((b, i) => c(`show:${b.id}`, t('broadcast.choice.detail', { n: i + 1 }))),
      },
    ];
  }

  async onChoice(ctx: Context, action: string, id: string): Promise<Reply[]> {
    const { t } = ctx;
    const summary = await this.visible(ctx, id);
    if (!summary) return [{ text: t('broadcast.error.not_found') }];
    const { service } = this.deps;
    try {
      switch (action) {
        case 'show':
          return this.show(ctx, summary);
        case 'pause':
          await service.pause(id, ctx.user.id);
          return this.after(ctx, id, 'broadcast.done.paused');
        case 'resume':
          await service.resume(id, ctx.user.id);
          return this.after(ctx, id, 'broadcast.done.resumed');
        case 'cancel':
          return [
            {
              text: t('broadcast.ask_cancel', {
                title: broadcastTitle(summary.text),
                waiting: summary.counts.pending + summary.counts.deferred,
              }),
              choices: [c(`cancelok:${id}`, t('broadcast.choice.cancel_yes')), c(`show:${id}`, t('broadcast.choice.cancel_no'))],
            },
          ];
        case 'cancelok':
          await service.cancel(id, ctx.user.id);
          return this.after(ctx, id, 'broadcast.done.cancelled');
        case 'resend':
          return [
            {
              text: t('broadcast.ask_resend', { count: summary.counts.unknown }),
              choices: [c(`resendok:${id}`, t('broadcast.choice.resend_yes')), c(`show:${id}`, t('broadcast.choice.cancel_no'))],
            },
          ];
        case 'resendok': {
          const queued = await service.resendUnknown(id, ctx.user.id);
          ctx.logger.info({ broadcast: id, queued }, 'broadcast unknown recipients queued again');
          return this.after(ctx, id, 'broadcast.done.resent', { count: queued });
        }
        case 'xlsx':
          return this.xlsx(ctx, summary);
        default:
          return [{ text: t('common.choice_expired') }];
      }
    } catch (error) {
      return [refusalReply(ctx, error)];
    }
  }

  /** A broadcast the person may see: their own, or any for an admin. */
  private async visible(ctx: Context, id: string): Promise<BroadcastSummary | undefined> {
    if (!id) return undefined;
    const summary = await this.deps.service.get(id);
    if (!summary) return undefined;
    return ctx.user.role === 'admin' || summary.createdById === ctx.user.id ? summary : undefined;
  }

  private async show(ctx: Context, summary: BroadcastSummary, notice?: string): Promise<Reply[]> {
    const { t } = ctx;
    const recipients = summary.counts.failed > 0 ? await this.deps.service.recipients(summary.id) : undefined;
    const report = renderDeliveryReport(t, summary, { zone: zoneOf(ctx), ...(recipients ? { recipients } : {}) });
    const id = summary.id;
    const choices: Choice[] = [];
    if (summary.state === 'sending') choices.push(c(`pause:${id}`, t('broadcast.choice.pause')));
    if (summary.state === 'paused') choices.push(c(`resume:${id}`, t('broadcast.choice.resume')));
    if (summary.state === 'scheduled' || summary.state === 'sending' || summary.state === 'paused') {
      choices.push(c(`cancel:${id}`, t(summary.state === 'scheduled' ? 'broadcast.choice.cancel_scheduled' : 'broadcast.choice.cancel')));
    }
    if (summary.counts.unknown > 0 && summary.state !== 'cancelled') choices.push(c(`resend:${id}`, t('broadcast.choice.resend')));
    if (summary.counts.recipients > 0) choices.push(c(`xlsx:${id}`, t('broadcast.choice.xlsx')));
    choices.push(c(`show:${id}`, t('broadcast.choice.refresh')));
    return [{ text: notice ? `${notice}\n\n${report}` : report, choices }];
  }

  private async after(ctx: Context, id: string, key: string, vars: Record<string, number> = {}): Promise<Reply[]> {
    const summary = await this.deps.service.get(id);
    if (!summary) return [{ text: ctx.t(key, vars) }];
    return this.show(ctx, summary, ctx.t(key, vars));
  }

  private async xlsx(ctx: Context, summary: BroadcastSummary): Promise<Reply[]> {
    const { t } = ctx;
    const recipients = await this.deps.service.recipients(summary.id);
    const data = await renderRecipientsXlsx(t, summary, recipients, zoneOf(ctx), ctx.now);
    ctx.logger.info({ broadcast: summary.id, rows: recipients.length }, 'broadcast recipients exported');
    const date = summary.createdAt.toISOString().slice(0, 10);
    return [
      {
        text: t('broadcast.xlsx.ready', { count: recipients.length }),
        document: {
          fileName: `penerima-pengumuman-${date}.xlsx`,
          mimeType: XLSX_MIME,
          data,
          caption: t('broadcast.xlsx.caption', { title: broadcastTitle(summary.text) }),
        },
      },
    ];
  }
}
