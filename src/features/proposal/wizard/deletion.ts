import type { Context } from '../../../core/context.js';
import { choice, type Reply } from '../../../core/messages.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';
import { draftPayload } from './choice-payloads.js';
import { withOpen, type OpenDraft } from './open-draft.js';
import { activeDraftId, forgetDraft, setStep, step } from './session-state.js';
import { WizardViews } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

/** "hapus": asks first; the answer buttons name this draft. */
export function askDelete(ctx: Context, open: OpenDraft): Reply[] {
  setStep(ctx.session, 'confirm_delete');
  return [
    {
      text: ctx.t('proposal.delete_confirm', { title: new WizardViews(ctx.t).title(open.draft) }),
      choices: [
        choice(PROPOSAL_FEATURE, draftPayload('del', open.draft.id, 'yes'), ctx.t('proposal.choice.delete_yes')),
        choice(PROPOSAL_FEATURE, draftPayload('del', open.draft.id, 'no'), ctx.t('proposal.choice.delete_no')),
      ],
    },
  ];
}

/** "Ya, hapus" deletes only the draft it was asked about, and only while that question is the open one. */
export async function answerDelete(deps: WizardDeps, ctx: Context, draftId: string, yes: boolean): Promise<Reply[]> {
  if (draftId !== activeDraftId(ctx.session)) {
    const other = await deps.store.find(ctx.user.id, draftId);
    if (!other) return [{ text: ctx.t('proposal.draft_gone') }];
    return [{ text: ctx.t('proposal.delete_other', { title: new WizardViews(ctx.t).title(other) }) }];
  }
  return withOpen(deps, ctx, async (open) => {
    if (!yes || step(ctx.session) !== 'confirm_delete') {
      setStep(ctx.session, 'answer');
      return [{ text: ctx.t('proposal.delete_kept') }];
    }
    const title = new WizardViews(ctx.t).title(open.draft);
    await deps.store.remove(ctx.user.id, open.draft.id);
    ctx.logger.info({ draft: open.draft.id }, 'proposal draft deleted');
    forgetDraft(ctx.session);
    return [{ text: ctx.t('proposal.deleted', { title }) }];
  });
}
