import type { App } from '../app.js';

/** A running channel adapter, as main.ts sees it. */
export interface RunningChannel {
  /** "telegram", "whatsapp", ... — reported at start-up. */
  name: string;
  /** Stops taking updates, finishes in-flight replies, releases resources. */
  stop(): Promise<void>;
}

/** Starts one channel for a built app; returns undefined when that channel is not configured. */
export type ChannelStarter = (app: App) => Promise<RunningChannel | undefined>;
