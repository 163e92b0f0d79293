import { z } from 'zod';
import type { Session } from '../../core/sessions.js';

export const REPORT_FEATURE = 'report';

/** Where the flow stands before a report is open: picking the innovation, then the period. */
export type PickStep = 'pick_innovation' | 'pick_period';

const StateSchema = z.object({
  /** The open report; its current question is stored with it (ProgressReport.currentStep). */
  reportId: z.string().optional(),
  /** The innovation whose period is being picked. */
  innovationId: z.string().optional(),
  /** A step reopened from the summary: after its answer the summary comes back. */
  editing: z.boolean().optional(),
});
export type ReportState = z.infer<typeof StateSchema>;

/** The flow's small state (sessions are JSON from the database, so it is read through zod). */
export function reportState(session: Session): ReportState {
  const parsed = StateSchema.safeParse(session.data[REPORT_FEATURE] ?? {});
  return parsed.success ? parsed.data : {};
}

export function enterReportFlow(session: Session, step: string, state: ReportState): void {
  session.flow = REPORT_FEATURE;
  session.step = step;
  session.data[REPORT_FEATURE] = JSON.parse(JSON.stringify(state)) as unknown;
}

export function leaveReportFlow(session: Session): void {
  if (session.flow === REPORT_FEATURE) {
    session.flow = null;
    session.step = null;
  }
  delete session.data[REPORT_FEATURE];
}
