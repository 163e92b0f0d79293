import { describe, expect, it } from 'vitest';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import { applyStatuses } from '../../../src/knowledge/status/apply-status.js';
import type { DocumentStatus } from '../../../src/knowledge/status/kb-status.js';

const X = 'Perbup Contoh 7/2021';

function chunk(id: string, documentId: string, fields: Partial<IndexedChunk>): IndexedChunk {
  return { id, documentId, citation: id, penjelasan: false, text: `teks ${id}`, regulation: X, ...fields };
}

/** The regulation's own text, our note on its Pasal 5, an FAQ resting on Pasal 5 and 6, and a newer version. */
const CHUNKS = [
  chunk('r5', 'R', { pasal: '5', ayat: '1', quote: true, citation: `${X} Pasal 5 ayat (1)` }),
  chunk('r5p', 'R', { pasal: '5', penjelasan: true, quote: true, citation: `${X} Penjelasan Pasal 5` }),
  chunk('r6', 'R', { pasal: '6', quote: true, citation: `${X} Pasal 6` }),
  chunk('c5', 'C', { pasal: '5', citation: `${X} Pasal 5` }),
  chunk('faq', 'F', { regulation: null, restsOn: `${X} Pasal 5 ayat (1)\n${X} Pasal 6`, citation: 'FAQ 3' }),
  chunk('n5', 'N', { pasal: '5', quote: true, citation: `${X} Pasal 5` }),
  chunk('other', 'O', { regulation: 'PP 38/2017', pasal: '5', citation: 'PP 38/2017 Pasal 5' }),
];

function status(fields: Partial<DocumentStatus>): DocumentStatus {
  return { documentId: 'R', title: 'Peraturan Bupati Contoh', regulation: X, status: 'berlaku', amendedBy: null, pasal: [], ...fields };
}

const ids = (chunks: IndexedChunk[]) => chunks.map((c) => c.id);

describe('applyStatuses', () => {
  it('leaves everything as it is when nothing is marked', () => {
    expect(applyStatuses(CHUNKS, [])).toEqual(CHUNKS);
  });

  it('drops a revoked Pasal with its Penjelasan, our notes on it and FAQ entries resting on it, not a newer version or another regulation', () => {
    const kept = applyStatuses(CHUNKS, [status({ pasal: [{ pasal: '5', status: 'dicabut', amendedBy: null }] })]);
    expect(ids(kept)).toEqual(['r6', 'n5', 'other']);
    expect(kept.every((c) => !c.amendment)).toBe(true);
  });

  it('marks an amended Pasal, our notes and FAQ entries on it with what amended it', () => {
    const out = applyStatuses(CHUNKS, [status({ pasal: [{ pasal: '5', status: 'diubah', amendedBy: 'Perbup Contoh 2/2024' }] })]);
    const amended = out.filter((c) => c.amendment).map((c) => c.id);
    expect(amended).toEqual(['r5', 'r5p', 'c5', 'faq']);
    expect(out.find((c) => c.id === 'c5')?.amendment).toEqual({ subject: `${X} Pasal 5`, by: 'Perbup Contoh 2/2024' });
    expect(ids(out)).toEqual(ids(CHUNKS));
  });

  it("applies a whole document's status to its own chunks only, a Pasal's amendment taking precedence", () => {
    const revoked = applyStatuses(CHUNKS, [status({ status: 'dicabut' })]);
    expect(ids(revoked)).toEqual(['c5', 'faq', 'n5', 'other']);
    const amended = applyStatuses(CHUNKS, [
      status({ status: 'diubah', amendedBy: 'Perbup Contoh 1/2023', pasal: [{ pasal: '6', status: 'diubah', amendedBy: 'Perbup Contoh 2/2024' }] }),
    ]);
    expect(amended.find((c) => c.id === 'r5')?.amendment).toEqual({ subject: X, by: 'Perbup Contoh 1/2023' });
    expect(amended.find((c) => c.id === 'r6')?.amendment).toEqual({ subject: `${X} Pasal 6`, by: 'Perbup Contoh 2/2024' });
    expect(amended.find((c) => c.id === 'c5')?.amendment).toBeUndefined();
  });
});
