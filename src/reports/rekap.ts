import type { Db } from '../db/client.js';
import { compareDates, daysBetween, type LocalDate } from '../core/time/local-date.js';
import { todayIn } from '../core/time/zoned.js';
import type { Period } from '../innovations/periods.js';
import { scopeFilter, type Scope } from '../people/scopes.js';
import { keysOverlapping, periodsInWindow, type PeriodWindow } from './period-window.js';
import { personZone } from './person-zone.js';
import { scheduleOf } from './report-periods.js';

export type RekapStatus = 'submitted' | 'due' | 'overdue' | 'none';

/** One innovation's report for one period of the window (or the innovation alone when it has none there). */
export interface RekapRow {
  innovation: { id: string; name: string; opd: string; region: string | null; stage: string };
  owner: string | null;
  period?: Period;
  status: RekapStatus;
  /** For overdue rows: whole days since the due date, in the owner's calendar. */
  daysLate?: number;
  report?: {
    status: string;
    via: string;
    submittedAt: Date | null;
    progress: number | null;
    activities: string | null;
    results: string | null;
    obstacles: string | null;
    nextSteps: string | null;
    attachments: string[];
  };
}

export interface Rekap {
  window: PeriodWindow;
  rows: RekapRow[];
  counts: Record<RekapStatus, number>;
}

/**
 * The reporting status of every innovation in a coordinator's scopes (`undefined` = everything, an admin)
 * for a month or quarter: submitted, not yet due, or overdue by how many days, judged on each owner's own
 * calendar. Active innovations are all listed; paused or ended ones only when they reported in the window.
 * Rows come sorted by OPD, innovation and period.
 */
export async function buildRekap(db: Db, scopes: readonly Scope[] | undefined, window: PeriodWindow, now: Date): Promise<Rekap> {
  const innovations = await db.innovation.findMany({
    where: scopeFilter(scopes) ?? {},
    include: {
      owner: { select: { fullName: true, displayName: true, timeZone: true } },
      reports: {
        where: { periodKey: { in: keysOverlapping(window) } },
        include: { attachments: { select: { fileName: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
      },
    },
    orderBy: [{ opd: 'asc' }, { name: 'asc' }, { id: 'asc' }],
  });
  const rows: RekapRow[] = [];
  for (const innovation of innovations) {
    const today = todayIn(now, personZone(innovation.owner.timeZone));
    const periods = periodsInWindow(scheduleOf(innovation), window);
    const byKey = new Map(innovation.reports.map((r) => [r.periodKey, r]));
    const reported = periods.some((p) => byKey.get(p.key)?.status === 'submitted');
    if (innovation.status !== 'active' && !reported) continue;
    const base = {
      innovation: { id: innovation.id, name: innovation.name, opd: innovation.opd, region: innovation.region, stage: innovation.stage },
      owner: innovation.owner.fullName ?? innovation.owner.displayName,
    };
    if (periods.length === 0) rows.push({ ...base, status: 'none' });
    for (const period of periods) {
      const found = byKey.get(period.key);
      const report = found && {
        status: found.status,
        via: found.via,
        submittedAt: found.submittedAt,
        progress: found.progress,
        activities: found.activities,
        results: found.results,
        obstacles: found.obstacles,
        nextSteps: found.nextSteps,
        attachments: found.attachments.map((a) => a.fileName),
      };
      rows.push({ ...base, period, ...status(found?.status, period, today), ...(report ? { report } : {}) });
    }
  }
  const counts: Record<RekapStatus, number> = { submitted: 0, due: 0, overdue: 0, none: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { window, rows, counts };
}

function status(reportStatus: string | undefined, period: Period, today: LocalDate): Pick<RekapRow, 'status' | 'daysLate'> {
  if (reportStatus === 'submitted') return { status: 'submitted' };
  if (compareDates(today, period.due) <= 0) return { status: 'due' };
  return { status: 'overdue', daysLate: daysBetween(period.due, today) };
}
