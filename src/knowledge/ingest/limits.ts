import { IngestError } from './errors.js';

/**
 * How much of the machine one document may use. A file is refused as soon as it would pass any of these,
 * so a hostile upload (a zip bomb, a PDF of a million pages) costs seconds and bounded memory, not the
 * process. Defaults are generous for real documents: a 1,200-page regulation has about 3.5 million
 * characters of text.
 */
export interface IngestLimits {
  /** Largest file accepted, in bytes, before anything is read. */
  maxBytes: number;
  /** Largest size a DOCX may unpack to, in bytes: what its ZIP directory declares and what it really inflates to. */
  maxUnpackedBytes: number;
  /** Longest extracted text, in characters; chunking, storing and embedding scale with it. */
  maxTextChars: number;
  maxPdfPages: number;
  /** How long reading one PDF may take before it is given up. */
  pdfTimeoutMs: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxTextChars: 3_000_000,
  maxPdfPages: 2_000,
  pdfTimeoutMs: 60_000,
};

/** The limits given, the defaults for the rest; a limit given as undefined keeps its default, never none. */
export function withDefaults(given: Partial<IngestLimits>): IngestLimits {
  const set = Object.entries(given).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_INGEST_LIMITS, ...Object.fromEntries(set) };
}

/** A byte limit as the megabytes people configured it in (KB_MAX_FILE_MB, KB_MAX_UNPACKED_MB). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

export function textTooLong(fileName: string, maxChars: number): IngestError {
  return new IngestError('text_too_long', `${fileName}: more than ${maxChars} characters of text`, { params: { maxChars } });
}
