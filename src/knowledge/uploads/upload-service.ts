import type { Logger } from '../../logger.js';
import type { AddResult, KnowledgeService, ReadUpload } from '../knowledge-service.js';
import type { ExistingDocument } from './version-match.js';
import type { StagedUpload, StagedUploads } from './staged-uploads.js';

export type StageOutcome =
  | { status: 'staged'; upload: StagedUpload; read: ReadUpload }
  /** The same bytes are already stored: nothing to add. */
  | { status: 'duplicate'; document: ExistingDocument };

export type ConfirmOutcome =
  | { status: 'published'; result: AddResult }
  /** Expired, cancelled, or not this admin's. */
  | { status: 'gone' }
  /** Meanwhile the same file went live, or the document it would replace changed: nothing stored. */
  | { status: 'duplicate' }
  /** Storing or indexing failed: the live base is as it was before. */
  | { status: 'failed'; error: unknown };

export interface UploadServiceDeps {
  knowledge: KnowledgeService;
  staged: StagedUploads;
  /** Builds the new index and swaps it in; the old one keeps answering until then. Throws when it cannot. */
  publish: () => Promise<void>;
  logger: Logger;
}

/**
 * Chat uploads to the knowledge base in two steps: `stage` reads the file with the same limits and
 * parser as `kb add` and keeps it aside (nothing live changes), `confirm` stores it (as a new version
 * when its regulation is already in the base) and swaps the index. A confirmation whose index cannot be
 * built is undone, so a failed ingest never leaves the live base changed.
 */
export class UploadService {
  constructor(private readonly deps: UploadServiceDeps) {}

  /** Reads and previews a file; throws IngestError for a file that cannot be ingested (nothing is kept then). */
  async stage(userId: string, fileName: string, bytes: Buffer, now: Date): Promise<StageOutcome> {
    const read = await this.deps.knowledge.readUpload(fileName, bytes);
    const duplicate = read.preview.warnings.find((w) => w.kind === 'duplicate');
    if (duplicate?.kind === 'duplicate') return { status: 'duplicate', document: duplicate.document };
    const upload = await this.deps.staged.create(userId, fileName, bytes, now);
    return { status: 'staged', upload, read };
  }

  find(uploadId: string, userId: string, now: Date): Promise<StagedUpload | undefined> {
    return this.deps.staged.find(uploadId, userId, now);
  }

  /** The preview of a staged upload with the admin's corrections applied. */
  read(upload: StagedUpload): Promise<ReadUpload> {
    return this.deps.knowledge.readUpload(upload.fileName, upload.bytes, corrections(upload));
  }

  async correct(upload: StagedUpload, fields: { title?: string; regulation?: string }): Promise<StagedUpload> {
    await this.deps.staged.correct(upload.id, fields);
    return { ...upload, ...fields };
  }

  async cancel(uploadId: string): Promise<void> {
    await this.deps.staged.discard(uploadId);
  }

  async confirm(uploadId: string, userId: string, now: Date): Promise<ConfirmOutcome> {
    const upload = await this.deps.staged.find(uploadId, userId, now);
    if (!upload) return { status: 'gone' };
    const { knowledge, logger } = this.deps;
    let result: AddResult;
    try {
      const { loaded, parsed, preview } = await this.read(upload);
      if (preview.warnings.some((w) => w.kind === 'duplicate')) {
        await this.deps.staged.discard(upload.id);
        return { status: 'duplicate' };
      }
      result = await knowledge.storeParsed(loaded, parsed, {
        origin: 'admin',
        sourcePath: `chat:${upload.id}/${upload.fileName}`,
        actorId: userId,
        now,
      });
    } catch (error) {
      logger.error({ err: error, upload: upload.id }, 'storing a confirmed upload failed');
      return { status: 'failed', error };
    }
    await this.deps.staged.discard(upload.id);
    try {
      await this.deps.publish();
    } catch (error) {
      logger.error({ err: error, document: result.documentId }, 'the index of a confirmed upload could not be built; undone');
      await knowledge.undoAdd(result);
      return { status: 'failed', error };
    }
    return { status: 'published', result };
  }

  pruneExpired(now: Date): Promise<number> {
    return this.deps.staged.pruneExpired(now);
  }
}

function corrections(upload: StagedUpload): { title?: string; regulation?: string } {
  return { ...(upload.title ? { title: upload.title } : {}), ...(upload.regulation ? { regulation: upload.regulation } : {}) };
}
