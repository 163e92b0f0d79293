import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { ChannelName } from '../core/messages.js';
import type { Outbound } from '../core/outbound.js';
import { realTimers, type Timers } from '../core/timers.js';
import type { Translate } from '../i18n/translator.js';
import type { Jobs } from '../jobs/jobs.js';
import { covers, type Scope, type ScopeStore } from '../people/scopes.js';
import { announcementParts, MAX_ANNOUNCEMENT_CHARS } from './announcement.js';
import { audienceLabel } from './audience-label.js';
import { countAudience, resolveAudience } from './audience.js';
import {
  BroadcastError,
  type Audience,
  type AudienceCount,
  type BroadcastService,
  type BroadcastSummary,
  type NewBroadcast,
  type RecipientRow,
} from './broadcast-contract.js';
import {
  deliveryKey,
  registerBroadcastJobs,
  runPrefix,
  START_KIND,
  startKey,
  telegramBatchSize,
  TELEGRAM_KIND,
  WHATSAPP_KIND,
} from './broadcast-jobs.js';
import { OPEN_STATUSES, recipientRows, summaries } from './broadcast-records.js';
import { BroadcastDelivery } from './delivery.js';
import { WhatsAppLane, type WhatsAppLaneSettings } from './whatsapp-lane.js';

export interface BroadcastEngineDeps {
  db: Db;
  jobs: Jobs;
  outbound: Outbound;
  scopes: ScopeStore;
  t: Translate;
  logger: Logger;
  clock: () => Date;
  timers?: Timers;
  /** Channels this deployment runs (from the configuration). */
  channels: readonly ChannelName[];
  telegramPerSecond: number;
  whatsapp: WhatsAppLaneSettings;
  /** How long a claim on a recipient holds (default 2 min, renewed after every part). */
  leaseMs?: number;
  random?: () => number;
  /** Told once when a broadcast finishes or is cancelled (the creator gets the delivery report). */
  onFinished?: (summary: BroadcastSummary) => void | Promise<void>;
}

const DEFAULT_LEASE_MS = 2 * 60_000;
/** Attempts after a fault before a recipient is recorded as failed (the job allows a few more). */
const DELIVERY_ATTEMPTS = 5;
/** A broadcast sending this long without any delivery job is re-queued (its jobs were lost). */
const HEAL_AFTER_MS = 5 * 60_000;
/** A scheduled time this far in the past is refused as a mistake. */
const PAST_TOLERANCE_MS = 60_000;

/**
 * The broadcast engine: the outbox (a Broadcast row and one BroadcastRecipient per person), audiences
 * within the sender's scope, and the deliveries on the job layer (a start job at the scheduled time, then
 * one delivery job per recipient in Telegram's paced lane or WhatsApp's slow lane).
 */
export class BroadcastEngine implements BroadcastService {
  readonly owner = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly delivery: BroadcastDelivery;
  private onFinished: BroadcastEngineDeps['onFinished'];

  constructor(private readonly d: BroadcastEngineDeps) {
    this.onFinished = d.onFinished;
    this.delivery = new BroadcastDelivery({
      db: d.db,
      outbound: d.outbound,
      t: d.t,
      logger: d.logger,
      timers: d.timers ?? realTimers,
      clock: d.clock,
      owner: this.owner,
      leaseMs: d.leaseMs ?? DEFAULT_LEASE_MS,
      whatsapp: new WhatsAppLane(d.db, d.whatsapp, d.random),
      telegramPerSecond: d.telegramPerSecond,
      maxAttempts: DELIVERY_ATTEMPTS,
      settled: (id) => this.settled(id),
    });
    registerBroadcastJobs(d.jobs, { start: (id) => this.start(id), delivery: this.delivery, telegramPerSecond: d.telegramPerSecond });
  }

  /** Who hears when a broadcast ends (the app wires the creator's report; set once at start-up). */
  setOnFinished(callback: BroadcastEngineDeps['onFinished']): void {
    this.onFinished = callback;
  }

  async count(userId: string | null, audience: Audience): Promise<AudienceCount> {
    const scopes = await this.scopesOf(userId);
    this.checkAudienceInScope(scopes, audience);
    return countAudience(await resolveAudience(this.d, scopes, audience, this.d.clock(), userId));
  }

  preview(text: string, channel: ChannelName): string[] {
    return announcementParts(text, channel, this.d.t);
  }

