import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Embedder } from './embeddings/embedder.js';
import { IndexFiles } from './index/index-files.js';
import { KnowledgeIndex, embeddingTexts } from './index/knowledge-index.js';
import { DenseHalf } from './index/dense-half.js';
import { VectorIndex } from './index/vector-index.js';
import { denseWeightOf } from './retrieval/retriever.js';
import type { IndexedChunk } from './index/indexed-chunk.js';
import { DEFAULT_PACE, runPaced, type Pace, type Work } from './index/paced-work.js';
import { IngestError } from './ingest/errors.js';
import type { IngestLimits } from './ingest/limits.js';
import { loadBuffer, loadFile, type LoadedFile } from './ingest/load-file.js';
import { parseDocument } from './ingest/parse-document.js';
import { writeKbAudit, type AuditedDocument } from './audit/kb-audit.js';
import { KbStore, type DocumentOrigin, type DocumentSummary } from './store/kb-store.js';
import { applyStatuses } from './status/apply-status.js';
import { KbStatusStore } from './status/kb-status.js';
import type { ParsedDocument } from './types.js';
import { markdownAsText } from './ingest/markdown-text.js';
import { buildPreview, type UploadPreview } from './uploads/preview.js';
import { findVersionTarget } from './uploads/version-match.js';

/** Reports progress of long work (ingestion, embedding) to whoever shows it. */
export type ProgressFn = (done: number, total: number, label: string) => void;

export interface AddResult {
  /** updated: the file at the same source path changed; replaced: a new version of the same regulation. */
  status: 'added' | 'updated' | 'replaced' | 'duplicate';
  documentId: string;
  title: string;
  chunks: number;
  version: number;
  /** The previous version, now retired (kept for the record, never retrieved). */
  retired?: { id: string; title: string; version: number };
}

export interface AddOptions {
  origin?: DocumentOrigin;
  regulation?: string;
  title?: string;
  sourcePath: string;
  /** Who added it (a chat admin); null for a shell command. Written to the document and the audit log. */
  actorId?: string | null;
  /** When, on the caller's clock (default: now). */
  now?: Date;
}

/** An upload read and parsed but not stored: what the preview shows and what confirming stores. */
export interface ReadUpload {
  loaded: LoadedFile;
  parsed: ParsedDocument;
  preview: UploadPreview;
}

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  failed: Array<{ file: string; error: string }>;
}

/** Embeds chunk texts, possibly through a cache; returns vectors in order. */
export type VectorSource = (embedder: Embedder, texts: string[], hashes: string[], progress?: ProgressFn) => Promise<Float32Array[]>;

export interface KnowledgeServiceOptions {
  db: Db;
  dataDir: string;
  maxFileBytes: number;
  /** The other limits on one document (unpacked size, text length, PDF pages and time); defaults otherwise. */
  ingestLimits?: Partial<Omit<IngestLimits, 'maxBytes'>>;
  logger: Logger;
  /** Builds the embedder for an index; default: the local embedder. */
  embedderFor?: (lexical: KnowledgeIndex) => Embedder;
  /** Where vectors come from (default: the embedder directly; the app adds a DB cache for remote models). */
  vectorSource?: VectorSource;
  /** How index builds share the event loop (default: DEFAULT_PACE); tests hold a build with it. */
  pace?: Pace;
}

/**
 * The embedder directly, a few texts at a time, giving the event loop back once a slice of the pace's
 * budget is used: the local embedder computes on this thread, about a millisecond a text at 30k chunks.
 */
function pacedVectors(pace: Pace): VectorSource {
  return async (embedder, texts, _hashes, progress) => {
    const out: Float32Array[] = [];
    const batch = 8;
    // As runPaced does: the work before this (listing the texts) ends a slice of its own.
    await pace.pause();
    let sliceStart = performance.now();
    for (let i = 0; i < texts.length; i += batch) {
      out.push(...(await embedder.embedDocuments(texts.slice(i, i + batch))));
      progress?.(Math.min(i + batch, texts.length), texts.length, 'embedding');
      if (performance.now() - sliceStart >= pace.budgetMs) {
        await pace.pause();
        sliceStart = performance.now();
      }
    }
    return out;
  };
}

/**
 * The knowledge base as a whole: ingestion into the store (with content-hash de-duplication),
 * synchronisation of the shipped knowledge/ folder, and the retrieval index built from what is stored.
 */
export class KnowledgeService {
  readonly store: KbStore;
  /** Documents and Pasal marked diubah or dicabut; the index leaves revoked text out. */
  readonly statuses: KbStatusStore;
  private readonly files: IndexFiles;

