import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { DOCX_MIME, renderDocx } from '../export/docx-export.js';
import { draftRevision, exportFileName } from '../export/export-name.js';
import { renderMarkdown } from '../export/markdown-export.js';
import { buildProposalDocument, type ProposalDocument } from '../export/proposal-document.js';
import { textMap } from './draft-findings.js';
import type { OpenDraft } from './open-draft.js';
import { WizardViews } from './views.js';

/** The ways to look at a whole draft without changing it. */
export type DraftView = 'summary' | 'markdown' | 'document';

/**
 * "ringkasan", "markdown", "dokumen": the summary, the proposal as Markdown, or the Word document. They only
 * read the draft, so they also work on a finished proposal. `currentKey` marks the section the user is on.
 */
export async function showDraft(ctx: Context, open: OpenDraft, view: DraftView, currentKey: string | null): Promise<Reply[]> {
  switch (view) {
    case 'summary':
      return [{ text: new WizardViews(ctx.t).summary(open.template, open.draft, open.answers, currentKey) }];
    case 'markdown':
      // One reply: every channel splits long text at paragraph or sentence boundaries when it sends it.
      return [{ text: renderMarkdown(proposalDocument(ctx, open)) }];
    case 'document':
      return [await documentReply(ctx, open)];
  }
}

/** The Word document, named so that it never replaces an earlier export of this or another draft. */
export async function documentReply(ctx: Context, open: OpenDraft): Promise<Reply> {
  const doc = proposalDocument(ctx, open);
  // The caption names the file's content; repeating the message text under the file would say it twice.
  return {
    text: ctx.t('proposal.document_caption'),
    document: {
      fileName: exportFileName({ slug: doc.slug, draftId: open.draft.id, revision: draftRevision(open.answers), extension: 'docx' }),
      mimeType: DOCX_MIME,
      data: await renderDocx(doc),
      caption: `${doc.title} (${open.template.shortName})`,
    },
  };
}

function proposalDocument(ctx: Context, open: OpenDraft): ProposalDocument {
  return buildProposalDocument({
    template: open.template,
    answers: textMap(open.answers),
    title: open.draft.title,
    innovator: ctx.user.displayName ?? ctx.msg.displayName,
    now: ctx.now,
    t: ctx.t,
  });
}
