import type { MessageEntity } from 'grammy/types';
import { boldRuns } from '../render/bold-marks.js';

/** Text without its `*…*` markers, and the bold entities that take their place. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/**
 * Telegram messages go out without parse_mode (so no character in an answer can break formatting or get
 * the message refused), which would show the `*lanjut*` asterisks literally; instead they are removed and
 * the words marked with `bold` entities (see boldRuns). Call it on each part after splitting: offsets
 * count from the start of that part, and a span cut by a split simply keeps its asterisks.
 */
export function boldSpans(input: string): FormattedText {
  const { text, runs } = boldRuns(input);
  return { text, entities: runs.map((run) => ({ type: 'bold', ...run })) };
}
