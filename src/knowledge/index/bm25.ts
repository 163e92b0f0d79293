import type { Analyzer, TermGroup } from '../analysis/analyzer.js';
import { searchableFields, type IndexedChunk } from './indexed-chunk.js';
import { runToEnd, type Work } from './paced-work.js';
import { TopK } from './top-k.js';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** Score of one document for a query, with which term groups it matched (for coverage and abstention). */
export interface Bm25Hit {
  doc: number;
  score: number;
  /** Per query group: the best variant's contribution, 0 when the group did not match. */
  groupScores: GroupScores;
}

/**
 * A plain array: a search returns dozens of hits, and a typed array each (with its own buffer) was the
 * largest allocation of a search.
 */
export type GroupScores = readonly number[];

/**
 * The postings of every term in flat typed arrays (term t's documents are docs[offsets[t]..offsets[t+1]],
 * ascending, with their weighted term frequencies in tfs): a few bytes per posting instead of a JS array
 * element each, and what the index saves to disk and loads back as it is.
 */
export interface Bm25Parts {
  size: number;
  terms: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Weighted term frequencies: sums of field weights (quarters), exact in 32 bits. */
  tfs: Float32Array;
  docLength: Float64Array;
}

/**
 * BM25F over the fields of each chunk (citation, topic, aliases, text). Query terms come in groups
 * (a word with its roots, a concept, a legal reference); a document scores the best variant of each group,
 * so morphological expansion widens recall without inflating scores.
 */
export class Bm25Index {
  readonly size: number;
  private readonly termIds: Map<string, number>;
  private readonly avgLength: number;
  /** k1 · (1 − b + b · length / average length), per document, computed once. */
  private readonly lengthNorm: Float64Array;

  private constructor(
    private readonly parts: Bm25Parts,
    termIds: Map<string, number>,
    private readonly params: Bm25Params,
  ) {
    this.size = parts.size;
    this.termIds = termIds;
    const { size, docLength } = parts;
    this.avgLength = size > 0 ? docLength.reduce((a, b) => a + b, 0) / size : 1;
    const { k1, b } = params;
    this.lengthNorm = docLength.map((len) => k1 * (1 - b + (b * len) / this.avgLength));
  }

  static build(chunks: readonly IndexedChunk[], analyzer: Analyzer, params?: Bm25Params): Bm25Index {
    return runToEnd(Bm25Index.building(chunks, analyzer, params));
  }

