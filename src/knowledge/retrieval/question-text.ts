import { normaliseWords } from '../analysis/analyzer.js';

/**
 * A question as retrieval reads it, normalised once. Cue reading, regulation naming, the Pasal look-up,
 * abstention and the analyzer all read the same words; normalising the question again in each of them
 * cost as much as scoring it.
 */
export class QuestionText {
  private readonly normalised = new Map<string, readonly string[]>();
  private joined?: string;

  constructor(readonly text: string) {}

  /** The normalised words (see normaliseWords), read once per way of reading them. */
  words(slang = true, english = slang): readonly string[] {
    const key = `${slang}/${english}`;
    let words = this.normalised.get(key);
    if (!words) {
      words = normaliseWords(this.text, slang, english);
      this.normalised.set(key, words);
    }
    return words;
  }

  /** The question's clauses (split at punctuation that ends one), each as normalised words. */
  clauses(): ReadonlyArray<readonly string[]> {
    return this.text
      .split(/[,.;:?!()]+/)
      .map((part) => normaliseWords(part))
      .filter((words) => words.length > 0);
  }

  /** The question's sentences (split where one ends, not at commas), each as normalised words. */
  sentences(): ReadonlyArray<readonly string[]> {
    return this.text
      .split(/[.?!\n]+/)
      .map((part) => normaliseWords(part))
      .filter((words) => words.length > 0);
  }

  /** The normalised words joined, with a space at each end, for phrase patterns (" apa itu "). */
  spaced(): string {
    this.joined ??= ` ${this.words().join(' ')} `;
    return this.joined;
  }
}
