/**
 * The few statements every incoming message runs (remember its id, find its sender, count it against the
 * rate limit, load and save the conversation), kept as statements prepared once instead of Prisma queries
 * compiled on every call: through Prisma each costs about thirty times what the statement itself does.
 * Identities and sessions read are remembered only until another connection commits (SQLite's
 * data_version), so several processes on one database, and Prisma's connection in this one, still see
 * each other's writes (roles, sessions) on the next message. The identities returned are shared between
 * calls (only the array is new): callers read them, never change them; a session's data is parsed anew
 * on every read.
 */
export interface HotQueries {
  /** Records a handled message id; false when it was recorded before. */
  recordMessage(id: string, now: Date): Promise<boolean>;
  /** The stored identities among `externalIds` on `channel`, each with its user. */
  identities(channel: string, externalIds: readonly string[]): Promise<HotIdentity[]>;
  /**
   * Creates a user with its identities in one transaction and returns them as `identities` reads them.
   * Throws (a unique violation) when another message created one of the identities first.
   */
  createUser(user: HotNewUser, identities: readonly HotNewIdentity[], now: Date): Promise<HotIdentity[]>;
  /** A user's stored conversation, if any. */
  session(userId: string): Promise<HotSession | undefined>;
  /** Writes a user's conversation (created or replaced). */
  saveSession(userId: string, session: HotSessionWrite, now: Date): Promise<void>;
  /**
   * Adds `points` to a rate-limit key's window and returns the window: a window that ended at or before
   * `now` (or none) starts again with `points` until `expire`.
   */
  addPoints(key: string, points: number, expire: Date | null, now: Date): Promise<{ points: number; expire: Date | null }>;
  close(): Promise<void>;
}

export interface HotUser {
  id: string;
  displayName: string | null;
  role: string;
  fullName: string | null;
  opd: string | null;
  region: string | null;
  timeZone: string | null;
  profileAt: Date | null;
  createdAt: Date;
}

export interface HotIdentity {
  id: string;
  userId: string;
  channel: string;
  externalId: string;
  displayName: string | null;
  lastSeenAt: Date;
  firstMessageAt: Date | null;
  blockedAt: Date | null;
  user: HotUser;
}

export interface HotNewUser {
  displayName: string | null;
}

export interface HotNewIdentity {
  channel: string;
  externalId: string;
  displayName: string | null;
  firstMessageAt: Date | null;
  lastSeenAt: Date;
}

export interface HotSession {
  flow: string | null;
  step: string | null;
  /** The stored JSON, parsed. */
  data: unknown;
  expiresAt: Date | null;
}

export interface HotSessionWrite {
  flow: string | null;
  step: string | null;
  data: unknown;
  expiresAt: Date;
}