  async create(input: NewBroadcast): Promise<string> {
    const now = this.d.clock();
    const text = input.text.trim();
    if (!text && !input.document) throw new BroadcastError('empty_text', 'an announcement needs text or a document');
    if (text.length > MAX_ANNOUNCEMENT_CHARS) {
      throw new BroadcastError('too_long', `announcement is ${text.length} characters; at most ${MAX_ANNOUNCEMENT_CHARS}`);
    }
    if (input.scheduledAt && input.scheduledAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
      throw new BroadcastError('in_past', `scheduled time ${input.scheduledAt.toISOString()} has passed`);
    }
    const scopes = await this.scopesOf(input.createdById);
    this.checkAudienceInScope(scopes, input.audience);
    const members = await resolveAudience(this.d, scopes, input.audience, now, input.createdById);
    if (members.length === 0) throw new BroadcastError('empty_audience', 'nobody in this audience');
    const label = await audienceLabel(this.d.db, this.d.t, input.audience, scopes === undefined);
    const { t } = this.d;
    const id = await this.d.db.$transaction(async (tx) => {
      const broadcast = await tx.broadcast.create({
        data: {
          createdById: input.createdById,
          text,
          documentName: input.document?.fileName ?? null,
          documentMime: input.document?.mimeType ?? null,
          documentData: input.document ? new Uint8Array(input.document.data) : null,
          audience: JSON.parse(JSON.stringify(input.audience)) as object,
          audienceLabel: label,
          state: 'scheduled',
          scheduledAt: input.scheduledAt ?? null,
          createdAt: now,
        },
      });
      for (let i = 0; i < members.length; i += 500) {
        await tx.broadcastRecipient.createMany({
          data: members.slice(i, i + 500).map((m) => ({
            broadcastId: broadcast.id,
            userId: m.userId,
            channel: m.channel,
            status: m.optedOut ? 'opted_out' : m.channel ? 'pending' : 'unreachable',
            reason: m.optedOut ? t('broadcast.reason.opted_out') : m.channel ? null : t('broadcast.reason.unreachable'),
          })),
        });
      }
      return broadcast.id;
    });
    await this.d.jobs.schedule({ kind: START_KIND, key: startKey(id), runAt: input.scheduledAt ?? now, payload: { broadcastId: id } });
    this.d.logger.info({ broadcast: id, recipients: members.length, scheduledAt: input.scheduledAt?.toISOString() }, 'broadcast recorded');
    return id;
  }

  async pause(id: string, byUserId: string | null): Promise<void> {
    await this.allowed(id, byUserId);
    const moved = await this.d.db.broadcast.updateMany({ where: { id, state: 'sending' }, data: { state: 'paused' } });
    if (moved.count !== 1) throw new BroadcastError('bad_state', `broadcast ${id} is not sending`);
    await this.d.jobs.cancelWhere({ keyPrefix: runPrefix(id) });
  }

  async resume(id: string, byUserId: string | null): Promise<void> {
    await this.allowed(id, byUserId);
    const moved = await this.d.db.broadcast.updateMany({ where: { id, state: 'paused' }, data: { state: 'sending' } });
    if (moved.count !== 1) throw new BroadcastError('bad_state', `broadcast ${id} is not paused`);
    await this.enqueue(id);
  }

  async cancel(id: string, byUserId: string | null): Promise<void> {
    await this.allowed(id, byUserId);
    const now = this.d.clock();
    const moved = await this.d.db.broadcast.updateMany({
      where: { id, state: { in: ['scheduled', 'sending', 'paused'] } },
      data: { state: 'cancelled', finishedAt: now },
    });
    if (moved.count !== 1) throw new BroadcastError('bad_state', `broadcast ${id} has already ended`);
    await this.d.jobs.cancelWhere({ keyPrefix: `broadcast:${id}:` });
    await this.d.db.broadcastRecipient.updateMany({
      where: { broadcastId: id, status: { in: ['pending', 'deferred'] } },
      data: { status: 'cancelled', reason: this.d.t('broadcast.reason.cancelled') },
    });
    this.d.logger.info({ broadcast: id, by: byUserId }, 'broadcast cancelled');
    await this.announceFinished(id);
  }

