import { BotError, GrammyError, HttpError, type Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { telegramErrScrubbing } from '../../../src/channels/telegram/fault.js';
import { scrubbingChild } from '../../../src/logger.js';
import { capturingLogger } from '../../support/log-lines.js';

const token = '123:SECRET';

function telegramLog() {
  const captured = capturingLogger();
  return { ...captured, log: scrubbingChild(captured.logger, { channel: 'telegram' }, telegramErrScrubbing(token)) };
}

describe("Telegram's error log", () => {
  it('keeps what is needed to act on a Telegram error (code, method, retry_after) and the stack', () => {
    const { log, lines } = telegramLog();
    const error = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } },
      'sendMessage',
      { chat_id: 1, text: 'isi pesan pribadi' },
    );
    log.error({ err: error }, 'telegram update failed');
    const entry = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({ type: 'GrammyError', error_code: 429, method: 'sendMessage', parameters: { retry_after: 7 } });
    expect(String(entry.err.stack)).toContain('fault.test.ts');
    // The payload holds the person's message (or a whole document): never logged.
    expect(lines[0]).not.toContain('isi pesan pribadi');
  });

  it('never lets the token into a log line, from a message, a stack or a wrapped cause', () => {
    const { log, text } = telegramLog();
    const network = new HttpError(
      `Network request for 'getFile' failed! https://api.telegram.org/bot${token}/getFile`,
      new Error(`ECONNRESET bot${token}`),
    );
    log.warn({ err: network }, 'download failed');
    log.error({ err: new Error(`GET /file/bot${token}/x failed`, { cause: new Error(`at /bot${token}/`) }) }, 'x');
    expect(text()).toContain('Network request for');
    expect(text()).toContain('[token]');
    expect(text()).not.toContain('SECRET');
  });

  it("logs the error inside grammY's BotError, not the update context around it", () => {
    const { log, lines } = telegramLog();
    const ctx = { update: { update_id: 7, message: { text: 'rahasia' } }, api: { token } } as unknown as Context;
    log.error({ err: new BotError(new Error('boom'), ctx) }, 'telegram update failed');
    const entry = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({ type: 'Error', message: 'boom' });
    expect(lines[0]).not.toContain('rahasia');
    expect(lines[0]).not.toContain('SECRET');
  });
});