  /** Analyses every chunk and collects the postings, pausing between chunks. */
  static *building(chunks: readonly IndexedChunk[], analyzer: Analyzer, params: Bm25Params = DEFAULT_BM25): Work<Bm25Index> {
    const size = chunks.length;
    const docLength = new Float64Array(size);
    const termIds = new Map<string, number>();
    const termDocs: number[][] = [];
    const termTfs: number[][] = [];
    let postings = 0;
    for (let doc = 0; doc < size; doc += 1) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const { text, weight } of searchableFields(chunks[doc]!)) {
        const tokens = analyzer.indexTokens(text);
        length += tokens.length * weight;
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + weight);
      }
      docLength[doc] = length;
      for (const [token, weight] of tf) {
        let id = termIds.get(token);
        if (id === undefined) {
          id = termDocs.length;
          termIds.set(token, id);
          termDocs.push([]);
          termTfs.push([]);
        }
        termDocs[id]!.push(doc);
        termTfs[id]!.push(weight);
      }
      postings += tf.size;
      yield;
    }
    const offsets = new Uint32Array(termDocs.length + 1);
    const docs = new Uint32Array(postings);
    const tfs = new Float32Array(postings);
    let at = 0;
    for (let id = 0; id < termDocs.length; id += 1) {
      offsets[id] = at;
      docs.set(termDocs[id]!, at);
      tfs.set(termTfs[id]!, at);
      at += termDocs[id]!.length;
      if ((id & 1023) === 1023) yield;
    }
    offsets[termDocs.length] = at;
    return new Bm25Index({ size, terms: [...termIds.keys()], offsets, docs, tfs, docLength }, termIds, params);
  }

  /** An index from saved parts (see toParts), pausing while it rebuilds the term table. */
  static *fromParts(parts: Bm25Parts, params: Bm25Params = DEFAULT_BM25): Work<Bm25Index> {
    const termIds = new Map<string, number>();
    for (let id = 0; id < parts.terms.length; id += 1) {
      termIds.set(parts.terms[id]!, id);
      if ((id & 8191) === 8191) yield;
    }
    return new Bm25Index(parts, termIds, params);
  }

  toParts(): Bm25Parts {
    return this.parts;
  }

  has(token: string): boolean {
    return this.termIds.has(token);
  }

  docFreq(token: string): number {
    const id = this.termIds.get(token);
    return id === undefined ? 0 : this.parts.offsets[id + 1]! - this.parts.offsets[id]!;
  }

  /** Inverse document frequency; an unseen token gets the rarest possible value. */
  idf(token: string): number {
    const n = this.docFreq(token);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /**
   * The `limit` best documents matching at least one group, best first. `admit` (given a document and its
   * rank among them) may leave some out before their hits, with their group scores, are made.
   */
  search(groups: readonly WeightedGroup[], limit: number, admit?: (doc: number, rank: number) => boolean): Bm25Hit[] {
    const { k1 } = this.params;
    const { offsets, docs, tfs } = this.parts;
    const lengthNorm = this.lengthNorm;
    const g = groups.length;
    // Flat typed arrays, reused between queries, instead of per-document objects: this runs on every
    // message, and allocation (with the garbage collection it causes) dominated its tail latency. One group
    // at a time: its best variant per document is kept in `best` (one number a document, which stays in
    // cache on a large index where a number per document and group did not), then added to the totals and
    // logged, so the group scores of the few documents returned can be read back afterwards.
    const scratch = this.scratch();
    const { total, best, touched, inGroup } = scratch;
    let { logDocs, logScores } = scratch;
    const groupEnds = new Array<number>(g);
    let count = 0;
    let logged = 0;
    for (let gi = 0; gi < g; gi += 1) {
      const group = groups[gi]!;
      let met = 0;
      // A group logs at most one entry a document: room for that, grown by doubling, so a long question
      // does not allocate a log sized for every group of every document.
      if (logged + this.size > logDocs.length) ({ logDocs, logScores } = this.growLog(logged + this.size));
      for (const { token, weight } of group.variants) {
        const id = this.termIds.get(token);
        if (id === undefined) continue;
        const idf = this.idf(token) * weight * group.weight;
        const end = offsets[id + 1]!;
        for (let i = offsets[id]!; i < end; i += 1) {
          const doc = docs[i]!;
          const tf = tfs[i]!;
          const s = (idf * tf * (k1 + 1)) / (tf + lengthNorm[doc]!);
          const old = best[doc]!;
          if (s > old) {
            // Every score is positive, so a best still at zero is a document this group had not met.
            if (old === 0) inGroup[met++] = doc;
            best[doc] = s;
          }
        }
      }
      for (let j = 0; j < met; j += 1) {
        const doc = inGroup[j]!;
        const score = best[doc]!;
        best[doc] = 0;
        if (total[doc] === 0) touched[count++] = doc;
        total[doc]! += score;
        logDocs[logged] = doc;
        logScores[logged] = score;
        logged += 1;
      }
      groupEnds[gi] = logged;
    }
    // Only the best `limit` are wanted: keep them in a bounded heap rather than sorting every match, and
    // once it is full skip outright what scores below the worst kept.
    const top = new TopK(limit, (x, y) => total[y]! - total[x]! || x - y);
    let floor = -Infinity;
    for (let i = 0; i < count; i += 1) {
      const doc = touched[i]!;
      if (total[doc]! < floor) continue;
      top.offer(doc);
      const worst = top.worst();
      if (worst !== undefined) floor = total[worst]!;
    }
    // Zeros held as doubles: the group scores written below are doubles, and an array made of small
    // integers (`new Array(g).fill(0)`) would be converted, a new backing store each, on its first write.
    const zeros = new Array<number>(g).fill(0.5).fill(0);
    const ranked = admit ? top.sorted().filter(admit) : top.sorted();
    const hits = ranked.map((doc, rank) => {
      // `best` is all zeros again: it marks the returned documents (rank + 1) while their group scores are read.
      best[doc] = rank + 1;
      return { doc, score: total[doc]!, groupScores: zeros.slice() };
    });
    for (let gi = 0, at = 0; gi < g; gi += 1) {
      for (const end = groupEnds[gi]!; at < end; at += 1) {
        const rank = best[logDocs[at]!]!;
        if (rank > 0) (hits[rank - 1]!.groupScores as number[])[gi] = logScores[at]!;
      }
    }
    // Leave the scratch arrays zeroed for the next query, touching only what this one used.
    for (const hit of hits) best[hit.doc] = 0;
    for (let i = 0; i < count; i += 1) total[touched[i]!] = 0;
    return hits;
  }

  private buffers?: {
    total: Float64Array;
    best: Float64Array;
    touched: Uint32Array;
    inGroup: Uint32Array;
    logDocs: Uint32Array;
    logScores: Float64Array;
  };

  /**
   * `touched` lists the documents a query met and `inGroup` those one group met (each once: a document is
   * listed when its total or best leaves zero); the log holds every group's (document, score) in order.
   * Allocated once: a first search sized them by its own number of groups, and every longer question after
   * it allocated them anew (megabytes each on a large index).
   */
  private scratch(): NonNullable<Bm25Index['buffers']> {
    this.buffers ??= {
      total: new Float64Array(this.size),
      best: new Float64Array(this.size),
      touched: new Uint32Array(this.size),
      inGroup: new Uint32Array(this.size),
      logDocs: new Uint32Array(4 * this.size),
      logScores: new Float64Array(4 * this.size),
    };
    return this.buffers;
  }

  /** A log with room for at least `needed` entries, keeping what is logged. */
  private growLog(needed: number): { logDocs: Uint32Array; logScores: Float64Array } {
    const buffers = this.scratch();
    const capacity = Math.max(needed, 2 * buffers.logDocs.length);
    const logDocs = new Uint32Array(capacity);
    const logScores = new Float64Array(capacity);
    logDocs.set(buffers.logDocs);
    logScores.set(buffers.logScores);
    buffers.logDocs = logDocs;
    buffers.logScores = logScores;
    return { logDocs, logScores };
  }
}

/** A query group ready for scoring: its tokens with per-variant weights, and a weight for the group. */
export interface WeightedGroup {
  group: TermGroup;
  weight: number;
  variants: Array<{ token: string; weight: number }>;
}
