import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import { Jobs } from './jobs.js';

/** The job layer as configured (JOBS_POLL_MS, JOBS_CONCURRENCY, REDIS_URL, REDIS_PREFIX); used by the app and the CLI. */
export function createJobs(config: Config, db: Db, logger: Logger, clock?: () => Date): Jobs {
  return new Jobs({
    db,
    logger,
    ...(clock ? { clock } : {}),
    pollMs: config.jobs.pollMs,
    concurrency: config.jobs.concurrency,
    ...(config.jobs.redisUrl
      ? { redis: { url: config.jobs.redisUrl, prefix: config.jobs.redisPrefix, takeoverMs: config.jobs.takeoverMs } }
      : {}),
  });
}
