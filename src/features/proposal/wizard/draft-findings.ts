import type { Context } from '../../../core/context.js';
import type { Finding } from '../checks/findings.js';
import { checkDraft, titleFindings } from '../checks/presubmission-check.js';
import { checkSection } from '../checks/section-checks.js';
import type { SectionAnswerState } from '../draft-store.js';
import type { OpenDraft } from './open-draft.js';
import type { WizardDeps } from './wizard-deps.js';

/** The pre-submission check over the whole draft (what "periksa" and "selesai" show). */
export async function draftFindings(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Finding[]> {
  return checkDraft({
    template: open.template,
    answers: textMap(open.answers),
    otherTitles: await otherTitles(deps, ctx, open),
    now: ctx.now,
  });
}

/** Section checks for the section the user is on, plus the title rule when this is the title section. */
export async function sectionFindings(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Finding[]> {
  const text = open.answers.get(open.section.key)?.text;
  const findings = checkSection(open.template, open.section, text);
  if (open.section.key === open.template.presubmission.titleSection) {
    findings.push(...titleFindings(open.template, text, await otherTitles(deps, ctx, open)));
  }
  return findings;
}

/** The current text per section, as the checks and the exporters read a draft. */
export function textMap(answers: ReadonlyMap<string, SectionAnswerState>): Map<string, string> {
  return new Map([...answers].map(([k, v]) => [k, v.text]));
}

/** Titles of the user's other drafts, for the "one title per proposal" rule. */
async function otherTitles(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<string[]> {
  const others = (await deps.store.list(ctx.user.id)).filter((d) => d.id !== open.draft.id);
  return others.map((d) => d.title).filter((t): t is string => Boolean(t));
}
