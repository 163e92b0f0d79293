import { describe, expect, it } from 'vitest';
import { formatPassages } from '../../../src/knowledge/answer/passages.js';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import type { RetrievalHit } from '../../../src/knowledge/retrieval/retriever.js';

function hit(chunk: Partial<IndexedChunk> & { citation: string; text: string }): RetrievalHit {
  return { score: 1, bm25: 1, similarity: 0, chunk: { id: chunk.citation, documentId: 'd', penjelasan: false, ...chunk } };
}

describe('formatPassages', () => {
  it('numbers the passages as the model cites them, labels practice notes and trims the text', () => {
    const text = formatPassages([
      hit({ citation: 'PP 38/2017 Pasal 13 ayat (1)', text: ' Usulan dievaluasi paling lama sepuluh hari kerja.\n' }),
      hit({ citation: 'IID 2023 (Kemendagri)', text: 'Data diunggah melalui aplikasi.', practice: true }),
    ]);
    expect(text).toBe(
      '[1] PP 38/2017 Pasal 13 ayat (1)\nUsulan dievaluasi paling lama sepuluh hari kerja.\n\n' +
        '[2] IID 2023 (Kemendagri) (catatan praktik)\nData diunggah melalui aplikasi.',
    );
  });

  it('is empty for no passages', () => {
    expect(formatPassages([])).toBe('');
  });
});
