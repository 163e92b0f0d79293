import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { choice, type IncomingFile, type Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import { historyLine } from '../../knowledge/audit/history-lines.js';
import type { KbAuditEvent } from '../../knowledge/audit/kb-audit.js';
import { ingestErrorMessage } from '../../knowledge/ingest/error-message.js';
import { IngestError } from '../../knowledge/ingest/errors.js';
import { megabytes } from '../../knowledge/ingest/limits.js';
import type { KnowledgeService } from '../../knowledge/knowledge-service.js';
import type { StagedUpload } from '../../knowledge/uploads/staged-uploads.js';
import type { UploadService } from '../../knowledge/uploads/upload-service.js';
import { documentListText } from './document-list-view.js';
import { KB_DOCUMENTS_FEATURE } from './feature-name.js';
import { previewReply } from './preview-view.js';

const MAX_TITLE_CHARS = 200;
const MAX_REGULATION_CHARS = 60;
const HISTORY_LINES = 20;
const REMOVABLE_LISTED = 30;

export interface KbDocumentsDeps {
  knowledge: KnowledgeService;
  uploads: UploadService;
  /** Builds the new index and swaps it in (after a removal). */
  publish: () => Promise<void>;
  history: (limit: number) => Promise<KbAuditEvent[]>;
  /** KB_MAX_FILE_MB, the same limit as `kb add`. */
  maxFileBytes: number;
  t: Translate;
}

/**
 * Knowledge-base administration in the chat: /kb_tambah (upload, preview, confirm), /kb_daftar,
 * /kb_hapus and /kb_riwayat. The whole feature needs the admin role, which the router enforces for its
 * commands, choices and flow. Text inside an uploaded document is only ever data: it is parsed into
 * chunks and previewed, and nothing in it is read as a command.
 */
export class KbDocumentsFeature implements Feature {
  readonly name = KB_DOCUMENTS_FEATURE;
  readonly role = 'admin' as const;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: KbDocumentsDeps) {
    const { t } = deps;
    this.summary = t('kb_admin.summary');
    this.commands = [
      { name: 'kb_tambah', description: t('kb_admin.command.add'), privateOnly: true, run: (ctx) => this.add(ctx) },
      { name: 'kb_daftar', description: t('kb_admin.command.list'), privateOnly: true, run: (ctx) => this.list(ctx) },
      { name: 'kb_hapus', description: t('kb_admin.command.remove'), privateOnly: true, run: (ctx) => this.removeMenu(ctx) },
      { name: 'kb_riwayat', description: t('kb_admin.command.history'), privateOnly: true, run: (ctx) => this.history(ctx) },
    ];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const sep = payload.indexOf(':');
    const action = sep < 0 ? payload : payload.slice(0, sep);
    const arg = sep < 0 ? '' : payload.slice(sep + 1);
    switch (action) {
      case 'ok':
        return this.confirm(ctx, arg);
      case 'title':
      case 'reg':
        return this.askCorrection(ctx, arg, action === 'title' ? 'title' : 'regulation');
      case 'no':
        this.endFlow(ctx);
        await this.deps.uploads.cancel(arg);
        return [{ text: ctx.t('kb_admin.upload.cancelled') }];
      case 'stop':
        this.endFlow(ctx);
        return [{ text: ctx.t('kb_admin.upload.stopped') }];
      case 'rm':
        return this.askRemove(ctx, arg);
      case 'rmok':
        return this.remove(ctx, arg);
      case 'rmno':
        return [{ text: ctx.t('kb_admin.remove.cancelled') }];
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  /** A file while waiting for one (after a bare /kb_tambah). */
  async onFile(ctx: Context, file: IncomingFile): Promise<Reply[]> {
    this.endFlow(ctx);
    return this.stage(ctx, file);
  }

  /** A corrected title or regulation; anything else while waiting for a file. */
  async onText(ctx: Context, text: string): Promise<Reply[]> {
    const step = ctx.session.step;
    const uploadId = typeof ctx.session.data.upload === 'string' ? ctx.session.data.upload : undefined;
    if ((step === 'title' || step === 'regulation') && uploadId) return this.correct(ctx, uploadId, step, text);
    return [
      {
        text: ctx.t('kb_admin.upload.not_a_file'),
        choices: [choice(KB_DOCUMENTS_FEATURE, 'stop', ctx.t('kb_admin.upload.choice.cancel'))],
      },
    ];
  }

  private async add(ctx: Context): Promise<Reply[]> {
    const file = ctx.msg.file ?? ctx.msg.repliedFile;
    if (file) return this.stage(ctx, file);
    ctx.session.flow = KB_DOCUMENTS_FEATURE;
    ctx.session.step = 'file';
    ctx.session.data = {};
    return [{ text: ctx.t('kb_admin.upload.send_file', { maxMb: megabytes(this.deps.maxFileBytes) }) }];
  }

  private async stage(ctx: Context, file: IncomingFile): Promise<Reply[]> {
    const { t } = ctx;
    const log = ctx.logger.child({ file: file.fileName, size: file.size });
    if (file.size !== undefined && file.downloadLimit !== undefined && file.size > file.downloadLimit) {
      log.info('upload refused: larger than the channel lets bots download');
      return [{ text: t('kb_admin.upload.channel_too_big', { sizeMb: megabytes(file.size) }) }];
    }
    const refused = (error: unknown): Reply[] => [
      { text: t('kb_admin.upload.refused', { file: file.fileName, reason: ingestErrorMessage(error, t) }) },
    ];
    if (file.size !== undefined && file.size > this.deps.maxFileBytes) {
      const error = new IngestError('too_big', `${file.fileName}: ${file.size} bytes declared by the channel`, {
        params: { maxMb: megabytes(this.deps.maxFileBytes) },
      });
      log.info({ err: error }, 'upload refused before download');
      return refused(error);
    }
    let bytes: Buffer;
    try {
      bytes = await file.download();
    } catch (error) {
      log.error({ err: error }, 'upload could not be downloaded');
      return [{ text: t('kb_admin.upload.download_failed', { channel: channelName(ctx) }) }];
    }
    try {
      const outcome = await this.deps.uploads.stage(ctx.user.id, file.fileName, bytes, ctx.now);
      if (outcome.status === 'duplicate') return [{ text: t('kb_admin.upload.duplicate', { title: outcome.document.title }) }];
      log.info({ upload: outcome.upload.id, chunks: outcome.read.preview.chunks }, 'upload staged');
      return [previewReply(t, outcome.upload.id, file.fileName, outcome.read.preview)];
    } catch (error) {
      // A refused file is the file's fault (logged with its reason); anything else is ours.
      if (error instanceof IngestError) log.info({ err: error }, 'upload refused');
      else log.error({ err: error }, 'upload could not be read');
      return refused(error);
    }
  }

  private async confirm(ctx: Context, uploadId: string): Promise<Reply[]> {
    this.endFlow(ctx);
    const outcome = await this.deps.uploads.confirm(uploadId, ctx.user.id, ctx.now);
    switch (outcome.status) {
      case 'gone':
        return [{ text: ctx.t('kb_admin.upload.gone') }];
      case 'duplicate':
        return [{ text: ctx.t('kb_admin.upload.already_live') }];
      case 'failed':
        return [{ text: ctx.t('kb_admin.upload.failed') }];
      case 'published': {
        const { result } = outcome;
        const lines = [ctx.t('kb_admin.upload.published', { title: result.title, chunks: result.chunks, version: result.version })];
        if (result.retired) lines.push(ctx.t('kb_admin.upload.retired', { title: result.retired.title, version: result.retired.version }));
        return [{ text: lines.join('\n') }];
      }
    }
  }

  private async askCorrection(ctx: Context, uploadId: string, field: 'title' | 'regulation'): Promise<Reply[]> {
    const upload = await this.deps.uploads.find(uploadId, ctx.user.id, ctx.now);
    if (!upload) return [{ text: ctx.t('kb_admin.upload.gone') }];
    ctx.session.flow = KB_DOCUMENTS_FEATURE;
    ctx.session.step = field;
    ctx.session.data = { upload: uploadId };
    const max = field === 'title' ? MAX_TITLE_CHARS : MAX_REGULATION_CHARS;
    return [{ text: ctx.t(field === 'title' ? 'kb_admin.upload.ask_title' : 'kb_admin.upload.ask_regulation', { max }) }];
  }

  private async correct(ctx: Context, uploadId: string, field: 'title' | 'regulation', text: string): Promise<Reply[]> {
    const value = text.replace(/\s+/g, ' ').trim();
    if (field === 'title' && (value.length === 0 || value.length > MAX_TITLE_CHARS)) {
      return [{ text: ctx.t('kb_admin.upload.bad_title', { max: MAX_TITLE_CHARS }) }];
    }
    // A regulation name carries a number and a year ("PP 38/2017"); anything else would never match a version.
    if (field === 'regulation' && (value.length > MAX_REGULATION_CHARS || !/\p{L}.*\d/u.test(value))) {
      return [{ text: ctx.t('kb_admin.upload.bad_regulation', { max: MAX_REGULATION_CHARS }) }];
    }
    const found = await this.deps.uploads.find(uploadId, ctx.user.id, ctx.now);
    this.endFlow(ctx);
    if (!found) return [{ text: ctx.t('kb_admin.upload.gone') }];
    const upload: StagedUpload = await this.deps.uploads.correct(found, { [field]: value });
    try {
      const read = await this.deps.uploads.read(upload);
      return [previewReply(ctx.t, upload.id, upload.fileName, read.preview)];
    } catch (error) {
      ctx.logger.error({ err: error, upload: upload.id }, 'a corrected upload could not be read again');
      return [{ text: ctx.t('kb_admin.upload.refused', { file: upload.fileName, reason: ingestErrorMessage(error, ctx.t) }) }];
    }
  }

  private async list(ctx: Context): Promise<Reply[]> {
    return [{ text: documentListText(ctx.t, await this.deps.knowledge.list()) }];
  }

  private async removeMenu(ctx: Context): Promise<Reply[]> {
    const docs = (await this.deps.knowledge.list()).filter((d) => d.origin !== 'shipped');
    if (docs.length === 0) return [{ text: ctx.t('kb_admin.remove.none') }];
    const newest = docs.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, REMOVABLE_LISTED);
    return [
      {
        text: ctx.t('kb_admin.remove.pick'),
        choices: newest.map((d) =>
          choice(
            KB_DOCUMENTS_FEATURE,
            `rm:${d.id}`,
            `${d.title}${d.regulation ? ` (${d.regulation})` : ''}${d.retiredAt ? ` — ${ctx.t('kb_admin.retired')}` : ''}`,
          ),
        ),
      },
    ];
  }

  private async askRemove(ctx: Context, id: string): Promise<Reply[]> {
    const doc = (await this.deps.knowledge.list()).find((d) => d.id === id);
    if (!doc) return [{ text: ctx.t('kb_admin.remove.not_found') }];
    return [
      {
        text: ctx.t('kb_admin.remove.confirm', { title: doc.title, regulation: doc.regulation ?? '-', chunks: doc.chunks }),
        choices: [
          choice(KB_DOCUMENTS_FEATURE, `rmok:${id}`, ctx.t('kb_admin.remove.choice_yes')),
          choice(KB_DOCUMENTS_FEATURE, 'rmno', ctx.t('kb_admin.remove.choice_no')),
        ],
      },
    ];
  }

  private async remove(ctx: Context, id: string): Promise<Reply[]> {
    const removed = await this.deps.knowledge.removeDocument(id, ctx.user.id, ctx.now);
    if (!removed) return [{ text: ctx.t('kb_admin.remove.not_found') }];
    try {
      await this.deps.publish();
    } catch (error) {
      ctx.logger.error({ err: error, document: id }, 'the index could not be rebuilt after a removal');
      return [{ text: ctx.t('kb_admin.remove.failed') }];
    }
    return [{ text: ctx.t('kb_admin.remove.done', { title: removed.title }) }];
  }

  private async history(ctx: Context): Promise<Reply[]> {
    const events = await this.deps.history(HISTORY_LINES);
    if (events.length === 0) return [{ text: ctx.t('kb_admin.history.empty') }];
    const zone = ctx.user.profile.timeZone ?? undefined;
    return [{ text: [ctx.t('kb_admin.history.header'), ...events.map((e) => `• ${historyLine(e, ctx.t, zone)}`)].join('\n') }];
  }

  private endFlow(ctx: Context): void {
    if (ctx.session.flow !== KB_DOCUMENTS_FEATURE) return;
    ctx.session.flow = null;
    ctx.session.step = null;
    ctx.session.data = {};
  }
}

function channelName(ctx: Context): string {
  return ctx.msg.channel === 'whatsapp' ? 'WhatsApp' : ctx.msg.channel === 'telegram' ? 'Telegram' : ctx.msg.channel;
}
