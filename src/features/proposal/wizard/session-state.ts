import { z } from 'zod';
import type { Session } from '../../../core/sessions.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';

/** What the wizard is waiting for. `replace`: the next message replaces the section's answer ("ubah"). */
export type WizardStep = 'answer' | 'replace' | 'confirm_delete';

/** The version the user's last message created, so "hapus terakhir" can take exactly that message back. */
export interface LastSave {
  sectionKey: string;
  version: number;
}

/**
 * A question typed in a section: answered, not saved, and kept here so a "Simpan sebagai jawaban" button can
 * still save it. The token ties a button to its question, so an older button never saves a newer question.
 */
export interface PendingQuestion {
  token: string;
  draftId: string;
  sectionKey: string;
  text: string;
}

/** Only the last few questions keep their button working; the session stays small. */
const MAX_PENDING_QUESTIONS = 3;

// Read back from the database (session JSON), so checked field by field; anything malformed is dropped.
const lastSaveSchema = z.object({ sectionKey: z.string(), version: z.number() });
const pendingSchema = z.object({ token: z.string(), draftId: z.string(), sectionKey: z.string(), text: z.string() });
const stateSchema = z.object({
  draftId: z.string().optional().catch(undefined),
  lastSave: lastSaveSchema.optional().catch(undefined),
  questions: z.array(pendingSchema).optional().catch(undefined),
});
type WizardState = z.infer<typeof stateSchema>;

/**
 * The only wizard state kept in the chat session: which draft is open (or was open last, after the flow
 * ended, so buttons and "markdown" still find it), what the next message means, and questions that were not
 * saved. The section the user is on lives in the draft (ProposalDraft.currentSection), so it survives an
 * expired session and is the same on every channel.
 */
export function activeDraftId(session: Session): string | undefined {
  return wizardState(session).draftId;
}

/** True while the wizard takes free text for a draft. */
export function inFlow(session: Session): boolean {
  return session.flow === PROPOSAL_FEATURE;
}

export function step(session: Session): WizardStep {
  return inFlow(session) && (session.step === 'replace' || session.step === 'confirm_delete') ? session.step : 'answer';
}

/** Opens a draft (or a section of it). Forgets the last save: "hapus terakhir" only undoes in the section just written. */
export function enterDraft(session: Session, draftId: string, next: WizardStep = 'answer'): void {
  session.flow = PROPOSAL_FEATURE;
  session.step = next;
  writeState(session, { ...wizardState(session), draftId, lastSave: undefined });
}

export function setStep(session: Session, next: WizardStep): void {
  session.step = next;
}

export function lastSave(session: Session): LastSave | undefined {
  return wizardState(session).lastSave;
}

/** Remembers (or, with undefined, forgets) the version the last message created. */
export function setLastSave(session: Session, saved: LastSave | undefined): void {
  const state = wizardState(session);
  if (state.draftId) writeState(session, { ...state, lastSave: saved });
}

/** Remembers a question that was answered instead of saved; returns the token its button carries. */
export function rememberQuestion(session: Session, question: Omit<PendingQuestion, 'token'>, now: Date): string {
  const state = wizardState(session);
  const kept = (state.questions ?? []).slice(-(MAX_PENDING_QUESTIONS - 1));
  // The person's messages are handled one at a time, so the time alone tells two of their questions apart.
  let token = now.getTime().toString(36);
  while (kept.some((q) => q.token === token)) token = `${token}x`;
  writeState(session, { ...state, questions: [...kept, { ...question, token }] });
  return token;
}

/** Takes a remembered question out of the session (it is being saved), if its button is still valid. */
export function takeQuestion(session: Session, draftId: string, token: string): PendingQuestion | undefined {
  const state = wizardState(session);
  const found = state.questions?.find((q) => q.token === token && q.draftId === draftId);
  if (found) writeState(session, { ...state, questions: state.questions!.filter((q) => q !== found) });
  return found;
}

/** Leaves the flow but remembers the draft, so a button from an earlier message still finds it. */
export function leaveFlow(session: Session): void {
  if (inFlow(session)) {
    session.flow = null;
    session.step = null;
  }
}

/** Leaves the flow of a finished draft: nothing typed afterwards can be added to it or undone in it. */
export function closeDraft(session: Session): void {
  leaveFlow(session);
  setLastSave(session, undefined);
}

export function forgetDraft(session: Session): void {
  leaveFlow(session);
  delete session.data[PROPOSAL_FEATURE];
}

function wizardState(session: Session): WizardState {
  const parsed = stateSchema.safeParse(session.data[PROPOSAL_FEATURE] ?? {});
  return parsed.success ? parsed.data : {};
}

function writeState(session: Session, state: WizardState): void {
  const clean: WizardState = {};
  if (state.draftId) clean.draftId = state.draftId;
  if (state.lastSave) clean.lastSave = state.lastSave;
  if (state.questions && state.questions.length > 0) clean.questions = state.questions;
  session.data[PROPOSAL_FEATURE] = clean;
}
