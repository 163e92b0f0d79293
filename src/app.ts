import { isPostgresUrl, type Db } from './db/client.js';
import { sqliteHotQueries } from './db/sqlite-hot-queries.js';
import { sqliteFile } from './db/sqlite-url.js';
import { openDatabase } from './db/open-database.js';
import { loadTranslator, type Translator } from './i18n/translator.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { CommandRegistry } from './core/commands.js';
import { MessageDeduplicator } from './core/dedup.js';
import { pruneExpiredLimits } from './core/rate-limit/clocked-prisma-limiter.js';
import { MessageRateLimit } from './core/rate-limit/message-rate-limit.js';
import type { Feature } from './core/feature.js';
import { Router } from './core/router.js';
import { SESSION_TTL_MS, SessionStore } from './core/sessions.js';
import { UserStore } from './core/users.js';
import { ConfiguredAdmins } from './core/admins.js';
import { Outbound } from './core/outbound.js';
import { helpFeature } from './features/help/help-feature.js';
import { LinkCodes } from './features/linking/link-codes.js';
import { LinkGuard } from './features/linking/link-guard.js';
import { LinkingFeature } from './features/linking/linking-feature.js';
import { createProposalFeature } from './features/proposal/create-proposal-feature.js';
import { QaFeature } from './features/qa/qa-feature.js';
import { ProfileFeature } from './features/profile/profile-feature.js';
import { InnovationsFeature } from './features/innovations/innovations-feature.js';
import { InnovationStore } from './innovations/innovation-store.js';
import { ProfileStore } from './people/profile-store.js';
import { RoleService } from './people/role-service.js';
import { InviteFeature } from './features/roles/invite-feature.js';
import { RolesFeature } from './features/roles/roles-feature.js';
import { ReportFeature } from './features/reports/report-feature.js';
import { RekapFeature } from './features/reports/rekap/rekap-feature.js';
import { ScopeStore } from './people/scopes.js';
import { AttachmentStorage } from './reports/attachment-storage.js';
import { ReportStore, type ReportRecord } from './reports/report-store.js';
import { Answerer } from './knowledge/answer/answerer.js';
import { LlmAnswerer } from './knowledge/answer/llm-answer.js';
import { cachedVectorSource } from './knowledge/embeddings/cached-vectors.js';
import { OpenAiEmbedder } from './knowledge/embeddings/openai-embedder.js';
import type { KnowledgeIndex } from './knowledge/index/knowledge-index.js';
import { KnowledgeService, type ProgressFn } from './knowledge/knowledge-service.js';
import { Retriever } from './knowledge/retrieval/retriever.js';
import { BackgroundTasks } from './background-tasks.js';
import { RemindersFeature } from './features/reminders/reminders-feature.js';
import { registerReminderJobs } from './reminders/reminder-jobs.js';
import { ReminderPlanner } from './reminders/reminder-planner.js';
import { createJobs } from './jobs/create-jobs.js';
import type { Jobs } from './jobs/jobs.js';

const HOUR_MS = 60 * 60 * 1000;
const INDEX_CHECK_MS = 15_000;

export interface App {
  config: Config;
  db: Db;
  logger: Logger;
  i18n: Translator;
  knowledge: KnowledgeService;
  commands: CommandRegistry;
  features: Feature[];
  router: Router;
  users: UserStore;
  /** Messages Pandu sends first (reminders, announcements); channels register their senders here. */
  outbound: Outbound;
  /** Progress reports: what reminders ask (isSubmitted) and record ("sudah lapor": declareSubmitted). */
  reports: ReportStore;
  answerer: Answerer;
  /** Scheduled work; `npm start` and `npm run chat` start it (startWork), tests only when they ask. */
  jobs: Jobs;
  /** Keeps every innovation's reminders and escalations scheduled. */
  reminders: ReminderPlanner;
  /** Starts the scheduled work and plans every innovation's reminders (after a restart or downtime). */
  startWork(): Promise<void>;
  /** The current retrieval index (replaced when the knowledge base changes). */
  index(): KnowledgeIndex;
  /** Rebuilds the index from the database (after `kb add/remove`), reusing saved vectors when possible. */
  reloadIndex(): Promise<void>;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** Progress of first-run work (ingesting the shipped knowledge base, building the index). */
  progress?: ProgressFn;
  clock?: () => Date;
  /** Skip synchronising knowledge/ (CLIs that manage the base themselves). */
  skipKnowledgeSync?: boolean;
  /** The terminal chat runs as the operator, an admin; tests of what innovators see there turn it off. */
  terminalIsAdmin?: boolean;
  /** How often to look for an index rebuilt by a `kb` command (default 15 s). */
  indexCheckMs?: number;
  /** Observers (tests, metrics): told after an innovation's schedule was planned again, and after a report was submitted. */
  onScheduleChanged?: (innovationId: string) => void;
  onReportSubmitted?: (report: ReportRecord) => void;
}

