import { z } from 'zod';
import type { Prisma } from '../../generated/prisma-sqlite/index.js';
import type { Db } from '../../db/client.js';
import type { Tx } from '../../core/merge-users.js';
import { ACTOR_FIELDS, actorLabel } from './actor-label.js';

/** Knowledge-base changes that are written to the audit log. */
export type KbAuditAction = 'kb.add' | 'kb.replace' | 'kb.remove';

/** A document as the audit log remembers it: enough to tell what changed without the document itself. */
export const AuditedDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  regulation: z.string().nullable().optional(),
  version: z.number().optional(),
  chunks: z.number().optional(),
  retired: z.boolean().optional(),
});
export type AuditedDocument = z.infer<typeof AuditedDocumentSchema>;

export interface KbAuditEvent {
  at: Date;
  action: string;
  /** Who acted: their name, or null for a shell command or the system. */
  actor: string | null;
  subject: string | null;
  before?: AuditedDocument;
  after?: AuditedDocument;
}

/** Writes one knowledge-base change in the caller's transaction, so the change and its record go together. */
export async function writeKbAudit(
  tx: Tx,
  event: { actorId: string | null; action: KbAuditAction; subject: string; before?: AuditedDocument; after?: AuditedDocument; at?: Date },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      ...(event.at ? { createdAt: event.at } : {}),
      actorId: event.actorId,
      action: event.action,
      subject: event.subject,
      ...(event.before ? { before: event.before as Prisma.InputJsonValue } : {}),
      ...(event.after ? { after: event.after as Prisma.InputJsonValue } : {}),
    },
  });
}

/** The latest knowledge-base changes, newest first, with the actor's name looked up. */
export async function readKbHistory(db: Db, limit: number): Promise<KbAuditEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: { action: { startsWith: 'kb.' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const people = await db.user.findMany({ where: { id: { in: actorIds } }, select: ACTOR_FIELDS });
  const names = new Map(people.map((p) => [p.id, actorLabel(p)]));
  return rows.map((r) => ({
    at: r.createdAt,
    action: r.action,
    // An actor merged away or deleted keeps the id it acted with.
    actor: r.actorId === null ? null : (names.get(r.actorId) ?? r.actorId),
    subject: r.subject,
    ...documentField('before', r.before),
    ...documentField('after', r.after),
  }));
}

function documentField(key: 'before' | 'after', value: unknown): Partial<Record<'before' | 'after', AuditedDocument>> {
  const parsed = AuditedDocumentSchema.safeParse(value);
  return parsed.success ? { [key]: parsed.data } : {};
}
