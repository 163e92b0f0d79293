import { findPasalHeadings } from '../ingest/legal/pasal-headings.js';
import { sortPasal } from '../store/kb-store.js';
import type { ParsedDocument } from '../types.js';
import { findVersionTarget, sameTitle, type ExistingDocument } from './version-match.js';

/** Something an admin should look at before a document goes live. */
export type PreviewWarning =
  /** A regulation without Pasal headings: it will be cited by title only. */
  | { kind: 'no_pasal' }
  /** Signs of a bad text layer (scanned and OCR'd): lost Pasal headings, garbled words. */
  | { kind: 'ocr_damage'; missingPasal: number[]; garbledShare: number }
  /** Exactly the same file is already in the base. */
  | { kind: 'duplicate'; document: ExistingDocument }
  /** Another live document has the same title but no matching regulation. */
  | { kind: 'similar_title'; document: ExistingDocument };

export interface PreviewChunk {
  citation: string;
  /** The start of the text, one line. */
  excerpt: string;
}

/** What an admin sees about a staged document before confirming it. */
export interface UploadPreview {
  title: string;
  regulation?: string;
  kind: ParsedDocument['kind'];
  chunks: number;
  /** Distinct Pasal numbers, in order. */
  pasal: string[];
  /** "1–36", or a short list when the numbers do not run on. */
  pasalRange?: string;
  firstChunks: PreviewChunk[];
  warnings: PreviewWarning[];
  /** The live document this one would replace (same regulation), retired on confirmation. */
  replaces?: ExistingDocument;
}

export interface PreviewInput {
  parsed: ParsedDocument;
  /** The extracted text, for the OCR checks. */
  text: string;
  /** Live (not retired) documents of the base. */
  live: readonly ExistingDocument[];
  /** A stored document with the same bytes, if any. */
  sameContent?: ExistingDocument;
}

const FIRST_CHUNKS = 3;
const EXCERPT_CHARS = 160;
/** More garbled words than this share of all words means a damaged text layer. */
const GARBLED_SHARE = 0.03;
/** Fewer words than this say too little about the text layer to judge it. */
const MIN_WORDS_FOR_OCR = 200;

/** The preview of a parsed upload: what it is, what it would replace, and what looks wrong. Pure. */
export function buildPreview(input: PreviewInput): UploadPreview {
  const { parsed, live } = input;
  const pasal = sortPasal([...new Set(parsed.chunks.map((c) => c.pasal).filter((p): p is string => Boolean(p)))]);
  const replaces = input.sameContent ? undefined : findVersionTarget(parsed, live);
  const warnings: PreviewWarning[] = [];
  if (input.sameContent) warnings.push({ kind: 'duplicate', document: input.sameContent });
  if (pasal.length === 0 && parsed.kind !== 'curated' && parsed.regulation) warnings.push({ kind: 'no_pasal' });
  const ocr = ocrDamage(input.text, parsed.kind === 'regulation');
  if (ocr) warnings.push(ocr);
  if (!input.sameContent) {
    for (const document of sameTitle(parsed.title, live, replaces?.id)) warnings.push({ kind: 'similar_title', document });
  }
  return {
    title: parsed.title,
    ...(parsed.regulation ? { regulation: parsed.regulation } : {}),
    kind: parsed.kind,
    chunks: parsed.chunks.length,
    pasal,
    ...(pasal.length > 0 ? { pasalRange: pasalRange(pasal) } : {}),
    firstChunks: parsed.chunks.slice(0, FIRST_CHUNKS).map((c) => ({ citation: c.citation, excerpt: excerpt(c.text) })),
    warnings,
    ...(replaces ? { replaces } : {}),
  };
}

/** "1–36" for a full run from the first number, otherwise the first few numbers and a count. */
export function pasalRange(pasal: readonly string[]): string {
  const nums = pasal.map((p) => Number.parseInt(p, 10));
  const plain = pasal.every((p) => /^\d+$/.test(p));
  const runs = nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
  if (plain && runs) return nums.length === 1 ? pasal[0]! : `${pasal[0]}–${pasal[pasal.length - 1]}`;
  return pasal.length > 8 ? `${pasal.slice(0, 8).join(', ')}, …` : pasal.join(', ');
}

function ocrDamage(text: string, regulation: boolean): PreviewWarning | undefined {
  const missingPasal = regulation ? findPasalHeadings(text).missing : [];
  const words = text.split(/\s+/).filter(Boolean);
  const garbled = words.filter(isGarbled).length;
  const garbledShare = words.length >= MIN_WORDS_FOR_OCR ? garbled / words.length : 0;
  if (missingPasal.length === 0 && garbledShare <= GARBLED_SHARE) return undefined;
  return { kind: 'ocr_damage', missingPasal, garbledShare };
}

/** A word a text layer mangled: replacement characters, or digits and lower-case letters mixed inside it ("Pasa1", "pe1aksanaan"). */
function isGarbled(word: string): boolean {
  return word.includes('\uFFFD') || /\p{Ll}[0-9|]+\p{Ll}|[0-9|]\p{Ll}{2,}[0-9|]/u.test(word);
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1)}…` : line;
}
