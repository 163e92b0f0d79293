import type { Context } from '../../core/context.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { InnovationStore } from '../../innovations/innovation-store.js';

/**
 * Called whenever an innovation's schedule may have changed (confirmed, stage, dates, cadence, paused,
 * ended), so the reminder planner can re-plan it. The row is the source of truth: a failing hook is logged
 * and the planner's periodic sweep catches up.
 */
export type ScheduleChanged = (innovationId: string) => Promise<void> | void;

export interface InnovationsDeps {
  store: InnovationStore;
  /** ProfileFeature.require: starts the profile flow when name, OPD, region or zone is missing. */
  requireProfile: (ctx: Context, resume: string) => Promise<Reply[] | undefined>;
  /** Answers a question typed in the middle of the flow, so it is not taken for an answer. */
  ask: (ctx: Context, question: string) => Promise<Reply[]>;
  onScheduleChanged?: ScheduleChanged;
  t: Translate;
}

/** Tells the reminder planner; the row is already saved, so a failing hook is logged and the person is not bothered. */
export async function scheduleChanged(deps: InnovationsDeps, ctx: Context, innovationId: string): Promise<void> {
  try {
    await deps.onScheduleChanged?.(innovationId);
  } catch (error) {
    ctx.logger.error({ err: error, innovation: innovationId }, 'reminder planner hook failed');
  }
}
