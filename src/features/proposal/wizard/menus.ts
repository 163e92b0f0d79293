import type { Context } from '../../../core/context.js';
import { choice, type Choice, type Reply } from '../../../core/messages.js';
import type { DraftRecord } from '../draft-store.js';
import { formatDateId } from '../export/proposal-document.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';
import { goTo } from './moves.js';
import { loadDraft, withButtonDraft } from './open-draft.js';
import { enterDraft } from './session-state.js';
import { WizardViews, answeredCount } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

/** Drafts shown in a "pick a draft" menu. */
const MAX_LISTED_DRAFTS = 10;
/** Finished proposals named in the /proposal menu's text (the rest are one tap away). */
const MAX_NAMED_DONE = 5;

/**
 * `/proposal` with no draft open: continue the latest open draft, pick another, start a new one, and the
 * finished proposals (which open again as drafts only on request).
 */
export async function startMenu(deps: WizardDeps, ctx: Context): Promise<Reply[]> {
  const { t } = ctx;
  const views = new WizardViews(t);
  const drafts = await deps.store.list(ctx.user.id);
  if (drafts.length === 0) return templateMenu(deps, ctx);
  const { open, done } = byStatus(drafts);
  const parts: string[] = [];
  const choices: Choice[] = [];
  const latest = open[0];
  if (latest) {
    const template = deps.catalog.get(latest.templateId);
    const index = Math.max(0, template?.sections.findIndex((s) => s.key === latest.currentSection) ?? 0);
    const section = template?.sections[index];
    parts.push(
      t('proposal.resume_menu', {
        count: open.length,
        title: views.title(latest),
        section: section ? `${index + 1}. ${section.title}` : '-',
      }),
    );
    choices.push(choice(PROPOSAL_FEATURE, `resume:${latest.id}`, t('proposal.choice.resume', { title: views.title(latest) })));
    if (open.length > 1) choices.push(choice(PROPOSAL_FEATURE, 'list', t('proposal.choice.other')));
  } else {
    parts.push(t('proposal.all_done'));
  }
  choices.push(choice(PROPOSAL_FEATURE, 'new', t('proposal.choice.new')));
  if (done.length > 0) {
    const lines = done.slice(0, MAX_NAMED_DONE).map((d) => t('proposal.done_line', doneVars(deps, views, d)));
    if (done.length > MAX_NAMED_DONE) lines.push(t('proposal.done_more', { count: done.length - MAX_NAMED_DONE }));
    parts.push([t('proposal.done_title', { count: done.length }), ...lines].join('\n'));
    choices.push(choice(PROPOSAL_FEATURE, 'done', t('proposal.choice.done')));
  }
  return [{ text: parts.join('\n\n'), choices }];
}

export function templateMenu(deps: WizardDeps, ctx: Context): Reply[] {
  const templates = deps.catalog.templates;
  if (templates.length === 0) return [{ text: ctx.t('proposal.no_templates') }];
  return [{ text: ctx.t('proposal.choose_template'), choices: templates.map((t) => choice(PROPOSAL_FEATURE, `tpl:${t.id}`, t.name)) }];
}

/** `/draf`, "daftar": the open drafts, most recent first; finished ones are one more tap away. */
export async function draftMenu(deps: WizardDeps, ctx: Context): Promise<Reply[]> {
  const views = new WizardViews(ctx.t);
  const { open, done } = byStatus(await deps.store.list(ctx.user.id));
  if (open.length === 0) return done.length > 0 ? doneMenu(deps, ctx) : templateMenu(deps, ctx);
  const choices: Choice[] = [];
  for (const d of open.slice(0, MAX_LISTED_DRAFTS)) {
    const template = deps.catalog.get(d.templateId);
    const answered = template ? answeredCount(template, await deps.store.answers(d.id)) : 0;
    const label = ctx.t('proposal.choice.open', {
      title: views.title(d),
      template: template?.shortName ?? d.templateId,
      done: answered,
      total: template?.sections.length ?? 0,
    });
    choices.push(choice(PROPOSAL_FEATURE, `open:${d.id}`, label));
  }
  choices.push(choice(PROPOSAL_FEATURE, 'new', ctx.t('proposal.choice.new')));
  if (done.length > 0) choices.push(choice(PROPOSAL_FEATURE, 'done', ctx.t('proposal.choice.done')));
  return [{ text: ctx.t('proposal.list_title'), choices }];
}

/** The finished proposals; picking one opens it again as a draft. */
export async function doneMenu(deps: WizardDeps, ctx: Context): Promise<Reply[]> {
  const views = new WizardViews(ctx.t);
  const { done } = byStatus(await deps.store.list(ctx.user.id));
  if (done.length === 0) return startMenu(deps, ctx);
  const choices = done
    .slice(0, MAX_LISTED_DRAFTS)
    .map((d) => choice(PROPOSAL_FEATURE, `reopen:${d.id}`, ctx.t('proposal.choice.reopen', doneVars(deps, views, d))));
  choices.push(choice(PROPOSAL_FEATURE, 'new', ctx.t('proposal.choice.new')));
  return [{ text: ctx.t('proposal.done_menu'), choices }];
}

export async function createDraft(deps: WizardDeps, ctx: Context, templateId: string): Promise<Reply[]> {
  const template = deps.catalog.get(templateId);
  if (!template) return [{ text: ctx.t('common.choice_expired') }];
  const first = template.sections[0]!;
  const draft = await deps.store.create(ctx.user.id, template.id, first.key);
  ctx.logger.info({ draft: draft.id, template: template.id }, 'proposal draft created');
  enterDraft(ctx.session, draft.id);
  const views = new WizardViews(ctx.t);
  return [
    { text: ctx.t('proposal.started', { template: template.name, description: template.description, count: template.sections.length }) },
    { text: views.sectionPrompt(template, first, undefined, 'answer') },
  ];
}

/** Continues a draft at the section the user left; a finished one is opened again instead. */
export async function resumeDraft(deps: WizardDeps, ctx: Context, draftId: string): Promise<Reply[]> {
  const draft = await deps.store.find(ctx.user.id, draftId);
  if (!draft) return [{ text: ctx.t('proposal.draft_gone') }];
  if (draft.status === 'completed') return reopenDraft(deps, ctx, draftId);
  enterDraft(ctx.session, draft.id);
  const opened = await loadDraft(deps, ctx, draft);
  if (!opened.ok) return opened.replies;
  return goTo(deps, ctx, opened.open, opened.open.section, 'answer');
}

/** Opens a finished proposal again as a draft, at its first section; its answers and history stay. */
export function reopenDraft(deps: WizardDeps, ctx: Context, draftId: string): Promise<Reply[]> {
  return withButtonDraft(deps, ctx, draftId, (open) => goTo(deps, ctx, open, open.template.sections[0]!, 'answer'));
}

function byStatus(drafts: DraftRecord[]): { open: DraftRecord[]; done: DraftRecord[] } {
  return { open: drafts.filter((d) => d.status !== 'completed'), done: drafts.filter((d) => d.status === 'completed') };
}

/** A finished proposal in a list; it was last touched when it was finished. */
function doneVars(deps: WizardDeps, views: WizardViews, draft: DraftRecord): Record<string, string> {
  return {
    title: views.title(draft),
    template: deps.catalog.get(draft.templateId)?.shortName ?? draft.templateId,
    date: formatDateId(draft.updatedAt),
  };
}
