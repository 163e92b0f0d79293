import type { Context } from '../../../core/context.js';
import { choice, type Reply } from '../../../core/messages.js';
import type { Answer } from '../../../knowledge/answer/answer.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';
import type { Section } from '../templates/template-schema.js';
import { saveAnswer } from './answers.js';
import { draftPayload } from './choice-payloads.js';
import { withButtonDraft, type OpenDraft } from './open-draft.js';
import { rememberQuestion, takeQuestion } from './session-state.js';
import type { WizardDeps } from './wizard-deps.js';

/**
 * A question typed in the middle of a section ("ini diisi apa?"): answered from the knowledge base with its
 * citations and not saved, so it never ends up in the proposal (or as its title) unnoticed. A button keeps
 * it as the section's answer after all, for the rare answer that reads like a question.
 */
export async function answerQuestion(deps: WizardDeps, ctx: Context, open: OpenDraft, question: string): Promise<Reply[]> {
  const { section, draft } = open;
  const answer = await answerInSection(deps, section, question);
  ctx.logger.info(
    { draft: draft.id, section: section.key, kind: answer?.kind ?? 'not_found', citations: answer?.citations ?? [] },
    'question in a proposal section answered',
  );
  const token = rememberQuestion(ctx.session, { draftId: draft.id, sectionKey: section.key, text: question }, ctx.now);
  const text =
    answer?.text ??
    ctx.t('proposal.question_guidance', { title: section.title, guidance: section.guidance, basis: section.basis.join('; ') });
  return [
    { text },
    {
      text: ctx.t('proposal.question_not_saved', { title: section.title }),
      choices: [choice(PROPOSAL_FEATURE, draftPayload('keep', draft.id, token), ctx.t('proposal.choice.keep_question'))],
    },
  ];
}

/** "Simpan sebagai jawaban": saves a question that was answered instead of saved into its section. */
export async function keepQuestion(deps: WizardDeps, ctx: Context, draftId: string, token: string): Promise<Reply[]> {
  const pending = takeQuestion(ctx.session, draftId, token);
  if (!pending) return [{ text: ctx.t('proposal.keep_expired') }];
  return withButtonDraft(deps, ctx, draftId, (open) => {
    const section = open.template.sections.find((s) => s.key === pending.sectionKey);
    if (!section) return Promise.resolve([{ text: ctx.t('common.choice_expired') }]);
    return saveAnswer(deps, ctx, open, pending.text, section);
  });
}

/**
 * The knowledge base's answer, or undefined when it has none. A question that names nothing ("ini diisi
 * apa?") is about the section it was asked in, so it is asked again with the section's title.
 */
async function answerInSection(deps: WizardDeps, section: Section, question: string): Promise<Answer | undefined> {
  const direct = await deps.answerer.answer(question);
  if (direct.kind === 'answer') return direct;
  if (question.toLowerCase().includes(section.title.toLowerCase())) return undefined;
  const inSection = await deps.answerer.answer(`${question} ${section.title}`);
  return inSection.kind === 'answer' ? inSection : undefined;
}
