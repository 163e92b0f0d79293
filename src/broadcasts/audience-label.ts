import type { Db } from '../db/client.js';
import type { Translate } from '../i18n/translator.js';
import type { Audience } from './broadcast-contract.js';

/**
 * One Indonesian line naming an audience, e.g. "OPD Dinas Kesehatan, tahap Uji coba, yang laporannya
 * terlambat". Region and OPD names are taken from the people who carry those keys (the keys are normalised).
 */
export async function audienceLabel(db: Db, t: Translate, audience: Audience, admin: boolean): Promise<string> {
  const parts: string[] = [];
  if (audience.regionKeys?.length) {
    const names = await Promise.all(audience.regionKeys.map((key) => regionName(db, key)));
    parts.push(t('broadcast.audience.region', { names: names.join(', ') }));
  }
  if (audience.opds?.length) {
    const names = await Promise.all(audience.opds.map((key) => opdName(db, key)));
    parts.push(t('broadcast.audience.opd', { names: names.join(', ') }));
  }
  if (audience.stages?.length) {
    parts.push(t('broadcast.audience.stage', { names: audience.stages.map((s) => t(`innovations.choice.stage.${s}`)).join(', ') }));
  }
  if (audience.overdueOnly) parts.push(t('broadcast.audience.overdue'));
  if (parts.length === 0) return t(admin ? 'broadcast.audience.everyone_admin' : 'broadcast.audience.everyone');
  return parts.join(', ');
}

async function regionName(db: Db, regionKey: string): Promise<string> {
  const user = await db.user.findFirst({ where: { regionKey, region: { not: null } }, select: { region: true } });
  if (user?.region) return user.region;
  const innovation = await db.innovation.findFirst({ where: { regionKey, region: { not: null } }, select: { region: true } });
  return innovation?.region ?? regionKey;
}

async function opdName(db: Db, key: string): Promise<string> {
  const slash = key.indexOf('/');
  const regionKey = key.slice(0, slash);
  const opdKey = key.slice(slash + 1);
  const user = await db.user.findFirst({ where: { regionKey, opdKey, opd: { not: null } }, select: { opd: true, region: true } });
  const innovation = user ? null : await db.innovation.findFirst({ where: { regionKey, opdKey }, select: { opd: true, region: true } });
  const found = user ?? innovation;
  if (!found?.opd) return opdKey;
  return found.region ? `${found.opd} — ${found.region}` : found.opd;
}
