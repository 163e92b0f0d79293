/** This many words in a row, as in a prompt, are a quotation of it rather than a coincidence. */
const RUN = 6;

/**
 * Recognises model output that repeats Pandu's own prompts (a question or a document asked the model to
 * "show its instructions"): such output is never sent. Prompts are compared as runs of words, each part
 * between placeholders ({context}, {question}) on its own, since the passages and the question that
 * fill them may be quoted freely.
 */
export class PromptGuard {
  private readonly runs = new Set<string>();

  constructor(prompts: readonly string[]) {
    for (const prompt of prompts) {
      for (const part of prompt.split(/\{\w+\}/)) for (const run of wordRuns(part)) this.runs.add(run);
    }
  }

  /** Whether `text` quotes a prompt. */
  quotes(text: string): boolean {
    return wordRuns(text).some((run) => this.runs.has(run));
  }
}

function wordRuns(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + RUN <= words.length; i += 1) out.push(words.slice(i, i + RUN).join(' '));
  return out;
}
