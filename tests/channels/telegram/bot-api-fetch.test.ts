import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { botApiFetch } from '../../../src/channels/telegram/bot-api-fetch.js';

interface Received {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local HTTP server answering each request with `answer`, recording what arrived and how many connections. */
async function server(answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const received: Received[] = [];
  let connections = 0;
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', headers: req.headers, body });
      answer(req, res, body);
    });
  });
  srv.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/bot123:abc/sendMessage`;
  const close = () =>
    new Promise<void>((resolve) => {
      srv.closeAllConnections();
      srv.close(() => resolve());
    });
  opened.push(close);
  return { url, received, connections: () => connections, close };
}

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

const json = (res: http.ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

describe('botApiFetch', () => {
  it('sends a JSON call whole, with its length, and reads the JSON answer', async () => {
    const s = await server((_req, res, body) => json(res, 200, { ok: true, result: { echoed: JSON.parse(body) } }));
    const payload = JSON.stringify({ chat_id: 7, text: 'Apa itu inovasi daerah? — “kutipan” ✓' });
    const res = await botApiFetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, result: { echoed: JSON.parse(payload) } });
    const [got] = s.received;
    expect(got!.method).toBe('POST');
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['content-length']).toBe(String(Buffer.byteLength(payload)));
    expect(got!.headers['transfer-encoding']).toBeUndefined();
    expect(got!.body).toBe(payload);
  });

  it("reads Telegram's error answers (not 2xx) with their status, so grammY can report them", async () => {
    const s = await server((_req, res) => json(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }));
    const res = await botApiFetch(s.url, { method: 'POST', body: '{}' });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(400);
    expect(res.statusText).toBe('Bad Request');
    expect(await res.json()).toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
  });

  it('fails to read an HTML error page as JSON (a proxy in front of a broken Bot API)', async () => {
    const s = await server((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
    });
    const res = await botApiFetch(s.url, { method: 'POST', body: '{}' });
    expect(res.status).toBe(502);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('pipes an upload stream, chunk by chunk, and it arrives whole', async () => {
    const s = await server((_req, res) => json(res, 200, { ok: true, result: true }));
    const parts = ['--b\r\n', 'content-disposition: form-data; name="document"\r\n\r\n', 'x'.repeat(200_000), '\r\n--b--\r\n'];
    const res = await botApiFetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      body: Readable.from(parts.map((p) => Buffer.from(p))),
    });
    expect(res.ok).toBe(true);
    expect(s.received[0]!.body).toBe(parts.join(''));
    expect(s.received[0]!.headers['transfer-encoding']).toBe('chunked');
  });

  it('fails when the upload stream fails (a file that cannot be read)', async () => {
    const s = await server((_req, res) => json(res, 200, { ok: true, result: true }));
    const failing = new Readable({
      read() {
        this.destroy(new Error('EIO: the file could not be read'));
      },
    });
    await expect(botApiFetch(s.url, { method: 'POST', body: failing })).rejects.toThrow(/EIO|aborted|socket hang up/);
  });

  it('gives up when its signal is aborted while the Bot API hangs', async () => {
    const s = await server(() => undefined);
    const controller = new AbortController();
    const pending = botApiFetch(s.url, { method: 'POST', body: '{}', signal: controller.signal });
    while (s.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails, rather than returning part of it, when the answer is cut short', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":true,"res');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await expect(botApiFetch(s.url, { method: 'POST', body: '{}' })).rejects.toThrow(/cut short|aborted/);
  });

  it('fails with the network error when nothing listens', async () => {
    const s = await server(() => undefined);
    await s.close();
    await expect(botApiFetch(s.url, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('sends every call over the keep-alive agent it is given: one connection for many calls', async () => {
    const s = await server((_req, res) => json(res, 200, { ok: true, result: true }));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 5; i += 1) {
        const res = await botApiFetch(s.url, { method: 'POST', body: `{"n":${i}}`, agent });
        expect(await res.json()).toEqual({ ok: true, result: true });
      }
      expect(s.received.map((r) => r.body)).toEqual([0, 1, 2, 3, 4].map((n) => `{"n":${n}}`));
      expect(s.connections()).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});
