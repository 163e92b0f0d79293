import { normalisePhone } from '../../core/admins.js';
import { addDays, compareDates, isLocalDate, type LocalDate } from '../../core/time/local-date.js';
import { parseIndonesianDate } from '../../core/time/parse-date.js';
import { todayIn } from '../../core/time/zoned.js';
import { matchRegion } from '../../people/regions/match-region.js';
import { ZONES, zoneLabel, type Zone } from '../../people/regions/zones.js';
import type { Cadence, Stage } from '../periods.js';
import { cadencesFor, readCadence, readStage } from '../words.js';
import type { Column, ColumnMap } from './columns.js';
import { cellText, type Cell, type SheetRow } from './sheet.js';

/** A spreadsheet row that can be imported. */
export interface ImportRow {
  line: number;
  name: string;
  opd: string;
  stage: Stage;
  startDate: LocalDate;
  cadence: Cadence;
  trialEndDate: LocalDate | null;
  channel: 'telegram' | 'whatsapp';
  /** As the channel identifies the person: a Telegram user id, or `62…@c.us`. */
  externalId: string;
  /** As given in the row (null: empty, decided from the region or the person's profile). */
  zone: Zone | null;
  /** The region as Pandu knows it ("Kabupaten Bantul"), or as typed when unknown; null when not given. */
  region: string | null;
}

