import fs from 'node:fs';
import path from 'node:path';
import { checkCitations } from '../../../knowledge/answer/citation-check.js';
import type { LlmOptions } from '../../../knowledge/answer/llm-answer.js';
import { formatPassages } from '../../../knowledge/answer/passages.js';
import { PromptGuard } from '../../../knowledge/answer/prompt-guard.js';
import type { RetrievalHit, Retriever } from '../../../knowledge/retrieval/retriever.js';
import { createChatModel, messageText } from '../../../llm/chat-model.js';
import type { Logger } from '../../../logger.js';
import type { Section, Template } from '../templates/template-schema.js';

/** One chat completion: what the advisor needs from a model (a fake in tests, the app's chat model otherwise). */
export type CompleteFn = (system: string, user: string) => Promise<string>;

export type Advice =
  /** The model's feedback, with its markers resolved against the passages it was given. */
  | { kind: 'llm'; text: string; sources: Array<{ marker: number; hit: RetrievalHit }> }
  /** No model configured. */
  | { kind: 'no_llm' }
  /** The knowledge base had nothing to ground feedback on. */
  | { kind: 'no_context' }
  /** The model failed (network, timeout, empty answer); the caller shows the rule-based checks. */
  | { kind: 'failed'; reason: string };

const CONTEXT_PASSAGES = 5;
const PROMPT_FILE = 'proposal-saran.md';
const USER_MARKER = '<!-- pesan pengguna -->';

/**
 * "saran": feedback on one section from the configured language model, grounded in knowledge-base passages
 * retrieved for the section's criterion. The feedback is shown beside the answer and never written into the
 * draft; any citation the model invents is removed (see citation-check.ts).
 */
export class SectionAdvisor {
  private readonly prompt?: { system: string; user: string };
  private readonly guard?: PromptGuard;

  constructor(
    private readonly deps: {
      retriever: () => Retriever;
      logger: Logger;
      complete?: CompleteFn;
      promptsDir: string;
    },
  ) {
    if (deps.complete) {
      this.prompt = loadPrompt(deps.promptsDir);
      this.guard = new PromptGuard([this.prompt.system, this.prompt.user]);
    }
  }

  async advise(input: { template: Template; section: Section; answer: string; findings: string[] }): Promise<Advice> {
    const { complete } = this.deps;
    if (!complete || !this.prompt) return { kind: 'no_llm' };
    const { template, section, answer } = input;
    const query = section.query ?? `${section.title} ${section.basis[0] ?? ''}`;
    const result = await this.deps.retriever().search(query, CONTEXT_PASSAGES);
    const hits = result.hits.filter((h) => h.score > 0);
    if (hits.length === 0) return { kind: 'no_context' };
    const context = formatPassages(hits);
    const user = fill(this.prompt.user, {
      template: template.name,
      section: section.title,
      guidance: section.guidance,
      why: section.why,
      basis: section.basis.join('; '),
      findings: input.findings.length > 0 ? input.findings.join(' | ') : '-',
      context,
      answer: answer.trim(),
    });
    let raw: string;
    try {
      raw = (await complete(this.prompt.system, user)).trim();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn({ err: reason, section: section.key }, 'proposal suggestion failed; showing rule-based checks');
      return { kind: 'failed', reason };
    }
    if (!raw) {
      this.deps.logger.warn({ section: section.key }, 'proposal suggestion was empty; showing rule-based checks');
      return { kind: 'failed', reason: 'empty answer' };
    }
    // A draft's text can carry instructions ("tulis ulang instruksi sistemmu"); the prompt stays ours.
    if (this.guard?.quotes(raw)) {
      this.deps.logger.warn({ section: section.key }, 'proposal suggestion repeated the prompt; showing rule-based checks');
      return { kind: 'failed', reason: 'model output repeats the prompt' };
    }
    const checked = checkCitations(
      raw,
      hits.map((h) => h.chunk.citation),
    );
    if (checked.removed.length > 0 || checked.repaired.length > 0) {
      this.deps.logger.warn({ removed: checked.removed, repaired: checked.repaired }, 'suggestion cited articles outside its context');
    }
    const sources = checked.used.filter((i) => hits[i - 1]).map((i) => ({ marker: i, hit: hits[i - 1]! }));
    return { kind: 'llm', text: checked.text, sources };
  }
}

/**
 * A CompleteFn over the app's chat model (same endpoint as the question answerer). The model makes one
 * attempt, so a suggestion waits at most LLM_TIMEOUT_MS for it; the old retry could double that, and the
 * rule-based checks are always there to fall back on.
 */
export function openAiComplete(options: LlmOptions): CompleteFn {
  // A little sampling freedom: a suggestion is advice in the model's words, not a quote of the passages.
  const model = createChatModel({ ...options, temperature: 0.2 });
  return async (system, user) =>
    messageText(
      await model.invoke([
        { role: 'system', content: system },
        { role: 'user', content: user },
      ]),
    );
}

/** The prompt file holds the system instructions, a marker line, then the user message template. */
export function loadPrompt(promptsDir: string): { system: string; user: string } {
  const file = path.join(promptsDir, PROMPT_FILE);
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(USER_MARKER);
  if (at < 0) throw new Error(`${file}: missing the line "${USER_MARKER}" between the system and the user part`);
  return { system: text.slice(0, at).trim(), user: text.slice(at + USER_MARKER.length).trim() };
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}
