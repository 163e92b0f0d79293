/**
 * What a check found. Checks are pure and know no language: a finding carries a code, the section to jump
 * to and the values its message needs; proposal.yaml (`proposal.finding.<code>`) says it to the user.
 */
export type FindingCode =
  'missing' | 'too_short' | 'too_long' | 'missing_element' | 'vague' | 'duplicate_title' | 'too_young' | 'age_unclear';

export interface Finding {
  code: FindingCode;
  /** The section to fix; the wizard offers to jump there. */
  sectionKey: string;
  /** `error`: the proposal should not be submitted like this; `warning`: advice. */
  severity: 'error' | 'warning';
  vars: Record<string, string | number>;
}

/** Errors first, then in template order (the caller passes findings in template order). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

function rank(f: Finding): number {
  return f.severity === 'error' ? 0 : 1;
}
