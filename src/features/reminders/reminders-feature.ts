import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { choice, type Choice, type Reply } from '../../core/messages.js';
import { addDays } from '../../core/time/local-date.js';
import { atLocalTime, todayIn } from '../../core/time/zoned.js';
import type { Db } from '../../db/client.js';
import type { Translate } from '../../i18n/translator.js';
import { dateLabel, periodLabel } from '../../innovations/labels.js';
import { CadenceSchema, upcomingPeriods, type Cadence } from '../../innovations/periods.js';
import type { Jobs } from '../../jobs/jobs.js';
import { REMINDER_KIND, reminderKey, snoozeTag, type ReminderPayload } from '../../reminders/reminder-plan.js';
import { localLabel } from '../../reminders/reminder-jobs.js';
import { DEFAULT_ZONE, type ReminderPlanner } from '../../reminders/reminder-planner.js';
import { REMINDERS_FEATURE } from '../../reminders/reminder-message.js';

const HOURS = [6, 7, 8, 9, 10, 13, 16, 19];
const DUE_DAYS = [0, 5, 10, 15, 20, 25];
const AHEAD_DAYS = [1, 3, 7, 0];

export interface RemindersFeatureDeps {
  db: Db;
  jobs: Jobs;
  planner: ReminderPlanner;
  /** Records "sudah lapor" (reported elsewhere) for a period. */
  declareSubmitted: (innovationId: string, periodKey: string, userId: string, now: Date) => Promise<void>;
  /** Starts the profile flow when the person has no zone yet (reminders are sent at their local hour). */
  requireProfile: (ctx: Context, resume: string) => Promise<Reply[] | undefined>;
  t: Translate;
}

type InnovationRow = Awaited<ReturnType<RemindersFeature['owned']>>[number];

/**
 * /pengingat and the reminder buttons: what is coming and when, and the settings behind it (cadence,
 * due day, hour, how many days ahead, pause). "Ingatkan besok" snoozes one reminder; "sudah lapor" records
 * the period as reported and stops its reminders. Only the innovation's owner may act on it.
 */
