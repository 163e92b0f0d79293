/**
 * Why a file could not be ingested. Callers (admin CLI, chat upload) switch on the code to pick the
 * Indonesian message they show; nobody should have to parse `detail`, which is English and for logs.
 */
export type IngestErrorCode =
  | 'not_found'
  | 'empty'
  | 'too_big'
  | 'unsupported_type'
  | 'unreadable'
  | 'encrypted'
  | 'no_content'
  | 'invalid_front_matter';

/** Thrown by every step of ingestion; nothing has been written anywhere when it is thrown. */
export class IngestError extends Error {
  override readonly name = 'IngestError';

  constructor(
    readonly code: IngestErrorCode,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
  }
}
