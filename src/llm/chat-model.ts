import type { MessageContent } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';

export interface ChatModelOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint (Azure, Ollama, vLLM); OpenAI when absent. */
  baseURL?: string;
  model: string;
  /** The whole budget of one model call (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** 0 (the default) for answers that must follow the passages; a little more for suggestions. */
  temperature?: number;
}

/** One chat completion; what the answerer and the proposal advisor ask of a model. */
export interface ChatModel {
  invoke(messages: Array<{ role: 'system' | 'user'; content: string }>): Promise<{ content: MessageContent }>;
}

/**
 * The one chat-model configuration of the app, so every feature that asks the model gives up at the same
 * time. No retries: a retry would start a second full timeout after the first, and every caller already
 * has an answer that needs no model (the extractive answer, the rule-based checks). LangChain's OpenAI
 * client (about 45 MB and 0.4 s to load) is loaded by the first call, so a bot without a model, or one
 * that has not needed it yet, never holds it.
 */
export function createChatModel(options: ChatModelOptions): ChatModel {
  let model: Promise<ChatOpenAI> | undefined;
  const load = async () => {
    const { ChatOpenAI } = await import('@langchain/openai');
    return new ChatOpenAI({
      apiKey: options.apiKey,
      model: options.model,
      temperature: options.temperature ?? 0,
      timeout: options.timeoutMs,
      maxRetries: 0,
      configuration: options.baseURL ? { baseURL: options.baseURL } : undefined,
    });
  };
  return {
    async invoke(messages) {
      model ??= load();
      // A failed load is not kept: the next call tries again.
      model.catch(() => (model = undefined));
      return (await model).invoke(messages);
    },
  };
}

/**
 * The text of a model's reply. Content may come as a string or as parts (some servers answer in parts);
 * non-text parts carry nothing to show in a chat.
 */
export function messageText(message: { content: MessageContent }): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}