export class RemindersFeature implements Feature {
  readonly name = REMINDERS_FEATURE;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: RemindersFeatureDeps) {
    this.summary = deps.t('reminders.summary');
    this.commands = [{ name: 'pengingat', description: deps.t('reminders.command'), privateOnly: true, run: (ctx) => this.overview(ctx) }];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const [action = '', id = '', arg = ''] = payload.split(':');
    const innovation = await this.ownedOne(ctx, id);
    if (!innovation) return [{ text: ctx.t('reminders.not_yours') }];
    switch (action) {
      case 'snooze':
        return this.snooze(ctx, innovation, arg);
      case 'done':
        await this.deps.declareSubmitted(innovation.id, arg, ctx.user.id, ctx.now);
        await this.deps.planner.periodDone(innovation.id, arg);
        ctx.logger.info({ innovation: innovation.id, period: arg }, 'period declared reported');
        return [{ text: ctx.t('reminders.declared', { name: innovation.name, period: periodLabel(ctx.t, arg) }) }];
      case 'set':
        return [this.settingsMenu(ctx, innovation)];
      case 'cad':
        return [
          this.pick(
            ctx,
            innovation.id,
            'cadv',
            ctx.t('reminders.ask.cadence'),
            CadenceSchema.options.map((c) => [c, ctx.t(`time.cadence.${c}`)]),
          ),
        ];
      case 'due':
        return [
          this.pick(
            ctx,
            innovation.id,
            'duev',
            ctx.t('reminders.ask.due_day'),
            DUE_DAYS.map((d) => [String(d), dueDayLabel(ctx.t, d)]),
          ),
        ];
      case 'hour':
        return [
          this.pick(
            ctx,
            innovation.id,
            'hourv',
            ctx.t('reminders.ask.hour'),
            HOURS.map((h) => [String(h), `${pad(h)}.00`]),
          ),
        ];
      case 'ahead':
        return [
          this.pick(
            ctx,
            innovation.id,
            'aheadv',
            ctx.t('reminders.ask.ahead'),
            AHEAD_DAYS.map((d) => [String(d), aheadLabel(ctx.t, d)]),
          ),
        ];
      case 'cadv':
        return this.update(ctx, innovation, () => this.setCadence(ctx, innovation, arg));
      case 'duev':
        return this.update(ctx, innovation, () => this.setNumber(innovation.id, 'dueDay', arg, DUE_DAYS));
      case 'hourv':
        return this.update(ctx, innovation, () => this.setNumber(innovation.id, 'remindHour', arg, HOURS));
      case 'aheadv':
        return this.update(ctx, innovation, () => this.setNumber(innovation.id, 'remindDaysBefore', arg, AHEAD_DAYS));
      case 'pause':
        return this.update(ctx, innovation, async () => {
          await this.deps.db.innovation.update({
            where: { id: innovation.id },
            data: { status: innovation.status === 'active' ? 'paused' : 'active' },
          });
          return undefined;
        });
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  private async overview(ctx: Context): Promise<Reply[]> {
    const needed = await this.deps.requireProfile(ctx, '/pengingat');
    if (needed) return needed;
    const innovations = await this.owned(ctx.user.id);
    if (innovations.length === 0) return [{ text: ctx.t('reminders.none') }];
    const lines = [ctx.t('reminders.overview_title')];
    for (const innovation of innovations) lines.push('', await this.describe(ctx, innovation));
    const choices = innovations.map((i) =>
      choice(REMINDERS_FEATURE, `set:${i.id}`, ctx.t('reminders.choice.settings', { name: short(i.name) })),
    );
    return [{ text: lines.join('\n'), choices }];
  }

  /** One innovation: its cadence and the next report with the times its reminders will arrive. */
  private async describe(ctx: Context, innovation: InnovationRow): Promise<string> {
    const zone = ctx.user.profile.timeZone ?? DEFAULT_ZONE;
    const head = ctx.t('reminders.line_head', {
      name: innovation.name,
      cadence: ctx.t(`time.cadence.${innovation.cadence}`),
      status: innovation.status === 'active' ? '' : ctx.t('reminders.paused'),
    });
    if (innovation.status !== 'active') return head;
    const today = todayIn(ctx.now, zone);
    const reported = new Set(innovation.reports.map((r) => r.periodKey));
    const next = upcomingPeriods({ ...innovation, cadence: CadenceSchema.parse(innovation.cadence) }, today, 4).find(
      (p) => !reported.has(p.key),
    );
    if (!next) return `${head}\n${ctx.t('reminders.nothing_due')}`;
    const times = [...new Set([innovation.remindDaysBefore, 0])]
      .map((d) => atLocalTime(addDays(next.due, -d), innovation.remindHour, 0, zone))
      .filter((at) => at.getTime() >= ctx.now.getTime())
      .map((at) => localLabel(at, zone));
    return [
      head,
      ctx.t('reminders.line_next', { period: periodLabel(ctx.t, next.key), due: dateLabel(ctx.t, next.due) }),
      times.length > 0 ? ctx.t('reminders.line_times', { times: times.join(ctx.t('common.and')) }) : ctx.t('reminders.line_times_passed'),
    ].join('\n');
  }

  private settingsMenu(ctx: Context, innovation: InnovationRow): Reply {
    const c = (action: string, key: string): Choice =>
      choice(REMINDERS_FEATURE, `${action}:${innovation.id}`, ctx.t(`reminders.choice.${key}`));
    return {
      text: ctx.t('reminders.settings', {
        name: innovation.name,
        cadence: ctx.t(`time.cadence.${innovation.cadence}`),
        due: dueDayLabel(ctx.t, innovation.dueDay),
        hour: `${pad(innovation.remindHour)}.00`,
        ahead: aheadLabel(ctx.t, innovation.remindDaysBefore),
      }),
      choices: [
        c('cad', 'cadence'),
        c('due', 'due_day'),
        c('hour', 'hour'),
        c('ahead', 'ahead'),
        c('pause', innovation.status === 'active' ? 'pause' : 'resume'),
        choice('profile', 'edit:zone', ctx.t('reminders.choice.zone')),
      ],
    };
  }

  private pick(ctx: Context, id: string, action: string, text: string, options: Array<[string, string]>): Reply {
    return { text, choices: options.map(([value, label]) => choice(REMINDERS_FEATURE, `${action}:${id}:${value}`, label)) };
  }

  /** Applies a change, plans the reminders anew and shows the result; a refusal comes back as text. */
  private async update(ctx: Context, innovation: InnovationRow, change: () => Promise<string | undefined>): Promise<Reply[]> {
    const refusal = await change();
    if (refusal) return [{ text: refusal }];
    await this.deps.planner.plan(innovation.id);
    ctx.logger.info({ innovation: innovation.id }, 'reminder settings changed');
    const updated = await this.ownedOne(ctx, innovation.id);
    return [{ text: `${ctx.t('reminders.saved')}\n\n${updated ? await this.describe(ctx, updated) : ''}`.trim() }];
  }

  private async setCadence(ctx: Context, innovation: InnovationRow, value: string): Promise<string | undefined> {
    const cadence = CadenceSchema.safeParse(value);
    if (!cadence.success) return ctx.t('common.choice_expired');
    if (cadence.data === 'end_of_trial' && !innovation.trialEndDate) return ctx.t('reminders.needs_trial_end');
    await this.deps.db.innovation.update({ where: { id: innovation.id }, data: { cadence: cadence.data satisfies Cadence } });
    return undefined;
  }

  private async setNumber(
    id: string,
    field: 'dueDay' | 'remindHour' | 'remindDaysBefore',
    value: string,
    allowed: number[],
  ): Promise<string | undefined> {
    const n = Number(value);
    if (!allowed.includes(n)) return this.deps.t('common.choice_expired');
    await this.deps.db.innovation.update({ where: { id }, data: { [field]: n } });
    return undefined;
  }

  private async snooze(ctx: Context, innovation: InnovationRow, periodKey: string): Promise<Reply[]> {
    const zone = ctx.user.profile.timeZone ?? DEFAULT_ZONE;
    const tomorrow = addDays(todayIn(ctx.now, zone), 1);
    const payload: ReminderPayload = { innovationId: innovation.id, periodKey, snoozedTo: tomorrow };
    const runAt = atLocalTime(tomorrow, innovation.remindHour, 0, zone);
    await this.deps.jobs.schedule({ kind: REMINDER_KIND, key: reminderKey(innovation.id, periodKey, snoozeTag(tomorrow)), runAt, payload });
    return [{ text: ctx.t('reminders.snoozed', { when: localLabel(runAt, zone) }) }];
  }

  async owned(userId: string) {
    return this.deps.db.innovation.findMany({
      where: { ownerId: userId, status: { in: ['active', 'paused'] } },
      include: { reports: { where: { status: 'submitted' }, select: { periodKey: true } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** The innovation a button names, if it belongs to this person (buttons can be forged). */
  private async ownedOne(ctx: Context, id: string): Promise<InnovationRow | undefined> {
    if (!id) return undefined;
    const row = await this.deps.db.innovation.findFirst({
      where: { id, ownerId: ctx.user.id },
      include: { reports: { where: { status: 'submitted' }, select: { periodKey: true } } },
    });
    return row ?? undefined;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function short(name: string): string {
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

function dueDayLabel(t: Translate, day: number): string {
  return day === 0 ? t('reminders.due_day.end') : t('reminders.due_day.nth', { day });
}

function aheadLabel(t: Translate, days: number): string {
  return days === 0 ? t('reminders.ahead.same_day') : t('reminders.ahead.days', { days });
}
