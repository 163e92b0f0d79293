import type { Session } from '../../../core/sessions.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';

/** What the wizard is waiting for. `replace`: the next message replaces the section's answer ("ubah"). */
export type WizardStep = 'answer' | 'replace' | 'confirm_delete';

/** The version the user's last message created, so "hapus terakhir" can take exactly that message back. */
export interface LastSave {
  sectionKey: string;
  version: number;
}

interface WizardState {
  draftId?: unknown;
  lastSave?: { sectionKey?: unknown; version?: unknown };
}

/**
 * The only wizard state kept in the chat session: which draft is open and what the next message means.
 * The section the user is on lives in the draft (ProposalDraft.currentSection), so it survives an expired
 * session and is the same on every channel.
 */
export function activeDraftId(session: Session): string | undefined {
  const state = wizardState(session);
  return typeof state?.draftId === 'string' ? state.draftId : undefined;
}

export function step(session: Session): WizardStep {
  return session.flow === PROPOSAL_FEATURE && (session.step === 'replace' || session.step === 'confirm_delete') ? session.step : 'answer';
}

/** Opens a draft (or a section of it). Forgets the last save: "hapus terakhir" only undoes in the section just written. */
export function enterDraft(session: Session, draftId: string, next: WizardStep = 'answer'): void {
  session.flow = PROPOSAL_FEATURE;
  session.step = next;
  session.data[PROPOSAL_FEATURE] = { draftId };
}

export function setStep(session: Session, next: WizardStep): void {
  session.step = next;
}

export function lastSave(session: Session): LastSave | undefined {
  const saved = wizardState(session)?.lastSave;
  return typeof saved?.sectionKey === 'string' && typeof saved.version === 'number'
    ? { sectionKey: saved.sectionKey, version: saved.version }
    : undefined;
}

/** Remembers (or, with undefined, forgets) the version the last message created. */
export function setLastSave(session: Session, saved: LastSave | undefined): void {
  const draftId = activeDraftId(session);
  if (!draftId) return;
  session.data[PROPOSAL_FEATURE] = saved ? { draftId, lastSave: saved } : { draftId };
}

/** Leaves the flow but remembers the draft, so a button from an earlier message still finds it. */
export function leaveFlow(session: Session): void {
  if (session.flow === PROPOSAL_FEATURE) {
    session.flow = null;
    session.step = null;
  }
}

export function forgetDraft(session: Session): void {
  leaveFlow(session);
  delete session.data[PROPOSAL_FEATURE];
}

function wizardState(session: Session): WizardState | undefined {
  const state = session.data[PROPOSAL_FEATURE];
  return typeof state === 'object' && state !== null ? (state as WizardState) : undefined;
}
