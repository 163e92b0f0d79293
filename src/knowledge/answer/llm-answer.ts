import fs from 'node:fs';
import path from 'node:path';
import { ChatOpenAI } from '@langchain/openai';
import type { RetrievalHit } from '../retrieval/retriever.js';

export interface LlmOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

/** A raw model answer; `null` when the model said the context does not answer the question. */
export interface LlmDraft {
  text: string | null;
  contextCitations: string[];
}

/** The marker the system prompt asks for when the passages do not answer the question. */
export const NOT_FOUND_MARKER = 'TIDAK_DITEMUKAN';

/**
 * Writes a grounded answer with any OpenAI-compatible chat model (OpenAI, Azure, Ollama, vLLM) through
 * LangChain. Prompts live in prompts/ so they are reviewed like code.
 */
export class LlmAnswerer {
  private readonly model: ChatOpenAI;
  private readonly system: string;
  private readonly userTemplate: string;

  constructor(options: LlmOptions, promptsDir: string) {
    this.model = new ChatOpenAI({
      apiKey: options.apiKey,
      model: options.model,
      temperature: 0,
      timeout: options.timeoutMs,
      maxRetries: 1,
      configuration: options.baseURL ? { baseURL: options.baseURL } : undefined,
    });
    this.system = fs.readFileSync(path.join(promptsDir, 'qa-system.md'), 'utf8').trim();
    this.userTemplate = fs.readFileSync(path.join(promptsDir, 'qa-user.md'), 'utf8').trim();
  }

  async draft(question: string, hits: readonly RetrievalHit[]): Promise<LlmDraft> {
    const contextCitations = hits.map((h) => h.chunk.citation);
    const context = hits
      .map((h, i) => `[${i + 1}] ${h.chunk.citation}${h.chunk.practice ? ' (catatan praktik)' : ''}\n${h.chunk.text.trim()}`)
      .join('\n\n');
    // Replacer functions, so "$&" or "$'" in a passage or a question is inserted as typed, not expanded.
    const user = this.userTemplate.replace('{context}', () => context).replace('{question}', () => question.trim());
    const response = await this.model.invoke([
      { role: 'system', content: this.system },
      { role: 'user', content: user },
    ]);
    const text = typeof response.content === 'string' ? response.content : response.content.map((p) => ('text' in p ? p.text : '')).join('');
    const trimmed = text.trim();
    if (!trimmed || trimmed.includes(NOT_FOUND_MARKER)) return { text: null, contextCitations };
    return { text: trimmed, contextCitations };
  }
}
