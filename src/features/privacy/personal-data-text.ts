import type { Translate } from '../../i18n/translator.js';
import type { PersonalData } from '../../privacy/personal-data.js';

const date = (d: Date) => d.toISOString().slice(0, 10);

/** /data_saya as one message: every kind of record, each with what it holds (or "tidak ada"). */
export function renderPersonalData(data: PersonalData, t: Translate): string {
  const none = t('privacy.none');
  const p = data.profile;
  const value = (v: string | null) => v ?? none;
  const list = (items: string[]) => (items.length > 0 ? items.map((i) => `  • ${i}`).join('\n') : `  ${none}`);
  const sections = [
    t('privacy.data.title'),
    `${t('privacy.data.profile')}\n${list([
      `${t('privacy.data.name')}: ${value(p.fullName ?? p.displayName)}`,
      `${t('privacy.data.opd')}: ${value(p.opd)}`,
      `${t('privacy.data.region')}: ${value(p.region)}`,
      `${t('privacy.data.zone')}: ${value(p.timeZone)}`,
      `${t('privacy.data.role')}: ${t(`roles.name.${p.role}`)}`,
      `${t('privacy.data.since')}: ${date(p.createdAt)}`,
    ])}`,
    `${t('privacy.data.identities')}\n${list(data.identities.map((i) => `${i.channel}: ${i.externalId} (${t('privacy.data.last_seen')} ${date(i.lastSeenAt)})`))}`,
    `${t('privacy.data.scopes')}\n${list(data.scopes)}`,
    `${t('privacy.data.drafts')}\n${list(data.drafts.map((d) => `${d.title ?? t('privacy.data.untitled')} — ${d.status}, ${d.answers} ${t('privacy.data.answers')}`))}`,
    `${t('privacy.data.innovations')}\n${list(data.innovations.map((i) => `${i.name} — ${i.stage}, ${i.status}`))}`,
    `${t('privacy.data.reports')}\n${list(data.reports.map((r) => `${r.innovation} ${r.periodKey} — ${r.status}, ${r.attachments} ${t('privacy.data.files')}`))}`,
    `${t('privacy.data.other')}\n${list([
      `${t('privacy.data.open_flow')}: ${value(data.openFlow)}`,
      `${t('privacy.data.link_codes')}: ${data.activeLinkCodes}`,
      `${t('privacy.data.audit')}: ${data.auditEvents}`,
      `${t('privacy.data.announcements_received')}: ${data.announcements.received}${data.announcements.optedOut ? ` (${t('privacy.data.opted_out')})` : ''}`,
      `${t('privacy.data.announcements_sent')}: ${data.announcements.sent}`,
    ])}`,
    t('privacy.data.footer'),
  ];
  return sections.join('\n\n');
}
