import { z } from 'zod';
import type { Db } from '../db/client.js';

/** What a coordinator oversees: one OPD of a region, or a whole region. */
export const ScopeSchema = z.object({
  kind: z.enum(['opd', 'region']),
  regionKey: z.string().min(1),
  /** Empty for a whole region. */
  opdKey: z.string(),
  /** As shown to people, e.g. "Dinas Kesehatan — Kabupaten Bantul". */
  label: z.string().min(1),
});
export type Scope = z.infer<typeof ScopeSchema>;

/** Whether a scope covers someone (or something) in `regionKey` / `opdKey`. */
export function covers(scope: Scope, regionKey: string | null, opdKey: string | null): boolean {
  if (!regionKey || scope.regionKey !== regionKey) return false;
  return scope.kind === 'region' || scope.opdKey === opdKey;
}

/**
 * Coordinators' scopes. Admins oversee everything and need none; a coordinator without a scope oversees
 * nobody (safe by default).
 */
export class ScopeStore {
  constructor(private readonly db: Db) {}

  async list(userId: string): Promise<Scope[]> {
    const rows = await this.db.coordinatorScope.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ScopeSchema.parse({ kind: r.kind, regionKey: r.regionKey, opdKey: r.opdKey, label: r.label }));
  }

  /** Adds a scope (a second grant of the same scope changes nothing). */
  async add(userId: string, scope: Scope, grantedBy?: string): Promise<void> {
    const opdKey = scope.kind === 'region' ? '' : scope.opdKey;
    await this.db.coordinatorScope.upsert({
      where: { userId_kind_regionKey_opdKey: { userId, kind: scope.kind, regionKey: scope.regionKey, opdKey } },
      create: { userId, kind: scope.kind, regionKey: scope.regionKey, opdKey, label: scope.label, grantedBy: grantedBy ?? null },
      update: { label: scope.label },
    });
  }

  async removeAll(userId: string): Promise<void> {
    await this.db.coordinatorScope.deleteMany({ where: { userId } });
  }

  /** The coordinators who oversee `regionKey` / `opdKey` (whose escalations and reports these are). */
  async coordinatorsFor(regionKey: string | null, opdKey: string | null): Promise<string[]> {
    if (!regionKey) return [];
    const rows = await this.db.coordinatorScope.findMany({
      where: { regionKey, OR: [{ kind: 'region' }, { kind: 'opd', opdKey: opdKey ?? '' }], user: { role: 'coordinator' } },
      select: { userId: true },
    });
    return [...new Set(rows.map((r) => r.userId))];
  }
}

/**
 * A database filter for records (people, innovations) with `regionKey` / `opdKey` columns inside a set of
 * scopes; `undefined` scopes mean everything (an admin).
 */
export function scopeFilter(scopes: readonly Scope[] | undefined): { OR: Array<{ regionKey: string; opdKey?: string }> } | undefined {
  if (scopes === undefined) return undefined;
  // No scope: a filter nothing matches (keys are lower-case text), so a coordinator without scope sees nobody.
  if (scopes.length === 0) return { OR: [{ regionKey: '#NONE#' }] };
  return { OR: scopes.map((s) => (s.kind === 'region' ? { regionKey: s.regionKey } : { regionKey: s.regionKey, opdKey: s.opdKey })) };
}