/** What can be wrong with a cell (each has a message under innovations.import.problem). */
export const PROBLEM_CODES = [
  'required',
  'too_long',
  'opd',
  'stage',
  'date',
  'cadence',
  'cadence_stage',
  'trial_end_missing',
  'trial_end_before_start',
  'channel',
  'telegram_id',
  'phone',
  'zone',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * What is wrong with one cell, for "baris 7, kolom mulai: tanggal tidak dikenali ("31/2/2027")": `vars`
 * holds the cell as written (`value`) and what the message needs (`max`, `stage` as a stage key).
 */
export interface RowProblem {
  line: number;
  column: Column;
  code: ProblemCode;
  vars: Record<string, string | number>;
}

const MAX_NAME = 120;
const MAX_OPD = 120;
const MAX_REGION = 80;
/** Day 0 of Excel's serial dates from March 1900 on (Excel keeps Lotus's phantom 29 February 1900). */
const EXCEL_EPOCH = '1899-12-30';

const CHANNELS: Readonly<Record<string, ImportRow['channel']>> = {
  telegram: 'telegram',
  tg: 'telegram',
  tele: 'telegram',
  whatsapp: 'whatsapp',
  wa: 'whatsapp',
};

/**
 * Checks one row, column by column, and collects every problem (a row with any problem is skipped as a
 * whole). `now` sets the "today" that dates without a year count from, in the row's zone.
 */
export function readRow(row: SheetRow, columns: ColumnMap, now: Date): { row?: ImportRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (column: Column): Cell | undefined => {
    const i = columns.index[column];
    return i === undefined ? undefined : row.cells[i];
  };
  const text = (column: Column) => cellText(cell(column));
  const problem = (column: Column, code: ProblemCode, vars: Record<string, string | number> = {}) => {
    problems.push({ line: row.line, column, code, vars: { value: text(column), ...vars } });
    return undefined;
  };
  const required = (column: Column, max: number): string | undefined => {
    const value = text(column).replace(/\s+/g, ' ');
    if (!value) return problem(column, 'required');
    if (value.length > max) return problem(column, 'too_long', { max });
    return value;
  };

  const name = required('nama', MAX_NAME);
  let opd = required('opd', MAX_OPD);
  if (opd && (opd.match(/\p{L}/gu)?.length ?? 0) < 2) opd = problem('opd', 'opd');
  const stageText = text('tahap');
  const stage = stageText ? (readStage(stageText) ?? problem('tahap', 'stage')) : problem('tahap', 'required');

  const zoneText = text('zona');
  const zone = zoneText ? (readZone(zoneText) ?? problem('zona', 'zone')) : null;
  const today = todayIn(now, zone ?? 'Asia/Jakarta');
  const startDate = dateCell(cell('mulai'), today, 'past') ?? problem('mulai', text('mulai') ? 'date' : 'required');

  const cadenceText = text('jadwal');
  let cadence: Cadence | undefined = cadenceText ? (readCadence(cadenceText) ?? problem('jadwal', 'cadence')) : 'monthly';
  if (cadence && stage && !cadencesFor(stage).includes(cadence)) cadence = problem('jadwal', 'cadence_stage', { stage });

  let trialEndDate: LocalDate | null = null;
  if (text('akhir_uji_coba')) {
    trialEndDate = dateCell(cell('akhir_uji_coba'), today, 'future') ?? problem('akhir_uji_coba', 'date') ?? null;
    if (trialEndDate && startDate && compareDates(trialEndDate, startDate) <= 0)
      trialEndDate = problem('akhir_uji_coba', 'trial_end_before_start') ?? null;
  } else if (cadence === 'end_of_trial') problem('jadwal', 'trial_end_missing');

  const channelText = text('kanal');
  const channel = channelText ? (CHANNELS[channelText.toLowerCase()] ?? problem('kanal', 'channel')) : problem('kanal', 'required');
  let externalId: string | undefined;
  if (!text('id_kanal')) problem('id_kanal', 'required');
  else if (channel === 'telegram') externalId = telegramId(cell('id_kanal')) ?? problem('id_kanal', 'telegram_id');
  else if (channel === 'whatsapp') externalId = whatsappId(cell('id_kanal')) ?? problem('id_kanal', 'phone');

  const regionText = text('wilayah').replace(/\s+/g, ' ');
  const region = regionText
    ? regionText.length > MAX_REGION
      ? problem('wilayah', 'too_long', { max: MAX_REGION })
      : regionName(regionText)
    : null;

  if (
    problems.length > 0 ||
    !name ||
    !opd ||
    !stage ||
    !startDate ||
    !cadence ||
    !channel ||
    !externalId ||
    region === undefined ||
    zone === undefined
  ) {
    return { problems };
  }
  return { row: { line: row.line, name, opd, stage, startDate, cadence, trialEndDate, channel, externalId, zone, region }, problems };
}

/** A date from a real date cell, an Excel day number, or text ("15/1/2027", "15 Januari 2027", ISO). */
function dateCell(cell: Cell | undefined, today: LocalDate, prefer: 'future' | 'past'): LocalDate | undefined {
  if (cell === undefined || cell === '') return undefined;
  // Excel keeps a date cell as midnight UTC of that calendar day.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    // A date cell formatted as a number: Excel counts days; anything outside 1950–2150 is not a date.
    if (!Number.isInteger(cell) || cell < 18264 || cell > 91311) return undefined;
    const date = addDays(EXCEL_EPOCH, cell);
    return isLocalDate(date) ? date : undefined;
  }
  const parsed = parseIndonesianDate(cell, { today, prefer });
  return parsed.ok ? parsed.date : undefined;
}

/** A Telegram user id: digits only (a @username cannot be reached by a bot until the person writes). */
function telegramId(cell: Cell | undefined): string | undefined {
  const value = typeof cell === 'number' ? (Number.isSafeInteger(cell) && cell > 0 ? String(cell) : '') : cellText(cell);
  return /^\d{4,20}$/.test(value) ? value : undefined;
}

/**
 * A WhatsApp number as WhatsApp ids carry it (`628…@c.us`). Excel drops the leading zero of a number typed
 * as a number ("81234567890"): a mobile number without country code or zero is taken as Indonesian.
 */
function whatsappId(cell: Cell | undefined): string | undefined {
  const raw = typeof cell === 'number' ? String(cell) : cellText(cell).replace(/@c\.us$/i, '');
  if (/[a-z]/i.test(raw)) return undefined;
  const digits = raw.replace(/\D/g, '');
  const number = /^8\d{8,11}$/.test(digits) ? `62${digits}` : normalisePhone(raw);
  return number ? `${number}@c.us` : undefined;
}

function readZone(text: string): Zone | undefined {
  const label = text.trim().toUpperCase();
  return ZONES.find((z) => zoneLabel(z) === label || z.toUpperCase() === label);
}

function regionName(text: string): string {
  return matchRegion(text)?.name ?? text;
}
