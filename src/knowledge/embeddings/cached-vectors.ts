import type { Db } from '../../db/client.js';
import type { ProgressFn, VectorSource } from '../knowledge-service.js';
import type { Embedder } from './embedder.js';

const BATCH = 64;

/**
 * Embeds through a database cache keyed by model and chunk content, so re-indexing after an upload only
 * sends new text to a paid embeddings endpoint.
 */
export function cachedVectorSource(db: Db): VectorSource {
  return async (embedder: Embedder, texts: string[], hashes: string[], progress?: ProgressFn) => {
    const keys = hashes.map((h) => `${embedder.id}:${h}`);
    const cached = new Map<string, Float32Array>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db.embeddingCache.findMany({ where: { key: { in: keys.slice(i, i + 500) } } });
      for (const row of rows) cached.set(row.key, new Float32Array(new Uint8Array(row.vector).buffer));
    }
    const missing = keys.map((k, i) => ({ k, i })).filter(({ k }) => !cached.has(k));
    for (let b = 0; b < missing.length; b += BATCH) {
      const batch = missing.slice(b, b + BATCH);
      const vectors = await embedder.embedDocuments(batch.map(({ i }) => texts[i]!));
      await db.$transaction(
        batch.map(({ k }, j) =>
          db.embeddingCache.upsert({
            where: { key: k },
            create: { key: k, model: embedder.id, dims: vectors[j]!.length, vector: new Uint8Array(vectors[j]!.slice().buffer) },
            update: {},
          }),
        ),
      );
      batch.forEach(({ k }, j) => cached.set(k, vectors[j]!));
      progress?.(Math.min(b + BATCH, missing.length), missing.length, 'embedding');
    }
    return keys.map((k) => cached.get(k)!);
  };
}