/** Storage and the knowledge base without any channel: what the `kb` and `eval` commands need. */
export async function openKnowledge(config: Config, logger: Logger): Promise<{ db: Db; knowledge: KnowledgeService }> {
  const db = await openDatabase(config, logger);
  const embeddings = config.embeddings;
  const knowledge = new KnowledgeService({
    db,
    dataDir: config.dataDir,
    maxFileBytes: config.kb.maxFileBytes,
    ingestLimits: config.kb,
    logger,
    ...(embeddings
      ? {
          embedderFor: () =>
            new OpenAiEmbedder({
              apiKey: embeddings.apiKey,
              baseURL: embeddings.baseURL,
              model: embeddings.model,
              timeoutMs: embeddings.timeoutMs,
            }),
          vectorSource: cachedVectorSource(db),
        }
      : {}),
  });
  return { db, knowledge };
}

/**
 * The composition root: prepares storage (migrations, shipped knowledge base, index) and builds every
 * service once. Channels receive the finished app and only talk to `router`.
 */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const { db, knowledge } = await openKnowledge(config, logger);
  const i18n = loadTranslator(config.localesDir);
  if (!options.skipKnowledgeSync) {
    const sync = await knowledge.syncShipped(config.knowledgeDir, options.progress);
    if (sync.added + sync.updated + sync.removed > 0) logger.info(sync, 'knowledge base synchronised');
  }
  let index = await knowledge.buildIndex({ progress: options.progress });
  let retriever = new Retriever(index, { minConfidence: config.kb.minConfidence, logger });
  let stamp = knowledge.indexStamp();
  const reloadIndex = async () => {
    index = await knowledge.buildIndex();
    retriever = new Retriever(index, { minConfidence: config.kb.minConfidence, logger });
    stamp = knowledge.indexStamp();
  };

  const llm = config.llm ? new LlmAnswerer(config.llm, config.promptsDir) : undefined;
  const answerer = new Answerer(() => retriever, i18n.t, logger, llm);

  const clock = options.clock ?? (() => new Date());
  // What every message runs, as statements prepared once; on PostgreSQL the stores keep to Prisma.
  const hot = isPostgresUrl(config.databaseUrl) ? undefined : sqliteHotQueries(sqliteFile(config.databaseUrl));
  const admins = new ConfiguredAdmins({ ...config.admins, terminal: options.terminalIsAdmin ?? true });
  const users = new UserStore(db, admins, hot);
  const outbound = new Outbound(db, logger, clock);
  const jobs = createJobs(config, db, logger, clock);
  const sessions = new SessionStore(db, SESSION_TTL_MS, hot);
  const commands = new CommandRegistry();
  const qa = new QaFeature(answerer, i18n.t);
  const features: Feature[] = [];
  const profile = new ProfileFeature({
    store: new ProfileStore(db, clock),
    ask: (ctx, text) => qa.ask(ctx, text),
    channelsOf: async (userId) => (await users.identities(userId)).map((i) => i.channel),
    t: i18n.t,
  });
  const help = helpFeature(
    commands,
    () => features,
    i18n.t,
    (ctx) => profile.onboard(ctx),
  );
  const proposal = createProposalFeature({
    db,
    promptsDir: config.promptsDir,
    t: i18n.t,
    logger,
    retriever: () => retriever,
    answerer,
    llm: config.llm,
    clock: options.clock,
  });
  const roles = new RoleService(db, admins, clock);
  const scopes = new ScopeStore(db);
  const planner = new ReminderPlanner({ db, jobs, clock, logger, escalationDays: config.reminders.escalationDays });
  registerReminderJobs({ db, jobs, outbound, scopes, planner, t: i18n.t, maxLatenessMs: config.reminders.maxLatenessMs });
  const reports = new ReportStore(db);
  const report = new ReportFeature(
    {
      store: reports,
      storage: new AttachmentStorage(config.dataDir, config.reports),
      requireProfile: (ctx, resume) => profile.require(ctx, resume),
      ask: (ctx, text) => qa.ask(ctx, text),
      onSubmitted: async (submitted) => {
        await planner.periodDone(submitted.innovationId, submitted.periodKey);
        options.onReportSubmitted?.(submitted);
      },
    },
    i18n.t,
  );
  features.push(
    help,
    qa,
    proposal,
    new InnovationsFeature({
      store: new InnovationStore(db),
      requireProfile: (ctx, resume) => profile.require(ctx, resume),
      ask: (ctx, text) => qa.ask(ctx, text),
      onScheduleChanged: async (innovationId) => {
        await planner.plan(innovationId);
        options.onScheduleChanged?.(innovationId);
      },
      t: i18n.t,
    }),
    report,
    new RemindersFeature({
      db,
      jobs,
      planner,
      declareSubmitted: async (innovationId, periodKey, userId, now) => {
        await reports.declareSubmitted(innovationId, periodKey, userId, now);
      },
      requireProfile: (ctx, resume) => profile.require(ctx, resume),
      t: i18n.t,
    }),
    profile,
    new LinkingFeature(new LinkCodes(db), new LinkGuard(db, clock), users, sessions, i18n.t),
    new RekapFeature({ db, scopes, t: i18n.t }),
    new RolesFeature({ roles, outbound, t: i18n.t }),
    new InviteFeature({ roles, outbound, t: i18n.t }),
  );
  for (const feature of features) for (const command of feature.commands ?? []) commands.register(command, feature.role);

  const dedup = new MessageDeduplicator(db, hot);
  await dedup.prune();
  const background = new BackgroundTasks(logger);
  // Redeliveries come within minutes; the table of handled ids must not grow for as long as Pandu runs.
  background.every(HOUR_MS, 'prune handled message ids', () => dedup.prune());
  background.every(HOUR_MS, 'prune ended rate-limit windows', () => pruneExpiredLimits(db, clock()));
  // Picks up innovations imported by another process and time-zone changes; planning is idempotent.
  background.every(HOUR_MS, 'plan reminders', () => planner.planAll());
  // `npm run kb -- add/remove/reindex` rebuilds the index on disk; pick it up without a restart.
  background.every(options.indexCheckMs ?? INDEX_CHECK_MS, 'reload a changed knowledge base', async () => {
    const current = knowledge.indexStamp();
    if (current && current !== stamp) {
      await reloadIndex();
      logger.info({ chunks: index.chunks.length }, 'knowledge base reloaded');
    }
  });
  const router = new Router({
    users,
    sessions,
    commands,
    features,
    fallback: (ctx, text) => qa.ask(ctx, text),
    dedup,
    rateLimit: config.rateLimitPerMinute > 0 ? new MessageRateLimit(db, { perWindow: config.rateLimitPerMinute }, clock, hot) : undefined,
    t: i18n.t,
    i18n,
    logger,
    clock: options.clock,
  });

  return {
    config,
    db,
    logger,
    i18n,
    knowledge,
    commands,
    features,
    router,
    users,
    outbound,
    reports,
    answerer,
    jobs,
    reminders: planner,
    async startWork() {
      await jobs.start();
      const planned = await planner.planAll();
      logger.info(planned, 'reminders planned');
    },
    index: () => index,
    reloadIndex,
    async close() {
      background.stop();
      await jobs.stop();
      await hot?.close();
      await db.$disconnect();
    },
  };
}
