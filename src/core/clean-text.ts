import type { IncomingMessage } from './messages.js';

/**
 * C0 control characters except tab and newline, and DEL. PostgreSQL refuses U+0000 in text (so a user
 * whose name held one could never be stored there), and the others only ever arrive by accident or malice.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/g; // eslint-disable-line no-control-regex

/** Telegram's own limit for first plus last name; a longer name only makes every greeting longer. */
export const MAX_DISPLAY_NAME_CHARS = 64;

export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/** A name on one line, at most 64 characters (whole code points, so no emoji is cut in half). */
export function cleanDisplayName(name: string): string | undefined {
  const flat = cleanText(name).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  const capped = chars.length > MAX_DISPLAY_NAME_CHARS ? chars.slice(0, MAX_DISPLAY_NAME_CHARS).join('').trimEnd() : flat;
  return capped || undefined;
}

/**
 * What the core accepts from any channel, cleaned once at its entry so no feature and no store has to.
 * Choice ids are cleaned too: Telegram's callback data comes from the client and can be forged.
 */
export function cleanIncoming(msg: IncomingMessage): IncomingMessage {
  const clean: IncomingMessage = { ...msg };
  if (msg.text !== undefined) clean.text = cleanText(msg.text);
  if (msg.choiceId !== undefined) clean.choiceId = cleanText(msg.choiceId);
  if (msg.displayName !== undefined) {
    const name = cleanDisplayName(msg.displayName);
    if (name) clean.displayName = name;
    else delete clean.displayName;
  }
  return clean;
}
