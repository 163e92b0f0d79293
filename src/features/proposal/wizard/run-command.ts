import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { advise } from './advice.js';
import { askDelete } from './deletion.js';
import { showDraft } from './draft-output.js';
import { checkReply, finishProposal } from './finish.js';
import { draftMenu, templateMenu } from './menus.js';
import { back, edit, next, skip } from './moves.js';
import type { NavCommand } from './navigation.js';
import type { OpenDraft } from './open-draft.js';
import { leaveFlow } from './session-state.js';
import { undo } from './undo.js';
import { WizardViews, answeredCount } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

/** A wizard word typed while a draft is open: hands it to the part of the wizard that does that job. */
export async function runCommand(deps: WizardDeps, ctx: Context, open: OpenDraft, nav: NavCommand): Promise<Reply[]> {
  const views = new WizardViews(ctx.t);
  switch (nav.kind) {
    case 'next':
      return next(deps, ctx, open);
    case 'back':
      return back(deps, ctx, open);
    case 'skip':
      return skip(deps, ctx, open);
    case 'edit':
      return edit(deps, ctx, open, nav.target);
    case 'summary':
    case 'markdown':
    case 'document':
      return showDraft(ctx, open, nav.kind, open.section.key);
    case 'save':
      leaveFlow(ctx.session);
      return [
        {
          text: ctx.t('proposal.saved_exit', {
            title: views.title(open.draft),
            done: answeredCount(open.template, open.answers),
            total: open.template.sections.length,
          }),
        },
      ];
    case 'cancel':
      leaveFlow(ctx.session);
      return [{ text: ctx.t('proposal.cancelled', { done: answeredCount(open.template, open.answers) }) }];
    case 'finish':
      return finishProposal(deps, ctx, open);
    case 'check':
      return [await checkReply(deps, ctx, open)];
    case 'advise':
      return advise(deps, ctx, open);
    case 'undo':
      return undo(deps, ctx, open);
    case 'delete':
      return askDelete(ctx, open);
    case 'help':
      return [{ text: ctx.t('proposal.help') }];
    case 'show':
      return [{ text: views.sectionPrompt(open.template, open.section, open.answers.get(open.section.key), 'answer') }];
    case 'list':
      return draftMenu(deps, ctx);
    case 'new':
      return templateMenu(deps, ctx);
  }
}
