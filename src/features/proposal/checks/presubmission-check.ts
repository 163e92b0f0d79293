import type { Template } from '../templates/template-schema.js';
import { ageInMonths } from './dates.js';
import { sortFindings, type Finding } from './findings.js';
import { checkSection } from './section-checks.js';

export interface DraftForCheck {
  template: Template;
  /** Current answer text per section key (skipped or empty sections may be absent). */
  answers: ReadonlyMap<string, string>;
  /** Titles of the user's other drafts, for the "one title per proposal" rule. */
  otherTitles: readonly string[];
  now: Date;
}

/**
 * The check before submission, over the whole draft: every required section substantive and free of the
 * section findings, a title no other draft of the user carries, and (when the template asks for it) an
 * innovation old enough. Together these cover the reasons KIPP rejected proposals at the administrative
 * stage in 2018 (too young, incomplete, careless answers, one title for several proposals).
 */
export function checkDraft(draft: DraftForCheck): Finding[] {
  const { template, answers } = draft;
  const findings: Finding[] = [];
  for (const section of template.sections) findings.push(...checkSection(template, section, answers.get(section.key)));
  findings.push(...titleFindings(template, answers.get(template.presubmission.titleSection), draft.otherTitles));
  findings.push(...ageFindings(template, answers, draft.now));
  return sortFindings(findings);
}

/** `duplicate_title` when another draft of the user already carries this title. */
export function titleFindings(template: Template, title: string | undefined, otherTitles: readonly string[]): Finding[] {
  if (!template.presubmission.uniqueTitle || !title?.trim()) return [];
  const mine = normaliseTitle(draftTitle(title));
  if (!otherTitles.some((other) => normaliseTitle(other) === mine)) return [];
  return [
    { code: 'duplicate_title', sectionKey: template.presubmission.titleSection, severity: 'error', vars: { title: draftTitle(title) } },
  ];
}

/** `too_young` or `age_unclear` against the template's minimum age, if it has one. */
export function ageFindings(template: Template, answers: ReadonlyMap<string, string>, now: Date): Finding[] {
  const rule = template.presubmission.minAge;
  if (!rule) return [];
  const text = answers.get(rule.section)?.trim();
  // An empty section is already reported as missing (or is optional); say nothing twice.
  if (!text) return [];
  const vars = { years: rule.years, basis: rule.basis };
  const age = ageInMonths(text, now);
  const needed = rule.years * 12;
  if (!age) return [{ code: 'age_unclear', sectionKey: rule.section, severity: 'warning', vars }];
  if (age.max < needed) {
    return [{ code: 'too_young', sectionKey: rule.section, severity: 'error', vars: { ...vars, months: Math.floor(age.max) } }];
  }
  if (age.min < needed) return [{ code: 'age_unclear', sectionKey: rule.section, severity: 'warning', vars }];
  return [];
}

/** A draft's title: the first line of the title section's answer, kept short for menus. */
export function draftTitle(answer: string): string {
  const line = answer.trim().split(/\r?\n/)[0]!.trim().replace(/\s+/g, ' ');
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/** "SIPANDU  Desa!" and "sipandu desa" are the same title. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
