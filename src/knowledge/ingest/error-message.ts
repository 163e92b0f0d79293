import type { Translate } from '../../i18n/translator.js';
import { IngestError } from './errors.js';

/** Longest value (a file name, a front-matter problem) put into the line a person reads. */
const MAX_VALUE_CHARS = 200;

/**
 * The one Indonesian line a person sees for a file that could not be ingested (`kb add`, a chat upload):
 * `kb.error.<code>` filled with the error's params, numbers written the Indonesian way. Anything that is
 * not an IngestError is a fault of ours, not of the file, and gets a generic line; its details (and every
 * stack) belong in the log, never on the screen.
 */
export function ingestErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof IngestError)) return t('kb.error.unexpected');
  const params = Object.fromEntries(
    Object.entries({ detail: error.detail, ...error.params }).map(([key, value]) => [key, display(value)]),
  );
  return oneLine(t(`kb.error.${error.code}`, params));
}

function display(value: string | number): string {
  if (typeof value === 'number') return value.toLocaleString('id-ID');
  const line = oneLine(value);
  return line.length > MAX_VALUE_CHARS ? `${line.slice(0, MAX_VALUE_CHARS - 1)}…` : line;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
