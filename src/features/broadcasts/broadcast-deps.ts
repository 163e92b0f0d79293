import type { BroadcastService } from '../../broadcasts/broadcast-contract.js';
import type { Context } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import type { Translate } from '../../i18n/translator.js';
import type { Zone } from '../../people/regions/zones.js';
import type { Scope, ScopeStore } from '../../people/scopes.js';
import { personZone } from '../../reports/person-zone.js';
import type { DraftDocuments } from './draft-document.js';

export interface BroadcastFeatureDeps {
  service: BroadcastService;
  /** Where people in scope are (the audience menu's regions and OPDs). */
  db: Db;
  scopes: ScopeStore;
  documents: DraftDocuments;
  t: Translate;
}

/** An admin's reach is everything (undefined); a coordinator's their scopes (possibly none). */
export async function scopesOf(deps: BroadcastFeatureDeps, ctx: Context): Promise<Scope[] | undefined> {
  return ctx.user.role === 'admin' ? undefined : deps.scopes.list(ctx.user.id);
}

/** The zone the coordinator reads and types times in. */
export function zoneOf(ctx: Context): Zone {
  return personZone(ctx.user.profile.timeZone);
}
