import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { draftTitle } from '../checks/presubmission-check.js';
import { countWords, isSubstantive } from '../checks/section-checks.js';
import type { Section } from '../templates/template-schema.js';
import { looksLikeQuestion } from './looks-like-question.js';
import type { OpenDraft } from './open-draft.js';
import { setLastSave, setStep, step } from './session-state.js';
import type { WizardDeps } from './wizard-deps.js';

/** A section answer beyond this is refused (nothing is lost); keeps rows, messages and documents sane. */
export const MAX_SECTION_CHARS = 20_000;

/**
 * Saves text into a section (by default the one the user is on): added to its answer, or replacing it when
 * this is the first message after "ubah" for that section. Every save is a new version; nothing is overwritten.
 */
export async function saveAnswer(deps: WizardDeps, ctx: Context, open: OpenDraft, text: string, section = open.section): Promise<Reply[]> {
  const { store } = deps;
  const replacing = step(ctx.session) === 'replace' && section.key === open.section.key;
  const previous = open.answers.get(section.key)?.text ?? '';
  if (!replacing && previous.length + text.length + 1 > MAX_SECTION_CHARS) {
    return [{ text: ctx.t('proposal.section_full', { chars: previous.length, number: open.template.sections.indexOf(section) + 1 }) }];
  }
  const saved = replacing ? await store.replace(open.draft.id, section.key, text) : await store.append(open.draft.id, section.key, text);
  open.answers.set(section.key, saved);
  // Only the first message after "ubah" replaces; the ones after it continue the new answer.
  if (replacing) setStep(ctx.session, 'answer');
  setLastSave(ctx.session, { sectionKey: section.key, version: saved.version });
  const key = replacing ? 'proposal.replaced' : 'proposal.saved';
  const lines = [ctx.t(key, { words: countWords(saved.text), title: section.title })];
  const title = await syncTitle(deps, open, section, saved.text);
  if (title) lines.push(ctx.t('proposal.title_set', { title }));
  return [{ text: lines.join('\n') }];
}

/**
 * The title section's answer is the draft's title; returns the new title when `section` is that section.
 * A question is never a title (one kept as the answer with "Simpan sebagai jawaban" included): the title is
 * the first line that is not one, and a draft whose title section holds only questions stays untitled.
 */
export async function syncTitle(deps: WizardDeps, open: OpenDraft, section: Section, text: string): Promise<string | null> {
  if (section.key !== open.template.presubmission.titleSection) return null;
  const line = text.split(/\r?\n/).find((l) => isSubstantive(l) && !looksLikeQuestion(l));
  const title = line ? draftTitle(line) : null;
  await deps.store.setTitle(open.draft.id, title);
  open.draft.title = title;
  return title;
}
