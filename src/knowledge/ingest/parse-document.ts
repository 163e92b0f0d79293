import path from 'node:path';
import type { ParsedDocument } from '../types.js';
import { curatedDocument } from './curated.js';
import { IngestError } from './errors.js';
import { splitFrontMatter } from './front-matter.js';
import { findPasalHeadings } from './legal/pasal-headings.js';
import { chunkRegulation } from './legal-chunker.js';
import { markdownAsText } from './markdown-text.js';
import type { LoadedFile } from './load-file.js';
import { detectRegulation } from './regulation-name.js';
import { chunkPlainText } from './text-chunker.js';

export interface ParseOptions {
  /** Short regulation name for citations, when the admin knows it better than the text does. */
  regulation?: string;
  title?: string;
}

/**
 * Decides what a loaded file is and chunks it accordingly: a curated knowledge file (front matter with
 * `citation`), a regulation (at least two Pasal headings), or plain text. Throws IngestError
 * 'invalid_front_matter' for a broken curated file and 'no_content' when nothing citable is left.
 */
export function parseDocument(file: LoadedFile, opts: ParseOptions = {}): ParsedDocument {
  let text = file.text;
  let frontTitle: string | undefined;
  let frontRegulation: string | undefined;
  if (file.format === 'md') {
    const split = splitFrontMatter(file.text, file.fileName);
    if (split.data && 'citation' in split.data) return nonEmpty(curatedDocument(split, file.fileName), file);
    text = split.body;
    frontTitle = stringField(split.data?.title);
    frontRegulation = stringField(split.data?.regulation);
  }
  const regulation = opts.regulation ?? frontRegulation;
  const title = opts.title ?? frontTitle;
  // Markdown marks around a regulation's headings ("## Pasal 1") would hide them; plain text keeps its
  // Markdown headings, which divide it into sections.
  const legal = file.format === 'md' ? markdownAsText(text) : text;
  if (findPasalHeadings(legal).headings.length >= 2) {
    const named = { ...(regulation ? { regulation } : {}), ...(title ? { title } : {}) };
    return nonEmpty(chunkRegulation(legal, named), file);
  }
  const documentTitle =
    title ?? firstHeading(text) ?? detectRegulation(text)?.title ?? titleFromFileName(file.fileName);
  return nonEmpty(chunkPlainText(text, { title: documentTitle, ...(regulation ? { regulation } : {}) }), file);
}

function nonEmpty(document: ParsedDocument, file: LoadedFile): ParsedDocument {
  if (document.chunks.length === 0) {
    throw new IngestError('no_content', `${file.fileName}: nothing citable was found in the text`);
  }
  return document;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function firstHeading(text: string): string | undefined {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
}

/** "pedoman-iid_2023.pdf" → "pedoman iid 2023": the name the admin gave the file is the best title left. */
function titleFromFileName(fileName: string): string {
  return path.parse(fileName).name.replace(/[-_]+/g, ' ').trim() || fileName;
}
