/**
 * Remembers a pure function of a word. Analysis asks the same questions of the same words over and over
 * (every occurrence of "penyelenggaraan" in 30k chunks needs its roots), and answering them dominated index
 * builds. Capped, so a stream of words never seen before (questions, pasted text) cannot grow it without
 * end: past the cap, new words are computed and not kept.
 */
export class WordMemo<T> {
  private readonly known = new Map<string, T>();

  constructor(
    private readonly compute: (word: string) => T,
    private readonly capacity = 250_000,
  ) {}

  get(word: string): T {
    const hit = this.known.get(word);
    if (hit !== undefined || this.known.has(word)) return hit as T;
    const value = this.compute(word);
    if (this.known.size < this.capacity) this.known.set(word, value);
    return value;
  }
}
