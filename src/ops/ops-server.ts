import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsRoutes } from './ops-routes.js';

export interface RunningOpsServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * The standalone health and metrics server (HTTP_PORT on HTTP_HOST, 127.0.0.1 by default, so only the
 * machine itself and a local Prometheus reach it). Not used when Telegram's webhook server carries the routes.
 */
export async function startOpsServer(routes: OpsRoutes, port: number, host: string): Promise<RunningOpsServer> {
  const server = http.createServer((req, res) => {
    if (!routes(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
