import type { Context } from '../../core/context.js';
import type { Reply } from '../../core/messages.js';
import type { AttachmentStorage } from '../../reports/attachment-storage.js';
import type { ReportRecord, ReportStore } from '../../reports/report-store.js';

/** What the report flow works with; built once in the composition root. */
export interface ReportDeps {
  store: ReportStore;
  storage: AttachmentStorage;
  /** Asks for the missing profile fields first (the zone decides which period is due); see ProfileFeature.require. */
  requireProfile: (ctx: Context, resume: string) => Promise<Reply[] | undefined>;
  /** Answers a question typed in the middle of a report from the knowledge base; it is not saved. */
  ask: (ctx: Context, question: string) => Promise<Reply[]>;
  /**
   * Called once a report is submitted in the chat (not for "sudah lapor", whose caller knows already), so
   * the period's remaining reminders can stop. A failure is logged; the submission stands.
   */
  onSubmitted: (report: ReportRecord) => Promise<void> | void;
}
