import type { Db } from '../db/client.js';
import type { HotQueries } from '../db/hot-queries.js';

/**
 * Remembers handled channel message ids. WhatsApp Web and Telegram webhooks can deliver a message twice
 * (reconnects, retries); the second delivery must not produce a second answer.
 */
export class MessageDeduplicator {
  constructor(
    private readonly db: Db,
    /** A prepared insert for the one write every message makes (the app passes it on SQLite). */
    private readonly hot?: HotQueries,
  ) {}

  /** True the first time an id is seen; false for every repeat. */
  async firstTime(key: string): Promise<boolean> {
    if (this.hot) return this.hot.recordMessage(key, new Date());
    try {
      await this.db.processedMessage.create({ data: { id: key } });
      return true;
    } catch {
      const exists = await this.db.processedMessage.findUnique({ where: { id: key } });
      if (exists) return false;
      throw new Error(`could not record message id ${key}`);
    }
  }

  /** Forgets an id whose handling failed, so the channel's redelivery is answered instead of dropped. */
  async forget(key: string): Promise<void> {
    await this.db.processedMessage.deleteMany({ where: { id: key } });
  }

  /** Drops ids older than `maxAgeMs`; redeliveries come within minutes, not days. */
  async prune(maxAgeMs = 7 * 24 * 60 * 60 * 1000, now = new Date()): Promise<number> {
    const result = await this.db.processedMessage.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - maxAgeMs) } } });
    return result.count;
  }
}
