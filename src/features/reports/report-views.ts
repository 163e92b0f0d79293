import type { Context } from '../../core/context.js';
import { choice, type Reply } from '../../core/messages.js';
import { compareDates, daysBetween, type LocalDate } from '../../core/time/local-date.js';
import { todayIn } from '../../core/time/zoned.js';
import { dateLabel, periodLabel } from '../../innovations/labels.js';
import type { Period } from '../../innovations/periods.js';
import { personZone } from '../../reports/person-zone.js';
import type { AttachmentRecord, InnovationRecord, ReportRecord } from '../../reports/report-store.js';
import { EDITABLE_STEPS, STEP_FIELD, type ReportStep } from '../../reports/report-steps.js';
import type { AttachmentStorage } from '../../reports/attachment-storage.js';
import { REPORT_FEATURE } from './report-state.js';

/** Longest answer shown in the summary; the document carries it whole. */
const SUMMARY_VALUE_CHARS = 300;

/** "12,5 MB", "840 KB". */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${(Math.round(mb * 10) / 10).toString().replace('.', ',')} MB`;
}

/** The person's "today" (their profile's zone). */
export function todayOf(ctx: Context): LocalDate {
  return localDateOf(ctx, ctx.now);
}

/** The day an instant falls on for the person. */
export function localDateOf(ctx: Context, instant: Date): LocalDate {
  return todayIn(instant, personZone(ctx.user.profile.timeZone));
}

/** "terlambat 3 hari", "jatuh tempo hari ini", "jatuh tempo 31 Januari 2027". */
export function dueText(ctx: Context, period: Period, today: LocalDate): string {
  const order = compareDates(today, period.due);
  if (order > 0) return ctx.t('report.due.overdue', { days: daysBetween(period.due, today) });
  if (order === 0) return ctx.t('report.due.today');
  return ctx.t('report.due.upcoming', { date: dateLabel(ctx.t, period.due) });
}

/** The question of a step, with the answer already saved there (after "kembali" or a resumption). */
export function questionText(
  ctx: Context,
  step: Exclude<ReportStep, 'confirm'>,
  report: ReportRecord,
  storage: AttachmentStorage,
  files: readonly AttachmentRecord[],
): string {
  if (step === 'evidence') {
    const question = ctx.t('report.ask.evidence', { size: sizeLabel(storage.maxFileBytes), max: storage.maxFiles });
    return files.length > 0
      ? `${question}\n${ctx.t('report.current_files', { names: files.map((f) => f.fileName).join(', ') })}`
      : question;
  }
  const question = ctx.t(`report.ask.${step}`);
  const current =
    step === 'progress'
      ? report.progress === null
        ? null
        : `${report.progress}%`
      : step === 'results_number'
        ? null
        : report[STEP_FIELD[step]];
  return current ? `${question}\n\n${ctx.t('report.current', { value: current })}` : question;
}

/** The summary before sending, with a button to send and one per part to change. */
export function confirmReply(ctx: Context, innovation: InnovationRecord, report: ReportRecord, files: readonly AttachmentRecord[]): Reply {
  const value = (text: string | null) => (text?.trim() ? clip(text.trim()) : ctx.t('report.review.empty'));
  const lines = [
    ctx.t('report.review.title', { name: innovation.name, period: periodLabel(ctx.t, report.periodKey) }),
    ctx.t('report.review.progress', { value: report.progress === null ? ctx.t('report.review.empty') : `${report.progress}%` }),
    ctx.t('report.review.activities', { value: value(report.activities) }),
    ctx.t('report.review.results', { value: value(report.results) }),
    ctx.t('report.review.obstacles', { value: value(report.obstacles) }),
    ctx.t('report.review.next_steps', { value: value(report.nextSteps) }),
    ctx.t('report.review.evidence', {
      value: files.length > 0 ? files.map((f) => f.fileName).join(', ') : ctx.t('report.review.no_files'),
    }),
  ];
  return {
    text: `${lines.join('\n')}\n\n${ctx.t('report.confirm')}`,
    choices: [
      choice(REPORT_FEATURE, `submit:${report.id}`, ctx.t('report.choice.submit')),
      ...EDITABLE_STEPS.map((step) => choice(REPORT_FEATURE, `edit:${report.id}:${step}`, ctx.t(`report.choice.edit.${step}`))),
      choice(REPORT_FEATURE, 'later', ctx.t('report.choice.later')),
    ],
  };
}

function clip(text: string): string {
  return text.length <= SUMMARY_VALUE_CHARS ? text : `${text.slice(0, SUMMARY_VALUE_CHARS - 1).trimEnd()}…`;
}
