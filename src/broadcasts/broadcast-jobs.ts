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
 * Telegram's lane: at most `perSecond` deliveries started per second over every instance (BullMQ's limiter
 * on Redis, the in-process gate on SQLite), with room for multi-part announcements that wait between parts.
 */
export function telegramLane(perSecond: number): JobLane {
  const limiter = perSecond >= 1 ? { max: Math.floor(perSecond), duration: 1000 } : { max: 1, duration: Math.round(1000 / perSecond) };
  return { name: 'broadcast-telegram', concurrency: Math.max(4, limiter.max * 2), limiter };
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
    describe: (payload: z.infer<typeof DeliveryPayloadSchema>) => ({ broadcast: payload.broadcastId, recipient: payload.recipientId }),
  };
  jobs.register({ kind: TELEGRAM_KIND, lane: telegramLane(h.telegramPerSecond), ...deliver });
  jobs.register({ kind: WHATSAPP_KIND, lane: WHATSAPP_LANE, ...deliver });
}
