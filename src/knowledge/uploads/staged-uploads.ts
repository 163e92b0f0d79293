import type { Db } from '../../db/client.js';

/** How long an unconfirmed upload waits for its admin before it is thrown away. */
export const STAGED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface StagedUpload {
  id: string;
  userId: string;
  fileName: string;
  bytes: Buffer;
  title: string | null;
  regulation: string | null;
  expiresAt: Date;
}

/**
 * Uploads read and previewed but not confirmed, in the database so a confirmation still works after a
 * restart. Nothing here is live: retrieval never reads this table. Each upload belongs to the admin who
 * sent it, and only that admin can confirm, edit or cancel it.
 */
export class StagedUploads {
  constructor(
    private readonly db: Db,
    private readonly ttlMs = STAGED_UPLOAD_TTL_MS,
  ) {}

  async create(userId: string, fileName: string, bytes: Buffer, now: Date): Promise<StagedUpload> {
    const row = await this.db.kbUpload.create({
      data: { userId, fileName, bytes: new Uint8Array(bytes), expiresAt: new Date(now.getTime() + this.ttlMs) },
    });
    return toStaged(row);
  }

  /** The admin's own upload, unless it expired or is gone. */
  async find(id: string, userId: string, now: Date): Promise<StagedUpload | undefined> {
    const row = await this.db.kbUpload.findFirst({ where: { id, userId, expiresAt: { gt: now } } });
    return row ? toStaged(row) : undefined;
  }

  async correct(id: string, fields: { title?: string; regulation?: string }): Promise<void> {
    await this.db.kbUpload.updateMany({ where: { id }, data: fields });
  }

  async discard(id: string): Promise<void> {
    await this.db.kbUpload.deleteMany({ where: { id } });
  }

  /** Throws away uploads nobody confirmed in time; returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    const result = await this.db.kbUpload.deleteMany({ where: { expiresAt: { lte: now } } });
    return result.count;
  }
}

function toStaged(row: { id: string; userId: string; fileName: string; bytes: Uint8Array; title: string | null; regulation: string | null; expiresAt: Date }): StagedUpload {
  return {
    id: row.id,
    userId: row.userId,
    fileName: row.fileName,
    bytes: Buffer.from(row.bytes),
    title: row.title,
    regulation: row.regulation,
    expiresAt: row.expiresAt,
  };
}
