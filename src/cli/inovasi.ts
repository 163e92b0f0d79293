import { parseArgs } from 'node:util';
import { createDb, tuneConnection } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { loadTranslator, type Translate } from '../i18n/translator.js';
import { importInnovations, openImportFile, type ImportReport, type RowNote } from '../innovations/import/import-innovations.js';
import type { RowProblem } from '../innovations/import/import-row.js';
import { SheetError } from '../innovations/import/sheet.js';
import { zoneLabel } from '../people/regions/zones.js';
import { bootstrap } from './bootstrap.js';

/**
 * `npm run inovasi -- import FILE.csv|FILE.xlsx [--dry-run]`: a coordinator imports their OPDs' innovations
 * from a spreadsheet into the database the bot uses (same DATA_DIR / DATABASE_URL). Exit code 0 when every
 * row was good, 1 when some rows were reported and skipped, 2 when the file could not be used at all.
 *
 * The running bot is not told directly (this is another process): the reminder planner picks imported and
 * updated rows up on its periodic sweep of the Innovation table, as it does after a restart.
 */
const { config, logger } = bootstrap('warn');
const { t } = loadTranslator(config.localesDir);
const { values, positionals } = readArgs();
const [command, file, ...extra] = positionals;

if (command !== 'import' || !file || extra.length > 0) {
  console.error(t('innovations.import.usage'));
  process.exit(2);
}

/** The command line, or the usage and exit code 2 for an option it does not know (a typo, not a stack trace). */
function readArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(t('innovations.import.bad_option', { detail: error instanceof Error ? error.message : String(error) }));
    console.error(t('innovations.import.usage'));
    process.exit(2);
  }
}

let exitCode = 0;
try {
  // The file first: an unusable one is refused before the database is opened (or created).
  const input = await openImportFile(file);
  await migrate(config.databaseUrl, config.prismaDir);
  const db = await createDb(config.databaseUrl);
  try {
    await tuneConnection(db, config.databaseUrl);
    const dryRun = values['dry-run'];
    if (dryRun) console.log(t('innovations.import.dry_run'));
    const report = await importInnovations(db, input, { now: new Date(), dryRun, logger });
    print(report, dryRun);
    exitCode = report.problems.length > 0 || report.failed.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  if (!(error instanceof SheetError)) throw error;
  logger.info({ err: error }, 'import file unusable');
  console.error(t(`innovations.import.fatal.${error.code}`, error.details));
  exitCode = 2;
}
process.exitCode = exitCode;

function print(report: ImportReport, dryRun: boolean): void {
  if (report.ignoredColumns.length > 0) console.log(t('innovations.import.ignored_columns', { columns: report.ignoredColumns.join(', ') }));
  for (const problem of report.problems) console.error(problemLine(t, problem));
  for (const line of report.failed) console.error(t('innovations.import.row_failed', { line }));
  for (const note of report.notes) console.log(t('innovations.import.row_note', { line: note.line, note: noteText(t, note) }));
  const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped };
  console.log(t(dryRun ? 'innovations.import.summary_dry' : 'innovations.import.summary', counts));
  if (report.unreached > 0) console.log(t('innovations.import.unreached', { count: report.unreached }));
  if (!dryRun && report.created + report.updated > 0) console.log(t('innovations.import.sweep'));
}

/** "baris 7, kolom mulai: tanggal tidak dikenali ("31/2/2027")". */
function problemLine(t: Translate, problem: RowProblem): string {
  const vars = { ...problem.vars, ...(problem.vars.stage ? { stage: t(`time.stage.${problem.vars.stage}`) } : {}) };
  return t('innovations.import.row_problem', {
    line: problem.line,
    column: problem.column,
    reason: t(`innovations.import.problem.${problem.code}`, vars),
  });
}

function noteText(t: Translate, note: RowNote): string {
  if (note.kind === 'new_person') {
    const [channel = '', id = ''] = note.person.split(/:(.*)/s);
    return t('innovations.import.note.new_person', { channel: t(`linking.channel.${channel}`), id: id.replace(/@c\.us$/, '') });
  }
  if (note.zone.kind === 'default') return t('innovations.import.note.zone_default');
  return t('innovations.import.note.zone_guessed', { zone: zoneLabel(note.zone.zone), region: note.zone.region });
}
