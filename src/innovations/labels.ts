import type { Translate } from '../i18n/translator.js';
import { parts, type LocalDate } from '../core/time/local-date.js';

/** "Januari 2027", "Triwulan I 2027", "akhir uji coba", "6 bulan setelah penerapan". */
export function periodLabel(t: Translate, key: string): string {
  const monthly = /^(\d{4})-(\d{2})$/.exec(key);
  if (monthly) return `${t(`time.month.${Number(monthly[2])}`)} ${monthly[1]}`;
  const quarterly = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarterly) return t('time.quarter', { quarter: ['I', 'II', 'III', 'IV'][Number(quarterly[2]) - 1]!, year: quarterly[1]! });
  return t(`time.period.${key}`);
}

/** "15 Januari 2027". */
export function dateLabel(t: Translate, date: LocalDate): string {
  const { year, month, day } = parts(date);
  return `${day} ${t(`time.month.${month}`)} ${year}`;
}
