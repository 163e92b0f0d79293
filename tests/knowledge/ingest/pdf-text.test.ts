import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../src/knowledge/ingest/pdf-text.js';
import { run as readPdf } from '../../../src/knowledge/ingest/pdf-reader.js';
import { ingestRejectionOf } from './support/ingest-error.js';
import { makePdfPages } from './support/make-pdf.js';

const limits = { maxPdfPages: 10, maxTextChars: 10_000, pdfTimeoutMs: 30_000 };
const threePages = makePdfPages([['Halaman satu'], ['Halaman dua'], ['Halaman tiga']]);


describe('extractPdfText', () => {
  it('reads every page in order, in a separate reader process', async () => {
    expect(await extractPdfText('uji.pdf', threePages, limits)).toBe('Halaman satu\nHalaman dua\nHalaman tiga');
  });

  it('refuses more pages than allowed before starting the reader, saying how many', async () => {
    const error = await ingestRejectionOf(extractPdfText('uji.pdf', threePages, { ...limits, maxPdfPages: 2 }));
    expect(error.code).toBe('too_many_pages');
    expect(error.params).toEqual({ pages: 3, maxPages: 2 });
  });

  it('refuses text longer than allowed', async () => {
    const error = await ingestRejectionOf(extractPdfText('uji.pdf', threePages, { ...limits, maxTextChars: 20 }));
    expect(error.code).toBe('text_too_long');
    expect(error.params).toEqual({ maxChars: 20 });
  });

  it('gives up when reading takes longer than allowed, saying the limit in seconds', async () => {
    const error = await ingestRejectionOf(extractPdfText('uji.pdf', threePages, { ...limits, pdfTimeoutMs: 1 }));
    expect(error.code).toBe('timeout');
    expect(error.params).toEqual({ seconds: 1 });
  });
});

describe('the PDF reader task', () => {
  it('counts pages itself too, for pages the quick count cannot see', async () => {
    expect(await readPdf({ bytes: threePages, maxPages: 2, maxTextChars: 1000 })).toEqual({
      ok: false,
      code: 'too_many_pages',
      reason: 'too many pages',
      pages: 3,
    });
  });

  it('stops at the text limit on the page that passes it', async () => {
    expect(await readPdf({ bytes: threePages, maxPages: 10, maxTextChars: 20 })).toMatchObject({ ok: false, code: 'text_too_long' });
  });
});
