import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Broadcast } from '../generated/prisma-sqlite/index.js';
import type { ChannelName } from '../core/messages.js';
import { StageSchema } from '../innovations/periods.js';
import type { Audience, BroadcastCounts, BroadcastState, BroadcastSummary, RecipientRow, RecipientStatus } from './broadcast-contract.js';

export const RECIPIENT_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'blocked',
  'opted_out',
  'unreachable',
  'unknown',
  'deferred',
  'cancelled',
] as const satisfies readonly RecipientStatus[];

/** Statuses whose delivery is still to happen: a broadcast is finished when none is left. */
export const OPEN_STATUSES: RecipientStatus[] = ['pending', 'sending', 'deferred'];

const BROADCAST_STATES = ['draft', 'scheduled', 'sending', 'paused', 'done', 'cancelled'] as const satisfies readonly BroadcastState[];

/** The audience as stored (JSON read back from the database is checked like any input). */
export const AudienceSchema = z.object({
  regionKeys: z.array(z.string()).optional(),
  opds: z.array(z.string()).optional(),
  stages: z.array(StageSchema).optional(),
  overdueOnly: z.boolean().optional(),
});

export function emptyCounts(): BroadcastCounts {
  return { recipients: 0, sent: 0, failed: 0, blocked: 0, opted_out: 0, unreachable: 0, unknown: 0, pending: 0, deferred: 0, cancelled: 0 };
}

/** Counts by status; `pending` includes the few in flight (`sending`). */
export async function countRecipients(db: Db, broadcastIds: readonly string[]): Promise<Map<string, BroadcastCounts>> {
  const grouped = await db.broadcastRecipient.groupBy({
    by: ['broadcastId', 'status'],
    where: { broadcastId: { in: [...broadcastIds] } },
    _count: { _all: true },
  });
  const out = new Map<string, BroadcastCounts>(broadcastIds.map((id) => [id, emptyCounts()]));
  for (const g of grouped) {
    const counts = out.get(g.broadcastId)!;
    const n = g._count._all;
    counts.recipients += n;
    const status = g.status === 'sending' ? 'pending' : g.status;
    if (status in counts && status !== 'recipients') counts[status as Exclude<keyof BroadcastCounts, 'recipients'>] += n;
  }
  return out;
}

export function toSummary(row: Broadcast, counts: BroadcastCounts): BroadcastSummary {
  const state = (BROADCAST_STATES as readonly string[]).includes(row.state) ? (row.state as BroadcastState) : 'done';
  const audience = AudienceSchema.safeParse(row.audience);
  return {
    id: row.id,
    createdById: row.createdById,
    text: row.text,
    documentName: row.documentName,
    audience: (audience.success ? audience.data : {}) as Audience,
    audienceLabel: row.audienceLabel,
    state,
    scheduledAt: row.scheduledAt,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    counts,
  };
}

export async function summaries(db: Db, rows: readonly Broadcast[]): Promise<BroadcastSummary[]> {
  const counts = await countRecipients(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toSummary(row, counts.get(row.id) ?? emptyCounts()));
}

/** Every recipient with their status, by name. */
export async function recipientRows(db: Db, broadcastId: string): Promise<RecipientRow[]> {
  const rows = await db.broadcastRecipient.findMany({
    where: { broadcastId },
    include: { user: { select: { fullName: true, displayName: true, opd: true, region: true } } },
  });
  return rows
    .map((r) => ({
      userId: r.userId,
      name: r.user.fullName ?? r.user.displayName,
      opd: r.user.opd,
      region: r.user.region,
      channel: (r.channel as ChannelName | null) ?? null,
      status: ((RECIPIENT_STATUSES as readonly string[]).includes(r.status) ? r.status : 'unknown') as RecipientStatus,
      reason: r.reason,
      sentAt: r.sentAt,
    }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'id') || a.userId.localeCompare(b.userId));
}
