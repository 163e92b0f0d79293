import { formatCitation } from '../citation.js';
import type { ChunkDraft, ParsedDocument } from '../types.js';
import { splitSentences } from './legal/sentences.js';

/** A piece of a document that fits in one chunk, with the section it came from. */
export interface Passage {
  heading?: string;
  text: string;
}

const DEFAULT_MAX_CHARS = 1200;

/**
 * Chunks a document that has no Pasal structure (a guide, a note, minutes): by section, then by
 * paragraph, then by sentence, never cutting a sentence unless a single sentence is longer than a chunk.
 * Every chunk cites the document itself, since there is no article to point to.
 */
export function chunkPlainText(
  text: string,
  opts: { title: string; regulation?: string; status?: string; maxChars?: number },
): ParsedDocument {
  const chunks = chunkPassages(text, { label: opts.title, regulation: opts.regulation, maxChars: opts.maxChars });
  return {
    title: opts.title,
    ...(opts.regulation ? { regulation: opts.regulation } : {}),
    kind: 'text',
    status: opts.status ?? 'berlaku',
    chunks,
  };
}

/** Passages as chunks citing `<regulation> <label>` ("PP 38/2017 Penjelasan Umum", "Pedoman IID 2023"). */
export function chunkPassages(
  text: string,
  opts: { label: string; regulation?: string; maxChars?: number },
): ChunkDraft[] {
  const citation = formatCitation({ regulation: opts.regulation, label: opts.label });
  return splitPassages(text, opts.maxChars).map((p) => ({
    ...(opts.regulation ? { regulation: opts.regulation } : {}),
    label: opts.label,
    citation,
    ...(p.heading ? { heading: p.heading } : {}),
    text: p.text,
  }));
}

const MARKDOWN_HEADING_RE = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const LIST_ITEM_RE = /^(?:[-*•]\s|\d{1,3}[.)]\s|[a-z][.)]\s)/;

/** The passages of a text with their section headings, each at most maxChars long. */
export function splitPassages(text: string, maxChars = DEFAULT_MAX_CHARS): Passage[] {
  const passages: Passage[] = [];
  const headings: string[] = [];
  let paragraphs: string[] = [];
  let paragraph: string[] = [];

  const endParagraph = (): void => {
    if (paragraph.length) paragraphs.push(paragraph.join(' ').replace(/ ?\n ?/g, '\n'));
    paragraph = [];
  };
  const endSection = (): void => {
    endParagraph();
    const heading = headings.filter(Boolean).join(' > ') || undefined;
    for (const piece of pack(paragraphs, maxChars)) passages.push({ ...(heading ? { heading } : {}), text: piece });
    paragraphs = [];
  };

  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const heading = headingOf(line);
    if (heading) {
      endSection();
      headings.length = heading.level - 1;
      headings[heading.level - 1] = heading.text;
    } else if (!line) {
      endParagraph();
    } else {
      // Keep list items on their own lines; wrapped prose lines (PDF, plain text) join into one paragraph.
      paragraph.push(LIST_ITEM_RE.test(line) && paragraph.length ? `\n${line}` : line);
    }
  }
  endSection();
  return passages;
}

function headingOf(line: string): { level: number; text: string } | undefined {
  const md = MARKDOWN_HEADING_RE.exec(line);
  if (md?.[1] && md[2]) return { level: md[1].length, text: md[2] };
  // Plain-text documents mark sections with a short line in capitals ("PENDAHULUAN", "BAB II METODE").
  const capitalsOnly = /\p{Lu}{3}/u.test(line) && !/\p{Ll}/u.test(line);
  if (capitalsOnly && line.length <= 80 && !/[.,;:]$/.test(line)) return { level: 1, text: line };
  return undefined;
}

/** Packs paragraphs into chunks of at most maxChars, splitting a long paragraph at sentence ends. */
function pack(paragraphs: string[], maxChars: number): string[] {
  const pieces = paragraphs.flatMap((p) => (p.length <= maxChars ? [p] : splitLong(p, maxChars)));
  return greedy(pieces, maxChars, '\n\n');
}

function splitLong(paragraph: string, maxChars: number): string[] {
  const sentences = splitSentences(paragraph).flatMap((s) =>
    // Last resort for a sentence longer than a chunk: cut between words.
    s.length <= maxChars ? [s] : greedy(s.split(/\s+/), maxChars, ' '),
  );
  return greedy(sentences, maxChars, ' ');
}

/** Joins pieces in order while the result stays within maxChars. */
function greedy(pieces: string[], maxChars: number, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current ? `${current}${separator}${piece}` : piece;
    if (joined.length <= maxChars || !current) {
      current = joined;
    } else {
      out.push(current);
      current = piece;
    }
  }
  if (current) out.push(current);
  return out;
}
