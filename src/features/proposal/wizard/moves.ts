import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { isSubstantive } from '../checks/section-checks.js';
import type { Section } from '../templates/template-schema.js';
import { sectionFindings } from './draft-findings.js';
import { finishProposal } from './finish.js';
import { resolveSection } from './navigation.js';
import type { OpenDraft } from './open-draft.js';
import { enterDraft, setStep } from './session-state.js';
import { WizardViews } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

/** "lanjut": check the section, show what to improve (never blocking), then the next section or the finish. */
export async function next(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply[]> {
  const replies: Reply[] = [];
  const findings = await sectionFindings(deps, ctx, open);
  if (findings.length > 0) {
    const views = new WizardViews(ctx.t);
    replies.push({
      text: [
        ctx.t('proposal.section_findings', { title: open.section.title }),
        ...views.findingLines(open.template, findings),
        ctx.t('proposal.section_findings_continue', { number: open.index + 1 }),
      ].join('\n'),
    });
  }
  return [...replies, ...(await onward(deps, ctx, open))];
}

/** "kembali". */
export async function back(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply[]> {
  const previous = open.template.sections[open.index - 1];
  if (!previous) return [{ text: ctx.t('proposal.first_section') }];
  return goTo(deps, ctx, open, previous, 'answer');
}

/** "lewati": marks an empty section skipped (an answer already written stays) and moves on. */
export async function skip(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply[]> {
  const { section } = open;
  let key = 'proposal.skipped_kept';
  if (!isSubstantive(open.answers.get(section.key)?.text)) {
    open.answers.set(section.key, await deps.store.skip(open.draft.id, section.key));
    key = section.required ? 'proposal.skipped_required' : 'proposal.skipped';
  }
  return [{ text: ctx.t(key, { title: section.title, number: open.index + 1 }) }, ...(await onward(deps, ctx, open))];
}

/** "ubah [bagian]": the section to replace, or a menu when the target is missing or matches several. */
export async function edit(deps: WizardDeps, ctx: Context, open: OpenDraft, target: string | undefined): Promise<Reply[]> {
  const views = new WizardViews(ctx.t);
  const draftId = open.draft.id;
  if (!target) return [{ text: ctx.t('proposal.edit_menu'), choices: views.sectionMenu(open.template, draftId) }];
  const found = resolveSection(open.template, target);
  if (found.length === 1) return goTo(deps, ctx, open, found[0]!, 'replace');
  if (found.length === 0)
    return [{ text: ctx.t('proposal.edit_not_found', { target }), choices: views.sectionMenu(open.template, draftId) }];
  return [{ text: ctx.t('proposal.edit_ambiguous', { target }), choices: views.sectionMenu(open.template, draftId, found) }];
}

/** Moves the draft to a section and shows its prompt; `replace`: the next message replaces its answer. */
export async function goTo(
  deps: WizardDeps,
  ctx: Context,
  open: OpenDraft,
  section: Section,
  mode: 'answer' | 'replace',
): Promise<Reply[]> {
  await deps.store.moveTo(open.draft.id, section.key);
  enterDraft(ctx.session, open.draft.id, mode);
  const answer = open.answers.get(section.key);
  // Replacing an empty section is simply answering it.
  const shown = mode === 'replace' && !isSubstantive(answer?.text) ? 'answer' : mode;
  setStep(ctx.session, shown);
  return [{ text: new WizardViews(ctx.t).sectionPrompt(open.template, section, answer, shown) }];
}

/** The section after this one, or the finish after the last. */
function onward(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply[]> {
  const following = open.template.sections[open.index + 1];
  return following ? goTo(deps, ctx, open, following, 'answer') : finishProposal(deps, ctx, open);
}
