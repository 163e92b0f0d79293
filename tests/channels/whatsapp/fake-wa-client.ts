import { EventEmitter } from 'node:events';
import type { OutgoingDocument } from '../../../src/core/messages.js';
import type { WaChatLike, WaClientLike, WaMediaLike, WaMessageLike, WaSendOptions } from '../../../src/channels/whatsapp/wa-client.js';

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
  /** What getState() answers; 'hang' never answers (a frozen page). */
  state: string | 'hang' = 'CONNECTED';
  getStateCalls = 0;
  /** Both ids of a person, as getContactLidAndPhone answers them; keyed by either id. */
  readonly people = new Map<string, { lid?: string; pn?: string }>();
  /** Make getContactLidAndPhone reject (a browser that cannot answer). */
  failLookups = false;
  /** Answers requestPairingCode when set (linking by phone number instead of a QR). */
  requestPairingCode?: (phoneNumber: string, showNotification?: boolean) => Promise<string>;
  /** The chats getChats() returns. */
  readonly chats: FakeChat[] = [];

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

  async getState(): Promise<string | null> {
    this.getStateCalls += 1;
    if (this.state === 'hang') return new Promise<string>(() => undefined);
    return this.state;
  }

  /** Tells the fake that `lid` and `pn` are the same person. */
  knowPerson(lid: string, pn: string): void {
    this.people.set(lid, { lid, pn });
    this.people.set(pn, { lid, pn });
  }

  async getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid?: string; pn?: string }>> {
    if (this.failLookups) throw new Error('Evaluation failed: lookup for 628123456789@c.us failed');
    return userIds.map((id) => this.people.get(id) ?? {});
  }

  async getChats(): Promise<WaChatLike[]> {
    return this.chats;
  }

  /** Texts sent (to one chat, if given). */
  texts(chatId?: string): string[] {
    return this.sent.filter((s) => (chatId ? s.chatId === chatId : true) && typeof s.content === 'string').map((s) => s.content as string);
  }
}

/** A private chat as getChats() returns it, holding messages for fetchMessages(). */
export class FakeChat implements WaChatLike {
  readonly id: { _serialized: string };
  readonly isGroup: boolean;
  fetchCalls = 0;

  constructor(
    chatId: string,
    readonly messages: WaMessageLike[],
    public unreadCount: number,
  ) {
    this.id = { _serialized: chatId };
    this.isGroup = chatId.endsWith('@g.us');
  }

  async fetchMessages(options: { limit: number }): Promise<WaMessageLike[]> {
    this.fetchCalls += 1;
    return this.messages.slice(-options.limit);
  }
}

let counter = 0;

/** A whatsapp-web.js-shaped incoming message; by default a text from a person. */
export function fakeMessage(fields: Partial<WaMessageLike> & { notifyName?: string; key?: string } = {}): WaMessageLike {
  counter += 1;
  const { notifyName, key = `MSG${counter}`, ...rest } = fields;
  const from = rest.from ?? '628123456789@c.us';
  return {
    // As in whatsapp-web.js: the serialized id names the chat in the form the message came with.
    id: { _serialized: `false_${from}_${key}`, id: key },
    from,
    fromMe: false,
    body: 'halo',
    type: 'chat',
    hasMedia: false,
    isStatus: false,
    broadcast: false,
    timestamp: Math.floor(Date.now() / 1000),
    _data: {},
    ...(notifyName ? { getContact: async () => ({ pushname: notifyName }) } : {}),
    downloadMedia: async () => undefined,
    ...rest,
  };
}

/** The media object tests use instead of whatsapp-web.js's MessageMedia. */
export function plainMedia(document: OutgoingDocument): WaMediaLike {
  return { mimetype: document.mimeType, data: document.data.toString('base64'), filename: document.fileName };
}
