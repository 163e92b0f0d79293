import type { SectionAnswerState } from '../draft-store.js';

/** Characters of the draft id in a file name: enough to tell one person's drafts with the same title apart. */
const SHORT_ID_CHARS = 6;

/**
 * How many changes a draft's answers have had: every message, replacement or skip adds one version to one
 * section, so the sum of the sections' current versions grows with each change and never repeats.
 */
export function draftRevision(answers: ReadonlyMap<string, SectionAnswerState>): number {
  let revision = 0;
  for (const answer of answers.values()) revision += answer.version;
  return revision;
}

/**
 * The file name of an exported proposal: the title's slug (whole words), a short draft id and the revision,
 * e.g. `proposal-dapur-gizi-desa-x7k2pq-v12.docx`. Two drafts with the same title, or two versions of one
 * draft, never share a name, so an earlier export is never replaced by a later one.
 */
export function exportFileName(input: { slug: string; draftId: string; revision: number; extension: string }): string {
  // cuid ids end in random characters; their start is a timestamp shared by drafts made around the same time.
  const shortId = input.draftId
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(-SHORT_ID_CHARS);
  return `proposal-${input.slug}-${shortId}-v${input.revision}.${input.extension}`;
}
