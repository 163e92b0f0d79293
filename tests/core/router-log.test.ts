import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger.js';
import { startClockedApp, type ClockedApp } from './support/clocked-app.js';

describe("the router's log lines", () => {
  const lines: Array<Record<string, unknown>> = [];
  let test: ClockedApp;
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    test = await startClockedApp(undefined, {}, { logger: logger as unknown as Logger });
  });
  afterAll(() => test.close());

  it("name a message's channel and user id, never the sender id, on every line about it", async () => {
    lines.length = 0;
    await test.send('whatsapp:6281234567890', 'apa itu inovasi daerah?', { messageId: 'log-1' });
    await test.send('whatsapp:6281234567890', 'apa itu inovasi daerah?', { messageId: 'log-1' });
    const answered = lines.find((l) => l.msg === 'question answered');
    expect(answered).toMatchObject({ channel: 'whatsapp', user: expect.any(String) });
    expect(lines.find((l) => l.msg === 'duplicate message ignored')).toMatchObject({ channel: 'whatsapp' });
    expect(JSON.stringify(lines)).not.toContain('6281234567890');
  });
});
