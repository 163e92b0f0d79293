import { Counter, Gauge, Histogram, type Registry } from './prom-client-lib.js';
import type { BroadcastCounts, BroadcastState } from '../broadcasts/broadcast-contract.js';

/** Seconds buckets for answers: extractive answers take milliseconds, LLM answers seconds. */
const ANSWER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60];

/** How a call to the model went: answered, declined (the model found no answer), or failed (fallback used). */
export type LlmOutcome = 'answered' | 'declined' | 'failed';

/** Numbers read at scrape time rather than counted as they happen (they live in the database). */
export interface MetricSources {
  /** Jobs waiting past their time, late past the grace period, and ended as failed. */
  jobs(): Promise<{ due: number; late: number; failed: number }>;
  /** Chunks in the retrieval index now. */
  indexChunks(): number;
}

/**
 * Pandu's Prometheus metrics, on a Registry the caller owns (never prom-client's global one, so tests and
 * several apps in one process do not share counters). Features and channels report through the small
 * methods here; nothing else knows prom-client.
 */
export class PanduMetrics {
  private readonly messages: Counter<'channel' | 'feature'>;
  private readonly rateLimited: Counter<'channel'>;
  private readonly answerSeconds: Histogram<'kind' | 'via'>;
  private readonly abstentions: Counter;
  private readonly llmCalls: Counter<'outcome'>;
  private readonly llmFallbacks: Counter;
  private readonly whatsappStates: Counter<'state'>;
  private readonly indexReload: Gauge;
  private readonly broadcastRecipients: Gauge<'broadcast' | 'status'>;
  private readonly broadcastState: Gauge<'broadcast' | 'state'>;
  private readonly alerts: Counter<'kind' | 'phase'>;

  constructor(
    readonly registry: Registry,
    sources: MetricSources,
  ) {
    const registers = [registry];
    this.messages = new Counter({
      name: 'pandu_messages_handled_total',
      help: 'Messages handled, by channel and by the feature that answered',
      labelNames: ['channel', 'feature'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'pandu_rate_limit_refusals_total',
      help: 'Messages refused because the person exceeded RATE_LIMIT_PER_MINUTE',
      labelNames: ['channel'],
      registers,
    });
    this.answerSeconds = new Histogram({
      name: 'pandu_answer_seconds',
      help: 'Time to answer a question from the knowledge base',
      labelNames: ['kind', 'via'],
      buckets: ANSWER_BUCKETS,
      registers,
    });
    this.abstentions = new Counter({
      name: 'pandu_abstentions_total',
      help: 'Questions the knowledge base does not cover (Pandu said so instead of answering)',
      registers,
    });
    this.llmCalls = new Counter({
      name: 'pandu_llm_calls_total',
      help: 'Calls to the language model, by outcome',
      labelNames: ['outcome'],
      registers,
    });
    this.llmFallbacks = new Counter({
      name: 'pandu_llm_fallbacks_total',
      help: 'Answers given extractively because the language model failed',
      registers,
    });
    this.whatsappStates = new Counter({
      name: 'pandu_whatsapp_state_changes_total',
      help: 'WhatsApp connection states entered (CONNECTED, UNPAIRED, QR, DISCONNECTED, …)',
      labelNames: ['state'],
      registers,
    });
    new Gauge({
      name: 'pandu_index_chunks',
      help: 'Passages in the retrieval index',
      registers,
      collect() {
        this.set(sources.indexChunks());
      },
    });
    this.indexReload = new Gauge({
      name: 'pandu_index_last_reload_timestamp_seconds',
      help: 'When the retrieval index was last built or reloaded (Unix time)',
      registers,
    });
    const jobs = (name: string, help: string, pick: (j: Awaited<ReturnType<MetricSources['jobs']>>) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          this.set(pick(await sources.jobs()));
        },
      });
    jobs('pandu_jobs_due', 'Scheduled jobs whose time has come and that have not run yet', (j) => j.due);
    jobs('pandu_jobs_late', 'Scheduled jobs waiting longer than the grace period past their time', (j) => j.late);
    jobs('pandu_jobs_failed', 'Scheduled jobs that ended as failed', (j) => j.failed);
    this.broadcastRecipients = new Gauge({
      name: 'pandu_broadcast_recipients',
      help: "Recipients of a broadcast by delivery status (the broadcast's progress)",
      labelNames: ['broadcast', 'status'],
      registers,
    });
    this.broadcastState = new Gauge({
      name: 'pandu_broadcast_state',
      help: 'A broadcast in its current state (1)',
      labelNames: ['broadcast', 'state'],
      registers,
    });
    this.alerts = new Counter({
      name: 'pandu_operator_alerts_total',
      help: 'Alerts sent to admins in the chat (phase: raised or recovered)',
      labelNames: ['kind', 'phase'],
      registers,
    });
  }

  /** One message handled by the router; `feature` names what answered (qa, proposal, router, …). */
  messageHandled(channel: string, feature: string): void {
    this.messages.inc({ channel, feature });
  }

  rateLimitRefused(channel: string): void {
    this.rateLimited.inc({ channel });
  }

  /** One question answered (or abstained on), with how long it took. */
  answered(outcome: { kind: 'answer' | 'not_found'; via: string; seconds: number }): void {
    this.answerSeconds.observe({ kind: outcome.kind, via: outcome.via }, outcome.seconds);
    if (outcome.kind === 'not_found') this.abstentions.inc();
  }

  llmCall(outcome: LlmOutcome): void {
    this.llmCalls.inc({ outcome });
    if (outcome === 'failed') this.llmFallbacks.inc();
  }

  whatsappState(state: string): void {
    this.whatsappStates.inc({ state });
  }

  indexReloaded(at: Date): void {
    this.indexReload.set(at.getTime() / 1000);
  }

  /**
   * Hook for the broadcast engine (issue 9): call after every batch with the broadcast's counts, so a
   * dashboard shows how far it got and a stalled one stands out.
   */
  broadcastProgress(broadcastId: string, state: BroadcastState, counts: BroadcastCounts): void {
    for (const [status, value] of Object.entries(counts)) this.broadcastRecipients.set({ broadcast: broadcastId, status }, value);
    for (const s of ['draft', 'scheduled', 'sending', 'paused', 'done', 'cancelled'] as const) {
      this.broadcastState.set({ broadcast: broadcastId, state: s }, s === state ? 1 : 0);
    }
  }

  alert(kind: string, phase: 'raised' | 'recovered'): void {
    this.alerts.inc({ kind, phase });
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
