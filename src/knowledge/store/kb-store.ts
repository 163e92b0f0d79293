import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Tx } from '../../core/merge-users.js';
import { ACTOR_FIELDS, actorLabel } from '../audit/actor-label.js';
import type { IndexedChunk } from '../index/indexed-chunk.js';
import type { ParsedDocument } from '../types.js';
import { chunkPage, indexedChunkOf, type PageStart } from './chunk-pages.js';

export type DocumentOrigin = 'shipped' | 'admin';

export interface StoredDocumentMeta {
  sourcePath: string;
  origin: DocumentOrigin;
  contentHash: string;
  byteSize: number;
  /** The admin who added it in a chat. */
  addedById?: string | null;
}

/** How a stored document relates to what was there: a file changed in place, or a new version of a regulation. */
export interface SaveOptions {
  /** Removed in the same transaction (a changed file at the same source path). */
  replaceIds?: string[];
  /** The live document this one is a new version of: retired (kept, never retrieved) in the same transaction. */
  retire?: { id: string; version: number };
  /** Runs inside the transaction once the document exists (the audit record). */
  afterSave?: (tx: Tx, doc: { id: string; title: string; regulation: string | null; version: number }) => Promise<void>;
  now?: Date;
}

export interface DocumentSummary {
  id: string;
  title: string;
  regulation: string | null;
  origin: string;
  kind: string;
  sourcePath: string;
  status: string;
  chunks: number;
  /** Distinct Pasal numbers found in the document's chunks, in numeric order. */
  pasal: string[];
  updatedAt: Date;
  createdAt: Date;
  /** Who added it in a chat (name), if anyone. */
  addedBy: string | null;
  version: number;
  retiredAt: Date | null;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Documents and chunks of the knowledge base in the database. Every change is one transaction, so a
 * failed ingestion never leaves half a document behind.
 */
export class KbStore {
  constructor(private readonly db: Db) {}

  findByHash(contentHash: string) {
    return this.db.kbDocument.findUnique({ where: { contentHash } });
  }

  findBySource(sourcePath: string) {
    return this.db.kbDocument.findMany({ where: { sourcePath } });
  }

