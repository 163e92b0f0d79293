import type { Embedder } from '../embeddings/embedder.js';
import type { VectorIndex } from './vector-index.js';

/**
 * The dense half of an index: the embedder and the vector index of the chunks. The vectors may be made
 * when first asked for: with the local embedder the dense half has no say in answers (weight 0), yet
 * building its graph is most of the work of a rebuild, so only the readers that use it (a dense-only
 * evaluation) pay for it. A failed attempt is forgotten, so the next reader tries again.
 */
export class DenseHalf {
  private pending?: Promise<VectorIndex>;

  private constructor(
    readonly embedder: Embedder,
    private readonly make: () => Promise<VectorIndex>,
  ) {}

  /** Vectors already at hand. */
  static ready(embedder: Embedder, vectors: VectorIndex): DenseHalf {
    const half = new DenseHalf(embedder, () => Promise.resolve(vectors));
    half.pending = Promise.resolve(vectors);
    return half;
  }

  /** Vectors made by `make` when first asked for. */
  static deferred(embedder: Embedder, make: () => Promise<VectorIndex>): DenseHalf {
    return new DenseHalf(embedder, make);
  }

  /** Whether the vectors were made (or asked for) yet. */
  get started(): boolean {
    return this.pending !== undefined;
  }

  /** The vector index; the first call of a deferred half makes it. */
  vectors(): Promise<VectorIndex> {
    this.pending ??= this.make().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }
}
