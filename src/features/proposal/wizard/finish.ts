import type { Context } from '../../../core/context.js';
import { choice, type Reply } from '../../../core/messages.js';
import { INNOVATIONS_FEATURE } from '../../innovations/feature-name.js';
import type { Finding } from '../checks/findings.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';
import { draftFindings } from './draft-findings.js';
import { documentReply } from './draft-output.js';
import type { OpenDraft } from './open-draft.js';
import { closeDraft } from './session-state.js';
import { WizardViews } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

/**
 * The one way a proposal finishes ("selesai", or going past the last section): the summary, the
 * pre-submission check, the Word document, and the draft marked completed and closed. Nothing typed
 * afterwards is added to it; the closing message offers to fix what the check found (which opens the
 * proposal again as a draft) or to start a new one.
 *
 * Everything that should happen once a proposal is done belongs here, including the offer to register
 * its innovation with /inovasi (named after the proposal's title) so its reports are reminded.
 */
export async function finishProposal(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply[]> {
  const views = new WizardViews(ctx.t);
  const findings = await draftFindings(deps, ctx, open);
  const document = await documentReply(ctx, open);
  await deps.store.setStatus(open.draft.id, 'completed');
  closeDraft(ctx.session);
  ctx.logger.info({ draft: open.draft.id, findings: findings.length }, 'proposal finished');
  const closing: Reply = {
    text: ctx.t(findings.length > 0 ? 'proposal.finished_fix' : 'proposal.finished', { title: views.title(open.draft) }),
    choices: [
      ...views.jumpChoices(open.template, open.draft.id, findings),
      choice(PROPOSAL_FEATURE, `reopen:${open.draft.id}`, ctx.t('proposal.choice.reopen_this')),
      choice(PROPOSAL_FEATURE, 'new', ctx.t('proposal.choice.new')),
      choice(INNOVATIONS_FEATURE, `from:${open.draft.id}`, ctx.t('innovations.choice.from_proposal')),
    ],
  };
  return [
    { text: views.summary(open.template, open.draft, open.answers, null) },
    { text: checkText(ctx, open, findings) },
    document,
    closing,
  ];
}

/** "periksa": the pre-submission check while writing, with buttons that jump to each section it names. */
export async function checkReply(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply> {
  const findings = await draftFindings(deps, ctx, open);
  const text = checkText(ctx, open, findings);
  if (findings.length === 0) return { text };
  return {
    text: [text, ctx.t('proposal.check_jump')].join('\n\n'),
    choices: new WizardViews(ctx.t).jumpChoices(open.template, open.draft.id, findings),
  };
}

function checkText(ctx: Context, open: OpenDraft, findings: readonly Finding[]): string {
  const note = open.template.presubmission.note ? [ctx.t('proposal.check_note', { note: open.template.presubmission.note })] : [];
  if (findings.length === 0) return [ctx.t('proposal.check_clean'), ...note].join('\n\n');
  const lines = [
    ctx.t('proposal.check_title', { count: findings.length }),
    ...new WizardViews(ctx.t).findingLines(open.template, findings),
  ];
  return [lines.join('\n'), ...note].join('\n\n');
}
