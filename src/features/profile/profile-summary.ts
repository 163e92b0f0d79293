import type { Profile } from '../../core/users.js';
import type { Translate } from '../../i18n/translator.js';
import { ZONES, zoneLabel } from '../../people/regions/zones.js';

/** The profile as the person sees it, one field per line; a missing field says so. */
export function profileSummary(t: Translate, p: Profile): string {
  const missing = t('profile.missing');
  const zone = ZONES.find((z) => z === p.timeZone);
  return t('profile.summary_text', {
    name: p.fullName ?? missing,
    opd: p.opd ?? missing,
    region: p.region ?? missing,
    zone: zone ? zoneLabel(zone) : missing,
  });
}
