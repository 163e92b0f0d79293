import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingsSwitch {
  /** Use as OPENAI_BASE_URL. */
  baseURL: string;
  /** While true, every embeddings request fails with 503; chat requests still reach the fake. */
  down: boolean;
  /** Embeddings requests refused while down. */
  refused: number;
  close(): Promise<void>;
}

/**
 * Sits in front of the fake OpenAI server (tests/support/fake-openai.ts, whose failNext only fails chat)
 * and can take the embeddings endpoint down on its own: an embeddings outage with a working chat model.
 */
export async function startEmbeddingsSwitch(upstream: string): Promise<EmbeddingsSwitch> {
  const state: EmbeddingsSwitch = { baseURL: '', down: false, refused: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (state.down && req.url?.endsWith('/embeddings')) {
        state.refused += 1;
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'embeddings unavailable', type: 'server_error' } }));
        return;
      }
      const path = (req.url ?? '').replace(/^\/v1/, '');
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
      fetch(`${upstream}${path}`, { method: req.method, headers: { 'content-type': 'application/json' }, body })
        .then(async (upstreamRes) => {
          res.writeHead(upstreamRes.status, { 'content-type': upstreamRes.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await upstreamRes.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(502);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.baseURL = `http://127.0.0.1:${port}/v1`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
