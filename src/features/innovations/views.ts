import type { Context } from '../../core/context.js';
import type { LocalDate } from '../../core/time/local-date.js';
import { todayIn } from '../../core/time/zoned.js';
import type { Translate } from '../../i18n/translator.js';
import { scheduleOf, type InnovationRecord } from '../../innovations/innovation.js';
import { dateLabel, periodLabel } from '../../innovations/labels.js';
import { upcomingPeriods, type Period } from '../../innovations/periods.js';
import { ZONES, zoneLabel, type Zone } from '../../people/regions/zones.js';

/** Due dates shown with a summary: enough to see the rhythm of a periodic schedule. */
const DUE_SHOWN = 3;
/** Button labels stay short (Telegram shows about 40 characters on a phone). */
const LABEL_CHARS = 40;

/** The person's zone (WIB until they give one: the profile asks before /inovasi runs). */
export function zoneOf(ctx: Context): Zone {
  return ZONES.find((z) => z === ctx.user.profile.timeZone) ?? 'Asia/Jakarta';
}

/** The person's today, in their zone. */
export function todayOf(ctx: Context): LocalDate {
  return todayIn(ctx.now, zoneOf(ctx));
}

/** The next reports due from today on (none for a paused or ended innovation: nothing is reminded). */
export function nextDue(innovation: InnovationRecord, today: LocalDate, count = DUE_SHOWN): Period[] {
  if (innovation.status === 'paused' || innovation.status === 'ended') return [];
  return upcomingPeriods(scheduleOf(innovation), today, count);
}

/** How an innovation reads in summaries, lists and buttons. */
export class InnovationViews {
  constructor(private readonly t: Translate) {}

  name(innovation: Pick<InnovationRecord, 'name'>): string {
    return innovation.name.trim() || this.t('innovations.untitled');
  }

  label(innovation: Pick<InnovationRecord, 'name'>, template = 'innovations.choice.open'): string {
    const name = this.name(innovation);
    const short = name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…` : name;
    return this.t(template, { name: short });
  }

  /** Everything about one innovation: fields, status, the next due dates and when reminders come. */
  summary(innovation: InnovationRecord, today: LocalDate, zone: Zone): string {
    const t = this.t;
    const lines = [
      t('innovations.summary_text', {
        name: this.name(innovation),
        opd: innovation.opd || t('profile.missing'),
        region: innovation.region ?? t('profile.missing'),
        stage: t(`time.stage.${innovation.stage}`),
        start: dateLabel(t, innovation.startDate),
      }),
    ];
    if (innovation.cadence === 'end_of_trial' && innovation.trialEndDate) {
      lines.push(t('innovations.trial_end_line', { date: dateLabel(t, innovation.trialEndDate) }));
    }
    lines.push(t('innovations.cadence_line', { cadence: t(`time.cadence.${innovation.cadence}`) }));
    lines.push(t('innovations.status_line', { status: t(`innovations.status.${innovation.status}`) }));
    if (innovation.status === 'paused' || innovation.status === 'ended') return lines.join('\n');
    const due = nextDue(innovation, today);
    lines.push('');
    if (due.length === 0) {
      lines.push(t('innovations.due_none'));
      return lines.join('\n');
    }
    lines.push(t('innovations.due_title'));
    for (const period of due) lines.push(t('innovations.due_line', { period: periodLabel(t, period.key), date: dateLabel(t, period.due) }));
    lines.push(
      t('innovations.reminder_line', {
        days: innovation.remindDaysBefore,
        hour: `${String(innovation.remindHour).padStart(2, '0')}.00`,
        zone: zoneLabel(zone),
      }),
    );
    return lines.join('\n');
  }

  /** One line of the /inovasi list: name, stage, cadence, and the next due date (or why there is none). */
  listLine(innovation: InnovationRecord, index: number, today: LocalDate): string {
    const t = this.t;
    const [next] = nextDue(innovation, today, 1);
    const status =
      innovation.status === 'paused'
        ? t('innovations.list_paused')
        : innovation.status === 'ended'
          ? t('innovations.list_ended')
          : next
            ? t('innovations.list_next', { period: periodLabel(t, next.key), date: dateLabel(t, next.due) })
            : t('innovations.list_next_none');
    return t('innovations.list_line', {
      index,
      name: this.name(innovation),
      stage: t(`time.stage.${innovation.stage}`),
      start: dateLabel(t, innovation.startDate),
      cadence: t(`time.cadence.${innovation.cadence}`),
      next: status,
    });
  }
}
