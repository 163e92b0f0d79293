import { formatLocal } from '../../core/time/zoned.js';
import { ZONES, zoneLabel, type Zone } from '../../people/regions/zones.js';
import type { Translate } from '../../i18n/translator.js';
import type { AuditedDocument, KbAuditEvent } from './kb-audit.js';

/** Where knowledge-base history times are shown when the reader has no zone of their own. */
export const HISTORY_ZONE = 'Asia/Jakarta';

/**
 * One Indonesian line per knowledge-base change, the same in the chat (/kb_riwayat) and in
 * `npm run kb -- history`: when, who, what, and the document before and after.
 */
export function historyLine(event: KbAuditEvent, t: Translate, zone = HISTORY_ZONE): string {
  const who = event.actor ?? t('kb_admin.history.system');
  const action = t(`kb_admin.history.action.${event.action.replace(/^kb\./, '')}`);
  // The zone is said: the reader may live in another one ("22.20 WIB" is 23.20 in Makassar).
  const label = (ZONES as readonly string[]).includes(zone) ? zoneLabel(zone as Zone) : zone;
  const parts = [`${formatLocal(event.at, zone)} ${label} — ${who}: ${action}`];
  if (event.before) parts.push(`${t('kb_admin.history.before')}: ${describe(event.before, t)}`);
  if (event.after) parts.push(`${t('kb_admin.history.after')}: ${describe(event.after, t)}`);
  return parts.join('; ');
}

function describe(doc: AuditedDocument, t: Translate): string {
  const details = [
    doc.regulation ? doc.regulation : undefined,
    doc.version !== undefined ? t('kb_admin.version', { version: doc.version }) : undefined,
    doc.chunks !== undefined ? t('kb_admin.chunks', { chunks: doc.chunks }) : undefined,
    doc.retired ? t('kb_admin.retired') : undefined,
  ].filter(Boolean);
  return `"${doc.title}"${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}
