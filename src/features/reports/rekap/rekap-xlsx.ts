import type ExcelJS from 'exceljs';
import type { Translate } from '../../../i18n/translator.js';
import { inZone } from '../../../core/time/zoned.js';
import { dateLabel, periodLabel } from '../../../innovations/labels.js';
import { zoneLabel, type Zone } from '../../../people/regions/zones.js';
import type { Rekap, RekapRow } from '../../../reports/rekap.js';
import { rowStatus } from './rekap-text.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Column = { key: string; width: number; wrap?: boolean; value: (row: RekapRow) => ExcelJS.CellValue };

/**
 * The period's reports as a spreadsheet: one row per innovation and period in the window (one per innovation
 * for a month), a frozen bold header with a filter, widths that fit, long answers wrapped. "Dikirim" is a real
 * date-time cell in the coordinator's zone, so it sorts and filters in Excel.
 */
export async function renderRekapXlsx(t: Translate, rekap: Rekap, zone: Zone, now: Date): Promise<Buffer> {
  const columns: Column[] = [
    { key: 'name', width: 32, wrap: true, value: (r) => r.innovation.name },
    { key: 'opd', width: 28, wrap: true, value: (r) => r.innovation.opd },
    { key: 'region', width: 22, value: (r) => r.innovation.region ?? '' },
    { key: 'owner', width: 22, value: (r) => r.owner ?? t('rekap.unknown_owner') },
    { key: 'stage', width: 12, value: (r) => t(`time.stage.${r.innovation.stage}`) },
    { key: 'period', width: 16, value: (r) => (r.period ? periodLabel(t, r.period.key) : '') },
    { key: 'due', width: 18, value: (r) => (r.period ? dateLabel(t, r.period.due) : '') },
    { key: 'status', width: 22, value: (r) => rowStatus(t, r) },
    { key: 'submitted_at', width: 18, value: (r) => (r.report?.submittedAt ? wallClock(r.report.submittedAt, zone) : null) },
    { key: 'progress', width: 13, value: (r) => r.report?.progress ?? null },
    { key: 'activities', width: 45, wrap: true, value: (r) => r.report?.activities ?? '' },
    { key: 'results', width: 45, wrap: true, value: (r) => r.report?.results ?? '' },
    { key: 'obstacles', width: 40, wrap: true, value: (r) => r.report?.obstacles ?? '' },
    { key: 'next_steps', width: 40, wrap: true, value: (r) => r.report?.nextSteps ?? '' },
    { key: 'attachments', width: 30, wrap: true, value: (r) => (r.report?.attachments ?? []).join(', ') },
  ];
  // Loaded by the first spreadsheet, not with the bot (about 28 MB and a second to load).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Pandu Inovasi';
  workbook.created = now;
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(
    t('rekap.sheet', { period: rekap.window.key })
      .replace(/[:\\/?*[\]]/g, '-')
      .slice(0, 31),
    {
      views: [{ state: 'frozen', ySplit: 1 }],
    },
  );
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, header: t(`rekap.column.${c.key}`, { zone: zoneLabel(zone) }) }));
  for (const row of rekap.rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  sheet.getColumn('submitted_at').numFmt = 'dd/mm/yyyy hh:mm';
  for (const c of columns.filter((c) => c.wrap)) sheet.getColumn(c.key).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel cells carry no zone: the wall-clock time in `zone`, written as if it were UTC (how exceljs stores dates). */
export function wallClock(instant: Date, zone: string): Date {
  const local = inZone(instant, zone);
  const [year, month, day] = local.date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, local.hour, local.minute));
}
