import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { saveAnswer } from './answers.js';
import { parseDraftPayload } from './choice-payloads.js';
import { answerDelete } from './deletion.js';
import { looksLikeQuestion } from './looks-like-question.js';
import { createDraft, doneMenu, draftMenu, reopenDraft, resumeDraft, startMenu, templateMenu } from './menus.js';
import { goTo } from './moves.js';
import { parseNavigation } from './navigation.js';
import { openActive, withButtonDraft, withOpen } from './open-draft.js';
import { answerQuestion, keepQuestion } from './questions.js';
import { runCommand } from './run-command.js';
import { inFlow, setStep, step } from './session-state.js';
import { WizardViews } from './views.js';
import type { WizardDeps } from './wizard-deps.js';
import { draftWord, wordWithoutDraft } from './words-without-draft.js';

/**
 * The proposal conversation as the feature sees it: which part of the wizard a command, a button or a
 * message goes to. It keeps no state of its own: the draft lives in the database, and the session only
 * says which draft is open and what the next message means.
 */
export class ProposalWizard {
  constructor(private readonly deps: WizardDeps) {}

  /** `/proposal [baru|daftar]`, "mau bikin proposal". */
  async start(ctx: Context, args: string): Promise<Reply[]> {
    const { deps } = this;
    if (deps.catalog.templates.length === 0) return [{ text: ctx.t('proposal.no_templates') }];
    const arg = args.trim().toLowerCase();
    if (['baru', 'new'].includes(arg)) return templateMenu(deps, ctx);
    if (['daftar', 'list', 'draf'].includes(arg)) return draftMenu(deps, ctx);
    if (inFlow(ctx.session)) {
      const opened = await openActive(deps, ctx);
      if (opened.ok) {
        const { template, section, answers } = opened.open;
        const mode = step(ctx.session) === 'replace' ? 'replace' : 'answer';
        return [{ text: new WizardViews(ctx.t).sectionPrompt(template, section, answers.get(section.key), mode) }];
      }
    }
    return startMenu(deps, ctx);
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const { deps } = this;
    const sep = payload.indexOf(':');
    const action = sep < 0 ? payload : payload.slice(0, sep);
    const arg = sep < 0 ? '' : payload.slice(sep + 1);
    switch (action) {
      case 'tpl':
        return createDraft(deps, ctx, arg);
      case 'resume':
      case 'open':
        return resumeDraft(deps, ctx, arg);
      case 'reopen':
        return reopenDraft(deps, ctx, arg);
      case 'list':
        return draftMenu(deps, ctx);
      case 'done':
        return doneMenu(deps, ctx);
      case 'new':
        return templateMenu(deps, ctx);
    }
    const target = parseDraftPayload(arg);
    if (!target) return [{ text: ctx.t('common.choice_expired') }];
    switch (action) {
      case 'edit':
      case 'go':
        return withButtonDraft(deps, ctx, target.draftId, (open) => {
          const section = open.template.sections.find((s) => s.key === target.arg);
          if (!section) return Promise.resolve([{ text: ctx.t('common.choice_expired') }]);
          return goTo(deps, ctx, open, section, action === 'edit' ? 'replace' : 'answer');
        });
      case 'del':
        return answerDelete(deps, ctx, target.draftId, target.arg === 'yes');
      case 'keep':
        return keepQuestion(deps, ctx, target.draftId, target.arg);
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  /** Free text while a draft is open: a wizard word, a question to answer, or (part of) the section's answer. */
  async onText(ctx: Context, text: string): Promise<Reply[]> {
    const { deps } = this;
    return withOpen(deps, ctx, async (open) => {
      if (step(ctx.session) === 'confirm_delete') setStep(ctx.session, 'answer');
      const nav = parseNavigation(text);
      if (nav) return runCommand(deps, ctx, open, nav);
      if (looksLikeQuestion(text)) return answerQuestion(deps, ctx, open, text);
      return saveAnswer(deps, ctx, open, text);
    });
  }

  /** A file while a section waits for text: say so; nothing is saved or changed. */
  async onFile(ctx: Context): Promise<Reply[]> {
    return [{ text: ctx.t('proposal.file_not_supported') }];
  }

  /** True for a wizard word that only makes sense about a draft ("lanjut", "selesai", "markdown"). */
  isDraftWord(text: string): boolean {
    return draftWord(text) !== undefined;
  }

  /** Free text the feature claimed with no draft open: a draft word, or the wish to write a proposal. */
  async onClaim(ctx: Context, text: string): Promise<Reply[]> {
    const nav = draftWord(text);
    return nav ? wordWithoutDraft(this.deps, ctx, nav) : this.start(ctx, '');
  }
}
