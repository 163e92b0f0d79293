import { z } from 'zod';
import type { Session } from '../../core/sessions.js';
import { INNOVATIONS_FEATURE } from './feature-name.js';

/** The question the flow waits for. */
export const STEPS = ['name', 'opd', 'stage', 'start', 'cadence', 'trialEnd', 'confirm'] as const;
export const StepSchema = z.enum(STEPS);
export type Step = z.infer<typeof StepSchema>;

const StateSchema = z.object({
  /**
   * register: a new innovation, question after question, ending with the summary to confirm. edit: one
   * answer (and what depends on it: a new stage needs its start date and a fitting cadence), then back to
   * the innovation.
   */
  mode: z.enum(['register', 'edit']),
  /** The row being filled in; null only before the name of a new innovation is given. */
  innovationId: z.string().nullable(),
  /** In edit mode, the step the change began at (a stage change walks on through start date and cadence). */
  from: StepSchema.optional(),
  /** The OPD step waits for typed text after "OPD lain". */
  typingOpd: z.boolean().optional(),
});
export type FlowState = z.infer<typeof StateSchema>;

/** The flow's state, read back through zod (sessions are JSON from the database); undefined if none or stale. */
export function flowState(session: Session): FlowState | undefined {
  if (session.flow !== INNOVATIONS_FEATURE) return undefined;
  const parsed = StateSchema.safeParse(session.data[INNOVATIONS_FEATURE]);
  return parsed.success ? parsed.data : undefined;
}

export function currentStep(session: Session): Step | undefined {
  const parsed = StepSchema.safeParse(session.step);
  return parsed.success ? parsed.data : undefined;
}

/** Opens (or moves) the flow to `step` with `state`. */
export function enterStep(session: Session, step: Step, state: FlowState): void {
  session.flow = INNOVATIONS_FEATURE;
  session.step = step;
  session.data[INNOVATIONS_FEATURE] = JSON.parse(JSON.stringify(state)) as unknown;
}

export function closeFlow(session: Session): void {
  if (session.flow === INNOVATIONS_FEATURE) {
    session.flow = null;
    session.step = null;
  }
  delete session.data[INNOVATIONS_FEATURE];
}
