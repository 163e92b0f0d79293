import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
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
 * The dense index on disk under DATA_DIR/index: building HNSW is the slow part of start-up, so it is
 * saved with a fingerprint of the chunks it was built from and reused while that fingerprint holds.
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

  /** The saved vectors when they match the fingerprint and embedder; otherwise undefined. */
  load(fingerprint: string, embedderId: string): VectorIndex | undefined {
    const manifest = this.readManifest();
    if (!manifest || manifest.fingerprint !== fingerprint || manifest.embedderId !== embedderId) return undefined;
    if (manifest.size === 0 || !fs.existsSync(this.vectorsPath)) return undefined;
    try {
      return VectorIndex.load(this.vectorsPath, manifest.dims, manifest.size);
    } catch {
      return undefined;
    }
  }

  /** Writes vectors first and the manifest last, so a crash in between leaves a stale, ignored index. */
  save(vectors: VectorIndex, fingerprint: string, embedderId: string): void {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.rmSync(this.manifestPath, { force: true });
    if (vectors.size > 0) vectors.save(this.vectorsPath);
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
