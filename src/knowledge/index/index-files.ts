import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LexicalParts } from './knowledge-index.js';
import { readLexicalFile, writeLexicalFile, type SavedLexical } from './lexical-file.js';
import { VectorIndex } from './vector-index.js';

const ManifestSchema = z.object({
  fingerprint: z.string(),
  embedderId: z.string(),
  dims: z.number().int().positive(),
  size: z.number().int().nonnegative(),
  builtAt: z.string(),
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
  loadLexical(fingerprint: string): Promise<SavedLexical> {
    return readLexicalFile(this.lexicalPath, fingerprint);
  }

  /** The saved vectors when they match the fingerprint and embedder; otherwise undefined. */
  async load(fingerprint: string, embedderId: string): Promise<VectorIndex | undefined> {
    const manifest = this.readManifest();
    if (!manifest || manifest.fingerprint !== fingerprint || manifest.embedderId !== embedderId) return undefined;
    if (manifest.size === 0 || !fs.existsSync(this.vectorsPath)) return undefined;
    try {
      return await VectorIndex.load(this.vectorsPath, manifest.dims, manifest.size);
    } catch {
      return undefined;
    }
  }

  /** Writes vectors first and the manifest last, so a crash in between leaves a stale, ignored index. */
  async save(vectors: VectorIndex, fingerprint: string, embedderId: string): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.rmSync(this.manifestPath, { force: true });
    if (vectors.size > 0) await vectors.save(this.vectorsPath);
    const manifest: IndexManifest = {
      fingerprint,
      embedderId,
      dims: vectors.dims,
      size: vectors.size,
      builtAt: new Date().toISOString(),
    };
    fs.writeFileSync(this.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}
