import MiniSearch from 'minisearch';
import type { IndexedChunk } from '../knowledge/index/indexed-chunk.js';

/**
 * The yardstick: MiniSearch with its default settings over the same chunks and fields Pandu searches.
 * It abstains only when nothing matches at all.
 */
export class MiniSearchBaseline {
  private readonly search: MiniSearch<{ id: number; citation: string; topic: string; aliases: string; text: string }>;

  constructor(private readonly chunks: readonly IndexedChunk[]) {
    this.search = new MiniSearch({ fields: ['citation', 'topic', 'aliases', 'text'], storeFields: ['citation'] });
    this.search.addAll(
      chunks.map((c, id) => ({
        id,
        citation: c.citation,
        topic: [c.heading, c.topic].filter(Boolean).join(' '),
        aliases: c.aliases ?? '',
        text: c.text,
      })),
    );
  }

  query(question: string, k: number): { abstained: boolean; retrieved: Array<{ citation: string; score: number }> } {
    const results = this.search.search(question).slice(0, k);
    return {
      abstained: results.length === 0,
      retrieved: results.map((r) => ({ citation: this.chunks[r.id as number]!.citation, score: r.score })),
    };
  }
}
