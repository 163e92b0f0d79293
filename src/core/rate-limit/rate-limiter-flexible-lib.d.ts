// Types for the two files of rate-limiter-flexible that Pandu imports directly (see limiter-library.ts).
declare module 'rate-limiter-flexible/lib/RateLimiterPrisma.js' {
  import type { RateLimiterPrisma } from 'rate-limiter-flexible';
  const PrismaStore: typeof RateLimiterPrisma;
  export default PrismaStore;
}

declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  import type { RateLimiterRes } from 'rate-limiter-flexible';
  const Res: typeof RateLimiterRes;
  export default Res;
}