  constructor(private readonly options: KnowledgeServiceOptions) {
    this.store = new KbStore(options.db);
    this.statuses = new KbStatusStore(options.db);
    this.files = new IndexFiles(path.join(options.dataDir, 'index'));
  }

  /**
   * Adds one file. A changed file at the same source path replaces its earlier text; an admin's document
   * of a regulation already in the base becomes its new version (the old one retired, not duplicated).
   * Bad files throw IngestError.
   */
  async addFile(filePath: string, opts: Omit<AddOptions, 'sourcePath'> & { sourcePath?: string } = {}): Promise<AddResult> {
    const loaded = await loadFile(filePath, this.loadLimits());
    return this.addLoaded(loaded, { ...opts, sourcePath: opts.sourcePath ?? path.resolve(filePath) });
  }

  /**
   * Reads an upload with the same limits and parser as addFile and previews it; stores nothing, so it can
   * run again (after a restart, or with a corrected title or regulation) with the same result.
   */
  async readUpload(fileName: string, bytes: Buffer, opts: { regulation?: string; title?: string } = {}): Promise<ReadUpload> {
    const loaded = await loadBuffer(fileName, bytes, this.loadLimits());
    const parsed = parseDocument(loaded, opts);
    const [live, sameContent] = await Promise.all([this.store.liveDocuments(), this.store.findByHash(loaded.contentHash)]);
    const text = loaded.format === 'md' ? markdownAsText(loaded.text) : loaded.text;
    const preview = buildPreview({ parsed, text, live, ...(sameContent ? { sameContent } : {}) });
    return { loaded, parsed, preview };
  }

  /** Same as addFile for bytes already in memory (an upload). */
  async addLoaded(loaded: LoadedFile, opts: AddOptions): Promise<AddResult> {
    const existing = await this.store.findByHash(loaded.contentHash);
    if (existing) {
      const chunks = await this.store.chunkCount(existing.id);
      return { status: 'duplicate', documentId: existing.id, title: existing.title, chunks, version: existing.version };
    }
    const parsed = parseDocument(loaded, { regulation: opts.regulation, title: opts.title });
    return this.storeParsed(loaded, parsed, opts);
  }

  /** Stores a parsed document with its audit record; see addFile for what it replaces. */
  async storeParsed(loaded: LoadedFile, parsed: ParsedDocument, opts: AddOptions): Promise<AddResult> {
    const origin = opts.origin ?? 'admin';
    // The shipped folder is mirrored file by file; versions are for what admins add.
    const target = origin === 'admin' ? findVersionTarget(parsed, await this.store.liveDocuments()) : undefined;
    const previous = (await this.store.findBySource(opts.sourcePath)).filter((d) => d.id !== target?.id);
    const actorId = opts.actorId ?? null;
    const retiredBefore = target ? await this.audited(target.id) : undefined;
    const replacedBefore = previous[0] ? await this.audited(previous[0].id) : undefined;
    const doc = await this.store.save(
      parsed,
      {
        sourcePath: opts.sourcePath,
        origin,
        contentHash: loaded.contentHash,
        byteSize: loaded.bytes.length,
        addedById: actorId,
      },
      {
        replaceIds: previous.map((d) => d.id),
        ...(target ? { retire: { id: target.id, version: target.version } } : {}),
        ...(opts.now ? { now: opts.now } : {}),
        afterSave: async (tx, saved) => {
          if (origin !== 'admin') return;
          const before = retiredBefore ?? replacedBefore;
          const after: AuditedDocument = { id: saved.id, title: saved.title, regulation: saved.regulation, version: saved.version, chunks: parsed.chunks.length };
          await writeKbAudit(tx, {
            actorId,
            action: before ? 'kb.replace' : 'kb.add',
            subject: saved.id,
            ...(before ? { before } : {}),
            after,
            ...(opts.now ? { at: opts.now } : {}),
          });
        },
      },
    );
    this.options.logger.info({ document: doc.id, title: doc.title, chunks: parsed.chunks.length, retired: target?.id }, 'knowledge document stored');
    const status = target ? 'replaced' : previous.length > 0 ? 'updated' : 'added';
    return {
      status,
      documentId: doc.id,
      title: doc.title,
      chunks: parsed.chunks.length,
      version: doc.version,
      ...(target ? { retired: { id: target.id, title: target.title, version: target.version } } : {}),
    };
  }

  /**
   * Takes a stored document back out, as if it had never been added: used when the index of a just
   * confirmed document cannot be built, so the live base stays as it was. Writes no audit record.
   */
  async undoAdd(result: AddResult): Promise<void> {
    await this.store.remove(result.documentId);
    if (result.retired) await this.store.unretire(result.retired.id);
    await this.options.db.auditEvent.deleteMany({ where: { subject: result.documentId, action: { in: ['kb.add', 'kb.replace'] } } });
  }

