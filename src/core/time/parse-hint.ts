import type { Translate } from '../../i18n/translator.js';
import { parts, type LocalDate } from './local-date.js';

/**
 * The example shown when a date was not understood, with years that make sense today: next year for a
 * date ahead (a due date), this year for one behind (a start date).
 */
export function dateHint(t: Translate, today: LocalDate, prefer: 'future' | 'past'): string {
  const { year } = parts(today);
  return t(`dates.hint.${prefer}`, { year: prefer === 'future' ? year + 1 : year });
}

/** The example shown when a time of day was not understood. */
export function timeHint(t: Translate): string {
  return t('dates.time_hint');
}
