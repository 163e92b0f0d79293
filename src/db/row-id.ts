import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A row id for rows the hot path inserts without Prisma, in the shape Prisma's `cuid()` default gives
 * (25 lower-case characters starting with "c", a timestamp first): callback payloads budget their
 * length on it, and ids made here and by Prisma must look and sort alike.
 */
export function newRowId(now: number = Date.now()): string {
  const time = now.toString(36).padStart(8, '0').slice(-8);
  const bytes = randomBytes(16);
  let rest = '';
  for (const byte of bytes) rest += ALPHABET[byte % 36];
  return `c${time}${rest}`;
}
