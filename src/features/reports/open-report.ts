import type { Context } from '../../core/context.js';
import type { Reply } from '../../core/messages.js';
import type { InnovationRecord, ReportRecord } from '../../reports/report-store.js';
import { isReportStep, type ReportStep } from '../../reports/report-steps.js';
import type { ReportDeps } from './report-deps.js';
import { confirmReply, questionText } from './report-views.js';
import { enterReportFlow, leaveReportFlow, reportState } from './report-state.js';

/** The report a message works on: the draft, its innovation and the question it waits for. */
export interface OpenReport {
  report: ReportRecord;
  innovation: InnovationRecord;
  step: ReportStep;
}

/**
 * The draft named in the session, read fresh from the database (the other linked channel may have moved
 * it on); replies instead when there is none any more (submitted elsewhere, declared from a reminder).
 */
export async function loadOpenReport(
  deps: ReportDeps,
  ctx: Context,
  reportId = reportState(ctx.session).reportId,
): Promise<OpenReport | Reply[]> {
  const report = reportId ? await deps.store.find(reportId) : null;
  const innovation = report ? await deps.store.innovation(report.innovationId) : null;
  if (!report || !innovation || report.status !== 'draft' || innovation.ownerId !== ctx.user.id) {
    leaveReportFlow(ctx.session);
    return [{ text: ctx.t('report.not_draft') }];
  }
  return { report, innovation, step: isReportStep(report.currentStep) ? report.currentStep : 'progress' };
}

/** The question (or the summary) of the step the report waits at, as one reply; `prefix` goes above it. */
export async function stepReply(deps: ReportDeps, ctx: Context, open: OpenReport, prefix?: string): Promise<Reply> {
  const files = await deps.store.attachments(open.report.id);
  const reply =
    open.step === 'confirm'
      ? confirmReply(ctx, open.innovation, open.report, files)
      : { text: questionText(ctx, open.step, open.report, deps.storage, files) };
  return prefix ? { ...reply, text: `${prefix}\n\n${reply.text}` } : reply;
}

/** Moves the report to `step` (stored at once, so a restart or the other channel resumes there) and asks it. */
export async function goTo(deps: ReportDeps, ctx: Context, open: OpenReport, step: ReportStep, prefix?: string): Promise<Reply[]> {
  const report = open.report.currentStep === step ? open.report : await deps.store.update(open.report.id, { currentStep: step }, ctx.now);
  const state = reportState(ctx.session);
  enterReportFlow(ctx.session, step, { reportId: report.id, ...(step !== 'confirm' && state.editing ? { editing: true } : {}) });
  return [await stepReply(deps, ctx, { ...open, report, step }, prefix)];
}
