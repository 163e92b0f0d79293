import type { Context } from '../../core/context.js';
import type { IncomingFile, Reply } from '../../core/messages.js';
import { AttachmentDownloadError, AttachmentTooLargeError, TooManyAttachmentsError } from '../../reports/attachment-storage.js';
import { loadOpenReport, stepReply } from './open-report.js';
import type { ReportDeps } from './report-deps.js';
import { sizeLabel } from './report-views.js';

/**
 * A photo or document sent while a report is open: stored under DATA_DIR/reports/<reportId>/ and listed
 * with the report. It is welcome at any question (people send the photo when they have it); the flow then
 * carries on where it was. Too large, too many, or not downloadable: a clear message, nothing half-stored.
 */
export async function receiveFile(deps: ReportDeps, ctx: Context, file: IncomingFile): Promise<Reply[]> {
  if (ctx.session.step === 'pick_innovation' || ctx.session.step === 'pick_period') return [{ text: ctx.t('report.attachment.not_now') }];
  const open = await loadOpenReport(deps, ctx);
  if (Array.isArray(open)) return open;
  const { storage, store } = deps;
  const reportId = open.report.id;
  let count = await store.countAttachments(reportId);
  try {
    const stored = await storage.save(reportId, file, count);
    await store.addAttachment(reportId, stored, ctx.now);
    count += 1;
    ctx.logger.info({ report: reportId, size: stored.size, mimeType: stored.mimeType }, 'report attachment stored');
    const saved = ctx.t('report.attachment.saved', { name: stored.fileName, size: sizeLabel(stored.size), count, max: storage.maxFiles });
    if (open.step === 'evidence') return [{ text: `${saved}\n${ctx.t('report.attachment.more')}` }];
    return [await stepReply(deps, ctx, open, saved)];
  } catch (error) {
    if (error instanceof AttachmentTooLargeError) {
      ctx.logger.warn({ err: error, report: reportId }, 'report attachment refused: too large');
      return [
        {
          text: ctx.t('report.attachment.too_large', { name: error.fileName, size: sizeLabel(error.size), limit: sizeLabel(error.limit) }),
        },
      ];
    }
    if (error instanceof TooManyAttachmentsError) {
      ctx.logger.warn({ err: error, report: reportId }, 'report attachment refused: too many');
      return [{ text: ctx.t('report.attachment.too_many', { max: error.limit }) }];
    }
    if (error instanceof AttachmentDownloadError) {
      ctx.logger.error({ err: error, report: reportId }, 'report attachment could not be downloaded');
      return [{ text: ctx.t('report.attachment.failed', { name: error.fileName }) }];
    }
    throw error;
  }
}
