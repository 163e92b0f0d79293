import type { Session } from '../../../core/sessions.js';

export const FLOW = 'proposal';

/** What the wizard is waiting for. `replace`: the next message replaces the section's answer ("ubah"). */
export type WizardStep = 'answer' | 'replace' | 'confirm_delete';

/**
 * The only wizard state kept in the chat session: which draft is open and what the next message means.
 * The section the user is on lives in the draft (ProposalDraft.currentSection), so it survives an expired
 * session and is the same on every channel.
 */
export function activeDraftId(session: Session): string | undefined {
  const state = session.data[FLOW] as { draftId?: unknown } | undefined;
  return typeof state?.draftId === 'string' ? state.draftId : undefined;
}

export function step(session: Session): WizardStep {
  return session.flow === FLOW && (session.step === 'replace' || session.step === 'confirm_delete') ? session.step : 'answer';
}

export function enterDraft(session: Session, draftId: string, next: WizardStep = 'answer'): void {
  session.flow = FLOW;
  session.step = next;
  session.data[FLOW] = { draftId };
}

export function setStep(session: Session, next: WizardStep): void {
  session.step = next;
}

/** Leaves the flow but remembers the draft, so a button from an earlier message still finds it. */
export function leaveFlow(session: Session): void {
  if (session.flow === FLOW) {
    session.flow = null;
    session.step = null;
  }
}

export function forgetDraft(session: Session): void {
  leaveFlow(session);
  delete session.data[FLOW];
}
