import type { Translate } from '../../../i18n/translator.js';
import { choice, type Choice } from '../../../core/messages.js';
import type { Finding } from '../checks/findings.js';
import { countWords, isSubstantive, checkSection } from '../checks/section-checks.js';
import type { DraftRecord, SectionAnswerState } from '../draft-store.js';
import { PROPOSAL_FEATURE } from '../feature-name.js';
import type { Section, Template } from '../templates/template-schema.js';
import { draftPayload } from './choice-payloads.js';

/** How much of a saved answer a section prompt repeats (the full text is in the summary and the document). */
const EXCERPT_CHARS = 600;
/** At most this many "jump to" buttons under the pre-submission check. */
const MAX_JUMPS = 8;

/**
 * Texts and menus of the wizard. Everything the user reads comes from proposal.yaml through `t`;
 * this file only decides what goes together in one message.
 */
export class WizardViews {
  constructor(private readonly t: Translate) {}

  sectionPrompt(template: Template, section: Section, answer: SectionAnswerState | undefined, mode: 'answer' | 'replace'): string {
    const { t } = this;
    const number = template.sections.indexOf(section) + 1;
    const lines = [
      t('proposal.section.header', {
        number,
        total: template.sections.length,
        title: section.title,
        optional: section.required ? '' : t('proposal.section.optional'),
      }),
      '',
      t('proposal.section.guidance', { text: section.guidance }),
      t('proposal.section.why', { text: section.why }),
      t('proposal.section.basis', { basis: section.basis.join('; ') }),
      t('proposal.section.example', { text: section.example }),
    ];
    if (isSubstantive(answer?.text)) {
      lines.push('', t('proposal.section.current', { words: countWords(answer!.text), excerpt: excerpt(answer!.text) }));
    }
    lines.push('', t(mode === 'replace' ? 'proposal.section.ask_replace' : 'proposal.section.ask'));
    return lines.join('\n');
  }

  findingLine(template: Template, finding: Finding): string {
    const { t } = this;
    const section = template.sections.find((s) => s.key === finding.sectionKey);
    const vars: Record<string, string | number> = { ...finding.vars };
    if (typeof vars.unit === 'string') vars.unit = t(`proposal.unit.${vars.unit}`);
    return t('proposal.finding_line', {
      mark: t(`proposal.mark.${finding.severity}`),
      number: section ? template.sections.indexOf(section) + 1 : '?',
      section: section?.title ?? finding.sectionKey,
      message: t(`proposal.finding.${finding.code}`, vars),
    });
  }

  /** One line per finding, except that several empty required sections share one line (short on a phone). */
  findingLines(template: Template, findings: readonly Finding[]): string[] {
    const missing = findings.filter((f) => f.code === 'missing');
    if (missing.length < 2) return findings.map((f) => this.findingLine(template, f));
    const names = missing.map((f) => {
      const i = template.sections.findIndex((s) => s.key === f.sectionKey);
      return `${i + 1}. ${template.sections[i]?.title ?? f.sectionKey}`;
    });
    const grouped = this.t('proposal.finding_missing_group', { mark: this.t('proposal.mark.error'), sections: names.join('; ') });
    const lines: string[] = [];
    for (const f of findings) {
      if (f.code !== 'missing') lines.push(this.findingLine(template, f));
      else if (f === missing[0]) lines.push(grouped);
    }
    return lines;
  }

  /** Buttons that jump to the sections the findings are about, one per section, in finding order. */
  jumpChoices(template: Template, draftId: string, findings: readonly Finding[]): Choice[] {
    const seen = new Set<string>();
    const out: Choice[] = [];
    for (const f of findings) {
      if (seen.has(f.sectionKey) || out.length >= MAX_JUMPS) continue;
      const section = template.sections.find((s) => s.key === f.sectionKey);
      if (!section) continue;
      seen.add(f.sectionKey);
      out.push(
        choice(
          PROPOSAL_FEATURE,
          draftPayload('go', draftId, section.key),
          this.t('proposal.choice.go', { number: template.sections.indexOf(section) + 1, title: section.title }),
        ),
      );
    }
    return out;
  }

  sectionMenu(template: Template, draftId: string, sections: readonly Section[] = template.sections): Choice[] {
    return sections.map((s) =>
      choice(
        PROPOSAL_FEATURE,
        draftPayload('edit', draftId, s.key),
        this.t('proposal.choice.edit', { number: template.sections.indexOf(s) + 1, title: s.title }),
      ),
    );
  }

  summary(template: Template, draft: DraftRecord, answers: ReadonlyMap<string, SectionAnswerState>, currentKey: string | null): string {
    const { t } = this;
    const lines = [t('proposal.summary_title', { title: this.title(draft), template: template.name }), ''];
    let done = 0;
    template.sections.forEach((section, i) => {
      const answer = answers.get(section.key);
      const state = sectionState(template, section, answer);
      if (state === 'answered' || state === 'needs_work') done += 1;
      lines.push(
        t('proposal.summary_line', {
          mark: t(`proposal.mark.${state}`),
          number: i + 1,
          title: section.title,
          state: t(`proposal.state.${state}`, { words: countWords(answer?.text ?? '') }),
          current: section.key === currentKey ? t('proposal.summary_current') : '',
        }),
      );
    });
    // Without a current section no draft is open, so "ubah" and "selesai" would do nothing: only the count.
    const footer = currentKey === null ? 'proposal.summary_footer_closed' : 'proposal.summary_footer';
    lines.push('', t(footer, { done, total: template.sections.length }));
    return lines.join('\n');
  }

  title(draft: Pick<DraftRecord, 'title'>): string {
    return draft.title?.trim() || this.t('proposal.untitled');
  }
}

export type SectionStatus = 'answered' | 'needs_work' | 'skipped' | 'empty';

/** The mark a section gets in the summary. */
export function sectionState(template: Template, section: Section, answer: SectionAnswerState | undefined): SectionStatus {
  if (!isSubstantive(answer?.text)) return answer?.skipped ? 'skipped' : 'empty';
  return checkSection(template, section, answer!.text).length > 0 ? 'needs_work' : 'answered';
}

/** Sections with an answer. */
export function answeredCount(template: Template, answers: ReadonlyMap<string, SectionAnswerState>): number {
  return template.sections.filter((s) => isSubstantive(answers.get(s.key)?.text)).length;
}

function excerpt(text: string): string {
  const clean = text.trim();
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS).trimEnd()} …` : clean;
}
