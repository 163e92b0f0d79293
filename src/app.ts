import { isPostgresUrl, type Db } from './db/client.js';
import { sqliteHotQueries } from './db/sqlite-hot-queries.js';
import { sqliteFile } from './db/sqlite-url.js';
import { openDatabase } from './db/open-database.js';
import { loadTranslator, type Translator } from './i18n/translator.js';
import { readYamlCatalog, type YamlCatalog } from './yaml/yaml-catalog.js';
import { configuredChannels, type Config } from './config.js';
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
import { linkGuard } from './features/linking/link-guard.js';
import { LinkingFeature } from './features/linking/linking-feature.js';
import { createProposalFeature } from './features/proposal/create-proposal-feature.js';
import { QaFeature } from './features/qa/qa-feature.js';
import { ProfileFeature } from './features/profile/profile-feature.js';
import { InnovationsFeature } from './features/innovations/innovations-feature.js';
import { InnovationStore } from './innovations/innovation-store.js';
import { ProfileStore } from './people/profile-store.js';
import { RoleService } from './people/role-service.js';
import { InviteFeature, inviteGuard } from './features/roles/invite-feature.js';
import { RolesFeature } from './features/roles/roles-feature.js';
import { ReportFeature } from './features/reports/report-feature.js';
import { RekapFeature } from './features/reports/rekap/rekap-feature.js';
import { ScopeStore } from './people/scopes.js';
import { AttachmentStorage } from './reports/attachment-storage.js';
import { ReportStore, type ReportRecord } from './reports/report-store.js';
import type { Answerer } from './knowledge/answer/answerer.js';
import { LlmAnswerer } from './knowledge/answer/llm-answer.js';
import { cachedVectorSource } from './knowledge/embeddings/cached-vectors.js';
import { OpenAiEmbedder } from './knowledge/embeddings/openai-embedder.js';
import type { KnowledgeIndex } from './knowledge/index/knowledge-index.js';
import { KnowledgeService, type ProgressFn } from './knowledge/knowledge-service.js';
import { Retriever } from './knowledge/retrieval/retriever.js';
import { DEFAULT_MIN_CONFIDENCE } from './knowledge/retrieval/abstention.js';
import { GapStore } from './knowledge/gaps/gap-store.js';
import { StatusAwareAnswerer } from './knowledge/status/revoked-notice.js';
import { KbStatusFeature } from './features/kb-status/kb-status-feature.js';
import { UjiFeature } from './features/kb-uji/uji-feature.js';
import { KbGapsFeature } from './features/kb-gaps/kb-gaps-feature.js';
import { readKbHistory } from './knowledge/audit/kb-audit.js';
import { StagedUploads } from './knowledge/uploads/staged-uploads.js';
import { UploadService } from './knowledge/uploads/upload-service.js';
import { KbDocumentsFeature } from './features/kb-documents/kb-documents-feature.js';
import type { Pace } from './knowledge/index/paced-work.js';
import { BackgroundTasks } from './background-tasks.js';
import { RemindersFeature } from './features/reminders/reminders-feature.js';
import { registerReminderJobs } from './reminders/reminder-jobs.js';
import { ReminderPlanner } from './reminders/reminder-planner.js';
import { createJobs } from './jobs/create-jobs.js';
import { BroadcastEngine } from './broadcasts/broadcast-engine.js';
import type { BroadcastSummary } from './broadcasts/broadcast-contract.js';
import { AnnouncementOptOutFeature } from './features/announcements/opt-out-feature.js';
import type { BroadcastService } from './broadcasts/broadcast-contract.js';
import { BroadcastFeature } from './features/broadcasts/broadcast-feature.js';
import { DraftDocuments } from './features/broadcasts/draft-document.js';
import { renderFinishedNotice } from './features/broadcasts/report-view.js';
import { personZone } from './reports/person-zone.js';
import { PrivacyFeature } from './features/privacy/privacy-feature.js';
import { registerRetention } from './privacy/retention.js';
import type { Jobs } from './jobs/jobs.js';
import { Registry } from './ops/prom-client-lib.js';
import { ChannelHealth } from './ops/channel-health.js';
import { PanduMetrics } from './ops/metrics.js';
import { OperatorAlerts } from './ops/alerts/operator-alerts.js';
import { BroadcastWatch } from './ops/broadcast-watch.js';
import { ChannelControls } from './ops/channel-controls.js';
import { OpsFeature } from './features/ops/ops-feature.js';
import { opsRoutes, type OpsRoutes } from './ops/ops-routes.js';
import { checkReadiness, type Readiness } from './ops/readiness.js';