  /** Removes a document and records who did it; false when there is no such document. */
  async removeDocument(id: string, actorId: string | null, now?: Date): Promise<AuditedDocument | undefined> {
    const before = await this.audited(id);
    if (!before) return undefined;
    await this.options.db.$transaction(async (tx) => {
      await tx.kbDocument.deleteMany({ where: { id } });
      await writeKbAudit(tx, { actorId, action: 'kb.remove', subject: id, before, ...(now ? { at: now } : {}) });
    });
    this.options.logger.info({ document: id, actor: actorId }, 'knowledge document removed');
    return before;
  }

  private loadLimits() {
    return { ...this.options.ingestLimits, maxBytes: this.options.maxFileBytes };
  }

  /** How the audit log describes a stored document. */
  private async audited(id: string): Promise<AuditedDocument | undefined> {
    const doc = await this.store.findById(id);
    if (!doc) return undefined;
    const chunks = await this.store.chunkCount(id);
    return { id, title: doc.title, regulation: doc.regulation, version: doc.version, chunks, ...(doc.retiredAt ? { retired: true } : {}) };
  }

  /**
   * Identifies the index last written to DATA_DIR/index (by this process or by a `kb` command), so a
   * running bot can notice that an admin changed the knowledge base.
   */
  indexStamp(): string | undefined {
    const manifest = this.files.readManifest();
    return manifest ? `${manifest.fingerprint}@${manifest.builtAt}` : undefined;
  }

  /** Removes a document on an operator's shell command (audited with no actor). */
  async remove(id: string): Promise<boolean> {
    return (await this.removeDocument(id, null)) !== undefined;
  }

  list(): Promise<DocumentSummary[]> {
    return this.store.summaries();
  }

  /**
   * Makes the stored shipped documents match the knowledge/ folder: new files added, changed files
   * replaced, deleted files removed, unchanged files left alone (compared by content hash).
   */
  async syncShipped(dir: string, progress?: ProgressFn): Promise<SyncResult> {
    const result: SyncResult = { added: 0, updated: 0, removed: 0, unchanged: 0, failed: [] };
    const files = listKnowledgeFiles(dir);
    const stored = await this.store.listByOrigin('shipped');
    const bySource = new Map(stored.map((d) => [d.sourcePath, d]));
    const seen = new Set<string>();
    let done = 0;
    for (const file of files) {
      const sourcePath = `knowledge/${path.relative(dir, file).split(path.sep).join('/')}`;
      seen.add(sourcePath);
      const bytes = fs.readFileSync(file);
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (bySource.get(sourcePath)?.contentHash === hash) {
        result.unchanged += 1;
      } else {
        try {
          const r = await this.addFile(file, { origin: 'shipped', sourcePath });
          if (r.status === 'added') result.added += 1;
          else if (r.status === 'updated') result.updated += 1;
          else result.unchanged += 1;
        } catch (error) {
          const message = error instanceof IngestError ? `${error.code}: ${error.detail}` : String(error);
          result.failed.push({ file: sourcePath, error: message });
          this.options.logger.error({ file: sourcePath, err: message }, 'knowledge file skipped');
        }
      }
      done += 1;
      progress?.(done, files.length, 'knowledge');
    }
    const gone = stored.filter((d) => !seen.has(d.sourcePath)).map((d) => d.id);
    result.removed = await this.store.removeMany(gone);
    return result;
  }

