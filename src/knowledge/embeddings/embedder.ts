/**
 * Turns texts into vectors for the dense half of retrieval. Two implementations: a local one that needs
 * no download or network (the default), and OpenAI-compatible embeddings when configured.
 */
export interface Embedder {
  /** Identifies model and version; vectors from different ids are never mixed in one index. */
  readonly id: string;
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export function l2normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i += 1) v[i]! /= norm;
  return v;
}
