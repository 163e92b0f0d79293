import type { Db } from '../../db/client.js';

/** An open incident as the alerts see it. */
export interface OpenIncident {
  id: string;
  key: string;
  startedAt: Date;
  alertedAt: Date | null;
}

/**
 * The incident table: at most one open row per key. Whether admins were told lives here, not in memory,
 * so a restart neither repeats an alert nor forgets to say "pulih".
 */
export class Incidents {
  constructor(private readonly db: Db) {}

  open(key: string): Promise<OpenIncident | null> {
    return this.db.opsIncident.findFirst({ where: { key, recoveredAt: null }, orderBy: { startedAt: 'asc' } });
  }

  /** The open incident for `key`, opened now if there is none. */
  async ensureOpen(key: string, now: Date, detail?: string): Promise<OpenIncident> {
    const existing = await this.open(key);
    if (existing) return existing;
    return this.db.opsIncident.create({ data: { key, startedAt: now, detail: detail ?? null } });
  }

  async markAlerted(id: string, now: Date, detail?: string): Promise<void> {
    await this.db.opsIncident.update({ where: { id }, data: { alertedAt: now, ...(detail ? { detail } : {}) } });
  }

  /** Closes the open incident for `key`; returns it (with whether it had been alerted), or null if none was open. */
  async close(key: string, now: Date): Promise<OpenIncident | null> {
    const open = await this.open(key);
    if (!open) return null;
    await this.db.opsIncident.updateMany({ where: { key, recoveredAt: null }, data: { recoveredAt: now } });
    return open;
  }

  /** Keys of every open incident starting with `prefix`. */
  async openKeys(prefix: string): Promise<string[]> {
    const rows = await this.db.opsIncident.findMany({ where: { key: { startsWith: prefix }, recoveredAt: null }, select: { key: true } });
    return rows.map((r) => r.key);
  }
}
