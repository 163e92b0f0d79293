import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A row id for rows the hot path inserts without Prisma, in the shape Prisma's `cuid()` default gives
 * (25 lower-case characters starting with "c": a timestamp, a counter, then random characters):
 * callback payloads budget their length on it. `sequence` (the caller's own counter) orders the ids one
 * caller makes within one millisecond, so rows created in that order also sort in it.
 */
export function newRowId(now: number, sequence: number): string {
  const time = now.toString(36).padStart(8, '0').slice(-8);
  const count = (sequence % 36 ** 4).toString(36).padStart(4, '0');
  const bytes = randomBytes(12);
  let rest = '';
  for (const byte of bytes) rest += ALPHABET[byte % 36];
  return `c${time}${count}${rest}`;
}
