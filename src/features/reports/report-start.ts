import type { Context } from '../../core/context.js';
import { choice, type Reply } from '../../core/messages.js';
import { compareDates } from '../../core/time/local-date.js';
import { dateLabel, periodLabel } from '../../innovations/labels.js';
import { periodByKey, upcomingPeriods } from '../../innovations/periods.js';
import { parsePeriodText } from '../../reports/period-input.js';
import { reportablePeriods, scheduleOf } from '../../reports/report-periods.js';
import type { InnovationRecord } from '../../reports/report-store.js';
import { isReportStep } from '../../reports/report-steps.js';
import { parseStartPayload, reportStartChoice } from './choice-payloads.js';
import { goTo, type OpenReport } from './open-report.js';
import type { ReportDeps } from './report-deps.js';
import { enterReportFlow, leaveReportFlow, REPORT_FEATURE, reportState } from './report-state.js';
import { dueText, localDateOf, todayOf } from './report-views.js';

/** Period buttons offered at most (the earliest open one first); others can be typed. */
const MAX_PERIOD_CHOICES = 6;

/**
 * /laporan: resumes the draft the person touched last, or (with "baru", or without a draft) asks which
 * innovation and which period. Needs the profile: its zone decides which day it is for the person.
 */
export async function startCommand(deps: ReportDeps, ctx: Context, args: string): Promise<Reply[]> {
  const needed = await deps.requireProfile(ctx, '/laporan');
  if (needed) return needed;
  if (!/^(baru|lain)$/i.test(args.trim())) {
    const draft = await deps.store.latestDraftOf(ctx.user.id);
    if (draft) return openPeriod(deps, ctx, draft.innovationId, draft.periodKey);
  }
  return pickInnovation(deps, ctx);
}

async function pickInnovation(deps: ReportDeps, ctx: Context): Promise<Reply[]> {
  const innovations = await deps.store.innovationsOf(ctx.user.id);
  if (innovations.length === 0) {
    leaveReportFlow(ctx.session);
    return [{ text: ctx.t('report.no_innovation') }];
  }
  if (innovations.length === 1) return pickPeriod(deps, ctx, innovations[0]!);
  enterReportFlow(ctx.session, 'pick_innovation', {});
  return [{ text: ctx.t('report.pick_innovation'), choices: innovations.map((i) => choice(REPORT_FEATURE, `inn:${i.id}`, i.name)) }];
}

/** The innovation picked from the list (a button, or its name typed). */
export async function innovationPicked(deps: ReportDeps, ctx: Context, innovationId: string): Promise<Reply[]> {
  const innovation = await deps.store.innovation(innovationId);
  if (!innovation || innovation.ownerId !== ctx.user.id) return [{ text: ctx.t('report.not_yours') }];
  return pickPeriod(deps, ctx, innovation);
}

export async function innovationTyped(deps: ReportDeps, ctx: Context, text: string): Promise<Reply[]> {
  const innovations = await deps.store.innovationsOf(ctx.user.id);
  const typed = text.trim().toLowerCase();
  const matches = innovations.filter((i) => i.name.toLowerCase().includes(typed));
  if (matches.length === 1) return pickPeriod(deps, ctx, matches[0]!);
  return pickInnovation(deps, ctx);
}

/**
 * Which period: the only open one is opened at once; otherwise the earliest open one is proposed first
 * among the others, and a period can be typed.
 */
