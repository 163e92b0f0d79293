import type { IngestErrorCode } from '../../../../src/knowledge/ingest/errors.js';
import { IngestError } from '../../../../src/knowledge/ingest/errors.js';

/** The IngestError a call throws; any other outcome fails the test. */
export function ingestErrorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

/** The code of the IngestError a promise rejects with, or 'resolved'. */
export async function ingestCodeOf(promise: Promise<unknown>): Promise<IngestErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof IngestError) return error.code;
    throw error;
  }
}

/** The IngestError a promise rejects with; any other outcome fails the test. */
export async function ingestRejectionOf(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error;
}
