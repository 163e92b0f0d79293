import {
  BroadcastError,
  type Audience,
  type AudienceCount,
  type BroadcastCounts,
  type BroadcastService,
  type BroadcastState,
  type BroadcastSummary,
  type NewBroadcast,
  type RecipientRow,
  type RecipientStatus,
} from '../../src/broadcasts/broadcast-contract.js';
import type { ChannelName } from '../../src/core/messages.js';
import type { Stage } from '../../src/innovations/periods.js';
import { covers, type Scope } from '../../src/people/scopes.js';

/** Someone a fake broadcast can reach: where they are, what they run, and how Pandu can write to them. */
export interface FakeRecipient {
  userId: string;
  name: string;
  region: string;
  regionKey: string;
  opd: string;
  opdKey: string;
  stages: Stage[];
  overdue?: boolean;
  /** The channel an announcement would go out on; null: unreachable. */
  channel: 'telegram' | 'whatsapp' | null;
  optedOut?: boolean;
}

interface Stored {
  summary: Omit<BroadcastSummary, 'counts'>;
  document?: NewBroadcast['document'];
  rows: RecipientRow[];
}

/** The line the fake adds to every announcement (the real engine words its own). */
export const FAKE_OPT_OUT_LINE = 'Balas BERHENTI bila tidak ingin menerima pengumuman lagi.';
const LIMITS: Readonly<Record<ChannelName, number>> = { telegram: 4096, whatsapp: 65_536, terminal: 100_000 };

/**
 * An in-memory BroadcastService for chat-flow tests. It honours what the real engine promises: a sender
 * reaches only their scope (`allow`; nobody without one), counts split by channel with opted-out and
 * unreachable people apart, states move only the allowed ways (BroadcastError `bad_state` otherwise), and
 * only the creator or an admin acts on a broadcast. Tests drive deliveries with `deliver` and `finish`.
 */
export class FakeBroadcasts implements BroadcastService {
  readonly people: FakeRecipient[] = [];
  /** Every accepted NewBroadcast, in order (documents included). */
  readonly created: NewBroadcast[] = [];
  private readonly reach = new Map<string, readonly Scope[] | 'all'>();
  private readonly stored = new Map<string, Stored>();
  private nextId = 1;

  constructor(
    private readonly clock: () => Date = () => new Date(),
    /** Announcements longer than this are refused with `too_long`. */
    readonly maxChars = 3500,
  ) {}

  /** What `userId` may reach: their scopes, or 'all' (an admin). */
  allow(userId: string, reach: readonly Scope[] | 'all'): void {
    this.reach.set(userId, reach);
  }

  add(...people: FakeRecipient[]): void {
    this.people.push(...people);
  }

  async count(userId: string | null, audience: Audience): Promise<AudienceCount> {
    const matched = this.match(userId, audience);
    const count: AudienceCount = { total: matched.length, telegram: 0, whatsapp: 0, optedOut: 0, unreachable: 0 };
    for (const p of matched) {
      if (p.optedOut) count.optedOut += 1;
      else if (!p.channel) count.unreachable += 1;
      else count[p.channel] += 1;
    }
    return count;
  }

  preview(text: string, channel: ChannelName): string[] {
    const whole = `${text}\n\n${FAKE_OPT_OUT_LINE}`;
    const parts: string[] = [];
    for (let i = 0; i < whole.length; i += LIMITS[channel]) parts.push(whole.slice(i, i + LIMITS[channel]));
    return parts;
  }

  async create(input: NewBroadcast): Promise<string> {
    if (input.text.length > this.maxChars) throw new BroadcastError('too_long', `text of ${input.text.length} chars`);
    if (input.scheduledAt && input.scheduledAt.getTime() <= this.clock().getTime())
      throw new BroadcastError('in_past', 'scheduled in the past');
    this.checkScope(input.createdById, input.audience);
    const matched = this.match(input.createdById, input.audience);
    if (!matched.some((p) => p.channel && !p.optedOut)) throw new BroadcastError('empty_audience', 'nobody reachable');
    const id = `b${this.nextId++}`;
    const rows: RecipientRow[] = matched.map((p) => ({
      userId: p.userId,
      name: p.name,
      opd: p.opd,
      region: p.region,
      channel: p.optedOut ? null : p.channel,
      status: p.optedOut ? 'opted_out' : p.channel ? 'pending' : 'unreachable',
      reason: null,
      sentAt: null,
    }));
    this.stored.set(id, {
      summary: {
        id,
        createdById: input.createdById,
        text: input.text,
        documentName: input.document?.fileName ?? null,
        audience: input.audience,
        audienceLabel: audienceLabel(input.audience),
        state: input.scheduledAt ? 'scheduled' : 'sending',
        scheduledAt: input.scheduledAt ?? null,
        createdAt: new Date(this.clock().getTime() + this.nextId),
        finishedAt: null,
      },
      ...(input.document ? { document: input.document } : {}),
      rows,
    });
    this.created.push(input);
    return id;
  }

  async pause(id: string, byUserId: string | null): Promise<void> {
    this.move(id, byUserId, ['sending'], 'paused');
  }

  async resume(id: string, byUserId: string | null): Promise<void> {
    this.move(id, byUserId, ['paused'], 'sending');
  }

