import type ExcelJS from 'exceljs';
import type { BroadcastSummary, RecipientRow } from '../../broadcasts/broadcast-contract.js';
import type { Translate } from '../../i18n/translator.js';
import { zoneLabel, type Zone } from '../../people/regions/zones.js';

import { wallClock } from '../reports/rekap/rekap-xlsx.js';

export { XLSX_MIME } from '../reports/rekap/rekap-xlsx.js';

type Column = { key: string; width: number; wrap?: boolean; value: (row: RecipientRow) => ExcelJS.CellValue };

/**
 * The recipients of one broadcast as a spreadsheet: one row per person with the channel, the status in
 * words and why it failed, a frozen bold header with a filter. "Waktu terkirim" is a real date-time cell in
 * the coordinator's zone, so it sorts and filters in Excel (as in the /rekap export).
 */
export async function renderRecipientsXlsx(
  t: Translate,
  summary: BroadcastSummary,
  recipients: readonly RecipientRow[],
  zone: Zone,
  now: Date,
): Promise<Buffer> {
  const columns: Column[] = [
    { key: 'name', width: 28, value: (r) => r.name ?? t('broadcast.xlsx.no_name') },
    { key: 'opd', width: 30, wrap: true, value: (r) => r.opd ?? '' },
    { key: 'region', width: 24, value: (r) => r.region ?? '' },
    { key: 'channel', width: 12, value: (r) => (r.channel ? t(`broadcast.channel.${r.channel}`) : '') },
    { key: 'status', width: 24, value: (r) => t(`broadcast.status.${r.status}`) },
    { key: 'reason', width: 40, wrap: true, value: (r) => r.reason ?? '' },
    { key: 'sent_at', width: 18, value: (r) => (r.sentAt ? wallClock(r.sentAt, zone) : null) },
  ];
  // Loaded by the first export, not with the bot (about 25 MB with its zip libraries).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Pandu Inovasi';
  workbook.created = now;
  const sheet = workbook.addWorksheet(t('broadcast.xlsx.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    header: t(`broadcast.xlsx.column.${c.key}`, { zone: zoneLabel(zone) }),
  }));
  const ordered = [...recipients].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'id'));
  for (const row of ordered) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  sheet.getColumn('sent_at').numFmt = 'dd/mm/yyyy hh:mm';
  for (const c of columns.filter((c) => c.wrap)) sheet.getColumn(c.key).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  workbook.title = summary.text.slice(0, 100);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
