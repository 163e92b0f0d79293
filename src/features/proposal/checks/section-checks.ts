import type { Section, Template } from '../templates/template-schema.js';
import type { Finding } from './findings.js';
import { matches } from './matchers.js';

/** Words as a reader counts them: tokens with at least one letter or digit ("-" and "..." are not words). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** True when the answer says something (a lone "-" or "..." is no answer). */
export function isSubstantive(text: string | undefined): boolean {
  return countWords(text ?? '') > 0;
}

/**
 * Offline checks of one section's answer: length advice, required elements and vague phrases. An empty
 * answer gives `missing` for a required section and nothing for an optional one. Never blocks the user:
 * the wizard shows the findings and lets them continue.
 */
export function checkSection(template: Template, section: Section, text: string | undefined): Finding[] {
  const answer = (text ?? '').trim();
  const findings: Finding[] = [];
  const finding = (code: Finding['code'], severity: Finding['severity'], vars: Finding['vars'] = {}) =>
    findings.push({ code, sectionKey: section.key, severity, vars });

  if (!isSubstantive(answer)) {
    if (section.required) finding('missing', 'error');
    return findings;
  }

  const length = section.length;
  if (length) {
    const words = countWords(answer);
    const chars = answer.length;
    if (length.minWords && words < length.minWords)
      finding('too_short', 'warning', { count: words, limit: length.minWords, unit: 'words', source: length.source });
    if (length.maxWords && words > length.maxWords)
      finding('too_long', 'warning', { count: words, limit: length.maxWords, unit: 'words', source: length.source });
    if (length.minChars && chars < length.minChars)
      finding('too_short', 'warning', { count: chars, limit: length.minChars, unit: 'chars', source: length.source });
    if (length.maxChars && chars > length.maxChars)
      finding('too_long', 'warning', { count: chars, limit: length.maxChars, unit: 'chars', source: length.source });
  }

  for (const element of section.elements) {
    const byMatcher = (element.match ?? []).some((name) => matches(name, answer));
    const byPattern = (element.patterns ?? []).some((p) => new RegExp(p, 'iu').test(answer));
    if (!byMatcher && !byPattern) finding('missing_element', element.severity, { element: element.label, hint: element.hint });
  }

  const vague = vaguePhrasesIn(answer, [...template.vaguePhrases, ...section.vague]);
  if (vague.length > 0) finding('vague', 'warning', { phrases: vague.map((p) => `“${p}”`).join(', ') });
  return findings;
}

/** The listed phrases that occur in the text as whole words, case-insensitively, each once. */
export function vaguePhrasesIn(text: string, phrases: readonly string[]): string[] {
  const found = new Set<string>();
  for (const phrase of phrases) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'iu');
    if (re.test(text)) found.add(phrase);
  }
  return [...found];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
