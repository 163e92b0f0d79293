import { describe, expect, it } from 'vitest';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { chunk, indexOf } from '../support/chunks.js';

// Every pair of neighbouring words is rare, so a matched pair has a high IDF whatever its words.
const index = indexOf([
  chunk({ regulation: 'PP 1/2020', pasal: '1' }, 'Ide inovasi dicatat dalam buku register.'),
  chunk({ regulation: 'PP 1/2020', pasal: '2' }, 'Bupati membahas usulan berupa ide dan rancangan inovasi daerah.'),
  chunk({ regulation: 'PP 1/2020', pasal: '3' }, 'Bupati menetapkan arsip register.'),
  chunk({ regulation: 'PP 1/2020', pasal: '4' }, 'Sekretaris membahas arsip.'),
  chunk({ regulation: 'PP 1/2020', pasal: '5' }, 'Tim menyusun laporan tahunan.'),
]);

describe('word pairs in ranking', () => {
  it('lets a word of the question count more than the phrasing of two others', async () => {
    const question = 'siapa yang membahas ide inovasi?';
    const top = async (pairShare?: number) =>
      (await new Retriever(index, pairShare === undefined ? {} : { priors: { pairShare } }).search(question, 3)).hits[0]?.chunk.citation;
    expect(await top()).toBe('PP 1/2020 Pasal 2');
    // Counted whole, the pair "ide inovasi" outweighed "membahas".
    expect(await top(1)).toBe('PP 1/2020 Pasal 1');
  });
});
