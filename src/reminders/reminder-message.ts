import { choice, type Reply } from '../core/messages.js';
import { daysBetween, type LocalDate } from '../core/time/local-date.js';
import { reportStartChoice } from '../features/reports/choice-payloads.js';
import type { Translate } from '../i18n/translator.js';
import type { Cadence } from '../innovations/periods.js';
import { dateLabel, periodLabel } from '../innovations/labels.js';

/** The feature that owns the reminder buttons (snooze, already reported). */
export const REMINDERS_FEATURE = 'reminders';

/** Which rule the report answers to, cited in every reminder. */
const BASIS: Record<Cadence, string> = {
  monthly: 'PP 38/2017 Pasal 16 ayat (4)',
  quarterly: 'PP 38/2017 Pasal 16 ayat (4)',
  end_of_trial: 'PP 38/2017 Pasal 18 ayat (1)',
  after_penerapan: 'PP 38/2017 Pasal 20 ayat (4)',
};

export interface ReminderFacts {
  innovationId: string;
  innovationName: string;
  cadence: Cadence;
  periodKey: string;
  due: LocalDate;
  /** The person's local date when the reminder goes out. */
  today: LocalDate;
  /** Sent later than planned (Pandu was down): the message says so. */
  late: boolean;
}

/** A reminder with its three one-tap actions: fill in the report now, remind me tomorrow, already reported. */
export function reminderReply(t: Translate, f: ReminderFacts): Reply {
  const daysLeft = daysBetween(f.today, f.due);
  const when =
    daysLeft > 1
      ? t('reminders.when.days', { days: daysLeft })
      : daysLeft === 1
        ? t('reminders.when.tomorrow')
        : daysLeft === 0
          ? t('reminders.when.today')
          : t('reminders.when.overdue', { days: -daysLeft });
  const lines = [
    t('reminders.message', {
      name: f.innovationName,
      period: periodLabel(t, f.periodKey),
      due: dateLabel(t, f.due),
      when,
      basis: BASIS[f.cadence],
    }),
  ];
  if (f.late) lines.push(t('reminders.late_note'));
  lines.push(t('reminders.stop_hint'));
  return {
    text: lines.join('\n'),
    choices: [
      reportStartChoice(f.innovationId, f.periodKey, t('reminders.choice.report_now')),
      choice(REMINDERS_FEATURE, `snooze:${f.innovationId}:${f.periodKey}`, t('reminders.choice.snooze')),
      choice(REMINDERS_FEATURE, `done:${f.innovationId}:${f.periodKey}`, t('reminders.choice.done')),
    ],
  };
}

export interface EscalationFacts {
  innovationName: string;
  opd: string;
  ownerName: string;
  periodKey: string;
  due: LocalDate;
  today: LocalDate;
}

/** What a coordinator is told once about a late report: who, which innovation and period, since when. */
export function escalationReply(t: Translate, f: EscalationFacts): Reply {
  return {
    text: t('reminders.escalation', {
      owner: f.ownerName,
      name: f.innovationName,
      opd: f.opd,
      period: periodLabel(t, f.periodKey),
      due: dateLabel(t, f.due),
      days: Math.max(1, daysBetween(f.due, f.today)),
    }),
  };
}

/** What a coordinator is told when a reminder could not go out in time (Pandu was down too long). */
export function missedReminderReply(t: Translate, f: EscalationFacts): Reply {
  return {
    text: t('reminders.missed', {
      owner: f.ownerName,
      name: f.innovationName,
      opd: f.opd,
      period: periodLabel(t, f.periodKey),
      due: dateLabel(t, f.due),
    }),
  };
}
