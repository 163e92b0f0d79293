import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { showDraft } from './draft-output.js';
import { startMenu } from './menus.js';
import { parseNavigation, type NavCommand } from './navigation.js';
import { loadDraft } from './open-draft.js';
import { activeDraftId } from './session-state.js';
import { WizardViews } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

/**
 * Wizard words that are only about a draft. Sent alone when no draft is open (typically right after
 * "selesai"), they are answered here rather than taken for a question; words that also make sense
 * elsewhere (bantuan, menu, batal, daftar) are left to the rest of Pandu.
 */
const DRAFT_WORDS: ReadonlySet<NavCommand['kind']> = new Set([
  'next',
  'back',
  'skip',
  'edit',
  'summary',
  'save',
  'finish',
  'check',
  'advise',
  'markdown',
  'document',
  'undo',
]);

/** The draft word in a message, if the whole message is one. */
export function draftWord(text: string): NavCommand | undefined {
  const nav = parseNavigation(text);
  return nav && DRAFT_WORDS.has(nav.kind) ? nav : undefined;
}

/**
 * A draft word with no draft open. "ringkasan", "markdown" and "dokumen" show the draft last open (a
 * finished proposal too) without changing it; every other word changes nothing (a finished proposal is
 * neither extended nor exported again) and gets the /proposal menu to continue, start or reopen.
 */
export async function wordWithoutDraft(deps: WizardDeps, ctx: Context, nav: NavCommand): Promise<Reply[]> {
  const draftId = activeDraftId(ctx.session);
  const draft = draftId ? await deps.store.find(ctx.user.id, draftId) : null;
  if (draft && (nav.kind === 'summary' || nav.kind === 'markdown' || nav.kind === 'document')) {
    const opened = await loadDraft(deps, ctx, draft);
    return opened.ok ? showDraft(ctx, opened.open, nav.kind, null) : opened.replies;
  }
  const note =
    draft?.status === 'completed'
      ? ctx.t('proposal.finished_closed', { title: new WizardViews(ctx.t).title(draft) })
      : ctx.t('proposal.not_open');
  return [{ text: note }, ...(await startMenu(deps, ctx))];
}
