import { getDocumentProxy } from 'unpdf';

/** What the PDF reader process is sent. */
export interface PdfJob {
  bytes: Uint8Array;
  maxPages: number;
  maxTextChars: number;
}

/** What the reader answers: the text, or why there is none (an IngestError's code, and the page count). */
export type PdfOutcome =
  | { ok: true; text: string }
  | { ok: false; code: 'encrypted' | 'unreadable' | 'too_many_pages' | 'text_too_long'; reason: string; pages?: number };

/**
 * The PDF reader process's task (started through task-process.mjs; pdf-text.ts holds the time and memory
 * limits around it). Reads page by page, because unpdf's extractText starts every page at once and so
 * holds them all in memory; refuses more pages than allowed before reading any and stops at the text limit.
 */
export async function run(job: PdfJob): Promise<PdfOutcome> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // pdf.js wants a plain Uint8Array; a Buffer (as IPC may deliver the bytes) is refused.
    const data = new Uint8Array(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    pdf = await getDocumentProxy(data, { verbosity: 0 });
    if (pdf.numPages > job.maxPages) {
      return { ok: false, code: 'too_many_pages', reason: 'too many pages', pages: pdf.numPages };
    }
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      page.cleanup();
      length += text.length + 1;
      if (length > job.maxTextChars) return { ok: false, code: 'text_too_long', reason: `text passes the limit on page ${number}` };
      pages.push(text);
    }
    return { ok: true, text: mergePages(pages) };
  } catch (error) {
    // pdf.js rejects with plain objects as well as Errors, so read the name structurally.
    const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') return { ok: false, code: 'encrypted', reason: 'the PDF is protected by a password' };
    return { ok: false, code: 'unreadable', reason: `the PDF could not be parsed (${message.slice(0, 300)})` };
  } finally {
    await pdf?.destroy();
  }
}

/** One text for the document: pages on their own lines, runs of spaces collapsed, at most one blank line. */
function mergePages(pages: string[]): string {
  return pages
    .join('\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