async function pickPeriod(deps: ReportDeps, ctx: Context, innovation: InnovationRecord): Promise<Reply[]> {
  const today = todayOf(ctx);
  const schedule = scheduleOf(innovation);
  const submitted = await deps.store.submittedKeys(innovation.id);
  const open = reportablePeriods(schedule, today, submitted);
  if (open.length === 0) {
    leaveReportFlow(ctx.session);
    const next = upcomingPeriods(schedule, today, submitted.size + 1).find((p) => !submitted.has(p.key));
    return [
      {
        text: next
          ? ctx.t('report.all_submitted_next', {
              name: innovation.name,
              period: periodLabel(ctx.t, next.key),
              date: dateLabel(ctx.t, next.due),
            })
          : ctx.t('report.all_submitted', { name: innovation.name }),
      },
    ];
  }
  if (open.length === 1) return openPeriod(deps, ctx, innovation.id, open[0]!.key);
  const [first] = open;
  const shown = [first!, ...open.slice(1).slice(-(MAX_PERIOD_CHOICES - 1))];
  enterReportFlow(ctx.session, 'pick_period', { innovationId: innovation.id });
  return [
    {
      text: ctx.t('report.pick_period', {
        name: innovation.name,
        period: periodLabel(ctx.t, first!.key),
        due: dueText(ctx, first!, today),
      }),
      choices: shown.map((p) =>
        reportStartChoice(
          innovation.id,
          p.key,
          ctx.t('report.choice.period', { period: periodLabel(ctx.t, p.key), due: dueText(ctx, p, today) }),
        ),
      ),
    },
  ];
}

/** A period typed while periods are offered ("Januari 2027", "2027-01", "bulan lalu"). */
export async function periodTyped(deps: ReportDeps, ctx: Context, text: string): Promise<Reply[]> {
  const innovationId = reportState(ctx.session).innovationId;
  const innovation = innovationId ? await deps.store.innovation(innovationId) : null;
  if (!innovation || innovation.ownerId !== ctx.user.id) return pickInnovation(deps, ctx);
  const window = parsePeriodText(text, todayOf(ctx));
  if (!window) return [{ text: ctx.t('report.period_unknown', { name: innovation.name }) }];
  return openPeriod(deps, ctx, innovation.id, window.key);
}

/** `report:start:<innovationId>:<periodKey>`, from /laporan's period list or a reminder's button. */
export async function startChoice(deps: ReportDeps, ctx: Context, rest: string): Promise<Reply[]> {
  const target = parseStartPayload(rest);
  if (!target) return [{ text: ctx.t('common.choice_expired') }];
  const needed = await deps.requireProfile(ctx, '/laporan');
  if (needed) return needed;
  return openPeriod(deps, ctx, target.innovationId, target.periodKey);
}

/** Opens (creating or resuming) the report of one innovation for one period and asks where it stands. */
async function openPeriod(deps: ReportDeps, ctx: Context, innovationId: string, periodKey: string): Promise<Reply[]> {
  const innovation = await deps.store.innovation(innovationId);
  if (!innovation || innovation.ownerId !== ctx.user.id) {
    leaveReportFlow(ctx.session);
    return [{ text: ctx.t('report.not_yours') }];
  }
  const period = periodByKey(scheduleOf(innovation), periodKey);
  // Month and quarter keys name a period in any year; only those from the innovation's start count.
  if (!period || compareDates(period.end, innovation.startDate) < 0)
    return [{ text: ctx.t('report.period_unknown', { name: innovation.name }) }];
  const vars = { name: innovation.name, period: periodLabel(ctx.t, period.key) };
  if (compareDates(period.start, todayOf(ctx)) > 0) return [{ text: ctx.t('report.period_not_started', vars) }];
  const existing = await deps.store.forPeriod(innovation.id, period.key);
  if (existing?.status === 'submitted') {
    leaveReportFlow(ctx.session);
    return [
      { text: ctx.t('report.already_submitted', { ...vars, date: dateLabel(ctx.t, localDateOf(ctx, existing.submittedAt ?? ctx.now)) }) },
    ];
  }
  const report = existing ?? (await deps.store.open(innovation.id, period.key, ctx.user.id, 'progress', ctx.now));
  const open: OpenReport = { report, innovation, step: isReportStep(report.currentStep) ? report.currentStep : 'progress' };
  ctx.logger.info({ report: report.id, period: period.key, resumed: Boolean(existing) }, 'progress report opened');
  enterReportFlow(ctx.session, open.step, { reportId: report.id });
  return goTo(deps, ctx, open, open.step, ctx.t(existing ? 'report.resumed' : 'report.started', vars));
}
