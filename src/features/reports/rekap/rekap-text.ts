import type { Translate } from '../../../i18n/translator.js';
import { todayIn } from '../../../core/time/zoned.js';
import { dateLabel, periodLabel } from '../../../innovations/labels.js';
import type { Zone } from '../../../people/regions/zones.js';
import type { Rekap, RekapRow } from '../../../reports/rekap.js';

/** What one chat message may hold for the lists (Telegram stops at 4096 characters; headers come on top). */
const LIST_BUDGET_CHARS = 3300;
/** Scope names shown in the header before "dan N lainnya". */
const SCOPES_SHOWN = 3;

/** The status of a row in words: "Terkirim", "Terlambat 12 hari", … (also the spreadsheet's Status column). */
export function rowStatus(t: Translate, row: RekapRow): string {
  switch (row.status) {
    case 'submitted':
      return t(row.report?.via === 'declared' ? 'rekap.status.declared' : 'rekap.status.submitted');
    case 'overdue':
      return t('rekap.status.overdue', { days: row.daysLate ?? 0 });
    default:
      return t(`rekap.status.${row.status}`);
  }
}

/** "Cakupan: Dinas Kesehatan — Kabupaten Bantul; Seluruh Kota Makassar dan 2 lainnya" (admins: everything). */
export function scopeLine(t: Translate, labels: readonly string[] | undefined): string {
  if (labels === undefined) return t('rekap.scope', { scopes: t('rekap.scope_all') });
  const shown = labels.slice(0, SCOPES_SHOWN).join('; ');
  const more = labels.length > SCOPES_SHOWN ? ` ${t('rekap.scope_more', { count: labels.length - SCOPES_SHOWN })}` : '';
  return t('rekap.scope', { scopes: `${shown}${more}` });
}

/**
 * The overview as one chat message: counts, then the overdue reports (longest late first), those not yet
 * due, and those submitted. Lists stop at a character budget with "… dan N lainnya": the spreadsheet has all.
 */
export function rekapText(t: Translate, rekap: Rekap, scope: string, zone: Zone): string {
  const { counts } = rekap;
  const header = [t('rekap.title', { period: periodLabel(t, rekap.window.key) }), scope];
  if (rekap.rows.length === 0) return [...header, '', t('rekap.nothing')].join('\n');
  const total = counts.submitted + counts.due + counts.overdue;
  header.push('', t('rekap.counts', { total, submitted: counts.submitted, due: counts.due, overdue: counts.overdue }));
  if (counts.none > 0) header.push(t('rekap.none_count', { count: counts.none }));

  const groups: Array<[RekapRow['status'], RekapRow[]]> = [
    ['overdue', rekap.rows.filter((r) => r.status === 'overdue').sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0))],
    ['due', rekap.rows.filter((r) => r.status === 'due').sort((a, b) => (a.period!.due < b.period!.due ? -1 : 1))],
    ['submitted', rekap.rows.filter((r) => r.status === 'submitted')],
  ];
  let budget = LIST_BUDGET_CHARS;
  const body: string[] = [];
  for (const [status, rows] of groups) {
    if (rows.length === 0) continue;
    const lines = [t(`rekap.group.${status}`)];
    let shown = 0;
    for (const row of rows) {
      const line = rowLine(t, row, zone);
      if (line.length + 1 > budget - lines.join('\n').length) break;
      lines.push(line);
      shown += 1;
    }
    if (shown < rows.length) lines.push(t('rekap.more', { count: rows.length - shown }));
    const block = lines.join('\n');
    budget -= block.length + 2;
    body.push(block);
  }
  return [...header, '', body.join('\n\n')].join('\n');
}

function rowLine(t: Translate, row: RekapRow, zone: Zone): string {
  const vars = {
    name: row.innovation.name,
    opd: row.innovation.opd,
    owner: row.owner ?? t('rekap.unknown_owner'),
    period: row.period ? periodLabel(t, row.period.key) : '',
  };
  switch (row.status) {
    case 'overdue':
      return t('rekap.line.overdue', { ...vars, days: row.daysLate ?? 0 }) + (row.report ? t('rekap.draft') : '');
    case 'due':
      return t('rekap.line.due', { ...vars, date: dateLabel(t, row.period!.due) }) + (row.report ? t('rekap.draft') : '');
    default: {
      const at = row.report?.submittedAt;
      const line = t('rekap.line.submitted', { ...vars, date: at ? dateLabel(t, todayIn(at, zone)) : '' });
      const progress = row.report?.progress != null ? t('rekap.progress', { value: row.report.progress }) : '';
      return line + progress + (row.report?.via === 'declared' ? t('rekap.declared') : '');
    }
  }
}
