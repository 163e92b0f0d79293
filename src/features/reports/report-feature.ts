import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { IncomingFile, Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import { isReportStep } from '../../reports/report-steps.js';
import { goTo, loadOpenReport } from './open-report.js';
import { answerText } from './report-answers.js';
import type { ReportDeps } from './report-deps.js';
import { receiveFile } from './report-evidence.js';
import { submitReport } from './report-finish.js';
import { innovationPicked, innovationTyped, periodTyped, startChoice, startCommand } from './report-start.js';
import { enterReportFlow, leaveReportFlow, REPORT_FEATURE } from './report-state.js';

/** A draft report is durable (in the database); its flow may rest this long and still take the next answer. */
const REPORT_FLOW_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * /laporan: a progress report on an innovation for one period, question by question (progress, activities,
 * results with figures, obstacles, next steps, evidence files), every answer saved at once, then a summary,
 * the submission and the report as a Word document. Choices:
 * - `report:start:<innovationId>:<periodKey>` opens that period's report (reminders' button; see choice-payloads.ts)
 * - `report:inn:<innovationId>` picks the innovation; `report:submit:<reportId>`, `report:edit:<reportId>:<step>`,
 *   `report:later` act on the summary.
 */
export class ReportFeature implements Feature {
  readonly name = REPORT_FEATURE;
  readonly flowTtlMs = REPORT_FLOW_TTL_MS;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(
    private readonly deps: ReportDeps,
    t: Translate,
  ) {
    this.summary = t('report.summary');
    this.commands = [
      {
        name: 'laporan',
        description: t('report.command'),
        usage: t('report.usage'),
        privateOnly: true,
        run: (ctx, args) => startCommand(deps, ctx, args),
      },
    ];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const sep = payload.indexOf(':');
    const [action, rest] = sep < 0 ? [payload, ''] : [payload.slice(0, sep), payload.slice(sep + 1)];
    switch (action) {
      case 'start':
        return startChoice(this.deps, ctx, rest);
      case 'inn':
        return innovationPicked(this.deps, ctx, rest);
      case 'submit':
        return submitReport(this.deps, ctx, rest);
      case 'edit':
        return this.edit(ctx, rest);
      case 'later':
        leaveReportFlow(ctx.session);
        return [{ text: ctx.t('report.cancelled') }];
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  onText(ctx: Context, text: string): Promise<Reply[]> {
    if (ctx.session.step === 'pick_innovation') return innovationTyped(this.deps, ctx, text);
    if (ctx.session.step === 'pick_period') return periodTyped(this.deps, ctx, text);
    return answerText(this.deps, ctx, text);
  }

  onFile(ctx: Context, file: IncomingFile): Promise<Reply[]> {
    return receiveFile(this.deps, ctx, file);
  }

  /** "Ubah …" on the summary: that question again, then straight back to the summary. */
  private async edit(ctx: Context, rest: string): Promise<Reply[]> {
    const sep = rest.lastIndexOf(':');
    const step = rest.slice(sep + 1);
    const open = await loadOpenReport(this.deps, ctx, rest.slice(0, sep));
    if (Array.isArray(open)) return open;
    if (!isReportStep(step) || step === 'confirm') return [{ text: ctx.t('common.choice_expired') }];
    enterReportFlow(ctx.session, step, { reportId: open.report.id, editing: true });
    return goTo(this.deps, ctx, open, step);
  }
}
