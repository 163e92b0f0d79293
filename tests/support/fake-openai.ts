import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  body: Record<string, unknown>;
}

export interface FakeOpenAi {
  /** e.g. http://127.0.0.1:PORT/v1 — use as OPENAI_BASE_URL. */
  baseURL: string;
  requests: RecordedRequest[];
  /** What the next chat completions return; a function sees the request body. */
  reply: string | ((body: Record<string, unknown>) => string);
  /** Make the next N chat requests fail with this HTTP status (e.g. 500, 429). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for an OpenAI-compatible server (chat completions, streaming and embeddings), so
 * @langchain/openai runs unchanged in tests without any network.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  let failures = 0;
  let failStatus = 500;
  const state: FakeOpenAi = {
    baseURL: '',
    requests,
    reply: 'Jawaban uji [1].',
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.url?.endsWith('/chat/completions')) {
        if (failures > 0) {
          failures -= 1;
          return send(failStatus, { error: { message: 'fake failure', type: 'server_error' } });
        }
        const content = typeof state.reply === 'function' ? state.reply(body) : state.reply;
        if (body.stream) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const chunk = (delta: Record<string, unknown>, finish: string | null) =>
            `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: String(body.model), choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
          res.write(chunk({ role: 'assistant', content }, null));
          res.write(chunk({}, 'stop'));
          res.end('data: [DONE]\n\n');
          return;
        }
        return send(200, {
          id: 'c1',
          object: 'chat.completion',
          created: 0,
          model: String(body.model),
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      }
      if (req.url?.endsWith('/embeddings')) {
        const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        const dims = typeof body.dimensions === 'number' ? body.dimensions : 16;
        const data = inputs.map((text, index) => {
          const v = fakeVector(text, dims);
          const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
          return { object: 'embedding', index, embedding };
        });
        return send(200, { object: 'list', data, model: String(body.model), usage: { prompt_tokens: 1, total_tokens: 1 } });
      }
      send(404, { error: { message: `no route ${req.url}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.baseURL = `http://127.0.0.1:${port}/v1`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A deterministic vector from the text's characters: similar texts get similar vectors. */
function fakeVector(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (let i = 0; i < text.length; i += 1) v[text.charCodeAt(i) % dims]! += 1;
  const norm = Math.sqrt(v.reduce((a, b) => a + b * b, 0)) || 1;
  return v.map((x) => x / norm);
}
