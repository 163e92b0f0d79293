import type { OpenAIEmbeddings } from '@langchain/openai';
import { l2normalise, type Embedder } from './embedder.js';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Expected vector length; when not given, the first vector received sets it. */
  dims?: number;
  /** Longest wait for one embeddings request (the app passes LLM_TIMEOUT_MS); default 30 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Indexing retries a failed batch: it runs unattended, and a lost batch costs the whole dense half. */
const DOCUMENT_RETRIES = 2;

/**
 * Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM) through LangChain.
 * Vectors are cached by the caller per chunk text, so a re-index only pays for new text.
 */
export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  /**
   * `documents` for chunk batches while indexing (each attempt bounded by the timeout); `queries` for
   * questions, without retries: a user is waiting, and the retriever answers from BM25 alone when this
   * fails, so one attempt bounded by the timeout is the whole budget. LangChain is loaded by the first
   * request, not with the app.
   */
  private clients?: Promise<{ documents: OpenAIEmbeddings; queries: OpenAIEmbeddings }>;
  private knownDims?: number;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.id = `openai:${options.model}`;
    this.knownDims = options.dims;
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const vectors = await (await this.load()).documents.embedDocuments(texts);
    return vectors.map((v) => this.accept(v));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.accept(await (await this.load()).queries.embedQuery(text));
  }

  private load() {
    this.clients ??= import('@langchain/openai').then(({ OpenAIEmbeddings }) => {
      const { options } = this;
      const client = (maxRetries: number) =>
        new OpenAIEmbeddings({
          apiKey: options.apiKey,
          model: options.model,
          timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxRetries,
          configuration: options.baseURL ? { baseURL: options.baseURL } : undefined,
        });
      return { documents: client(DOCUMENT_RETRIES), queries: client(0) };
    });
    return this.clients;
  }

  /** A model that changes its vector length mid-way would corrupt the index; fail loudly instead. */
  private accept(v: number[]): Float32Array {
    this.knownDims ??= v.length;
    if (v.length !== this.knownDims) throw new Error(`embedding has ${v.length} dimensions, expected ${this.knownDims}`);
    return l2normalise(Float32Array.from(v));
  }
}
