import type * as Flexible from 'rate-limiter-flexible';
import PrismaStore from 'rate-limiter-flexible/lib/RateLimiterPrisma.js';
import Res from 'rate-limiter-flexible/lib/RateLimiterRes.js';

// The two classes Pandu uses, from their own files: the package's index loads every store it ships
// (Redis, Mongo, DynamoDB, Etcd, ...), about 9 MB of the bot's idle memory for nothing.
export const RateLimiterPrisma = PrismaStore;
export const RateLimiterRes = Res;
export type RateLimiterRes = Flexible.RateLimiterRes;