  /**
   * The retrieval index of the stored chunks. What DATA_DIR/index holds for the same chunks is loaded
   * (postings and stem table from lexical.bin, vectors from the HNSW file); only what is missing, stale or
   * damaged is built again, and saved. `force` rebuilds everything. The work is paced (see paced-work.ts):
   * it gives the event loop back every few tens of milliseconds, so a running bot keeps answering from its
   * current index until this one is ready.
   * Vectors that have no say in answers (the local embedder's, weight 0) are made when something first
   * reads them (see DenseHalf), unless `denseNow` asks for them now (the `kb` command: nobody waits on it,
   * and the bot then loads them).
   * When the embeddings endpoint fails, the index is lexical only: questions are still answered (BM25
   * carries retrieval and abstention) and the bot starts; the next build tries the endpoint again.
   */
  async buildIndex(opts: { force?: boolean; progress?: ProgressFn; denseNow?: boolean } = {}): Promise<KnowledgeIndex> {
    const pace = this.options.pace ?? DEFAULT_PACE;
    const chunks = applyStatuses(await this.store.allChunks(() => pace.pause()), await this.statuses.all());
    // An amendment is part of the fingerprint, so marking one writes a new index stamp that a running bot
    // notices (the chunk set alone would not change).
    const fingerprint = await runPaced(fingerprinting(chunks), pace);
    const lexical = (opts.force ? undefined : await this.loadLexical(chunks, fingerprint, pace)) ?? (await this.buildLexical(chunks, fingerprint, pace));
    const embedder = (this.options.embedderFor ?? ((ix: KnowledgeIndex) => ix.localEmbedder()))(lexical);
    if (chunks.length === 0) return lexical;
    if (denseWeightOf(embedder.id) === 0 && !opts.denseNow) {
      const current = !opts.force && this.files.readManifest()?.fingerprint === fingerprint;
      if (!current) await this.files.saveBuilt(fingerprint);
      return lexical.withDense(
        DenseHalf.deferred(embedder, async () => {
          const saved = current ? await this.files.load(fingerprint, embedder.id) : undefined;
          if (saved) return saved;
          const made = await this.embedAll(chunks, embedder, pace);
          try {
            await this.files.saveLater(made, fingerprint, embedder.id);
          } catch (error) {
            this.options.logger.warn({ err: error }, 'saving the vectors failed; the next reader of a new index makes them again');
          }
          return made;
        }),
      );
    }
    if (!opts.force) {
      const saved = await this.files.load(fingerprint, embedder.id);
      if (saved) return lexical.withDense(DenseHalf.ready(embedder, saved));
    }
    let dense: VectorIndex;
    try {
      dense = await this.embedAll(chunks, embedder, pace, opts.progress);
    } catch (error) {
      this.options.logger.error({ embedder: embedder.id, err: error }, 'embedding the knowledge base failed; answering from the lexical index alone');
      return lexical;
    }
    await this.files.save(dense, fingerprint, embedder.id);
    return lexical.withDense(DenseHalf.ready(embedder, dense));
  }

  /** The vector index of the chunks, embedded and built paced. */
  private async embedAll(chunks: ReadonlyArray<IndexedChunk & { contentHash: string }>, embedder: Embedder, pace: Pace, progress?: ProgressFn): Promise<VectorIndex> {
    const source = this.options.vectorSource ?? pacedVectors(pace);
    const texts = await runPaced(embeddingTexts(chunks), pace);
    const vectors = await source(embedder, texts, chunks.map((c) => c.contentHash), progress);
    return runPaced(VectorIndex.building(vectors), pace);
  }

  /** The saved lexical index of these chunks, or undefined (then it is built); a damaged file is logged. */
  private async loadLexical(chunks: IndexedChunk[], fingerprint: string, pace: Pace): Promise<KnowledgeIndex | undefined> {
    try {
      const saved = await this.files.loadLexical(fingerprint, pace);
      if (saved.status !== 'ok') return undefined;
      return await runPaced(KnowledgeIndex.loadingLexical(chunks, saved.parts), pace);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'saved lexical index unreadable; rebuilding it from the stored chunks');
      return undefined;
    }
  }

  private async buildLexical(chunks: IndexedChunk[], fingerprint: string, pace: Pace): Promise<KnowledgeIndex> {
    const started = Date.now();
    const lexical = await runPaced(KnowledgeIndex.buildingLexical(chunks), pace);
    try {
      // Gathering the parts to save takes a few tens of milliseconds at 30k chunks: not in the build's last slice.
      await pace.pause();
      await this.files.saveLexical(lexical.lexicalParts(), fingerprint);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'saving the lexical index failed; the next start builds it again');
    }
    this.options.logger.info({ chunks: chunks.length, ms: Date.now() - started }, 'lexical index built');
    return lexical;
  }
}

/**
 * What identifies the chunks an index is built from: their ids, content hashes and amendments, one line
 * each, hashed a line at a time (at 30k chunks, joining them first held the event loop for ~100 ms).
 */
function* fingerprinting(chunks: readonly (IndexedChunk & { contentHash: string })[]): Work<string> {
  const hash = createHash('sha256');
  for (let i = 0; i < chunks.length; i += 1) {
    const c = chunks[i]!;
    hash.update(`${i > 0 ? '\n' : ''}${c.id}:${c.contentHash}${c.amendment ? `:${c.amendment.subject}:${c.amendment.by}` : ''}`);
    if ((i & 1023) === 1023) yield;
  }
  return hash.digest('hex');
}

/** Markdown files of the curated knowledge base, excluding its README. */
export function listKnowledgeFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') out.push(full);
    }
  };
  walk(dir);
  return out;
}
