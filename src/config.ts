import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_INGEST_LIMITS } from './knowledge/ingest/limits.js';

const MB = 1024 * 1024;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/**
 * Every environment variable Pandu reads (documented in .env.example and the README). Parsed once at
 * start-up so a bad value fails loudly with its name instead of misbehaving later.
 */
const EnvSchema = z.object({
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString,
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),

  KB_MAX_FILE_MB: z.coerce.number().positive().default(20),
  KB_MAX_UNPACKED_MB: z.coerce
    .number()
    .positive()
    .default(DEFAULT_INGEST_LIMITS.maxUnpackedBytes / MB),
  KB_MAX_TEXT_CHARS: z.coerce.number().int().positive().default(DEFAULT_INGEST_LIMITS.maxTextChars),
  KB_MAX_PDF_PAGES: z.coerce.number().int().positive().default(DEFAULT_INGEST_LIMITS.maxPdfPages),
  KB_PDF_TIMEOUT_SECONDS: z.coerce
    .number()
    .positive()
    .default(DEFAULT_INGEST_LIMITS.pdfTimeoutMs / 1000),
  RETRIEVAL_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).optional(),
  KB_GAP_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  KB_GAP_LOW_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6),

  REPORT_MAX_FILE_MB: z.coerce.number().positive().default(10),
  REPORT_MAX_FILES: z.coerce.number().int().positive().default(10),

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString.pipe(z.url().optional()),
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().positive().default(8080),

  WHATSAPP_ENABLED: bool,
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  WHATSAPP_MIN_GAP_MS: z.coerce.number().int().min(0).default(1500),

  TERMINAL_USER: z.string().default('terminal'),

  ADMIN_TELEGRAM_IDS: optionalString,
  ADMIN_WHATSAPP_NUMBERS: optionalString,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  REMINDER_ESCALATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  REMINDER_MAX_LATENESS_HOURS: z.coerce.number().positive().default(48),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .default('pandu'),
  BROADCAST_TELEGRAM_PER_SECOND: z.coerce.number().positive().max(30).default(25),
  BROADCAST_WHATSAPP_MIN_GAP_SECONDS: z.coerce.number().min(0).default(8),
  BROADCAST_WHATSAPP_MAX_GAP_SECONDS: z.coerce.number().min(0).default(20),
  BROADCAST_WHATSAPP_DAILY_CAP: z.coerce.number().int().min(1).default(200),
  JOBS_POLL_MS: z.coerce.number().int().positive().default(15_000),
  JOBS_CONCURRENCY: z.coerce.number().int().positive().default(4),
  JOBS_TAKEOVER_SECONDS: z.coerce.number().min(1).max(600).default(30),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),

  RETENTION_MESSAGE_IDS_DAYS: z.coerce.number().positive().default(7),
  RETENTION_SESSION_DAYS: z.coerce.number().positive().default(30),
  RETENTION_CODES_DAYS: z.coerce.number().positive().default(30),
  RETENTION_JOBS_DAYS: z.coerce.number().positive().default(90),
  RETENTION_AUDIT_DAYS: z.coerce.number().positive().default(730),

  ALERT_CHANNEL_DOWN_MINUTES: z.coerce.number().positive().default(10),
  ALERT_REMINDERS_LATE_MINUTES: z.coerce.number().positive().default(60),
  ALERT_CHECK_SECONDS: z.coerce.number().positive().default(60),

  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  HTTP_HOST: z.string().default('127.0.0.1'),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  dataDir: string;
  databaseUrl: string;
  knowledgeDir: string;
  /** DATA_DIR/backups and how many backup folders (`npm run backup` and before-migration copies) to keep. */
  backups: { dir: string; keep: number };
  /** Where committed migrations live (prisma/ in the project). */
  prismaDir: string;
  /** Where prompts and proposal templates live (prompts/ in the project). */
  promptsDir: string;
  localesDir: string;
  /** The build step's parsed copy of the YAML in locales/ and prompts/ (dist/yaml-catalog.json; see readYamlCatalog). */
  yamlCatalogFile: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  embeddings?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  /** Limits on one ingested document (see IngestLimits) and the retrieval abstention threshold. */
  kb: {
    maxFileBytes: number;
    maxUnpackedBytes: number;
    maxTextChars: number;
    maxPdfPages: number;
    pdfTimeoutMs: number;
    minConfidence?: number;
    /** Unanswered questions (/kb_celah): kept this many days; an answer below lowConfidence counts too. */
    gaps: { retentionDays: number; lowConfidence: number };
  };
  /** Evidence attached to progress reports (stored under DATA_DIR/reports/<reportId>/). */
  reports: { maxFileBytes: number; maxFiles: number };
  telegram?: {
    token: string;
    apiRoot?: string;
    webhook?: { url: string; secret?: string; port: number };
  };
  whatsapp?: { chromiumPath: string; minGapMs: number; authDir: string };
  terminalUser: string;
  /** The first admins (ADMIN_TELEGRAM_IDS, ADMIN_WHATSAPP_NUMBERS); others get roles through /peran. */
  admins: { telegramIds: string[]; whatsappNumbers: string[] };
  /** Messages a person may send per minute on Telegram/WhatsApp; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Days after the due date a missing report is escalated; how late a reminder may still be sent. */
  reminders: { escalationDays: number; maxLatenessMs: number };
  /**
   * Announcements (src/broadcasts): Telegram's global pace (messages per second, every instance together);
   * WhatsApp's slow lane (a random gap between minGapMs and maxGapMs, at most dailyCap a day).
   */
  broadcasts: { telegramPerSecond: number; whatsapp: { minGapMs: number; maxGapMs: number; dailyCap: number } };
  /** Scheduled work (src/jobs): in-process on the database, or over BullMQ when redisUrl is set. */
  jobs: { pollMs: number; concurrency: number; redisUrl?: string; redisPrefix: string; takeoverMs: number };
  /** The longest a graceful shutdown may take before the process exits with an error. */
  shutdownTimeoutMs: number;
  /**
   * /healthz, /readyz and /metrics on their own server (HTTP_PORT, HTTP_HOST); unset: no such server,
   * except that Telegram's webhook server always answers them.
   */
  http?: { port: number; host: string };
  /**
   * How long records that stop being useful are kept before the daily retention job deletes them (ms):
   * handled-message ids, ended conversations, used or expired link codes and invites, finished jobs, audit rows.
   */
  /** Operator alerts in the chat: how long a channel may be down, reminders late, and how often to look. */
  alerts: { channelDownMs: number; remindersLateMs: number; checkMs: number };
  retention: { messageIdsMs: number; sessionsMs: number; codesMs: number; jobsMs: number; auditMs: number };
}

