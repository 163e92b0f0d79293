import type { Translate } from '../../../i18n/translator.js';
import { isSubstantive } from '../checks/section-checks.js';
import type { Template } from '../templates/template-schema.js';

/**
 * The finished proposal as both exporters see it: translated labels, sections in template order, the
 * answer or nothing. Building it once keeps the DOCX and the Markdown saying exactly the same thing.
 */
export interface ProposalDocument {
  title: string;
  templateName: string;
  templateBasis: string;
  innovator?: string;
  date: string;
  sections: Array<{ number: number; title: string; text: string | null; basis: string }>;
  labels: { templateBasis: string; innovator: string; date: string; basis: string; empty: string; generatedBy: string };
  /** For file names: ascii, lower case, dashes. */
  slug: string;
}

export function buildProposalDocument(input: {
  template: Template;
  answers: ReadonlyMap<string, string>;
  title: string | null;
  innovator?: string | null;
  now: Date;
  t: Translate;
}): ProposalDocument {
  const { template, answers, t } = input;
  const title = input.title?.trim() || t('proposal.doc.untitled');
  return {
    title,
    templateName: template.name,
    templateBasis: template.basis,
    innovator: input.innovator?.trim() || undefined,
    date: formatDateId(input.now),
    sections: template.sections.map((s, i) => {
      const text = answers.get(s.key);
      return { number: i + 1, title: s.title, text: isSubstantive(text) ? text!.trim() : null, basis: s.basis.join('; ') };
    }),
    labels: {
      templateBasis: t('proposal.doc.template_basis'),
      innovator: t('proposal.doc.innovator'),
      date: t('proposal.doc.date'),
      basis: t('proposal.doc.basis'),
      empty: t('proposal.doc.empty'),
      generatedBy: t('proposal.doc.generated_by'),
    },
    slug: slugify(input.title ?? '') || 'draf',
  };
}

/** "22 November 2026" (Indonesian month names come with Node's ICU data). */
export function formatDateId(date: Date): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(date);
}

/**
 * Ascii, lower case, dash-separated words, at most `max` characters, cut between words (a single word longer
 * than `max` is the only thing ever shortened).
 */
export function slugify(text: string, max = 50): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, max);
}

/** Paragraphs of an answer: blank lines and line breaks both start a new paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