  async cancel(id: string, byUserId: string | null): Promise<void> {
    const b = this.move(id, byUserId, ['scheduled', 'sending', 'paused'], 'cancelled');
    for (const row of b.rows) if (row.status === 'pending' || row.status === 'deferred') row.status = 'cancelled';
    b.summary.finishedAt = this.clock();
  }

  async resendUnknown(id: string, byUserId: string | null): Promise<number> {
    const b = this.owned(id, byUserId);
    if (b.summary.state === 'cancelled') throw new BroadcastError('bad_state', 'cancelled');
    const unknown = b.rows.filter((r) => r.status === 'unknown');
    for (const row of unknown) row.status = 'pending';
    if (unknown.length > 0 && b.summary.state === 'done') b.summary.state = 'sending';
    return unknown.length;
  }

  async get(id: string): Promise<BroadcastSummary | null> {
    const b = this.stored.get(id);
    return b ? { ...b.summary, counts: countsOf(b.rows) } : null;
  }

  async list(userId: string | null, limit: number): Promise<BroadcastSummary[]> {
    const all = userId === null || this.reach.get(userId) === 'all';
    return [...this.stored.values()]
      .filter((b) => all || b.summary.createdById === userId)
      .sort((a, b) => b.summary.createdAt.getTime() - a.summary.createdAt.getTime())
      .slice(0, limit)
      .map((b) => ({ ...b.summary, counts: countsOf(b.rows) }));
  }

  async recipients(id: string): Promise<RecipientRow[]> {
    return (this.stored.get(id)?.rows ?? []).map((r) => ({ ...r }));
  }

  async setOptOut(userId: string, optedOut: boolean): Promise<void> {
    for (const p of this.people) if (p.userId === userId) p.optedOut = optedOut;
  }

  /** Test driver: what became of one recipient (sent now, failed with a reason, blocked, unknown, deferred). */
  deliver(id: string, userId: string, status: RecipientStatus, reason?: string): void {
    const row = this.stored.get(id)?.rows.find((r) => r.userId === userId);
    if (!row) throw new Error(`no recipient ${userId} in ${id}`);
    row.status = status;
    row.reason = reason ?? null;
    row.sentAt = status === 'sent' ? this.clock() : null;
  }

  /** Test driver: the broadcast has nothing left to send. */
  finish(id: string): void {
    const b = this.stored.get(id)!;
    b.summary.state = 'done';
    b.summary.finishedAt = this.clock();
  }

  document(id: string): NewBroadcast['document'] {
    return this.stored.get(id)?.document;
  }

  /** Everyone the sender may reach that the audience selects (AND across filters, OR within one). */
  private match(userId: string | null, audience: Audience): FakeRecipient[] {
    const reach = userId === null ? 'all' : (this.reach.get(userId) ?? []);
    return this.people.filter(
      (p) =>
        (reach === 'all' || reach.some((s) => covers(s, p.regionKey, p.opdKey))) &&
        (!audience.regionKeys?.length || audience.regionKeys.includes(p.regionKey)) &&
        (!audience.opds?.length || audience.opds.includes(`${p.regionKey}/${p.opdKey}`)) &&
        (!audience.stages?.length || audience.stages.some((s) => p.stages.includes(s))) &&
        (!audience.overdueOnly || p.overdue === true),
    );
  }

  private checkScope(userId: string | null, audience: Audience): void {
    const reach = userId === null ? 'all' : (this.reach.get(userId) ?? []);
    if (reach === 'all') return;
    const regionOk = (audience.regionKeys ?? []).every((k) => reach.some((s) => s.regionKey === k));
    const opdOk = (audience.opds ?? []).every((v) => {
      const [regionKey = '', opdKey = ''] = v.split('/');
      return reach.some((s) => covers(s, regionKey, opdKey));
    });
    if (!regionOk || !opdOk || reach.length === 0) throw new BroadcastError('out_of_scope', 'audience outside the sender scope');
  }

  private owned(id: string, byUserId: string | null): Stored {
    const b = this.stored.get(id);
    if (!b) throw new BroadcastError('not_found', `no broadcast ${id}`);
    const admin = byUserId === null || this.reach.get(byUserId) === 'all';
    if (!admin && b.summary.createdById !== byUserId) throw new BroadcastError('not_found', `broadcast ${id} is not theirs`);
    return b;
  }

  private move(id: string, byUserId: string | null, from: BroadcastState[], to: BroadcastState): Stored {
    const b = this.owned(id, byUserId);
    if (!from.includes(b.summary.state)) throw new BroadcastError('bad_state', `${b.summary.state} cannot become ${to}`);
    b.summary.state = to;
    return b;
  }
}

function countsOf(rows: readonly RecipientRow[]): BroadcastCounts {
  const counts: BroadcastCounts = {
    recipients: rows.length,
    sent: 0,
    failed: 0,
    blocked: 0,
    opted_out: 0,
    unreachable: 0,
    unknown: 0,
    pending: 0,
    deferred: 0,
    cancelled: 0,
  };
  for (const r of rows) counts[r.status === 'sending' ? 'pending' : r.status] += 1;
  return counts;
}

function audienceLabel(audience: Audience): string {
  const parts = [
    ...(audience.regionKeys ?? []),
    ...(audience.opds ?? []),
    ...(audience.stages ?? []).map((s) => `tahap ${s}`),
    ...(audience.overdueOnly ? ['laporan terlambat'] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'semua dalam cakupan';
}
