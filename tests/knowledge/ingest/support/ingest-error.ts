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
