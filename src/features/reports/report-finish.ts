import type { Context } from '../../core/context.js';
import type { Reply } from '../../core/messages.js';
import { dateLabel, periodLabel } from '../../innovations/labels.js';
import type { AttachmentRecord, InnovationRecord, ReportRecord } from '../../reports/report-store.js';
import { DOCX_MIME } from '../proposal/export/docx-export.js';
import { slugify } from '../proposal/export/proposal-document.js';
import { goTo, loadOpenReport } from './open-report.js';
import type { ReportDeps } from './report-deps.js';
import { renderReportDocx } from './report-docx.js';
import { leaveReportFlow } from './report-state.js';
import { localDateOf } from './report-views.js';

/**
 * "Kirim laporan": the draft becomes submitted (once, even if both channels press the button), the flow
 * ends, the hook tells the reminders, and the report comes back as a Word document.
 */
export async function submitReport(deps: ReportDeps, ctx: Context, reportId: string): Promise<Reply[]> {
  const open = await loadOpenReport(deps, ctx, reportId);
  if (Array.isArray(open)) return open;
  if (open.report.progress === null) return goTo(deps, ctx, open, 'progress', ctx.t('report.progress_required'));
  const report = await deps.store.submit(reportId, ctx.now);
  leaveReportFlow(ctx.session);
  if (!report) return [{ text: ctx.t('report.not_draft') }];
  ctx.logger.info({ report: report.id, innovation: report.innovationId, period: report.periodKey }, 'progress report submitted');
  try {
    await deps.onSubmitted(report);
  } catch (error) {
    ctx.logger.error({ err: error, report: report.id }, 'progress report hook failed after submission');
  }
  const files = await deps.store.attachments(report.id);
  const vars = { name: open.innovation.name, period: periodLabel(ctx.t, report.periodKey) };
  return [
    {
      // One reply: the confirmation, then the file under it (its caption names what it is).
      text: ctx.t('report.submitted', { ...vars, date: dateLabel(ctx.t, localDateOf(ctx, report.submittedAt ?? ctx.now)) }),
      document: {
        fileName: `laporan-${slugify(open.innovation.name) || 'inovasi'}-${report.periodKey.toLowerCase()}.docx`,
        mimeType: DOCX_MIME,
        data: await renderReportDocx(reportDocument(ctx, open.innovation, report, files)),
        caption: ctx.t('report.document_caption', vars),
      },
    },
  ];
}

function reportDocument(ctx: Context, innovation: InnovationRecord, report: ReportRecord, files: readonly AttachmentRecord[]) {
  const { t } = ctx;
  const reporter = ctx.user.profile.fullName ?? ctx.user.displayName;
  const facts: Array<[string, string]> = [
    [t('report.doc.period'), periodLabel(t, report.periodKey)],
    [t('report.doc.opd'), innovation.opd],
    ...(innovation.region ? [[t('report.doc.region'), innovation.region] as [string, string]] : []),
    [t('report.doc.stage'), t(`time.stage.${innovation.stage}`)],
    ...(reporter ? [[t('report.doc.reporter'), reporter] as [string, string]] : []),
    [t('report.doc.date'), dateLabel(t, localDateOf(ctx, report.submittedAt ?? ctx.now))],
  ];
  return {
    title: t('report.doc.title'),
    innovation: innovation.name,
    facts,
    sections: [
      { title: t('report.doc.progress'), text: report.progress === null ? null : `${report.progress}%` },
      { title: t('report.doc.activities'), text: report.activities },
      { title: t('report.doc.results'), text: report.results },
      { title: t('report.doc.obstacles'), text: report.obstacles },
      { title: t('report.doc.next_steps'), text: report.nextSteps },
    ],
    attachments: { title: t('report.doc.evidence'), names: files.map((f) => f.fileName) },
    labels: { empty: t('report.doc.empty'), noFiles: t('report.doc.no_files'), generatedBy: t('report.doc.generated_by') },
  };
}
