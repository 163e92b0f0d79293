import { z } from 'zod';
import type { JobLane } from '../jobs/job-kind.js';
import type { Jobs } from '../jobs/jobs.js';
import { DeliveryPayloadSchema, type BroadcastDelivery } from './delivery.js';

export const START_KIND = 'broadcast.start';
export const TELEGRAM_KIND = 'broadcast.telegram';
export const WHATSAPP_KIND = 'broadcast.whatsapp';

export const StartPayloadSchema = z.object({ broadcastId: z.string().min(1) });

/** Job keys: every job of a broadcast starts with `broadcast:<id>:`; a delivery run's with `…:g<generation>:`. */
export const startKey = (broadcastId: string): string => `broadcast:${broadcastId}:start`;
export const runPrefix = (broadcastId: string): string => `broadcast:${broadcastId}:g`;
export const deliveryKey = (broadcastId: string, generation: number, recipientId: string): string =>
  `${runPrefix(broadcastId)}${generation}:${recipientId}`;

/**
 * Telegram's lane: one delivery job (a second's worth of messages, see `telegramBatchSize`) started per
 * second over every instance (BullMQ's limiter on Redis, the in-process gate on SQLite); the job spreads
 * its messages over that second. Two may overlap while the last sends of one finish.
 */
export function telegramLane(perSecond: number): JobLane {
  // Batches may start a little sooner than their second runs out (LIMITER_HEADROOM), so the time a batch
  // needs to load its recipients does not leave gaps; each instance's send slots keep the exact pace.
  const duration = Math.round((perSecond >= 1 ? 1000 : 1000 / perSecond) * LIMITER_HEADROOM);
  return { name: 'broadcast-telegram', concurrency: 2, limiter: { max: 1, duration } };
}

/** Across instances the pace may reach perSecond / LIMITER_HEADROOM (27.8/s at the default 25), under Telegram's 30. */
const LIMITER_HEADROOM = 0.9;

/** Recipients per Telegram job: one second's worth of messages at the configured pace (a long announcement counts each part). */
export function telegramBatchSize(perSecond: number, messagesPerRecipient: number): number {
  return Math.max(1, Math.floor(perSecond / Math.max(1, messagesPerRecipient)));
}

/** WhatsApp's lane: one delivery at a time; the gap and the daily cap are the WhatsAppLane's. */
export const WHATSAPP_LANE: JobLane = { name: 'broadcast-whatsapp', concurrency: 1 };

export interface BroadcastJobHandlers {
  start(broadcastId: string): Promise<string>;
  delivery: BroadcastDelivery;
  telegramPerSecond: number;
}

/**
 * The job kinds of announcements. A delivery that crashed is run again (`retry`): the recipient row's claim,
 * not the job, decides whether anything is sent, and a row found mid-send becomes `unknown` there.
 */
export function registerBroadcastJobs(jobs: Jobs, h: BroadcastJobHandlers): void {
  jobs.register({
    kind: START_KIND,
    payload: StartPayloadSchema,
    onCrash: 'retry',
    run: (payload) => h.start(payload.broadcastId),
    describe: (payload) => ({ broadcast: payload.broadcastId }),
  });
  const deliver = {
    payload: DeliveryPayloadSchema,
    onCrash: 'retry' as const,
    maxAttempts: 8,
    backoff: { baseMs: 5_000, maxMs: 10 * 60_000 },
    run: (payload: z.infer<typeof DeliveryPayloadSchema>, ctx: Parameters<BroadcastDelivery['deliver']>[1]) =>
      h.delivery.deliver(payload, ctx),
    describe: (payload: z.infer<typeof DeliveryPayloadSchema>) => ({
      broadcast: payload.broadcastId,
      recipients: payload.recipientIds.length,
    }),
  };
  jobs.register({ kind: TELEGRAM_KIND, lane: telegramLane(h.telegramPerSecond), ...deliver });
  jobs.register({ kind: WHATSAPP_KIND, lane: WHATSAPP_LANE, ...deliver });
}
