import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import type { DraftRecord, SectionAnswerState } from '../draft-store.js';
import type { Section, Template } from '../templates/template-schema.js';
import { activeDraftId, enterDraft, forgetDraft, inFlow, leaveFlow } from './session-state.js';
import { WizardViews } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

/** The draft the wizard works on, with its template, current answers and the section the user is on. */
export interface OpenDraft {
  draft: DraftRecord;
  template: Template;
  answers: Map<string, SectionAnswerState>;
  section: Section;
  index: number;
}

/** A draft that could be opened, or the replies that say why not. */
export type Opened = { ok: true; open: OpenDraft } | { ok: false; replies: Reply[] };

/**
 * The draft open in the session. A finished (completed) draft is never open: a session still pointing at
 * one (finished on another channel, or before finishing closed the flow) leaves the flow and says so.
 */
export async function openActive(deps: WizardDeps, ctx: Context): Promise<Opened> {
  const draftId = activeDraftId(ctx.session);
  if (!draftId) {
    leaveFlow(ctx.session);
    return { ok: false, replies: [{ text: ctx.t('proposal.no_draft') }] };
  }
  const draft = await deps.store.find(ctx.user.id, draftId);
  if (!draft) {
    forgetDraft(ctx.session);
    return { ok: false, replies: [{ text: ctx.t('proposal.draft_gone') }] };
  }
  if (draft.status === 'completed') {
    leaveFlow(ctx.session);
    return { ok: false, replies: [{ text: ctx.t('proposal.finished_not_saved', { title: new WizardViews(ctx.t).title(draft) }) }] };
  }
  return loadDraft(deps, ctx, draft);
}

/** A draft with its template and answers; says so (and leaves the flow) when its template is not loaded. */
export async function loadDraft(deps: WizardDeps, ctx: Context, draft: DraftRecord): Promise<Opened> {
  const template = deps.catalog.get(draft.templateId);
  if (!template) {
    leaveFlow(ctx.session);
    ctx.logger.warn({ draft: draft.id, template: draft.templateId }, 'draft template not loaded');
    return { ok: false, replies: [{ text: ctx.t('proposal.template_gone', { template: draft.templateId }) }] };
  }
  const found = template.sections.findIndex((s) => s.key === draft.currentSection);
  const index = found < 0 ? 0 : found;
  const open = { draft, template, answers: await deps.store.answers(draft.id), section: template.sections[index]!, index };
  return { ok: true, open };
}

/** Runs `fn` with the open draft, or explains why there is none. */
export async function withOpen(deps: WizardDeps, ctx: Context, fn: (open: OpenDraft) => Promise<Reply[]>): Promise<Reply[]> {
  const opened = await openActive(deps, ctx);
  return opened.ok ? fn(opened.open) : opened.replies;
}

/**
 * Runs `fn` on the draft a button was made for, opening it for editing. A button left from another draft's
 * menu switches to that draft and says so first: it must never act on whichever draft happens to be open
 * now. A finished draft is opened again as a draft (editing it means it is no longer finished); its
 * answers and their history stay as they are.
 */
export async function withButtonDraft(
  deps: WizardDeps,
  ctx: Context,
  draftId: string,
  fn: (open: OpenDraft) => Promise<Reply[]>,
): Promise<Reply[]> {
  // Checked before switching, so a button of a deleted draft leaves the open draft as it is.
  const draft = await deps.store.find(ctx.user.id, draftId);
  if (!draft) return [{ text: ctx.t('proposal.draft_gone') }];
  const views = new WizardViews(ctx.t);
  const active = activeDraftId(ctx.session);
  const notes: Reply[] = [];
  if (draft.status === 'completed') {
    await deps.store.setStatus(draft.id, 'draft');
    draft.status = 'draft';
    ctx.logger.info({ draft: draft.id }, 'finished proposal reopened');
    notes.push({ text: ctx.t('proposal.reopened', { title: views.title(draft) }) });
  } else if (active && active !== draftId) {
    notes.push({ text: ctx.t('proposal.switched', { title: views.title(draft) }) });
  }
  // The same draft, still open: keep what the session knows (a pending "ubah", the last save).
  if (active !== draftId || !inFlow(ctx.session)) enterDraft(ctx.session, draft.id);
  const opened = await loadDraft(deps, ctx, draft);
  if (!opened.ok) return opened.replies;
  return [...notes, ...(await fn(opened.open))];
}
