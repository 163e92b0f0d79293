import fs from 'node:fs';
import path from 'node:path';
import { createChatModel, messageText, type ChatModel, type ChatModelOptions } from '../../llm/chat-model.js';
import type { RetrievalHit } from '../retrieval/retriever.js';
import { formatPassages } from './passages.js';
import { PromptGuard } from './prompt-guard.js';

/** How to reach the configured chat model (config.llm). */
export type LlmOptions = ChatModelOptions;

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
  private readonly model: ChatModel;
  private readonly system: string;
  private readonly userTemplate: string;
  private readonly guard: PromptGuard;

  constructor(options: LlmOptions, promptsDir: string) {
    // Answers follow the passages, never the model's own knowledge: no sampling freedom.
    this.model = createChatModel({ ...options, temperature: 0 });
    this.system = fs.readFileSync(path.join(promptsDir, 'qa-system.md'), 'utf8').trim();
    this.userTemplate = fs.readFileSync(path.join(promptsDir, 'qa-user.md'), 'utf8').trim();
    this.guard = new PromptGuard([this.system, this.userTemplate]);
  }

  async draft(question: string, hits: readonly RetrievalHit[]): Promise<LlmDraft> {
    const contextCitations = hits.map((h) => h.chunk.citation);
    const context = formatPassages(hits);
    // Replacer functions, so "$&" or "$'" in a passage or a question is inserted as typed, not expanded.
    const user = this.userTemplate.replace('{context}', () => context).replace('{question}', () => question.trim());
    const response = await this.model.invoke([
      { role: 'system', content: this.system },
      { role: 'user', content: user },
    ]);
    const trimmed = messageText(response).trim();
    if (!trimmed || trimmed.includes(NOT_FOUND_MARKER)) return { text: null, contextCitations };
    // Told to by a question or a passage, a model may repeat its instructions; that text is never sent
    // (the caller answers without the model instead).
    if (this.guard.quotes(trimmed)) throw new Error('model output repeats the prompt');
    return { text: trimmed, contextCitations };
  }
}
