import type { Db } from '../db/client.js';
import type { ChannelHealth, ChannelState } from './channel-health.js';

/** A database that does not answer within this long counts as unreachable (a probe must not hang). */
const DB_TIMEOUT_MS = 2_000;

export interface ReadinessDeps {
  db: Db;
  /** Passages in the current index; 0 means no index is loaded. */
  indexChunks: () => number;
  /** Channels configured for this process (telegram, whatsapp); each must be up for Pandu to be ready. */
  channels: readonly string[];
  health: ChannelHealth;
  /** The job queue's service (Redis with BullMQ); undefined when jobs run in-process. */
  queue?: () => Promise<{ ok: boolean; error?: string } | undefined>;
}

export interface Readiness {
  ready: boolean;
  /** One line per failed check, naming what is wrong (the JSON body of a 503). */
  problems: string[];
  database: { ok: boolean; error?: string };
  index: { ok: boolean; chunks: number };
  channels: Record<string, ChannelState>;
  /** Present when jobs go through Redis: whether it answers. */
  queue?: { ok: boolean; error?: string };
}

/** Whether this process can do its work now: database reachable, index loaded, every configured channel up, Redis answering when jobs use it. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const problems: string[] = [];
  const database = await pingDatabase(deps.db);
  if (!database.ok) problems.push(`database unreachable: ${database.error}`);
  const chunks = deps.indexChunks();
  if (chunks === 0) problems.push('knowledge index not loaded (0 passages)');
  const channels: Record<string, ChannelState> = {};
  for (const name of deps.channels) {
    const state = deps.health.state(name);
    channels[name] = state;
    if (!state.ok) problems.push(`${name} not ready: ${state.state}${state.detail ? ` (${state.detail})` : ''}`);
  }
  const queue = await deps.queue?.();
  if (queue && !queue.ok) problems.push(`job queue (Redis) unreachable: ${queue.error}`);
  return { ready: problems.length === 0, problems, database, index: { ok: chunks > 0, chunks }, channels, ...(queue ? { queue } : {}) };
}

async function pingDatabase(db: Db): Promise<{ ok: boolean; error?: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRawUnsafe('SELECT 1'), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
