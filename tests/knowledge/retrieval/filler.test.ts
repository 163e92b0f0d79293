import { describe, expect, it } from 'vitest';
import { isFiller } from '../../../src/knowledge/retrieval/filler.js';

describe('isFiller', () => {
  it('reads everyday words, their affixed forms and slips of the thumb in them as everyday', () => {
    for (const word of ['sendiri', 'ditaruh', 'sndiri', 'sendirii', 'sedniri']) expect(isFiller(word), word).toBe(true);
  });

  it('reads a slip that spells a word government text uses as that word, and subject words as subjects', () => {
    // "darah" is "daerah" less a vowel, "saing" (daya saing) a slip of an everyday word: both are words of their own.
    for (const word of ['darah', 'saing', 'inovasi', 'brngkas']) expect(isFiller(word), word).toBe(false);
  });
});
