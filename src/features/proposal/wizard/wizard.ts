import type { Context } from '../../../core/context.js';
import { choice, type Reply } from '../../../core/messages.js';
import { fitText } from '../../../knowledge/answer/fit-message.js';
import type { Finding } from '../checks/findings.js';
import { checkDraft, draftTitle, titleFindings } from '../checks/presubmission-check.js';
import { checkSection, countWords, isSubstantive } from '../checks/section-checks.js';
import type { DraftRecord, DraftStore, SectionAnswerState } from '../draft-store.js';
import { DOCX_MIME, renderDocx } from '../export/docx-export.js';
import { draftRevision, exportFileName } from '../export/export-name.js';
import { renderMarkdown } from '../export/markdown-export.js';
import { buildProposalDocument, type ProposalDocument } from '../export/proposal-document.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';
import type { SectionAdvisor } from '../saran/section-advisor.js';
import type { TemplateCatalog } from '../templates/template-catalog.js';
import type { Section, Template } from '../templates/template-schema.js';
import { draftPayload, parseDraftPayload } from './choice-payloads.js';
import { looksLikeQuestion } from './looks-like-question.js';
import { parseNavigation, resolveSection, type NavCommand } from './navigation.js';
import { activeDraftId, enterDraft, forgetDraft, lastSave, leaveFlow, setLastSave, setStep, step } from './session-state.js';
import { WizardViews, answeredCount } from './views.js';

/** A section answer beyond this is refused (nothing is lost); keeps rows, messages and documents sane. */
export const MAX_SECTION_CHARS = 20_000;
/** Drafts shown in the "pick a draft" menu. */
const MAX_LISTED_DRAFTS = 10;
const MAX_SARAN_CHARS = 2500;

interface Open {
  draft: DraftRecord;
  template: Template;
  answers: Map<string, SectionAnswerState>;
  section: Section;
  index: number;
}

export interface WizardDeps {
  store: DraftStore;
  catalog: TemplateCatalog;
  advisor: SectionAdvisor;
}

/**
 * The proposal conversation: choosing a template or draft, answering section by section, the navigation
 * words, the checks, and the finished document. It keeps no state of its own: the draft lives in the
 * database, and the session only says which draft is open and whether the next message replaces an answer.
 */
export class ProposalWizard {
  constructor(private readonly deps: WizardDeps) {}

