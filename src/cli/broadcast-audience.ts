import type { Db } from '../db/client.js';
import type { Audience } from '../broadcasts/broadcast-contract.js';
import { StageSchema } from '../innovations/periods.js';
import { opdKey } from '../people/opd-names.js';
import { regionKey } from '../people/profile-store.js';
import { matchRegion } from '../people/regions/match-region.js';
import { parseScopeText } from '../people/scope-input.js';

export type AudienceParse = { ok: true; audience: Audience } | { ok: false; term: string };

/** Stage words an operator may type (tahap:uji-coba, tahap:"uji coba"). */
function stageOf(text: string): Audience['stages'] {
  const parsed = StageSchema.safeParse(
    text
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  return parsed.success ? [parsed.data] : undefined;
}

/**
 * `--audience` terms of `npm run broadcast -- send`, each narrowing the audience: `semua`, `wilayah:<nama>`,
 * `opd:<nama>[, <wilayah>]` (without a region: that OPD in every region where someone works in it),
 * `tahap:<usulan|uji_coba|penerapan>`, `terlambat`.
 */
export async function parseAudienceTerms(db: Db, terms: readonly string[]): Promise<AudienceParse> {
  const audience: Audience = {};
  for (const raw of terms) {
    const term = raw.trim();
    const colon = term.indexOf(':');
    const head = (colon < 0 ? term : term.slice(0, colon)).trim().toLowerCase();
    const value = colon < 0 ? '' : term.slice(colon + 1).trim();
    if (head === 'semua' && !value) continue;
    if (head === 'terlambat' && !value) {
      audience.overdueOnly = true;
      continue;
    }
    if (head === 'tahap') {
      const stages = stageOf(value);
      if (!stages) return { ok: false, term };
      audience.stages = [...(audience.stages ?? []), ...stages];
      continue;
    }
    if (head === 'wilayah') {
      const region = matchRegion(value);
      if (!region || region.ambiguous?.length) return { ok: false, term };
      audience.regionKeys = [...(audience.regionKeys ?? []), regionKey(region.name)];
      continue;
    }
    if (head === 'opd' && value) {
      const keys = await opdKeys(db, value);
      if (!keys) return { ok: false, term };
      audience.opds = [...(audience.opds ?? []), ...keys];
      continue;
    }
    return { ok: false, term };
  }
  return { ok: true, audience };
}

async function opdKeys(db: Db, text: string): Promise<string[] | undefined> {
  if (text.includes(',')) {
    const scope = parseScopeText(text);
    return scope.ok && scope.scope.kind === 'opd' ? [`${scope.scope.regionKey}/${scope.scope.opdKey}`] : undefined;
  }
  const key = opdKey(text);
  const [users, innovations] = await Promise.all([
    db.user.findMany({ where: { opdKey: key, regionKey: { not: null } }, select: { regionKey: true }, distinct: ['regionKey'] }),
    db.innovation.findMany({ where: { opdKey: key, regionKey: { not: null } }, select: { regionKey: true }, distinct: ['regionKey'] }),
  ]);
  const regions = new Set([...users, ...innovations].map((r) => r.regionKey!));
  return regions.size > 0 ? [...regions].sort().map((r) => `${r}/${key}`) : undefined;
}
