import { describe, expect, it } from 'vitest';
import { TopK } from '../../../src/knowledge/index/top-k.js';

/** Scores with many ties (few distinct values), drawn from a fixed seed. */
function scores(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 17;
  });
}

describe('TopK', () => {
  it('keeps the same items in the same order as sorting everything and taking the first k, ties by id', () => {
    for (const [count, k, seed] of [
      [0, 5, 1],
      [3, 5, 2],
      [80, 80, 3],
      [500, 80, 4],
      [1000, 1, 5],
      [200, 0, 6],
    ] as const) {
      const score = scores(count, seed);
      const compare = (a: number, b: number) => score[b]! - score[a]! || a - b;
      const best = new TopK(k, compare);
      for (let item = 0; item < count; item += 1) best.offer(item);
      const expected = Array.from({ length: count }, (_, i) => i)
        .sort(compare)
        .slice(0, k);
      expect(best.sorted()).toEqual(expected);
      // Reading the order leaves the kept items as they were.
      expect(best.sorted()).toEqual(expected);
    }
  });
});
