import { randomInt } from 'node:crypto';
import { mergeUsers } from '../../core/merge-users.js';
import type { Db } from '../../db/client.js';

/** Letters and digits that cannot be confused when read aloud or typed on a phone (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const CODE_TTL_MS = 10 * 60 * 1000;

export type RedeemOutcome =
  { status: 'linked'; targetUserId: string } | { status: 'same_user' } | { status: 'invalid' } | { status: 'expired' };

/**
 * One person, several channels: a code issued on one channel and entered on another merges the second
 * identity's user into the first, moving its identities and drafts so nothing is lost.
 */
export class LinkCodes {
  constructor(private readonly db: Db) {}

  /** Issues a fresh code for a user; any code they had before stops working. */
  async issue(userId: string, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      try {
        await this.db.$transaction([
          this.db.linkCode.deleteMany({ where: { userId, usedAt: null } }),
          this.db.linkCode.create({ data: { userId, code, expiresAt } }),
        ]);
        return { code, expiresAt };
      } catch {
        // Collided with another live code: draw again.
      }
    }
    throw new Error('could not issue a unique link code');
  }

  /**
   * Redeems a code for `userId`. Wrong guesses are limited by the caller (see link-guard.ts), before it
   * gets here.
   */
  async redeem(userId: string, rawCode: string, now = new Date()): Promise<RedeemOutcome> {
    const code = normaliseCode(rawCode);
    const row = code.length === CODE_LENGTH ? await this.db.linkCode.findUnique({ where: { code } }) : null;
    if (!row || row.usedAt) return { status: 'invalid' };
    if (row.expiresAt.getTime() < now.getTime()) return { status: 'expired' };
    if (row.userId === userId) return { status: 'same_user' };
    if (!(await this.merge(userId, row.userId, row.id, now))) return { status: 'invalid' };
    return { status: 'linked', targetUserId: row.userId };
  }

  /**
   * Merges `fromUserId` into `toUserId` (see mergeUsers) once the code is claimed, in one transaction.
   * The person keeps the role of the account that issued the code: redeeming somebody else's code must
   * never hand that person a coordinator's or admin's role. Returns false when the code was used
   * meanwhile (two redemptions at once), in which case nothing changes.
   */
  private async merge(fromUserId: string, toUserId: string, codeId: string, now: Date): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const claimed = await tx.linkCode.updateMany({ where: { id: codeId, usedAt: null }, data: { usedAt: now } });
      if (claimed.count === 0) return false;
      await mergeUsers(tx, fromUserId, toUserId);
      return true;
    });
  }
}

export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