const HOUR_MS = 60 * 60 * 1000;
const INDEX_CHECK_MS = 15_000;
const BROADCAST_RECOVERY_MS = 60_000;

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
  /** Announcements to many people (/umumkan, `npm run broadcast`): outbox, audiences, paced delivery. */
  broadcasts: BroadcastEngine;
  /** Starts the scheduled work and plans every innovation's reminders (after a restart or downtime). */
  startWork(): Promise<void>;
  /** The current retrieval index (replaced when the knowledge base changes). */
  index(): KnowledgeIndex;
  /** Rebuilds the index from the database (after `kb add/remove`), reusing saved vectors when possible. */
  reloadIndex(): Promise<void>;
  /** Prometheus metrics; channels and features report through it. */
  metrics: PanduMetrics;
  /** Where running channels register how they are (readiness, alerts). */
  health: ChannelHealth;
  /** WhatsApp's link controls (QR, pairing code) while the channel runs. */
  controls: ChannelControls;
  /** Alerts admins in the chat; `check()` runs every ALERT_CHECK_SECONDS; broadcast hooks for issue 9. */
  alerts: OperatorAlerts;
  /** Database reachable, index loaded, every configured channel up. */
  readiness(): Promise<Readiness>;
  /** GET /healthz, /readyz, /metrics: served by the ops server or Telegram's webhook server. */
  opsRoutes: OpsRoutes;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** The user-facing strings, when the caller has loaded them already (default: read from config.localesDir). */
  i18n?: Translator;
  /** The build step's parsed YAML (see readYamlCatalog), when the caller has read it already. */
  yaml?: YamlCatalog;
  /** Progress of first-run work (ingesting the shipped knowledge base, building the index). */
  progress?: ProgressFn;
  clock?: () => Date;
  /** Skip synchronising knowledge/ (CLIs that manage the base themselves). */
  skipKnowledgeSync?: boolean;
  /** The terminal chat runs as the operator, an admin; tests of what innovators see there turn it off. */
  terminalIsAdmin?: boolean;
  /** How often to look for an index rebuilt by a `kb` command (default 15 s). */
  indexCheckMs?: number;
  /** How index builds and reloads share the event loop (default DEFAULT_PACE); tests hold a reload with it. */
  indexPace?: Pace;
  /** Observers (tests, metrics): told after an innovation's schedule was planned again, and after a report was submitted. */
  onScheduleChanged?: (innovationId: string) => void;
  onReportSubmitted?: (report: ReportRecord) => void;
  /** Told once when a broadcast finishes or is cancelled (also settable later: `app.broadcasts.setOnFinished`). */
  onBroadcastFinished?: (summary: BroadcastSummary) => void | Promise<void>;
  /** Replaces the broadcast engine behind /umumkan and /umumkan_status (tests of the chat flow). */
  broadcasts?: BroadcastService;
  /** The registry metrics are kept in (default: a new one for this app, never prom-client's global one). */
  metricsRegistry?: Registry;
}