export class ConfigError extends Error {}

/** The channels this deployment runs, as configured (a CLI resolves audiences as the bot would). */
export function configuredChannels(config: Pick<Config, 'telegram' | 'whatsapp'>): Array<'telegram' | 'whatsapp'> {
  return [...(config.telegram ? (['telegram'] as const) : []), ...(config.whatsapp ? (['whatsapp'] as const) : [])];
}

/** "a, b ,c" → ["a", "b", "c"]. */
function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function days(n: number): number {
  return Math.round(n * 24 * 60 * 60 * 1000);
}

/** The project root, where package.json, prisma/, prompts/ and knowledge/ are. */
export const projectRoot = path.resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = projectRoot): Config {
  // `VAR=` (as .env.example lists them) means "not set": the default applies, never an empty value
  // (an empty RETRIEVAL_MIN_CONFIDENCE would read as 0 and silently disable abstention).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const telegramAdmins = list(e.ADMIN_TELEGRAM_IDS);
  const notIds = telegramAdmins.filter((id) => !/^\d{1,20}$/.test(id));
  if (notIds.length > 0)
    throw new ConfigError(`Invalid environment:\n  ADMIN_TELEGRAM_IDS: not Telegram user ids (digits): ${notIds.join(', ')}`);
  const webhookProblems = webhookSettingProblems(e.TELEGRAM_WEBHOOK_URL, e.TELEGRAM_WEBHOOK_SECRET, e.TELEGRAM_API_ROOT);
  if (webhookProblems.length > 0) throw new ConfigError(`Invalid environment:\n${webhookProblems.map((p) => `  ${p}`).join('\n')}`);
  const dataDir = path.resolve(root, e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, 'pandu.db')}`;
  const config: Config = {
    dataDir,
    databaseUrl,
    knowledgeDir: path.resolve(root, e.KNOWLEDGE_DIR),
    backups: { dir: path.join(dataDir, 'backups'), keep: e.BACKUP_KEEP },
    prismaDir: path.join(root, 'prisma'),
    promptsDir: path.join(root, 'prompts'),
    localesDir: path.join(root, 'locales'),
    yamlCatalogFile: path.join(root, 'dist', 'yaml-catalog.json'),
    logLevel: e.LOG_LEVEL,
    kb: {
      maxFileBytes: Math.round(e.KB_MAX_FILE_MB * MB),
      maxUnpackedBytes: Math.round(e.KB_MAX_UNPACKED_MB * MB),
      maxTextChars: e.KB_MAX_TEXT_CHARS,
      maxPdfPages: e.KB_MAX_PDF_PAGES,
      pdfTimeoutMs: Math.round(e.KB_PDF_TIMEOUT_SECONDS * 1000),
      minConfidence: e.RETRIEVAL_MIN_CONFIDENCE,
      gaps: { retentionDays: e.KB_GAP_RETENTION_DAYS, lowConfidence: e.KB_GAP_LOW_CONFIDENCE },
    },
    reports: { maxFileBytes: Math.round(e.REPORT_MAX_FILE_MB * MB), maxFiles: e.REPORT_MAX_FILES },
    terminalUser: e.TERMINAL_USER,
    admins: { telegramIds: telegramAdmins, whatsappNumbers: list(e.ADMIN_WHATSAPP_NUMBERS) },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    reminders: { escalationDays: e.REMINDER_ESCALATION_DAYS, maxLatenessMs: Math.round(e.REMINDER_MAX_LATENESS_HOURS * 3_600_000) },
    broadcasts: {
      telegramPerSecond: e.BROADCAST_TELEGRAM_PER_SECOND,
      whatsapp: {
        minGapMs: Math.round(e.BROADCAST_WHATSAPP_MIN_GAP_SECONDS * 1000),
        maxGapMs: Math.round(Math.max(e.BROADCAST_WHATSAPP_MIN_GAP_SECONDS, e.BROADCAST_WHATSAPP_MAX_GAP_SECONDS) * 1000),
        dailyCap: e.BROADCAST_WHATSAPP_DAILY_CAP,
      },
    },
    jobs: {
      pollMs: e.JOBS_POLL_MS,
      concurrency: e.JOBS_CONCURRENCY,
      redisPrefix: e.REDIS_PREFIX,
      takeoverMs: Math.round(e.JOBS_TAKEOVER_SECONDS * 1000),
      ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    alerts: {
      channelDownMs: Math.round(e.ALERT_CHANNEL_DOWN_MINUTES * 60_000),
      remindersLateMs: Math.round(e.ALERT_REMINDERS_LATE_MINUTES * 60_000),
      checkMs: Math.round(e.ALERT_CHECK_SECONDS * 1000),
    },
    retention: {
      messageIdsMs: days(e.RETENTION_MESSAGE_IDS_DAYS),
      sessionsMs: days(e.RETENTION_SESSION_DAYS),
      codesMs: days(e.RETENTION_CODES_DAYS),
      jobsMs: days(e.RETENTION_JOBS_DAYS),
      auditMs: days(e.RETENTION_AUDIT_DAYS),
    },
    ...(e.HTTP_PORT !== undefined ? { http: { port: e.HTTP_PORT, host: e.HTTP_HOST } } : {}),
  };
  if (e.OPENAI_API_KEY || e.OPENAI_BASE_URL) {
    // Local OpenAI-compatible servers (Ollama, vLLM) often need no key, but the SDK insists on one.
    const apiKey = e.OPENAI_API_KEY ?? 'not-needed';
    config.llm = { apiKey, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.LLM_TIMEOUT_MS };
    if (e.OPENAI_EMBEDDING_MODEL) {
      config.embeddings = { apiKey, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_EMBEDDING_MODEL, timeoutMs: e.LLM_TIMEOUT_MS };
    }
  }
  if (e.TELEGRAM_BOT_TOKEN) {
    config.telegram = { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT };
    if (e.TELEGRAM_WEBHOOK_URL) {
      config.telegram.webhook = { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET, port: e.TELEGRAM_WEBHOOK_PORT };
    }
  }
  if (e.WHATSAPP_ENABLED) {
    config.whatsapp = { chromiumPath: e.CHROMIUM_PATH, minGapMs: e.WHATSAPP_MIN_GAP_MS, authDir: path.join(dataDir, 'whatsapp') };
  }
  return config;
}

/** The ports Telegram delivers webhook calls to. */
const WEBHOOK_PORTS = new Set(['443', '80', '88', '8443']);

/**
 * What Telegram would refuse in setWebhook, said at start rather than retried as if Telegram were down: its
 * servers call only HTTPS URLs on ports 443, 80, 88 or 8443 (a self-hosted Bot API server, TELEGRAM_API_ROOT,
 * may allow more), and a secret token is 1–256 of A–Z, a–z, 0–9, "_" and "-".
 */
export function webhookSettingProblems(url: string | undefined, secret: string | undefined, apiRoot: string | undefined): string[] {
  const problems: string[] = [];
  if (url && !apiRoot) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:')
      problems.push(`TELEGRAM_WEBHOOK_URL: Telegram calls HTTPS webhooks only (got ${parsed.protocol.replace(':', '')})`);
    else if (parsed.port && !WEBHOOK_PORTS.has(parsed.port)) {
      problems.push(
        `TELEGRAM_WEBHOOK_URL: Telegram calls webhooks on ports 443, 80, 88 or 8443 only (got ${parsed.port}); TELEGRAM_WEBHOOK_PORT is where Pandu listens behind the proxy`,
      );
    }
  }
  if (url && secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    problems.push('TELEGRAM_WEBHOOK_SECRET: Telegram accepts 1 to 256 characters of A-Z, a-z, 0-9, "_" and "-" only');
  }
  return problems;
}
