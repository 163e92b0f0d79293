import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SilentServer {
  /** Use as a model endpoint's baseURL. */
  baseURL: string;
  /** Requests received (each one left unanswered). */
  requests: number;
  close(): Promise<void>;
}

/** An endpoint that accepts requests and never answers: a model server that hangs. */
export async function startSilentServer(): Promise<SilentServer> {
  const state: SilentServer = { baseURL: '', requests: 0, close: async () => undefined };
  const server = http.createServer(() => {
    state.requests += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.baseURL = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