  /** `/proposal [baru|daftar]`, "mau bikin proposal". */
  async start(ctx: Context, args: string): Promise<Reply[]> {
    const views = new WizardViews(ctx.t);
    if (this.deps.catalog.templates.length === 0) return [{ text: ctx.t('proposal.no_templates') }];
    const arg = args.trim().toLowerCase();
    if (['baru', 'new'].includes(arg)) return this.templateMenu(ctx);
    if (['daftar', 'list', 'draf'].includes(arg)) return this.draftMenu(ctx);
    if (ctx.session.flow === PROPOSAL_FEATURE) {
      const open = await this.open(ctx);
      if (!Array.isArray(open))
        return [
          {
            text: views.sectionPrompt(
              open.template,
              open.section,
              open.answers.get(open.section.key),
              step(ctx.session) === 'replace' ? 'replace' : 'answer',
            ),
          },
        ];
    }
    const drafts = await this.deps.store.list(ctx.user.id);
    const latest = drafts[0];
    if (!latest) return this.templateMenu(ctx);
    const template = this.deps.catalog.get(latest.templateId);
    const sectionIndex = template
      ? Math.max(
          0,
          template.sections.findIndex((s) => s.key === latest.currentSection),
        )
      : 0;
    const section = template?.sections[sectionIndex];
    const choices = [choice(PROPOSAL_FEATURE, `resume:${latest.id}`, ctx.t('proposal.choice.resume', { title: views.title(latest) }))];
    if (drafts.length > 1) choices.push(choice(PROPOSAL_FEATURE, 'list', ctx.t('proposal.choice.other')));
    choices.push(choice(PROPOSAL_FEATURE, 'new', ctx.t('proposal.choice.new')));
    const text = ctx.t('proposal.resume_menu', {
      count: drafts.length,
      title: views.title(latest),
      section: section ? `${sectionIndex + 1}. ${section.title}` : '-',
    });
    return [{ text, choices }];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const sep = payload.indexOf(':');
    const action = sep < 0 ? payload : payload.slice(0, sep);
    const arg = sep < 0 ? '' : payload.slice(sep + 1);
    switch (action) {
      case 'tpl':
        return this.createDraft(ctx, arg);
      case 'resume':
      case 'open':
        return this.openDraft(ctx, arg);
      case 'list':
        return this.draftMenu(ctx);
      case 'new':
        return this.templateMenu(ctx);
      case 'edit':
      case 'go': {
        const target = parseDraftPayload(arg);
        if (!target) return [{ text: ctx.t('common.choice_expired') }];
        return this.withButtonDraft(ctx, target.draftId, (open) => {
          const section = open.template.sections.find((s) => s.key === target.arg);
          if (!section) return Promise.resolve([{ text: ctx.t('common.choice_expired') }]);
          return this.goTo(ctx, open, section, action === 'edit' ? 'replace' : 'answer');
        });
      }
      case 'del': {
        const target = parseDraftPayload(arg);
        if (!target) return [{ text: ctx.t('common.choice_expired') }];
        return this.answerDelete(ctx, target.draftId, target.arg === 'yes');
      }
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  /** Free text while the wizard is open: a navigation word, or (part of) the current section's answer. */
  async onText(ctx: Context, text: string): Promise<Reply[]> {
    return this.withOpen(ctx, async (open) => {
      if (step(ctx.session) === 'confirm_delete') setStep(ctx.session, 'answer');
      const nav = parseNavigation(text);
      return nav ? this.navigate(ctx, open, nav) : this.saveAnswer(ctx, open, text);
    });
  }

  /** A file while a section waits for text: say so; nothing is saved or changed. */
  async onFile(ctx: Context): Promise<Reply[]> {
    return [{ text: ctx.t('proposal.file_not_supported') }];
  }

  private async navigate(ctx: Context, open: Open, nav: NavCommand): Promise<Reply[]> {
    const views = new WizardViews(ctx.t);
    switch (nav.kind) {
      case 'next':
        return this.next(ctx, open);
      case 'back': {
        const previous = open.template.sections[open.index - 1];
        if (!previous) return [{ text: ctx.t('proposal.first_section') }];
        return this.goTo(ctx, open, previous, 'answer');
      }
      case 'skip':
        return this.skip(ctx, open);
      case 'edit':
        return this.edit(ctx, open, nav.target);
      case 'summary':
        return [{ text: views.summary(open.template, open.draft, open.answers, open.section.key) }];
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
        return this.finish(ctx, open);
      case 'check':
        return [await this.checkReply(ctx, open)];
      case 'advise':
        return this.advise(ctx, open);
      case 'markdown':
        // One reply: every channel splits long text at paragraph or sentence boundaries when it sends it.
        return [{ text: renderMarkdown(await this.document(ctx, open)) }];
      case 'document':
        return [await this.documentReply(ctx, open)];
      case 'undo':
        return this.undo(ctx, open);
      case 'delete':
        setStep(ctx.session, 'confirm_delete');
        return [
          {
            text: ctx.t('proposal.delete_confirm', { title: views.title(open.draft) }),
            choices: [
              choice(PROPOSAL_FEATURE, draftPayload('del', open.draft.id, 'yes'), ctx.t('proposal.choice.delete_yes')),
              choice(PROPOSAL_FEATURE, draftPayload('del', open.draft.id, 'no'), ctx.t('proposal.choice.delete_no')),
            ],
          },
        ];
      case 'help':
        return [{ text: ctx.t('proposal.help') }];
      case 'show':
        return [{ text: views.sectionPrompt(open.template, open.section, open.answers.get(open.section.key), 'answer') }];
      case 'list':
        return this.draftMenu(ctx);
      case 'new':
        return this.templateMenu(ctx);
    }
  }

  private async saveAnswer(ctx: Context, open: Open, text: string): Promise<Reply[]> {
    const { store } = this.deps;
    const { section, draft } = open;
    const replacing = step(ctx.session) === 'replace';
    const previous = open.answers.get(section.key)?.text ?? '';
    if (!replacing && previous.length + text.length + 1 > MAX_SECTION_CHARS) {
      return [{ text: ctx.t('proposal.section_full', { chars: previous.length, number: open.index + 1 }) }];
    }
    const saved = replacing ? await store.replace(draft.id, section.key, text) : await store.append(draft.id, section.key, text);
    // Only the first message after "ubah" replaces; the ones after it continue the new answer.
    setStep(ctx.session, 'answer');
    setLastSave(ctx.session, { sectionKey: section.key, version: saved.version });
    const key = replacing ? 'proposal.replaced' : 'proposal.saved';
    const lines = [ctx.t(key, { words: countWords(saved.text), title: section.title })];
    const title = await this.syncTitle(open, saved.text);
    if (title) lines.push(ctx.t('proposal.title_set', { title }));
    // Saved all the same (a guess must never lose text), but a question should not end up in the proposal unnoticed.
    if (looksLikeQuestion(text)) lines.push(ctx.t('proposal.question_saved'));
    return [{ text: lines.join('\n') }];
  }

  /** The title section's answer is the draft's title; returns the new title when this is that section. */
  private async syncTitle(open: Open, text: string): Promise<string | null> {
    if (open.section.key !== open.template.presubmission.titleSection) return null;
    const title = isSubstantive(text) ? draftTitle(text) : null;
    await this.deps.store.setTitle(open.draft.id, title);
    return title;
  }

  /**
   * "hapus terakhir": takes back the last message saved in this section by writing the version before it
   * again (the taken-back text stays in the history). Only right after that message: not after moving to
   * another section, and not when something else (another channel, a skip) wrote to the section since.
   */
  private async undo(ctx: Context, open: Open): Promise<Reply[]> {
    const { store } = this.deps;
    const { section, draft } = open;
    const saved = lastSave(ctx.session);
    if (!saved || saved.sectionKey !== section.key || open.answers.get(section.key)?.version !== saved.version) {
      return [{ text: ctx.t('proposal.undo_nothing') }];
    }
    const previous = (await store.history(draft.id, section.key)).find((v) => v.version === saved.version - 1);
    const restored = await store.replace(draft.id, section.key, previous?.text ?? '');
    // Once only: a second "hapus terakhir" would otherwise bring the removed message back.
    setLastSave(ctx.session, undefined);
    await this.syncTitle(open, restored.text);
    return [{ text: ctx.t('proposal.undone', { title: section.title, words: countWords(restored.text) }) }];
  }

  /** "lanjut": check the section, show what to improve (never blocking), then the next section or the end. */
  private async next(ctx: Context, open: Open): Promise<Reply[]> {
    const replies: Reply[] = [];
    const findings = await this.sectionFindings(ctx, open);
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
    const following = open.template.sections[open.index + 1];
    if (!following) return [...replies, ...(await this.finish(ctx, open))];
    return [...replies, ...(await this.goTo(ctx, open, following, 'answer'))];
  }

  private async skip(ctx: Context, open: Open): Promise<Reply[]> {
    const { section } = open;
    const hasText = isSubstantive(open.answers.get(section.key)?.text);
    let key = 'proposal.skipped_kept';
    if (!hasText) {
      open.answers.set(section.key, await this.deps.store.skip(open.draft.id, section.key));
      key = section.required ? 'proposal.skipped_required' : 'proposal.skipped';
    }
    const note: Reply = { text: ctx.t(key, { title: section.title, number: open.index + 1 }) };
    const following = open.template.sections[open.index + 1];
    if (!following) return [note, ...(await this.finish(ctx, open))];
    return [note, ...(await this.goTo(ctx, open, following, 'answer'))];
  }

  private async edit(ctx: Context, open: Open, target: string | undefined): Promise<Reply[]> {
    const views = new WizardViews(ctx.t);
    const draftId = open.draft.id;
    if (!target) return [{ text: ctx.t('proposal.edit_menu'), choices: views.sectionMenu(open.template, draftId) }];
    const found = resolveSection(open.template, target);
    if (found.length === 1) return this.goTo(ctx, open, found[0]!, 'replace');
    if (found.length === 0)
      return [{ text: ctx.t('proposal.edit_not_found', { target }), choices: views.sectionMenu(open.template, draftId) }];
    return [{ text: ctx.t('proposal.edit_ambiguous', { target }), choices: views.sectionMenu(open.template, draftId, found) }];
  }

  private async goTo(ctx: Context, open: Open, section: Section, mode: 'answer' | 'replace'): Promise<Reply[]> {
    await this.deps.store.moveTo(open.draft.id, section.key);
    enterDraft(ctx.session, open.draft.id, mode);
    const views = new WizardViews(ctx.t);
    const answer = open.answers.get(section.key);
    // Replacing an empty section is simply answering it.
    const shown = mode === 'replace' && !isSubstantive(answer?.text) ? 'answer' : mode;
    setStep(ctx.session, shown);
    return [{ text: views.sectionPrompt(open.template, section, answer, shown) }];
  }

  /** The end of the template or "selesai": summary, the pre-submission check, and the Word document. */
  private async finish(ctx: Context, open: Open): Promise<Reply[]> {
    const views = new WizardViews(ctx.t);
    enterDraft(ctx.session, open.draft.id, 'answer');
    const check = await this.checkReply(ctx, open);
    const document = await this.documentReply(ctx, open);
    return [{ text: views.summary(open.template, open.draft, open.answers, open.section.key) }, check, document];
  }

  private async checkReply(ctx: Context, open: Open): Promise<Reply> {
    const views = new WizardViews(ctx.t);
    const others = (await this.deps.store.list(ctx.user.id)).filter((d) => d.id !== open.draft.id);
    const findings = checkDraft({
      template: open.template,
      answers: textMap(open.answers),
      otherTitles: others.map((d) => d.title).filter((t): t is string => Boolean(t)),
      now: ctx.now,
    });
    const errors = findings.filter((f) => f.severity === 'error').length;
    await this.deps.store.setStatus(open.draft.id, errors === 0 ? 'completed' : 'draft');
    const note = open.template.presubmission.note ? [ctx.t('proposal.check_note', { note: open.template.presubmission.note })] : [];
    if (findings.length === 0) return { text: [ctx.t('proposal.check_clean'), ...note].join('\n\n') };
    const lines = [ctx.t('proposal.check_title', { count: findings.length }), ...views.findingLines(open.template, findings)];
    return {
      text: [lines.join('\n'), ...note, ctx.t('proposal.check_jump')].join('\n\n'),
      choices: views.jumpChoices(open.template, open.draft.id, findings),
    };
  }

  private async documentReply(ctx: Context, open: Open): Promise<Reply> {
    const doc = await this.document(ctx, open);
    // The caption names the file's content; repeating the message text under the file would say it twice.
    return {
      text: ctx.t('proposal.document_caption'),
      document: {
        fileName: exportFileName({ slug: doc.slug, draftId: open.draft.id, revision: draftRevision(open.answers), extension: 'docx' }),
        mimeType: DOCX_MIME,
        data: await renderDocx(doc),
        caption: `${doc.title} (${open.template.shortName})`,
      },
    };
  }

  private async document(ctx: Context, open: Open): Promise<ProposalDocument> {
    return buildProposalDocument({
      template: open.template,
      answers: textMap(open.answers),
      title: open.draft.title,
      innovator: ctx.user.displayName ?? ctx.msg.displayName,
      now: ctx.now,
      t: ctx.t,
    });
  }

  /** "saran": AI feedback when a model is configured, else (or on any fault) the rule-based findings. */
  private async advise(ctx: Context, open: Open): Promise<Reply[]> {
    const { t } = ctx;
    const views = new WizardViews(t);
    const answer = open.answers.get(open.section.key)?.text ?? '';
    if (!isSubstantive(answer)) return [{ text: t('proposal.saran.empty') }];
    const findings = await this.sectionFindings(ctx, open);
    const ruleLines = findings.length > 0 ? views.findingLines(open.template, findings) : [t('proposal.saran.clean')];
    const advice = await this.deps.advisor.advise({ template: open.template, section: open.section, answer, findings: ruleLines });
    if (advice.kind === 'llm') {
      const body = fitText(advice.text, MAX_SARAN_CHARS).text;
      const legend = advice.sources.map(
        ({ marker, hit }) => `[${marker}] ${hit.chunk.citation}${hit.chunk.practice ? ` (${t('proposal.saran.practice')})` : ''}`,
      );
      const parts = [t('proposal.saran.title', { title: open.section.title }), body];
      if (legend.length > 0) parts.push(`${t('proposal.saran.sources')}:\n${legend.join('\n')}`);
      if (findings.length > 0) parts.push(ruleLines.join('\n'));
      return [{ text: parts.join('\n\n') }];
    }
    const note =
      advice.kind === 'no_llm'
        ? 'proposal.saran.no_llm'
        : advice.kind === 'no_context'
          ? 'proposal.saran.no_context'
          : 'proposal.saran.failed';
    return [{ text: [t(note), ...ruleLines].join('\n') }];
  }

  /** Section checks, plus the title rule when this is the title section. */
  private async sectionFindings(ctx: Context, open: Open): Promise<Finding[]> {
    const text = open.answers.get(open.section.key)?.text;
    const findings = checkSection(open.template, open.section, text);
    if (open.section.key === open.template.presubmission.titleSection) {
      const others = (await this.deps.store.list(ctx.user.id)).filter((d) => d.id !== open.draft.id);
      findings.push(...titleFindings(open.template, text, others.map((d) => d.title ?? '').filter(Boolean)));
    }
    return findings;
  }

  private async delete(ctx: Context, open: Open): Promise<Reply[]> {
    const title = new WizardViews(ctx.t).title(open.draft);
    await this.deps.store.remove(ctx.user.id, open.draft.id);
    ctx.logger.info({ draft: open.draft.id }, 'proposal draft deleted');
    forgetDraft(ctx.session);
    return [{ text: ctx.t('proposal.deleted', { title }) }];
  }

  private async keep(ctx: Context): Promise<Reply[]> {
    setStep(ctx.session, 'answer');
    return [{ text: ctx.t('proposal.delete_kept') }];
  }

  private templateMenu(ctx: Context): Reply[] {
    const templates = this.deps.catalog.templates;
    if (templates.length === 0) return [{ text: ctx.t('proposal.no_templates') }];
    return [{ text: ctx.t('proposal.choose_template'), choices: templates.map((t) => choice(PROPOSAL_FEATURE, `tpl:${t.id}`, t.name)) }];
  }

  private async draftMenu(ctx: Context): Promise<Reply[]> {
    const views = new WizardViews(ctx.t);
    const drafts = (await this.deps.store.list(ctx.user.id)).slice(0, MAX_LISTED_DRAFTS);
    if (drafts.length === 0) return this.templateMenu(ctx);
    const choices = [];
    for (const d of drafts) {
      const template = this.deps.catalog.get(d.templateId);
      const answers = template ? await this.deps.store.answers(d.id) : new Map<string, SectionAnswerState>();
      choices.push(
        choice(
          PROPOSAL_FEATURE,
          `open:${d.id}`,
          ctx.t('proposal.choice.open', {
            title: views.title(d),
            template: template?.shortName ?? d.templateId,
            done: template ? answeredCount(template, answers) : 0,
            total: template?.sections.length ?? 0,
          }),
        ),
      );
    }
    choices.push(choice(PROPOSAL_FEATURE, 'new', ctx.t('proposal.choice.new')));
    return [{ text: ctx.t('proposal.list_title'), choices }];
  }

  private async createDraft(ctx: Context, templateId: string): Promise<Reply[]> {
    const template = this.deps.catalog.get(templateId);
    if (!template) return [{ text: ctx.t('common.choice_expired') }];
    const first = template.sections[0]!;
    const draft = await this.deps.store.create(ctx.user.id, template.id, first.key);
    ctx.logger.info({ draft: draft.id, template: template.id }, 'proposal draft created');
    enterDraft(ctx.session, draft.id);
    const views = new WizardViews(ctx.t);
    return [
      { text: ctx.t('proposal.started', { template: template.name, description: template.description, count: template.sections.length }) },
      { text: views.sectionPrompt(template, first, undefined, 'answer') },
    ];
  }

  private async openDraft(ctx: Context, draftId: string): Promise<Reply[]> {
    const draft = await this.deps.store.find(ctx.user.id, draftId);
    if (!draft) return [{ text: ctx.t('proposal.draft_gone') }];
    enterDraft(ctx.session, draft.id);
    return this.withOpen(ctx, (open) => this.goTo(ctx, open, open.section, 'answer'));
  }

  /**
   * Runs `fn` on the draft a button was made for. A button left from another draft's menu switches to that
   * draft and says so first: it must never act on whichever draft happens to be open now.
   */
  private async withButtonDraft(ctx: Context, draftId: string, fn: (open: Open) => Promise<Reply[]>): Promise<Reply[]> {
    const active = activeDraftId(ctx.session);
    if (draftId !== active) {
      // Checked before switching, so a button of a deleted draft leaves the open draft as it is.
      const draft = await this.deps.store.find(ctx.user.id, draftId);
      if (!draft) return [{ text: ctx.t('proposal.draft_gone') }];
      enterDraft(ctx.session, draft.id);
    }
    const open = await this.open(ctx);
    if (Array.isArray(open)) return open;
    const replies = await fn(open);
    if (!active || active === draftId) return replies;
    return [{ text: ctx.t('proposal.switched', { title: new WizardViews(ctx.t).title(open.draft) }) }, ...replies];
  }

  /** "Ya, hapus" deletes only the draft it was asked about, and only while that question is the open one. */
  private async answerDelete(ctx: Context, draftId: string, yes: boolean): Promise<Reply[]> {
    if (draftId !== activeDraftId(ctx.session)) {
      const other = await this.deps.store.find(ctx.user.id, draftId);
      if (!other) return [{ text: ctx.t('proposal.draft_gone') }];
      return [{ text: ctx.t('proposal.delete_other', { title: new WizardViews(ctx.t).title(other) }) }];
    }
    return this.withOpen(ctx, (open) => (yes && step(ctx.session) === 'confirm_delete' ? this.delete(ctx, open) : this.keep(ctx)));
  }

  /** Runs `fn` with the open draft, or explains why there is none (and leaves the flow). */
  private async withOpen(ctx: Context, fn: (open: Open) => Promise<Reply[]>): Promise<Reply[]> {
    const open = await this.open(ctx);
    return Array.isArray(open) ? open : fn(open);
  }

  private async open(ctx: Context): Promise<Open | Reply[]> {
    const draftId = activeDraftId(ctx.session);
    if (!draftId) {
      leaveFlow(ctx.session);
      return [{ text: ctx.t('proposal.no_draft') }];
    }
    const draft = await this.deps.store.find(ctx.user.id, draftId);
    if (!draft) {
      forgetDraft(ctx.session);
      return [{ text: ctx.t('proposal.draft_gone') }];
    }
    const template = this.deps.catalog.get(draft.templateId);
    if (!template) {
      leaveFlow(ctx.session);
      ctx.logger.warn({ draft: draft.id, template: draft.templateId }, 'draft template not loaded');
      return [{ text: ctx.t('proposal.template_gone', { template: draft.templateId }) }];
    }
    const found = template.sections.findIndex((s) => s.key === draft.currentSection);
    const index = found < 0 ? 0 : found;
    return { draft, template, answers: await this.deps.store.answers(draft.id), section: template.sections[index]!, index };
  }
}

function textMap(answers: ReadonlyMap<string, SectionAnswerState>): Map<string, string> {
  return new Map([...answers].map(([k, v]) => [k, v.text]));
}
