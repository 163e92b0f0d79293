import type { Prisma } from '../generated/prisma-sqlite/index.js';
import type { Db } from '../db/client.js';
import type { HotQueries } from '../db/hot-queries.js';
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
  /** The flow that timed out, so its feature can say how to pick it up again. */
  expiredFlow?: string;
}

/** A flow nobody touched for this long is considered abandoned. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export class SessionStore {
  /** What each user's stored session looked like when loaded, to skip writes that change nothing. */
  private readonly loaded = new Map<string, { snapshot: string; expiresAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = SESSION_TTL_MS,
    /** Prepared statements for the load and save every message makes (the app passes them on SQLite). */
    private readonly hot?: HotQueries,
  ) {}

  async load(userId: string, now = new Date()): Promise<Session> {
    const row = this.hot ? await this.hot.session(userId) : await this.db.conversationState.findUnique({ where: { userId } });
    this.loaded.delete(userId);
    if (!row) return emptySession();
    const data = (row.data ?? {}) as { state?: Record<string, unknown>; choices?: Choice[] };
    if (row.expiresAt && row.expiresAt.getTime() < now.getTime()) {
      return { ...emptySession(), expired: row.flow !== null, ...(row.flow ? { expiredFlow: row.flow } : {}) };
    }
    const session: Session = { flow: row.flow, step: row.step, data: data.state ?? {}, choices: data.choices ?? [], expired: false };
    this.loaded.set(userId, { snapshot: snapshot(session), expiresAt: row.expiresAt?.getTime() ?? 0 });
    return session;
  }

  /** `ttlMs`: how long the active flow may rest (a feature's flowTtlMs); default the store's TTL. */
  async save(userId: string, session: Session, now = new Date(), ttlMs = this.ttlMs): Promise<void> {
    // Unchanged and far from expiry: nothing to write (most questions change no state).
    const before = this.loaded.get(userId);
    this.loaded.delete(userId);
    if (before && before.snapshot === snapshot(session) && before.expiresAt - now.getTime() > ttlMs / 2) return;
    const data = { state: session.data, choices: session.choices } as unknown as Prisma.InputJsonValue;
    const expiresAt = new Date(now.getTime() + ttlMs);
    if (this.hot) {
      await this.hot.saveSession(userId, { flow: session.flow, step: session.step, data, expiresAt }, now);
      return;
    }
    await this.db.conversationState.upsert({
      where: { userId },
      create: { userId, flow: session.flow, step: session.step, data, expiresAt },
      update: { flow: session.flow, step: session.step, data, expiresAt },
    });
  }

  /**
   * Remembers a menu sent without being asked (a reminder's "1. Lapor sekarang"), so a number typed in
   * reply picks from it as from any reply's menu: WhatsApp and the terminal show menus as numbered lines.
   * Only for a person in no flow (a number typed into an open or timed-out flow belongs to that flow), and
   * only if nothing wrote the session since it was read here: a message handled meanwhile wins, and this
   * menu is then not remembered (false). The stored state is kept; the menu replaces the last one.
   */
  async offer(userId: string, choices: readonly Choice[], now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const row = await this.db.conversationState.findUnique({ where: { userId } });
    if (!row) {
      const data = { state: {}, choices } as unknown as Prisma.InputJsonValue;
      // A row created meanwhile (the person's first message) makes this fail, and that message wins.
      return this.db.conversationState.create({ data: { userId, data, expiresAt } }).then(
        () => true,
        () => false,
      );
    }
    if (row.flow !== null) return false;
    const live = !row.expiresAt || row.expiresAt.getTime() >= now.getTime();
    const state = live ? (((row.data ?? {}) as { state?: Record<string, unknown> }).state ?? {}) : {};
    const data = { state, choices } as unknown as Prisma.InputJsonValue;
    const { count } = await this.db.conversationState.updateMany({
      where: { userId, flow: null, updatedAt: row.updatedAt },
      data: { data, expiresAt },
    });
    return count === 1;
  }
}

/** Where a menu Pandu sends without being asked is remembered, so a typed number picks from it (see SessionStore.offer). */
export interface OfferedMenus {
  offer(userId: string, choices: readonly Choice[], now: Date): Promise<boolean>;
}

export function emptySession(): Session {
  return { flow: null, step: null, data: {}, choices: [], expired: false };
}

function snapshot(session: Session): string {
  return JSON.stringify([session.flow, session.step, session.data, session.choices]);
}