  async resendUnknown(id: string, byUserId: string | null): Promise<number> {
    await this.allowed(id, byUserId);
    const b = await this.d.db.broadcast.findUnique({ where: { id }, select: { state: true } });
    if (!b || b.state === 'cancelled' || b.state === 'scheduled')
      throw new BroadcastError('bad_state', `broadcast ${id} cannot resend now`);
    const reset = await this.d.db.broadcastRecipient.updateMany({
      where: { broadcastId: id, status: 'unknown' },
      data: { status: 'pending', reason: null, partsSent: 0, messageIds: [] },
    });
    if (reset.count === 0) return 0;
    if (b.state === 'done')
      await this.d.db.broadcast.updateMany({ where: { id, state: 'done' }, data: { state: 'sending', finishedAt: null } });
    if (b.state !== 'paused') await this.enqueue(id);
    this.d.logger.info(
      { broadcast: id, recipients: reset.count, by: byUserId },
      'broadcast: resending the recipients whose status was unknown',
    );
    return reset.count;
  }

  async get(id: string): Promise<BroadcastSummary | null> {
    const row = await this.d.db.broadcast.findUnique({ where: { id } });
    return row ? (await summaries(this.d.db, [row]))[0]! : null;
  }

  async list(userId: string | null, limit: number): Promise<BroadcastSummary[]> {
    const admin = userId === null || (await this.d.db.user.findUnique({ where: { id: userId }, select: { role: true } }))?.role === 'admin';
    const rows = await this.d.db.broadcast.findMany({
      where: admin ? {} : { createdById: userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return summaries(this.d.db, rows);
  }

  recipients(id: string): Promise<RecipientRow[]> {
    return recipientRows(this.d.db, id);
  }

  async setOptOut(userId: string, optedOut: boolean): Promise<void> {
    await this.d.db.user.update({ where: { id: userId }, data: { announcementsOptOutAt: optedOut ? this.d.clock() : null } });
  }

  /**
   * After a restart (and every minute): recipients left `sending` by a sender that died become `unknown`,
   * and a broadcast whose delivery jobs went missing is queued again. Safe on every instance at once.
   */
  async recover(): Promise<{ unknown: number; requeued: number }> {
    const now = this.d.clock();
    let unknown = 0;
    for (;;) {
      const stale = await this.d.db.broadcastRecipient.findMany({
        where: { status: 'sending', leaseUntil: { lt: now } },
        select: { id: true, broadcastId: true },
        take: 500,
      });
      if (stale.length === 0) break;
      for (const row of stale) await this.delivery.recoverExpired(row.id, row.broadcastId);
      unknown += stale.length;
    }
    if (unknown > 0) this.d.logger.warn({ recipients: unknown }, 'broadcast deliveries interrupted by a crash: status unknown, not resent');
    let requeued = 0;
    const sending = await this.d.db.broadcast.findMany({
      where: { state: 'sending', startedAt: { lt: new Date(now.getTime() - HEAL_AFTER_MS) } },
      select: { id: true },
    });
    for (const { id } of sending) {
      const open = await this.d.db.broadcastRecipient.count({ where: { broadcastId: id, status: { in: ['pending', 'deferred'] } } });
      if (open === 0) {
        await this.settled(id);
        continue;
      }
      const live = await this.d.db.job.count({
        where: { key: { startsWith: runPrefix(id) }, state: { in: ['pending', 'running'] }, kind: { in: [TELEGRAM_KIND, WHATSAPP_KIND] } },
      });
      if (live > 0) continue;
      this.d.logger.warn({ broadcast: id, open }, 'broadcast had recipients waiting but no delivery jobs; queueing them again');
      await this.enqueue(id);
      requeued += 1;
    }
    return { unknown, requeued };
  }

  /** The start job: the broadcast begins sending (now, or at its scheduled time). */
  private async start(id: string): Promise<string> {
    const now = this.d.clock();
    const moved = await this.d.db.broadcast.updateMany({ where: { id, state: 'scheduled' }, data: { state: 'sending', startedAt: now } });
    if (moved.count !== 1) return 'not scheduled (cancelled or already started)';
    const queued = await this.enqueue(id);
    if (queued === 0) await this.settled(id);
    return `queued ${queued}`;
  }

  /** Queues one delivery job per waiting recipient, in a new generation (earlier runs' jobs are cancelled). */
  private async enqueue(id: string): Promise<number> {
    await this.d.jobs.cancelWhere({ keyPrefix: runPrefix(id) });
    const { generation } = await this.d.db.broadcast.update({
      where: { id },
      data: { generation: { increment: 1 } },
      select: { generation: true },
    });
    const waiting = await this.d.db.broadcastRecipient.findMany({
      where: { broadcastId: id, status: { in: ['pending', 'deferred'] } },
      select: { id: true, channel: true },
      orderBy: { id: 'asc' },
    });
    const b = await this.d.db.broadcast.findUniqueOrThrow({ where: { id }, select: { text: true, documentName: true } });
    const perRecipient = announcementParts(b.text, 'telegram', this.d.t).length + (b.documentName ? 1 : 0);
    const batch = telegramBatchSize(this.d.telegramPerSecond, perRecipient);
    const telegram = waiting.filter((r) => r.channel !== 'whatsapp').map((r) => r.id);
    const batches: Array<{ kind: string; ids: string[] }> = [];
    for (let i = 0; i < telegram.length; i += batch) batches.push({ kind: TELEGRAM_KIND, ids: telegram.slice(i, i + batch) });
    // WhatsApp goes one by one: its lane spaces every message on its own.
    for (const r of waiting.filter((w) => w.channel === 'whatsapp')) batches.push({ kind: WHATSAPP_KIND, ids: [r.id] });
    const runAt = this.d.clock();
    await this.d.jobs.scheduleMany(
      batches.map((group) => ({
        kind: group.kind,
        key: deliveryKey(id, generation, group.ids[0]!),
        runAt,
        payload: { broadcastId: id, recipientIds: group.ids },
      })),
    );
    return waiting.length;
  }

  /** A recipient reached a final status: when none is left open, the broadcast is done (told once). */
  private async settled(id: string): Promise<void> {
    const open = await this.d.db.broadcastRecipient.count({ where: { broadcastId: id, status: { in: OPEN_STATUSES } } });
    if (open > 0) return;
    const done = await this.d.db.broadcast.updateMany({
      where: { id, state: 'sending' },
      data: { state: 'done', finishedAt: this.d.clock() },
    });
    if (done.count !== 1) return;
    this.d.logger.info({ broadcast: id }, 'broadcast finished');
    await this.announceFinished(id);
  }

  private async announceFinished(id: string): Promise<void> {
    if (!this.onFinished) return;
    try {
      const summary = await this.get(id);
      if (summary) await this.onFinished(summary);
    } catch (error) {
      this.d.logger.error({ err: error, broadcast: id }, 'could not report a finished broadcast to its creator');
    }
  }

  /** `undefined`: no limit (the shell, an admin); a coordinator's scopes; anyone else may not broadcast. */
  private async scopesOf(userId: string | null): Promise<Scope[] | undefined> {
    if (userId === null) return undefined;
    const user = await this.d.db.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (user?.role === 'admin') return undefined;
    if (user?.role !== 'coordinator') throw new BroadcastError('out_of_scope', 'only coordinators and admins send announcements');
    return this.d.scopes.list(userId);
  }

  /** A coordinator naming a region or OPD outside their scopes is refused rather than silently narrowed. */
  private checkAudienceInScope(scopes: readonly Scope[] | undefined, audience: Audience): void {
    if (scopes === undefined) return;
    for (const regionKey of audience.regionKeys ?? []) {
      if (!scopes.some((s) => s.regionKey === regionKey))
        throw new BroadcastError('out_of_scope', `region ${regionKey} is outside the sender's scope`);
    }
    for (const key of audience.opds ?? []) {
      const slash = key.indexOf('/');
      if (slash < 0 || !scopes.some((s) => covers(s, key.slice(0, slash), key.slice(slash + 1)))) {
        throw new BroadcastError('out_of_scope', `OPD ${key} is outside the sender's scope`);
      }
    }
  }

  /** The shell, an admin, or the broadcast's creator. */
  private async allowed(id: string, byUserId: string | null): Promise<void> {
    const b = await this.d.db.broadcast.findUnique({ where: { id }, select: { createdById: true } });
    if (!b) throw new BroadcastError('not_found', `no broadcast ${id}`);
    if (byUserId === null || b.createdById === byUserId) return;
    const user = await this.d.db.user.findUnique({ where: { id: byUserId }, select: { role: true } });
    if (user?.role !== 'admin') throw new BroadcastError('out_of_scope', `broadcast ${id} belongs to someone else`);
  }
}
