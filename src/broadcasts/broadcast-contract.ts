import type { ChannelName, OutgoingDocument } from '../core/messages.js';
import type { Stage } from '../innovations/periods.js';

/**
 * The contract between the broadcast engine (outbox, audience resolution, paced lanes, dispatcher) and
 * the ways people drive it (the /umumkan chat flow, `npm run broadcast`). The chat flow and the CLI only
 * ever talk to a BroadcastService; the engine never knows which of them asked.
 */

/**
 * Who an announcement goes to. Every filter present narrows the audience (AND); within one filter the
 * listed values widen it (OR). An empty audience is "everyone in the sender's scope".
 * Region and OPD keys are the normalised keys the profile store uses (see src/people).
 */
export interface Audience {
  regionKeys?: string[];
  /** OPD keys, each within a region: `<regionKey>/<opdKey>`. */
  opds?: string[];
  /** People with at least one innovation in one of these stages. */
  stages?: Stage[];
  /** Only people with at least one overdue progress report. */
  overdueOnly?: boolean;
}

/** How many people an audience reaches, by the channel each would get the announcement on. */
export interface AudienceCount {
  total: number;
  telegram: number;
  whatsapp: number;
  /** Opted out of announcements (BERHENTI). */
  optedOut: number;
  /** No identity Pandu may write to (never wrote to the bot, or only on a channel that is not running). */
  unreachable: number;
}

export type BroadcastState = 'draft' | 'scheduled' | 'sending' | 'paused' | 'done' | 'cancelled';

export type RecipientStatus =
  | 'pending'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'blocked'
  | 'opted_out'
  | 'unreachable'
  /** Was in flight when the sender crashed; never resent automatically. */
  | 'unknown'
  /** Waits for tomorrow's WhatsApp allowance. */
  | 'deferred'
  | 'cancelled';

export interface BroadcastCounts {
  recipients: number;
  sent: number;
  failed: number;
  blocked: number;
  opted_out: number;
  unreachable: number;
  unknown: number;
  pending: number;
  deferred: number;
  cancelled: number;
}

export interface BroadcastSummary {
  id: string;
  createdById: string | null;
  text: string;
  documentName: string | null;
  audience: Audience;
  /** One line describing the audience in Indonesian, e.g. "OPD Dinas Kesehatan — Kab. Bantul, tahap uji coba". */
  audienceLabel: string;
  state: BroadcastState;
  scheduledAt: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  counts: BroadcastCounts;
}

export interface RecipientRow {
  userId: string;
  name: string | null;
  opd: string | null;
  region: string | null;
  channel: ChannelName | null;
  status: RecipientStatus;
  /** Why it failed, in plain words (Indonesian where shown to people). */
  reason: string | null;
  sentAt: Date | null;
}

export interface NewBroadcast {
  /** Null: an operator at the shell (admin rights, no scope limit). */
  createdById: string | null;
  text: string;
  document?: OutgoingDocument;
  audience: Audience;
  /** Absent: send now. */
  scheduledAt?: Date;
}

/** Refusals a caller shows to the person (codes map to locale keys `broadcast.error.<code>`). */
export class BroadcastError extends Error {
  constructor(
    readonly code: 'not_found' | 'out_of_scope' | 'empty_audience' | 'empty_text' | 'bad_state' | 'too_long' | 'in_past',
    message: string,
  ) {
    super(message);
    this.name = 'BroadcastError';
  }
}

export interface BroadcastService {
  /** Counts who an audience reaches, limited to what `userId` may reach (null: everyone). */
  count(userId: string | null, audience: Audience): Promise<AudienceCount>;
  /** Exactly what one recipient receives (the text with the opt-out line, split as the channel would). */
  preview(text: string, channel: ChannelName): string[];
  /** Records the broadcast and its recipients (resolved now, within the creator's scope); returns its id. */
  create(input: NewBroadcast): Promise<string>;
  pause(id: string, byUserId: string | null): Promise<void>;
  resume(id: string, byUserId: string | null): Promise<void>;
  cancel(id: string, byUserId: string | null): Promise<void>;
  /** Sends again to recipients whose status is unknown (after a crash); returns how many were queued. */
  resendUnknown(id: string, byUserId: string | null): Promise<number>;
  get(id: string): Promise<BroadcastSummary | null>;
  /** Recent broadcasts `userId` may see (their own; an admin's: all), newest first. */
  list(userId: string | null, limit: number): Promise<BroadcastSummary[]>;
  recipients(id: string): Promise<RecipientRow[]>;
  /** Opt-out (BERHENTI) and back in (MULAI); reminders are not affected. */
  setOptOut(userId: string, optedOut: boolean): Promise<void>;
}