/** Storage and the knowledge base without any channel: what the `kb` and `eval` commands need. */
export async function openKnowledge(config: Config, logger: Logger, pace?: Pace): Promise<{ db: Db; knowledge: KnowledgeService }> {
  const db = await openDatabase(config, logger);
  const embeddings = config.embeddings;
  const knowledge = new KnowledgeService({
    db,
    ...(pace ? { pace } : {}),
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
  const { db, knowledge } = await openKnowledge(config, logger, options.indexPace);
  const yaml = options.yaml ?? readYamlCatalog(config.yamlCatalogFile);
  const i18n = options.i18n ?? loadTranslator(config.localesDir, 'id', yaml);
  if (!options.skipKnowledgeSync) {
    const sync = await knowledge.syncShipped(config.knowledgeDir, options.progress);
    if (sync.added + sync.updated + sync.removed > 0) logger.info(sync, 'knowledge base synchronised');
  }
  const clock = options.clock ?? (() => new Date());
  let index = await knowledge.buildIndex({ progress: options.progress });
  const jobs = createJobs(config, db, logger, clock);
  const metrics = new PanduMetrics(options.metricsRegistry ?? new Registry(), {
    indexChunks: () => index.chunks.length,
    jobs: () => jobCounts(db, clock(), jobs.graceMs),
  });
  metrics.indexReloaded(clock());
  let revoked = await knowledge.statuses.revoked();
  let retriever = new Retriever(index, { minConfidence: config.kb.minConfidence, logger });
  let stamp = knowledge.indexStamp();
  // The new index is built (paced) while the current one keeps answering, and replaces it when ready. One
  // build at a time; a reload asked for during one runs once after it, so it sees every change made so far.
  let building: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const rebuild = async () => {
    const next = await knowledge.buildIndex();
    // Statuses change only with the index (every status change rebuilds it), so read them with it, not per question.
    revoked = await knowledge.statuses.revoked();
    index = next;
    retriever = new Retriever(next, { minConfidence: config.kb.minConfidence, logger });
    stamp = knowledge.indexStamp();
    metrics.indexReloaded(clock());
  };
  const health = new ChannelHealth();
  const controls = new ChannelControls();
  const channelsInUse = configuredChannels(config);
  health.onChange((channel, state) => {
    if (channel === 'whatsapp') metrics.whatsappState(state.state);
  });
  const reloadIndex = (): Promise<void> => {
    if (!building) {
      building = rebuild().finally(() => {
        building = undefined;
      });
      return building;
    }
    queued ??= building.then(
      () => {
        queued = undefined;
        return reloadIndex();
      },
      () => {
        queued = undefined;
        return reloadIndex();
      },
    );
    return queued;
  };

  const llm = config.llm ? new LlmAnswerer(config.llm, config.promptsDir) : undefined;
  const answerer: Answerer = new StatusAwareAnswerer(
    () => retriever,
    i18n.t,
    logger,
    llm,
    async () => revoked,
    metrics,
  );

  // What every message runs, as statements prepared once; on PostgreSQL the stores keep to Prisma.
  const hot = isPostgresUrl(config.databaseUrl) ? undefined : sqliteHotQueries(sqliteFile(config.databaseUrl));
  const admins = new ConfiguredAdmins({ ...config.admins, terminal: options.terminalIsAdmin ?? true });
  const users = new UserStore(db, admins, hot);
  const sessions = new SessionStore(db, SESSION_TTL_MS, hot);
  const outbound = new Outbound(db, logger, clock, sessions);
  const commands = new CommandRegistry();
  const gaps = new GapStore(db, config.kb.gaps);
  const qa = new QaFeature(answerer, i18n.t, (question, answer, now) => gaps.noteAnswer(question, answer, now));
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
    yaml,
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
  const broadcasts = new BroadcastEngine({
    db,
    jobs,
    outbound,
    scopes,
    t: i18n.t,
    logger,
    clock,
    channels: channelsInUse,
    telegramPerSecond: config.broadcasts.telegramPerSecond,
    whatsapp: config.broadcasts.whatsapp,
    onFinished: async (summary) => {
      await notifyBroadcastCreator(summary);
      await options.onBroadcastFinished?.(summary);
    },
  });
  // The creator learns how their announcement went on their own channel; a shell operator (no creator) reads `broadcast report`.
  const notifyBroadcastCreator = async (summary: BroadcastSummary) => {
    if (!summary.createdById) return;
    const creator = await db.user.findUnique({ where: { id: summary.createdById }, select: { timeZone: true } });
    const text = renderFinishedNotice(i18n.t, summary, { zone: personZone(creator?.timeZone) });
    const delivery = await outbound.send(summary.createdById, [{ text }]);
    if (delivery.status !== 'sent')
      logger.warn({ broadcastId: summary.id, delivery: delivery.status }, 'broadcast creator could not be told it finished');
  };
  const reports = new ReportStore(db);
  const uploads = new UploadService({ knowledge, staged: new StagedUploads(db), publish: reloadIndex, logger });
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
    new LinkingFeature(new LinkCodes(db), linkGuard(db, clock), users, sessions, i18n.t),
    new RekapFeature({ db, scopes, t: i18n.t }),
    new RolesFeature({ roles, outbound, t: i18n.t }),
    new InviteFeature({ roles, outbound, guard: inviteGuard(db, clock), t: i18n.t }),
    new AnnouncementOptOutFeature(broadcasts),
    new KbDocumentsFeature({
      knowledge,
      uploads,
      publish: reloadIndex,
      history: (limit) => readKbHistory(db, limit),
      maxFileBytes: config.kb.maxFileBytes,
      t: i18n.t,
    }),
  );
  features.push(
    new BroadcastFeature({
      service: options.broadcasts ?? broadcasts,
      db,
      scopes,
      documents: new DraftDocuments(config.dataDir),
      t: i18n.t,
    }),
    new KbStatusFeature({ statuses: knowledge.statuses, reloadIndex, t: i18n.t }),
    new UjiFeature({ answerer, threshold: config.kb.minConfidence ?? DEFAULT_MIN_CONFIDENCE, t: i18n.t }),
    new KbGapsFeature({ gaps, t: i18n.t }),
    new OpsFeature(controls, i18n.t),
    new PrivacyFeature({ db, dataDir: config.dataDir, retention: config.retention, logger, t: i18n.t }),
  );
  const retention = registerRetention(jobs, db, config.retention);
  const alerts = new OperatorAlerts({
    db,
    outbound,
    health,
    channels: channelsInUse,
    settings: config.alerts,
    metrics,
    t: i18n.t,
    logger,
    clock,
  });
  alerts.watch();
  for (const feature of features) for (const command of feature.commands ?? []) commands.register(command, feature.role, feature.name);

  const dedup = new MessageDeduplicator(db, hot);
  await dedup.prune(config.retention.messageIdsMs, clock());
  const background = new BackgroundTasks(logger);
  // Redeliveries come within minutes; the table of handled ids must not grow for as long as Pandu runs.
  background.every(HOUR_MS, 'prune handled message ids', () => dedup.prune(config.retention.messageIdsMs, clock()));
  background.every(HOUR_MS, 'prune ended rate-limit windows', () => pruneExpiredLimits(db, clock()));
  // Unanswered questions are kept only as long as configured (KB_GAP_RETENTION_DAYS).
  await gaps.prune(clock());
  background.every(HOUR_MS, 'prune old unanswered questions', () => gaps.prune(clock()));
  // Uploads an admin never confirmed: nothing live refers to them.
  background.every(HOUR_MS, 'prune expired knowledge uploads', () => uploads.pruneExpired(clock()));
  // Picks up innovations imported by another process and time-zone changes; planning is idempotent.
  background.every(HOUR_MS, 'plan reminders', () => planner.planAll());
  // Another instance may have died mid-broadcast: its in-flight recipients become "unknown" once their lease ends.
  background.every(BROADCAST_RECOVERY_MS, 'recover interrupted broadcast deliveries', () => broadcasts.recover());
  background.every(config.alerts.checkMs, 'operator alerts', () => alerts.check());
  const broadcastWatch = new BroadcastWatch({
    db,
    broadcasts,
    metrics,
    alerts,
    stallMs: config.alerts.channelDownMs,
    clock,
    t: i18n.t,
  });
  background.every(config.alerts.checkMs, 'watch broadcasts', () => broadcastWatch.check());
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
    observer: {
      handled: (channel, feature) => metrics.messageHandled(channel, feature),
      rateLimited: (channel) => metrics.rateLimitRefused(channel),
    },
  });
  const readiness = () =>
    checkReadiness({
      db,
      indexChunks: () => index.chunks.length,
      channels: channelsInUse,
      health,
      queue: () => jobs.transportHealth(),
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
    broadcasts,
    async startWork() {
      await broadcasts.recover();
      await jobs.start();
      await retention.scheduleNow(clock());
      const planned = await planner.planAll();
      logger.info(planned, 'reminders planned');
    },
    index: () => index,
    reloadIndex,
    metrics,
    health,
    controls,
    alerts,
    readiness,
    opsRoutes: opsRoutes({ metrics, readiness, logger }),
    async close() {
      background.stop();
      await jobs.stop();
      await hot?.close();
      await db.$disconnect();
    },
  };
}

/** Jobs waiting past their time, waiting past the grace period, and ended as failed (read at scrape time). */
async function jobCounts(db: Db, now: Date, graceMs: number): Promise<{ due: number; late: number; failed: number }> {
  const [due, late, failed] = await Promise.all([
    db.job.count({ where: { state: 'pending', runAt: { lte: now } } }),
    db.job.count({ where: { state: { in: ['pending', 'running'] }, dueAt: { lt: new Date(now.getTime() - graceMs) } } }),
    db.job.count({ where: { state: 'failed' } }),
  ]);
  return { due, late, failed };
}
