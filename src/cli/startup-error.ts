import { FolderError } from '../core/files/ensure-dir.js';
import type { Translate } from '../i18n/translator.js';

/** What a person starting Pandu can do about a failure, in Indonesian; undefined for faults that need the log. */
export function explainStartupError(t: Translate): (error: unknown) => string | undefined {
  return (error) => (error instanceof FolderError ? t('common.folder_error', { dir: error.dir, code: error.code }) : undefined);
}
