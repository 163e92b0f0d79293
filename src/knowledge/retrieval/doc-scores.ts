import type { Bm25Hit, GroupScores } from '../index/bm25.js';

/**
 * The adjusted lexical scores of the documents one question reaches, in arrays indexed by document and
 * reused from one question to the next: a map per question, copied and sorted twice, cost more than
 * scoring the question. Remembers the order in which documents were first scored, which breaks ties
 * where the adjustments look at "the best few".
 */
export class DocScores {
  private scores = new Float64Array(0);
  private groups: Array<GroupScores | undefined> = [];
  /** Documents scored so far, in the order first scored. */
  private readonly docs: number[] = [];

  /** Forgets the last question's scores; `size` is the number of documents in the index. */
  begin(size: number): void {
    if (this.scores.length !== size) {
      this.scores = new Float64Array(size);
      this.groups = new Array<GroupScores | undefined>(size).fill(undefined);
    } else {
      for (const doc of this.docs) {
        this.scores[doc] = 0;
        this.groups[doc] = undefined;
      }
    }
    this.docs.length = 0;
  }

  /** A document's score, 0 when it has none. */
  score(doc: number): number {
    return this.scores[doc]!;
  }

  /** The per-group BM25 scores a document carries (its own, or those of the passage that lent it its score). */
  groupScores(doc: number): GroupScores | undefined {
    return this.groups[doc];
  }

  /** Sets a document's score; a document scored for the first time takes `groupScores` along. */
  set(doc: number, score: number, groupScores: GroupScores): void {
    this.scores[doc] = score;
    if (this.groups[doc] === undefined) {
      this.groups[doc] = groupScores;
      this.docs.push(doc);
    }
  }

  /** The `k` best-scored documents, best first; of equal scores, the one scored first comes first. */
  best(k: number): number[] {
    return this.first(k, (a, b) => this.scores[a]! > this.scores[b]!);
  }

  /** The `n` best-scored documents in the order of `ranked`, without sorting the others. */
  top(n: number): number[] {
    return this.first(n, (a, b) => this.before(a, b));
  }

  /** Whether document `a` ranks before `b`: a higher score, or the same score and a lower number. */
  private before(a: number, b: number): boolean {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa > sb || (sa === sb && a < b);
  }

  /** The first `n` scored documents in the order `precedes` gives (a document not preceding stays after), by insertion. */
  private first(n: number, precedes: (a: number, b: number) => boolean): number[] {
    const top: number[] = [];
    for (const doc of this.docs) {
      let at = top.length;
      while (at > 0 && precedes(doc, top[at - 1]!)) at -= 1;
      if (at < n) {
        top.splice(at, 0, doc);
        if (top.length > n) top.pop();
      }
    }
    return top;
  }

  /** A document's place in the order of `ranked` (0 first); undefined when it has no score. */
  rank(doc: number): number | undefined {
    if (this.groups[doc] === undefined) return undefined;
    let rank = 0;
    for (const other of this.docs) if (this.before(other, doc)) rank += 1;
    return rank;
  }

  /** A scored document as a lexical hit. */
  hit(doc: number): Bm25Hit {
    return { doc, score: this.scores[doc]!, groupScores: this.groups[doc]! };
  }

  /** The `limit` best-scored documents, best first (ties by document number). */
  ranked(limit: number): Bm25Hit[] {
    const scores = this.scores;
    const order = this.docs.slice().sort((a, b) => scores[b]! - scores[a]! || a - b);
    if (order.length > limit) order.length = limit;
    return order.map((doc) => this.hit(doc));
  }
}
