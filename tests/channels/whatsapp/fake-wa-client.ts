import { EventEmitter } from 'node:events';
import type { OutgoingDocument } from '../../../src/core/messages.js';
import type { WaClientLike, WaMediaLike, WaMessageLike, WaSendOptions } from '../../../src/channels/whatsapp/wa-client.js';

export interface SentMessage {
  chatId: string;
  content: string | WaMediaLike;
  options?: WaSendOptions;
  /** When it was sent, on the clock the test gave the fake. */
  at: number;
}

/** What the next initialize() does: resolve, reject with an error, or never settle (waiting for a QR scan). */
export type InitOutcome = 'ok' | Error | 'hang';

/**
 * Stands in for whatsapp-web.js's Client: an EventEmitter with the same events ('qr', 'ready',
 * 'disconnected', 'message', …) and the methods the adapter calls, recording what was sent.
 */
export class FakeWaClient extends EventEmitter implements WaClientLike {
  readonly sent: SentMessage[] = [];
  initializeCalls = 0;
  destroyCalls = 0;
  /** Outcomes for the coming initialize() calls; when empty, initialize() resolves. */
  readonly initOutcomes: InitOutcome[] = [];
  /** Make the next N sendMessage calls reject. */
  failSends = 0;
  /** Records the order of lifecycle calls, e.g. ['initialize', 'destroy', 'initialize']. */
  readonly calls: string[] = [];

  constructor(private readonly clock: () => number = () => Date.now()) {
    super();
  }

  async initialize(): Promise<void> {
    this.initializeCalls += 1;
    this.calls.push('initialize');
    const outcome = this.initOutcomes.shift() ?? 'ok';
    if (outcome === 'hang') return new Promise<void>(() => undefined);
    if (outcome instanceof Error) throw outcome;
  }

  async destroy(): Promise<void> {
    this.destroyCalls += 1;
    this.calls.push('destroy');
  }

  async sendMessage(chatId: string, content: string | WaMediaLike, options?: WaSendOptions): Promise<unknown> {
    if (this.failSends > 0) {
      this.failSends -= 1;
      throw new Error('Evaluation failed: fake send failure');
    }
    this.sent.push({ chatId, content, options, at: this.clock() });
    return { id: { _serialized: `sent-${this.sent.length}` } };
  }

  async getState(): Promise<unknown> {
    return 'CONNECTED';
  }

  /** Texts sent (to one chat, if given). */
  texts(chatId?: string): string[] {
    return this.sent.filter((s) => (chatId ? s.chatId === chatId : true) && typeof s.content === 'string').map((s) => s.content as string);
  }
}

let counter = 0;

/** A whatsapp-web.js-shaped incoming message; by default a text from a person. */
export function fakeMessage(fields: Partial<WaMessageLike> & { notifyName?: string } = {}): WaMessageLike {
  counter += 1;
  const { notifyName, ...rest } = fields;
  return {
    id: { _serialized: `false_628123456789@c.us_MSG${counter}` },
    from: '628123456789@c.us',
    fromMe: false,
    body: 'halo',
    type: 'chat',
    hasMedia: false,
    isStatus: false,
    broadcast: false,
    _data: notifyName ? { notifyName } : {},
    downloadMedia: async () => undefined,
    ...rest,
  };
}

/** The media object tests use instead of whatsapp-web.js's MessageMedia. */
export function plainMedia(document: OutgoingDocument): WaMediaLike {
  return { mimetype: document.mimeType, data: document.data.toString('base64'), filename: document.fileName };
}