  /** Live (not retired) documents, for version matching and duplicate warnings. */
  liveDocuments() {
    return this.db.kbDocument.findMany({
      where: { retiredAt: null },
      select: { id: true, title: true, regulation: true, version: true, origin: true, kind: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  findById(id: string) {
    return this.db.kbDocument.findUnique({ where: { id } });
  }

  /** Stores a parsed document, with what it replaces or retires, in one transaction. */
  async save(parsed: ParsedDocument, meta: StoredDocumentMeta, options: SaveOptions = {}) {
    const { replaceIds = [], retire } = options;
    return this.db.$transaction(async (tx) => {
      if (replaceIds.length > 0) await tx.kbDocument.deleteMany({ where: { id: { in: replaceIds } } });
      if (retire) {
        // Only a live document is retired: two admins confirming versions at once cannot both retire it.
        const retired = await tx.kbDocument.updateMany({ where: { id: retire.id, retiredAt: null }, data: { retiredAt: options.now ?? new Date() } });
        if (retired.count === 0) throw new VersionConflictError(retire.id);
      }
      const doc = await tx.kbDocument.create({
        data: {
          ...(options.now ? { createdAt: options.now } : {}),
          addedById: meta.addedById ?? null,
          version: retire ? retire.version + 1 : 1,
          replacesId: retire?.id ?? null,
          title: parsed.title,
          regulation: parsed.regulation ?? null,
          origin: meta.origin,
          kind: parsed.kind,
          sourcePath: meta.sourcePath,
          contentHash: meta.contentHash,
          byteSize: meta.byteSize,
          status: parsed.status,
        },
      });
      await tx.kbChunk.createMany({
        data: parsed.chunks.map((c, ord) => ({
          documentId: doc.id,
          ord,
          citation: c.citation,
          regulation: c.regulation ?? parsed.regulation ?? null,
          pasal: c.pasal ?? null,
          ayat: c.ayat ?? null,
          huruf: c.huruf ?? null,
          angka: c.angka ?? null,
          penjelasan: c.penjelasan ?? false,
          practice: c.practice ?? false,
          heading: c.heading ?? (parsed.kind === 'curated' ? parsed.title : null),
          topic: c.topic ?? null,
          aliases: c.aliases && c.aliases.length > 0 ? c.aliases.join('\n') : null,
          restsOn: c.restsOn && c.restsOn.length > 0 ? c.restsOn.join('\n') : null,
          text: c.text,
          contentHash: hashText(`${c.citation}\n${c.text}`),
        })),
      });
      await options.afterSave?.(tx, doc);
      return doc;
    });
  }

  /** Brings a retired document back (undoing a replacement whose index could not be built). */
  async unretire(id: string): Promise<void> {
    await this.db.kbDocument.updateMany({ where: { id }, data: { retiredAt: null } });
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.kbDocument.deleteMany({ where: { id } });
    return result.count > 0;
  }

  async removeMany(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.kbDocument.deleteMany({ where: { id: { in: ids } } });
    return result.count;
  }

  listByOrigin(origin: DocumentOrigin) {
    return this.db.kbDocument.findMany({ where: { origin }, select: { id: true, sourcePath: true, contentHash: true } });
  }

  chunkCount(documentId: string): Promise<number> {
    return this.db.kbChunk.count({ where: { documentId } });
  }

  async summaries(): Promise<DocumentSummary[]> {
    const docs = await this.db.kbDocument.findMany({
      orderBy: [{ origin: 'desc' }, { sourcePath: 'asc' }],
      include: { chunks: { select: { pasal: true } }, addedBy: { select: ACTOR_FIELDS } },
    });
    return docs.map((d) => ({
      id: d.id,
      title: d.title,
      regulation: d.regulation,
      origin: d.origin,
      kind: d.kind,
      sourcePath: d.sourcePath,
      status: d.status,
      chunks: d.chunks.length,
      pasal: sortPasal([...new Set(d.chunks.map((c) => c.pasal).filter((p): p is string => Boolean(p)))]),
      updatedAt: d.updatedAt,
      createdAt: d.createdAt,
      addedBy: d.addedBy ? actorLabel(d.addedBy) : null,
      version: d.version,
      retiredAt: d.retiredAt,
    }));
  }

  /**
   * Every chunk of the live documents (retired versions are left out), in index order. Read a page at a
   * time, with `between` awaited after each page: at 30k chunks one query would hold the event loop for
   * seconds (SQLite answers synchronously). Small documents are read together, several to a query (the
   * shipped base is some 250 short files, and each query has a fixed cost); a large one is read alone, its
   * pages following on from the last chunk read (its position), not by an offset, which would make each
   * page walk every chunk before it.
   */
  async allChunks(between?: () => Promise<void>): Promise<Array<IndexedChunk & { contentHash: string }>> {
    const out: Array<IndexedChunk & { contentHash: string }> = [];
    const documents = await this.db.kbDocument.findMany({
      where: { retiredAt: null },
      select: { id: true, _count: { select: { chunks: true } } },
      orderBy: { id: 'asc' },
    });
    for (const group of pageGroups(documents, CHUNK_PAGE)) {
      // Page after page until one comes back short: a group is read whole, whatever its counts said.
      const last = group[group.length - 1]!.id;
      for (let start: PageStart = { documentId: group[0]!.id, ord: -1 }; ; ) {
        const rows = await chunkPage(this.db, start, last, CHUNK_PAGE);
        for (const row of rows) out.push(indexedChunkOf(row));
        await between?.();
        if (rows.length < CHUNK_PAGE) break;
        const { documentId, ord } = rows[rows.length - 1]!;
        start = { documentId, ord };
      }
    }
    return out;
  }
}

/**
 * Documents in order, grouped so that a group holds at most `page` chunks; a document larger than a page
 * is a group of its own.
 */
export function pageGroups<T extends { _count: { chunks: number } }>(documents: readonly T[], page: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const document of documents) {
    const n = document._count.chunks;
    if (current.length > 0 && size + n > page) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(document);
    size += n;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Chunks read per query by allChunks. */
const CHUNK_PAGE = 500;

export function sortPasal(pasal: string[]): string[] {
  return pasal.sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}

/** The document to retire was retired (or removed) meanwhile: the new version is not stored. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(readonly documentId: string) {
    super(`document ${documentId} is no longer live`);
  }
}
