import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { PanduMetrics } from './metrics.js';
import type { Readiness } from './readiness.js';

/** Answers the operator endpoints; false when the request is not one of them (the caller answers it). */
export type OpsRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface OpsRoutesDeps {
  metrics: PanduMetrics;
  readiness: () => Promise<Readiness>;
  logger: Logger;
}

/**
 * GET /healthz (the process answers), /readyz (200 or 503 with what is wrong, as JSON) and /metrics
 * (Prometheus text). Shared by the standalone server and Telegram's webhook server.
 */
export function opsRoutes(deps: OpsRoutesDeps): OpsRoutes {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const answer = (produce: () => Promise<{ status: number; type: string; body: string }>) => {
      produce()
        .then(({ status, type, body }) => {
          res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
          res.end(req.method === 'HEAD' ? undefined : body);
        })
        .catch((error: unknown) => {
          deps.logger.error({ err: error, path }, 'operator endpoint failed');
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'internal error' }));
        });
      return true;
    };
    switch (path) {
      case '/healthz':
        return answer(async () => ({ status: 200, type: 'application/json', body: JSON.stringify({ status: 'ok' }) }));
      case '/readyz':
        return answer(async () => {
          const readiness = await deps.readiness();
          return { status: readiness.ready ? 200 : 503, type: 'application/json', body: JSON.stringify(readiness) };
        });
      case '/metrics':
        return answer(async () => {
          const { contentType, body } = await deps.metrics.render();
          return { status: 200, type: contentType, body };
        });
      default:
        return false;
    }
  };
}
