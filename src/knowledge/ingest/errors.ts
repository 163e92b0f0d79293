/**
 * Why a file could not be ingested. Callers (admin CLI, chat upload) switch on the code to pick the
 * Indonesian message they show (`kb.error.<code>` in locales/id/kb.yaml, filled with `params`); nobody
 * should have to parse `detail`, which is English and for logs.
 */
export type IngestErrorCode =
  | 'not_found'
  | 'empty'
  | 'too_big'
  | 'unsupported_type'
  | 'unreadable'
  | 'encrypted'
  | 'no_content'
  | 'invalid_front_matter'
  /** A DOCX declares or inflates to more than the unpacked limit. */
  | 'unpacked_too_big'
  /** A ZIP built to hurt: too many entries, sizes that lie, overlapping or absurdly compressed entries. */
  | 'suspicious_archive'
  | 'text_too_long'
  | 'too_many_pages'
  /** Reading the file needed more memory than a document of its size ever should. */
  | 'too_complex'
  | 'timeout';

/** Values the Indonesian message for a code is filled with (limits, counts). */
export type IngestErrorParams = Record<string, string | number>;

/** Thrown by every step of ingestion; nothing has been written anywhere when it is thrown. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly params: IngestErrorParams;

  constructor(
    readonly code: IngestErrorCode,
    readonly detail: string,
    options: { cause?: unknown; params?: IngestErrorParams } = {},
  ) {
    super(`${code}: ${detail}`, options.cause === undefined ? {} : { cause: options.cause });
    this.params = options.params ?? {};
  }
}
