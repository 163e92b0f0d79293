import { OpenAIEmbeddings } from '@langchain/openai';
import { l2normalise, type Embedder } from './embedder.js';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Probed from the first vector when not given. */
  dims?: number;
  timeoutMs?: number;
}

/**
 * Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM) through LangChain.
 * Vectors are cached by the caller per chunk text, so a re-index only pays for new text.
 */
export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  private client: OpenAIEmbeddings;
  private knownDims?: number;

  constructor(options: OpenAiEmbedderOptions) {
    this.id = `openai:${options.model}`;
    this.knownDims = options.dims;
    this.client = new OpenAIEmbeddings({
      apiKey: options.apiKey,
      model: options.model,
      timeout: options.timeoutMs ?? 30_000,
      maxRetries: 2,
      configuration: options.baseURL ? { baseURL: options.baseURL } : undefined,
    });
  }

  get dims(): number {
    if (this.knownDims === undefined) throw new Error('embedding dimensions are known after the first call');
    return this.knownDims;
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const vectors = await this.client.embedDocuments(texts);
    return vectors.map((v) => this.accept(v));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.accept(await this.client.embedQuery(text));
  }

  private accept(v: number[]): Float32Array {
    this.knownDims ??= v.length;
    if (v.length !== this.knownDims) throw new Error(`embedding has ${v.length} dimensions, expected ${this.knownDims}`);
    return l2normalise(Float32Array.from(v));
  }
}
