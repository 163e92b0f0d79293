import { describe, expect, it } from 'vitest';
import { prepareQuery } from '../../../src/knowledge/retrieval/query-groups.js';
import { chunk, indexOf } from '../support/chunks.js';

const REG = 'PP 12/2017';
const index = indexOf([
  chunk({ regulation: REG, pasal: '1' }, 'Sanksi teguran tertulis.'),
  chunk({ regulation: REG, pasal: '2' }, 'Sanksi administratif berupa teguran.'),
  chunk({ regulation: REG, pasal: '3' }, 'Sanksi administratif terdiri atas teguran tertulis dan pemberhentian sementara.'),
  chunk({ regulation: REG, pasal: '4' }, 'Pembinaan umum oleh gubernur.'),
]);

describe('BM25 search with an admission test', () => {
  it('leaves out what the test refuses and keeps each admitted hit with its own score and group scores', () => {
    const { groups } = prepareQuery('sanksi administratif teguran', index);
    const all = index.bm25.search(groups, 10);
    expect(all.length).toBe(3);
    const ranks: number[] = [];
    const kept = index.bm25.search(groups, 10, (doc, rank) => {
      ranks.push(rank);
      return rank === 0 || index.chunks[doc]!.pasal === '1';
    });
    expect(ranks).toEqual([0, 1, 2]);
    const expected = all.filter((h, rank) => rank === 0 || index.chunks[h.doc]!.pasal === '1');
    expect(kept).toEqual(expected);
    expect(kept.map((h) => index.chunks[h.doc]!.pasal)).toContain('1');
    expect(kept.length).toBe(2);
  });
});
