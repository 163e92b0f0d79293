import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { fitText } from '../../../knowledge/answer/fit-message.js';
import { isSubstantive } from '../checks/section-checks.js';
import { sectionFindings } from './draft-findings.js';
import type { OpenDraft } from './open-draft.js';
import { WizardViews } from './views.js';
import type { WizardDeps } from './wizard-deps.js';

const MAX_SARAN_CHARS = 2500;

/** "saran": AI feedback when a model is configured, else (or on any fault) the rule-based findings. */
export async function advise(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply[]> {
  const { t } = ctx;
  const views = new WizardViews(t);
  const answer = open.answers.get(open.section.key)?.text ?? '';
  if (!isSubstantive(answer)) return [{ text: t('proposal.saran.empty') }];
  const findings = await sectionFindings(deps, ctx, open);
  const ruleLines = findings.length > 0 ? views.findingLines(open.template, findings) : [t('proposal.saran.clean')];
  const advice = await deps.advisor.advise({ template: open.template, section: open.section, answer, findings: ruleLines });
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
