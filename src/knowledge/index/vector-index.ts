import fs from 'node:fs';
import hnsw from 'hnswlib-node';
import { runToEnd, type Work } from './paced-work.js';

/** Candidate list size while searching: recall near 1 for our index sizes at a fraction of a millisecond. */
const SEARCH_EF = 96;

/** A nearest-neighbour hit: document number and cosine similarity (1 = same direction). */
export interface VectorHit {
  doc: number;
  similarity: number;
}

/**
 * Dense retrieval over unit vectors with hnswlib-node (cosine space). Document numbers are the positions
 * of chunks in the index, so the BM25 and vector halves speak about the same documents.
 */
export class VectorIndex {
  private constructor(
    private readonly index: hnsw.HierarchicalNSW,
    readonly dims: number,
    readonly size: number,
  ) {}

  /**
   * The dimension is the vectors' own length, not the embedder's: vectors may all come from a cache,
   * and a remote model only reveals its dimension by answering.
   */
  static build(vectors: readonly Float32Array[]): VectorIndex {
    return runToEnd(VectorIndex.building(vectors));
  }

  /** The graph built a vector at a time (inserting one costs up to a millisecond at 30k). */
  static *building(vectors: readonly Float32Array[]): Work<VectorIndex> {
    const dims = vectors[0]?.length ?? 0;
    if (dims === 0) throw new Error('a vector index needs at least one non-empty vector');
    const odd = vectors.findIndex((v) => v.length !== dims);
    if (odd >= 0) throw new Error(`vector ${odd} has ${vectors[odd]!.length} dimensions, expected ${dims}`);
    const index = new hnsw.HierarchicalNSW('cosine', dims);
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: 16, efConstruction: 200, randomSeed: 42 });
    for (let i = 0; i < vectors.length; i += 1) {
      index.addPoint(Array.from(vectors[i]!), i);
      yield;
    }
    index.setEf(SEARCH_EF);
    return new VectorIndex(index, dims, vectors.length);
  }

  /** Reads a saved graph off the event loop (hnswlib reads it on a worker thread). */
  static async load(file: string, dims: number, size: number): Promise<VectorIndex> {
    const index = new hnsw.HierarchicalNSW('cosine', dims);
    await index.readIndex(file, false);
    index.setEf(SEARCH_EF);
    return new VectorIndex(index, dims, size);
  }

  async save(file: string): Promise<void> {
    await fs.promises.writeFile(file, ''); // hnswlib writes in place; make sure the directory entry exists
    await this.index.writeIndex(file);
  }

  search(query: Float32Array, k: number): VectorHit[] {
    if (this.size === 0) return [];
    const n = Math.min(k, this.size);
    const result = this.index.searchKnn(Array.from(query), n);
    return result.neighbors.map((doc, i) => ({ doc, similarity: 1 - (result.distances[i] ?? 1) }));
  }
}
