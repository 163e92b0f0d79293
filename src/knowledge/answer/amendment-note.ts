import type { Translate } from '../../i18n/translator.js';
import type { IndexedChunk } from '../index/indexed-chunk.js';

/**
 * The line an answer carries when a passage it rests on was amended ("UU 23/2014 Pasal 5 telah diubah
 * oleh UU 9/2015"), so nobody takes the quoted wording for the law in force. Undefined when none was.
 */
export function amendmentNote(used: readonly IndexedChunk[], t: Translate): string | undefined {
  const seen = new Map<string, string>();
  for (const chunk of used) {
    if (!chunk.amendment) continue;
    const { subject, by } = chunk.amendment;
    seen.set(`${subject}\u241f${by}`, t('kb_admin.status.answer_note', { subject, by }));
  }
  return seen.size > 0 ? [...seen.values()].join('\n') : undefined;
}

/** The footer of an answer with the amendment note after it (kept whole, like the citations). */
export function withAmendmentNote(footer: string, used: readonly IndexedChunk[], t: Translate): string {
  const note = amendmentNote(used, t);
  return note ? `${footer}\n${note}` : footer;
}
