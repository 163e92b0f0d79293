import type { Db } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma-sqlite/index.js';
import type { Logger } from '../../logger.js';
import { applyRow, type RowOutcome, type ZoneNote } from './apply-row.js';
import { COLUMNS, mapColumns, type ColumnMap } from './columns.js';
import { readRow, type RowProblem } from './import-row.js';
import { DEFAULT_LIMITS, readSheet, type SheetLimits } from './read-sheet.js';
import type { Sheet } from './sheet.js';

export interface ImportOptions {
  now: Date;
  /** Check and count everything, write nothing (each row's transaction is rolled back). */
  dryRun: boolean;
  logger: Logger;
}

/** A file that can be imported: its rows and which cell holds which column. */
export interface ImportFile {
  file: string;
  sheet: Sheet;
  columns: ColumnMap;
}

/**
 * Reads and checks a spreadsheet before anything else (no database needed): an unusable file throws a
 * SheetError that says why.
 */
export async function openImportFile(file: string, limits: SheetLimits = DEFAULT_LIMITS): Promise<ImportFile> {
  const sheet = await readSheet(file, limits);
  return { file, sheet, columns: mapColumns(sheet.header) };
}

/** Something worth telling about a good row (how its zone was decided, a person Pandu cannot reach yet). */
export type RowNote = { line: number } & ({ kind: 'zone'; zone: ZoneNote } | { kind: 'new_person'; person: string });

export interface ImportReport {
  /** Every problem of every bad row, by line and then in column order. */
  problems: RowProblem[];
  /** Lines whose row was good but could not be written (logged with the error). */
  failed: number[];
  notes: RowNote[];
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported: bad or failed. */
  skipped: number;
  /** People in the file who have never written to Pandu (reminders wait until they do). */
  unreached: number;
  /** Headers no column is read from. */
  ignoredColumns: string[];
}

/** Thrown inside a row's transaction to undo it in a dry run, carrying what the row would have done. */
class DryRunRollback extends Error {
  constructor(readonly outcome: RowOutcome) {
    super('dry run: rolled back');
  }
}

/**
 * Imports the innovations of a coordinator's spreadsheet (see openImportFile). Every good row is written in
 * its own transaction and every bad row is reported, so one typo never costs the other rows. Importing the
 * same file again changes nothing (innovations match by owner and name).
 */
export async function importInnovations(db: Db, input: ImportFile, options: ImportOptions): Promise<ImportReport> {
  const { file, sheet, columns } = input;
  const report: ImportReport = {
    problems: [],
    failed: [],
    notes: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    unreached: 0,
    ignoredColumns: columns.ignored,
  };
  const unreached = new Set<string>();
  for (const sheetRow of sheet.rows) {
    const { row, problems } = readRow(sheetRow, columns, options.now);
    if (!row) {
      report.problems.push(...problems.sort((a, b) => COLUMNS.indexOf(a.column) - COLUMNS.indexOf(b.column)));
      report.skipped += 1;
      continue;
    }
    let outcome: RowOutcome;
    try {
      outcome = await writeRow(db, options, (tx) => applyRow(tx, row, options.now));
    } catch (error) {
      options.logger.error({ err: error, line: row.line }, 'import row could not be written');
      report.failed.push(row.line);
      report.skipped += 1;
      continue;
    }
    report[outcome.result] += 1;
    if (outcome.zoneNote) report.notes.push({ line: row.line, kind: 'zone', zone: outcome.zoneNote });
    if (outcome.newPerson && !unreached.has(outcome.person))
      report.notes.push({ line: row.line, kind: 'new_person', person: outcome.person });
    if (outcome.unreachable) unreached.add(outcome.person);
  }
  report.unreached = unreached.size;
  if (!options.dryRun && report.created + report.updated > 0) {
    const { problems: _problems, notes: _notes, ...counts } = report;
    await db.auditEvent.create({
      data: { action: 'innovations.import', subject: file, after: { ...counts, failed: counts.failed.length } },
    });
  }
  return report;
}

/** One row in its own transaction; in a dry run the transaction is undone and its outcome kept. */
async function writeRow(db: Db, options: ImportOptions, write: (tx: Prisma.TransactionClient) => Promise<RowOutcome>): Promise<RowOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const outcome = await write(tx);
      if (options.dryRun) throw new DryRunRollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome;
    throw error;
  }
}
