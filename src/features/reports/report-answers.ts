import type { Context } from '../../core/context.js';
import type { Reply } from '../../core/messages.js';
import { hasNumber } from '../../reports/number-words.js';
import { parseProgress } from '../../reports/progress-input.js';
import type { ReportPatch } from '../../reports/report-store.js';
import { nextStep, previousStep, STEP_FIELD, type ReportStep } from '../../reports/report-steps.js';
import { looksLikeQuestion } from '../proposal/wizard/looks-like-question.js';
import { goTo, loadOpenReport, stepReply, type OpenReport } from './open-report.js';
import type { ReportDeps } from './report-deps.js';
import { submitReport } from './report-finish.js';
import { leaveReportFlow, reportState } from './report-state.js';

/** Words that steer the flow when sent alone (input vocabulary, not messages). */
type Word = 'skip' | 'back' | 'cancel' | 'done' | 'send';
const WORDS: Readonly<Record<string, Word>> = {
  lewati: 'skip',
  lewat: 'skip',
  skip: 'skip',
  kembali: 'back',
  balik: 'back',
  sebelumnya: 'back',
  batal: 'cancel',
  keluar: 'cancel',
  stop: 'cancel',
  selesai: 'done',
  kirim: 'send',
  'kirim laporan': 'send',
  ya: 'send',
};

function wordOf(text: string): Word | undefined {
  return WORDS[
    text
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, '')
  ];
}

/**
 * A message while a report is open: a steering word, a question for Pandu (answered, not saved), or the
 * answer to the question the report waits for, saved at once.
 */
export async function answerText(deps: ReportDeps, ctx: Context, text: string): Promise<Reply[]> {
  const open = await loadOpenReport(deps, ctx);
  if (Array.isArray(open)) return open;
  const word = wordOf(text);
  if (word === 'cancel') {
    leaveReportFlow(ctx.session);
    ctx.logger.info({ report: open.report.id, step: open.step }, 'progress report left as a draft');
    return [{ text: ctx.t('report.cancelled') }];
  }
  if (word === 'back') {
    const previous = previousStep(open.step);
    return previous ? goTo(deps, ctx, open, previous) : [await stepReply(deps, ctx, open, ctx.t('report.first_question'))];
  }
  if (word === 'skip') return skip(deps, ctx, open);
  if (word === 'done' || (word === 'send' && open.step === 'confirm')) {
    if (open.step === 'confirm') return submitReport(deps, ctx, open.report.id);
    return open.report.progress === null
      ? goTo(deps, ctx, open, 'progress', ctx.t('report.progress_required'))
      : goTo(deps, ctx, open, 'confirm');
  }
  const question = looksLikeQuestion(text);
  if (question || open.step === 'confirm' || open.step === 'evidence') {
    // A question is answered and not saved; at the summary and the evidence step nothing typed is an answer.
    const answer = question ? await deps.ask(ctx, text) : [];
    const prefix = question ? ctx.t('report.still_waiting') : open.step === 'evidence' ? ctx.t('report.evidence_hint') : undefined;
    return [...answer, await stepReply(deps, ctx, open, prefix)];
  }
  return save(deps, ctx, open, text.trim());
}

/** "lewati": the answer already saved stays; the percentage alone cannot stay empty. */
async function skip(deps: ReportDeps, ctx: Context, open: OpenReport): Promise<Reply[]> {
  if (open.step === 'confirm') return [await stepReply(deps, ctx, open)];
  if (open.step === 'progress' && open.report.progress === null) return [{ text: ctx.t('report.progress_required') }];
  return advance(deps, ctx, open, ctx.t('report.skipped'));
}

async function save(deps: ReportDeps, ctx: Context, open: OpenReport, text: string): Promise<Reply[]> {
  const { report, step } = open;
  let patch: ReportPatch;
  switch (step) {
    case 'progress': {
      const parsed = parseProgress(text);
      if (!parsed.ok) return [{ text: ctx.t('report.invalid_progress') }];
      patch = { progress: parsed.value };
      break;
    }
    case 'results_number':
      patch = { results: report.results ? `${report.results}\n${text}` : text };
      break;
    case 'confirm':
    case 'evidence':
      // Not reached: answerText never saves text at these steps.
      return [await stepReply(deps, ctx, open)];
    default:
      patch = { [STEP_FIELD[step]]: text };
  }
  const saved = await deps.store.update(report.id, patch, ctx.now);
  ctx.logger.info({ report: report.id, step }, 'progress report answer saved');
  const after: OpenReport = { ...open, report: saved };
  // Results without any figure: ask once for one ("berapa warga terlayani?"); "lewati" passes.
  if (step === 'results' && !hasNumber(text)) return goTo(deps, ctx, after, 'results_number', ctx.t('report.saved'));
  return advance(deps, ctx, after, ctx.t('report.saved'));
}

/** On to the next question, or back to the summary when the step was reopened from it. */
function advance(deps: ReportDeps, ctx: Context, open: OpenReport, prefix: string): Promise<Reply[]> {
  const next: ReportStep = reportState(ctx.session).editing ? 'confirm' : nextStep(open.step);
  return goTo(deps, ctx, open, next, prefix);
}
