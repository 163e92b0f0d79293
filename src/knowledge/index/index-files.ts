import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LexicalParts } from './knowledge-index.js';
import { readLexicalFile, writeLexicalFile, type SavedLexical } from './lexical-file.js';
import type { Pace } from './paced-work.js';
import { VectorIndex } from './vector-index.js';

const ManifestSchema = z.object({
  fingerprint: z.string(),
  builtAt: z.string(),
  /** The saved vectors of these chunks; absent while nothing has read the dense half yet (see DenseHalf). */
  vectors: z.object({ embedderId: z.string(), dims: z.number().int().positive(), size: z.number().int().nonnegative() }).optional(),
});

export type IndexManifest = z.infer<typeof ManifestSchema>;

/**
 * The index on disk under DATA_DIR/index: building it is the slow part of start-up, so the dense vectors
 * (with a manifest) and the lexical index (lexical.bin) are saved with a fingerprint of the chunks they
 * were built from and reused while that fingerprint holds.
 */
export class IndexFiles {
  constructor(private readonly dir: string) {}

  private get manifestPath() {
    return path.join(this.dir, 'manifest.json');
  }

  private get vectorsPath() {
    return path.join(this.dir, 'vectors.hnsw');
  }

  readManifest(): IndexManifest | undefined {
    try {
      return ManifestSchema.parse(JSON.parse(fs.readFileSync(this.manifestPath, 'utf8')));
    } catch {
      return undefined;
    }
  }

  /** The saved lexical index (postings and stem table), see lexical-file.ts. */
  get lexicalPath() {
    return path.join(this.dir, 'lexical.bin');
  }

  /** Saves the lexical index built from the chunks with this fingerprint. */
  async saveLexical(parts: LexicalParts, fingerprint: string): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    await writeLexicalFile(this.lexicalPath, parts, fingerprint);
  }

  /** The saved lexical index; throws LexicalFileError when the file is there but damaged. */
  loadLexical(fingerprint: string, pace?: Pace): Promise<SavedLexical> {
    return readLexicalFile(this.lexicalPath, fingerprint, pace);
  }

  /** The saved vectors when they match the fingerprint and embedder; otherwise undefined. */
  async load(fingerprint: string, embedderId: string): Promise<VectorIndex | undefined> {
    const manifest = this.readManifest();
    const saved = manifest?.fingerprint === fingerprint ? manifest.vectors : undefined;
    if (!saved || saved.embedderId !== embedderId || saved.size === 0 || !fs.existsSync(this.vectorsPath)) return undefined;
    try {
      return await VectorIndex.load(this.vectorsPath, saved.dims, saved.size);
    } catch {
      return undefined;
    }
  }

  /**
   * Records an index built from the chunks with this fingerprint whose vectors are not made yet: the
   * manifest changes (a running bot notices) and no longer names the vectors saved for older chunks.
   */
  async saveBuilt(fingerprint: string): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    this.writeManifest({ fingerprint, builtAt: new Date().toISOString() });
  }

  /** Writes vectors first and the manifest last, so a crash in between leaves a stale, ignored index. */
  async save(vectors: VectorIndex, fingerprint: string, embedderId: string): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.rmSync(this.manifestPath, { force: true });
    if (vectors.size > 0) await vectors.save(this.vectorsPath);
    this.writeManifest({ fingerprint, builtAt: new Date().toISOString(), vectors: { embedderId, dims: vectors.dims, size: vectors.size } });
  }

  /**
   * Adds vectors made after the index was built (when first read) to its manifest, keeping its build time
   * so that no running bot takes them for a new index. Nothing is written once the manifest names other
   * chunks (the knowledge base changed meanwhile) or already has vectors.
   */
  async saveLater(vectors: VectorIndex, fingerprint: string, embedderId: string): Promise<void> {
    const manifest = this.readManifest();
    if (manifest?.fingerprint !== fingerprint || manifest.vectors) return;
    if (vectors.size > 0) await vectors.save(this.vectorsPath);
    this.writeManifest({ ...manifest, vectors: { embedderId, dims: vectors.dims, size: vectors.size } });
  }

  private writeManifest(manifest: IndexManifest): void {
    fs.writeFileSync(this.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}
