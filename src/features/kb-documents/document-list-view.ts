import { formatLocal } from '../../core/time/zoned.js';
import type { Translate } from '../../i18n/translator.js';
import { HISTORY_ZONE } from '../../knowledge/audit/history-lines.js';
import type { DocumentSummary } from '../../knowledge/store/kb-store.js';

/** Enough to see the base at a glance in one chat message; the rest is in `npm run kb -- list`. */
export const MAX_LISTED = 40;

/**
 * /kb_daftar: each document with its regulation, status, chunks, version and who added it when.
 * Admins' documents first (what they manage), newest first; retired versions are listed and marked.
 */
export function documentListText(t: Translate, docs: readonly DocumentSummary[], zone = HISTORY_ZONE): string {
  if (docs.length === 0) return t('kb_admin.list.empty');
  const ordered = [...docs].sort(
    (a, b) => Number(a.origin === 'shipped') - Number(b.origin === 'shipped') || b.createdAt.getTime() - a.createdAt.getTime(),
  );
  const retired = docs.filter((d) => d.retiredAt !== null).length;
  const lines = [t('kb_admin.list.header', { live: docs.length - retired, retired })];
  ordered.slice(0, MAX_LISTED).forEach((d, i) => {
    const when = formatLocal(d.createdAt, zone);
    const added =
      d.origin === 'shipped'
        ? t('kb_admin.list.shipped')
        : d.addedBy
          ? t('kb_admin.list.added_by', { who: d.addedBy, when })
          : t('kb_admin.list.added_at', { when });
    const status = d.retiredAt ? t('kb_admin.list.retired', { when: formatLocal(d.retiredAt, zone) }) : d.status;
    lines.push(
      t('kb_admin.list.line', {
        n: i + 1,
        title: d.title,
        regulation: d.regulation ?? '-',
        status,
        chunks: d.chunks,
        version: t('kb_admin.version', { version: d.version }),
        added,
      }),
    );
  });
  if (ordered.length > MAX_LISTED) lines.push(t('kb_admin.list.more', { count: ordered.length - MAX_LISTED }));
  return lines.join('\n');
}
