import type { Prisma } from '../generated/prisma-sqlite/index.js';
import type { Db } from '../db/client.js';
import type { Choice } from './messages.js';

/**
 * The short-lived conversational context of a user: which feature's flow they are in, that flow's small
 * state, and the choices last offered (so "2" can be read as the second option on any channel).
 */
export interface Session {
  flow: string | null;
  step: string | null;
  data: Record<string, unknown>;
  choices: Choice[];
  /** True when a flow was active but timed out before this message. */
  expired: boolean;
}

/** A flow nobody touched for this long is considered abandoned. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs = SESSION_TTL_MS,
  ) {}

  async load(userId: string, now = new Date()): Promise<Session> {
    const row = await this.db.conversationState.findUnique({ where: { userId } });
    if (!row) return emptySession();
    const data = (row.data ?? {}) as { state?: Record<string, unknown>; choices?: Choice[] };
    if (row.expiresAt && row.expiresAt.getTime() < now.getTime()) {
      return { ...emptySession(), expired: row.flow !== null };
    }
    return { flow: row.flow, step: row.step, data: data.state ?? {}, choices: data.choices ?? [], expired: false };
  }

  async save(userId: string, session: Session, now = new Date()): Promise<void> {
    const data = { state: session.data, choices: session.choices } as unknown as Prisma.InputJsonValue;
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.db.conversationState.upsert({
      where: { userId },
      create: { userId, flow: session.flow, step: session.step, data, expiresAt },
      update: { flow: session.flow, step: session.step, data, expiresAt },
    });
  }
}

export function emptySession(): Session {
  return { flow: null, step: null, data: {}, choices: [], expired: false };
}
