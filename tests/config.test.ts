import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const root = '/srv/pandu';

/** The message loadConfig fails with, or "ok". */
function failureOf(env: Record<string, string>): string {
  try {
    loadConfig(env, root);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('loadConfig', () => {
  it('defaults to ./data, a SQLite file under it, the shipped knowledge/ and no LLM or channels', () => {
    const config = loadConfig({}, root);
    expect(config.dataDir).toBe(path.join(root, 'data'));
    expect(config.databaseUrl).toBe(`file:${path.join(root, 'data', 'pandu.db')}`);
    expect(config.knowledgeDir).toBe(path.join(root, 'knowledge'));
    expect(config.prismaDir).toBe(path.join(root, 'prisma'));
    expect(config.promptsDir).toBe(path.join(root, 'prompts'));
    expect(config.logLevel).toBe('info');
    expect(config.kb).toEqual({
      maxFileBytes: 20 * 1024 * 1024,
      maxUnpackedBytes: 100 * 1024 * 1024,
      maxTextChars: 3_000_000,
      maxPdfPages: 2000,
      pdfTimeoutMs: 60_000,
      minConfidence: undefined,
      gaps: { retentionDays: 90, lowConfidence: 0.6 },
    });
    expect(config.terminalUser).toBe('terminal');
    expect(config.llm).toBeUndefined();
    expect(config.embeddings).toBeUndefined();
    expect(config.telegram).toBeUndefined();
    expect(config.whatsapp).toBeUndefined();
  });

  it('puts the SQLite file under a custom DATA_DIR, unless DATABASE_URL names another database', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/pandu' }, root).databaseUrl).toBe('file:/var/lib/pandu/pandu.db');
    expect(loadConfig({ DATA_DIR: 'lokal' }, root).dataDir).toBe(path.join(root, 'lokal'));
    const pgUrl = 'postgresql://pandu@db:5432/pandu';
    expect(loadConfig({ DATABASE_URL: pgUrl }, root).databaseUrl).toBe(pgUrl);
    expect(loadConfig({ DATABASE_URL: '  ' }, root).databaseUrl).toBe(`file:${path.join(root, 'data', 'pandu.db')}`);
  });

  it.each([
    ['LOG_LEVEL', 'verbose'],
    ['KB_MAX_FILE_MB', 'dua puluh'],
    ['KB_MAX_FILE_MB', '-1'],
    ['KB_MAX_UNPACKED_MB', '0'],
    ['KB_MAX_TEXT_CHARS', '1.5'],
    ['KB_MAX_PDF_PAGES', 'banyak'],
    ['KB_PDF_TIMEOUT_SECONDS', '-5'],
    ['RETRIEVAL_MIN_CONFIDENCE', '1.5'],
    ['LLM_TIMEOUT_MS', '0'],
    ['OPENAI_BASE_URL', 'bukan-url'],
    ['TELEGRAM_WEBHOOK_URL', 'bukan-url'],
    ['WHATSAPP_ENABLED', 'mungkin'],
  ])('fails with the name of a bad variable (%s=%s)', (name, value) => {
    const message = failureOf({ [name]: value });
    expect(message).toMatch(/^Invalid environment:/);
    expect(message).toContain(`${name}:`);
  });

  it('names every bad variable at once', () => {
    const message = failureOf({ LOG_LEVEL: 'x', KB_MAX_FILE_MB: 'y' });
    expect(message).toContain('LOG_LEVEL:');
    expect(message).toContain('KB_MAX_FILE_MB:');
  });

  it('keeps 7 backups in DATA_DIR/backups and limits a person to 20 messages a minute, unless told otherwise', () => {
    const defaults = loadConfig({ DATA_DIR: '/srv/pandu' }, root);
    expect(defaults.backups).toEqual({ dir: '/srv/pandu/backups', keep: 7 });
    expect(defaults.rateLimitPerMinute).toBe(20);
    const set = loadConfig({ BACKUP_KEEP: '3', RATE_LIMIT_PER_MINUTE: '0' }, root);
    expect([set.backups.keep, set.rateLimitPerMinute]).toEqual([3, 0]);
    expect(failureOf({ BACKUP_KEEP: '0' })).toContain('BACKUP_KEEP:');
    expect(failureOf({ RATE_LIMIT_PER_MINUTE: '-1' })).toContain('RATE_LIMIT_PER_MINUTE:');
  });

  it('reads the knowledge-base limits', () => {
    const config = loadConfig(
      {
        KB_MAX_FILE_MB: '1.5',
        KB_MAX_UNPACKED_MB: '50',
        KB_MAX_TEXT_CHARS: '500000',
        KB_MAX_PDF_PAGES: '300',
        KB_PDF_TIMEOUT_SECONDS: '2.5',
        RETRIEVAL_MIN_CONFIDENCE: '0.6',
        KB_GAP_RETENTION_DAYS: '30',
        KB_GAP_LOW_CONFIDENCE: '0.7',
      },
      root,
    );
    expect(config.kb).toEqual({
      maxFileBytes: Math.round(1.5 * 1024 * 1024),
      maxUnpackedBytes: 50 * 1024 * 1024,
      maxTextChars: 500_000,
      maxPdfPages: 300,
      pdfTimeoutMs: 2500,
      minConfidence: 0.6,
      gaps: { retentionDays: 30, lowConfidence: 0.7 },
    });
  });

  it('refuses a knowledge-gap retention that is not a whole number of days, or a confidence outside 0..1', () => {
    expect(() => loadConfig({ KB_GAP_RETENTION_DAYS: '0' }, root)).toThrow(/KB_GAP_RETENTION_DAYS/);
    expect(() => loadConfig({ KB_GAP_RETENTION_DAYS: '7.5' }, root)).toThrow(/KB_GAP_RETENTION_DAYS/);
    expect(() => loadConfig({ KB_GAP_LOW_CONFIDENCE: '1.5' }, root)).toThrow(/KB_GAP_LOW_CONFIDENCE/);
  });

  it('reads the progress-report attachment limits (10 MB and 10 files unless set), refusing nonsense', () => {
    expect(loadConfig({}, root).reports).toEqual({ maxFileBytes: 10 * 1024 * 1024, maxFiles: 10 });
    expect(loadConfig({ REPORT_MAX_FILE_MB: '2.5', REPORT_MAX_FILES: '3' }, root).reports).toEqual({
      maxFileBytes: 2.5 * 1024 * 1024,
      maxFiles: 3,
    });
    expect(() => loadConfig({ REPORT_MAX_FILES: '1.5' }, root)).toThrow(/REPORT_MAX_FILES/);
  });

  it('enables the LLM with an API key, using the default model', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-uji' }, root).llm).toEqual({
      apiKey: 'sk-uji',
      baseURL: undefined,
      model: 'gpt-4o-mini',
      timeoutMs: 30_000,
    });
  });

  it('enables the LLM with OPENAI_BASE_URL alone, for Ollama-style servers that need no key', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5:7b', LLM_TIMEOUT_MS: '60000' }, root);
    expect(config.llm).toEqual({ apiKey: 'not-needed', baseURL: 'http://localhost:11434/v1', model: 'qwen2.5:7b', timeoutMs: 60_000 });
    expect(config.embeddings).toBeUndefined();
  });

  it('treats empty OpenAI variables as unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }, root).llm).toBeUndefined();
  });

  it('uses embeddings from the same server only when an embedding model is named', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_EMBEDDING_MODEL: 'nomic-embed-text' }, root);
    expect(config.embeddings).toEqual({
      apiKey: 'not-needed',
      baseURL: 'http://localhost:11434/v1',
      model: 'nomic-embed-text',
      timeoutMs: 30_000,
    });
    expect(loadConfig({ OPENAI_EMBEDDING_MODEL: 'nomic-embed-text' }, root).embeddings).toBeUndefined();
  });

  it('polls Telegram with a token alone, and uses a webhook when its URL is set', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }, root).telegram).toEqual({ token: '123:abc', apiRoot: undefined });
    const config = loadConfig(
      {
        TELEGRAM_BOT_TOKEN: '123:abc',
        TELEGRAM_WEBHOOK_URL: 'https://pandu.example.go.id/tg',
        TELEGRAM_WEBHOOK_SECRET: 'rahasia',
        TELEGRAM_WEBHOOK_PORT: '8443',
      },
      root,
    );
    expect(config.telegram?.webhook).toEqual({ url: 'https://pandu.example.go.id/tg', secret: 'rahasia', port: 8443 });
    expect(
      loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://pandu.example.go.id/tg' }, root).telegram?.webhook?.port,
    ).toBe(8080);
  });

  it('refuses at start a webhook Telegram would refuse (plain HTTP, another port, a secret with other characters), unless a self-hosted Bot API serves it', () => {
    const webhook = (env: Record<string, string>) => () => loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', ...env }, root);
    expect(webhook({ TELEGRAM_WEBHOOK_URL: 'http://pandu.example.go.id/tg' })).toThrow(
      /TELEGRAM_WEBHOOK_URL: Telegram calls HTTPS webhooks only \(got http\)/,
    );
    expect(webhook({ TELEGRAM_WEBHOOK_URL: 'https://pandu.example.go.id:8080/tg' })).toThrow(/ports 443, 80, 88 or 8443 only \(got 8080\)/);
    expect(webhook({ TELEGRAM_WEBHOOK_URL: 'https://pandu.example.go.id/tg', TELEGRAM_WEBHOOK_SECRET: 'rahasia pandu!' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET: Telegram accepts 1 to 256 characters/,
    );
    for (const url of ['https://pandu.example.go.id/tg', 'https://pandu.example.go.id:8443/tg', 'https://pandu.example.go.id:88/tg']) {
      expect(webhook({ TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: 'Rahasia_Pandu-2026' })().telegram?.webhook?.url).toBe(url);
    }
    const local = webhook({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081', TELEGRAM_WEBHOOK_URL: 'http://10.0.0.5:8080/tg' })();
    expect(local.telegram?.webhook?.url).toBe('http://10.0.0.5:8080/tg');
  });

  it('ignores webhook settings without a bot token', () => {
    expect(loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://pandu.example.go.id/tg' }, root).telegram).toBeUndefined();
  });

  it('enables WhatsApp with a truthy flag, keeping its session under DATA_DIR', () => {
    for (const flag of ['true', '1', 'yes']) {
      expect(loadConfig({ WHATSAPP_ENABLED: flag }, root).whatsapp).toEqual({
        chromiumPath: '/usr/bin/chromium',
        minGapMs: 1500,
        authDir: path.join(root, 'data', 'whatsapp'),
      });
    }
    for (const flag of ['false', '0', 'no', '']) expect(loadConfig({ WHATSAPP_ENABLED: flag }, root).whatsapp).toBeUndefined();
  });
});

describe('empty variables, as .env.example lists them', () => {
  it('count as not set, so every default applies', () => {
    const config = loadConfig(
      {
        DATA_DIR: '',
        RETRIEVAL_MIN_CONFIDENCE: '',
        KB_MAX_FILE_MB: '',
        LLM_TIMEOUT_MS: '',
        TELEGRAM_WEBHOOK_PORT: '',
        LOG_LEVEL: '',
        OPENAI_BASE_URL: '',
        BACKUP_KEEP: '',
        RATE_LIMIT_PER_MINUTE: '',
      },
      '/srv/pandu',
    );
    expect(config.dataDir).toBe('/srv/pandu/data');
    expect(config.kb.minConfidence).toBeUndefined();
    expect(config.kb.maxFileBytes).toBe(20 * 1024 * 1024);
    expect(config.logLevel).toBe('info');
    expect(config.llm).toBeUndefined();
    expect([config.backups.keep, config.rateLimitPerMinute]).toEqual([7, 20]);
  });
});
