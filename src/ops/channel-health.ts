/** A channel's real state as its adapter sees it now (polling running, webhook set, WhatsApp CONNECTED). */
export interface ChannelState {
  ok: boolean;
  /** Short machine-readable state: polling, webhook, connecting, CONNECTED, UNPAIRED, QR, … */
  state: string;
  /** What an operator should know when it is not ok. */
  detail?: string;
  /** WhatsApp waits for this login QR to be scanned (pushed with state QR only, never in a probe). */
  qr?: string;
}

export type ChannelProbe = () => ChannelState;

/** Told when a channel reports a new state (metrics, operator alerts). */
export type ChannelStateListener = (channel: string, state: ChannelState) => void;

/**
 * Where running channels say how they are. Adapters register a probe (read at every readiness check and
 * alert sweep) and may push transitions (WhatsApp's state changes) for counters and alerts. It holds only
 * what this process sees right now; incidents that must survive a restart live in the database.
 */
export class ChannelHealth {
  private readonly probes = new Map<string, ChannelProbe>();
  private readonly listeners: ChannelStateListener[] = [];

  /** Registers a channel's probe; the returned function removes it (at stop). */
  register(channel: string, probe: ChannelProbe): () => void {
    this.probes.set(channel, probe);
    return () => {
      if (this.probes.get(channel) === probe) this.probes.delete(channel);
    };
  }

  /** The channel's state now; a configured channel that registered nothing has not started. */
  state(channel: string): ChannelState {
    const probe = this.probes.get(channel);
    if (!probe) return { ok: false, state: 'not_started', detail: 'the channel is configured but not running' };
    try {
      return probe();
    } catch (error) {
      return { ok: false, state: 'probe_failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** A channel reports a transition (e.g. WhatsApp dropped to UNPAIRED). */
  changed(channel: string, state: ChannelState): void {
    for (const listener of this.listeners) listener(channel, state);
  }

  onChange(listener: ChannelStateListener): void {
    this.listeners.push(listener);
  }
}
