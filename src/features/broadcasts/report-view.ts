import type { BroadcastCounts, BroadcastSummary, RecipientRow } from '../../broadcasts/broadcast-contract.js';
import { weekday } from '../../core/time/local-date.js';
import { inZone } from '../../core/time/zoned.js';
import type { Translate } from '../../i18n/translator.js';
import { dateLabel } from '../../innovations/labels.js';
import { zoneLabel, type Zone } from '../../people/regions/zones.js';

/** Characters of the announcement shown as its title in reports and lists. */
const TITLE_CHARS = 60;
/** Failure reasons listed before "dan N lainnya". */
const REASONS_SHOWN = 3;

/** "Senin, 7 Desember 2026 pukul 09.00 WITA": an instant as the coordinator reads it. */
export function whenLabel(t: Translate, instant: Date, zone: Zone): string {
  const local = inZone(instant, zone);
  const time = `${String(local.hour).padStart(2, '0')}.${String(local.minute).padStart(2, '0')}`;
  return t('broadcast.when', {
    weekday: t(`time.weekday.${weekday(local.date)}`),
    date: dateLabel(t, local.date),
    time,
    zone: zoneLabel(zone),
  });
}

/** The first words of the announcement, on one line. */
export function broadcastTitle(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_CHARS) return line;
  const cut = line.slice(0, TITLE_CHARS - 1);
  // End on a whole word unless that would leave too little of the title.
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** Where the broadcast stands: "dijadwalkan Senin, …", "sedang dikirim", "selesai Senin, …". */
export function stateLine(t: Translate, summary: BroadcastSummary, zone: Zone): string {
  switch (summary.state) {
    case 'scheduled':
      return t('broadcast.state.scheduled', { when: summary.scheduledAt ? whenLabel(t, summary.scheduledAt, zone) : '' });
    case 'done':
      return summary.finishedAt
        ? t('broadcast.state.done_at', { when: whenLabel(t, summary.finishedAt, zone) })
        : t('broadcast.state.done');
    default:
      return t(`broadcast.state.${summary.state}`);
  }
}

/**
 * The counts as one short line for lists: "✅ 40/52 terkirim · ❌ 2 gagal · ⏳ 10 menunggu", out of those it
 * could reach (people who opted out or cannot be reached are in the full report, not in the fraction).
 */
export function countsLine(t: Translate, counts: BroadcastCounts): string {
  const reachable = counts.recipients - counts.opted_out - counts.unreachable;
  const parts = [t('broadcast.short.sent', { sent: counts.sent, recipients: reachable })];
  const failed = counts.failed + counts.blocked;
  if (failed > 0) parts.push(t('broadcast.short.failed', { count: failed }));
  if (counts.unknown > 0) parts.push(t('broadcast.short.unknown', { count: counts.unknown }));
  const waiting = counts.pending + counts.deferred;
  if (waiting > 0) parts.push(t('broadcast.short.waiting', { count: waiting }));
  return parts.join(' · ');
}

/** Why sends failed, most frequent first: "nomor tidak aktif (2), batas waktu habis (1)". */
function failureReasons(t: Translate, recipients: readonly RecipientRow[]): string {
  const tally = new Map<string, number>();
  for (const r of recipients) {
    if (r.status !== 'failed') continue;
    const reason = r.reason?.trim() || t('broadcast.report.no_reason');
    tally.set(reason, (tally.get(reason) ?? 0) + 1);
  }
  const sorted = [...tally.entries()].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, REASONS_SHOWN).map(([reason, n]) => `${reason} (${n})`);
  if (sorted.length > REASONS_SHOWN) shown.push(t('broadcast.report.more_reasons', { count: sorted.length - REASONS_SHOWN }));
  return shown.join(', ');
}

/**
 * The delivery report of one broadcast in Indonesian, for /umumkan_status and for telling its creator when
 * it finished: what was announced, to whom, where it stands, and every outcome with a count (sent, failed
 * and why, blocked, opted out, not reachable, status unknown after a crash, waiting, deferred to tomorrow's
 * WhatsApp allowance, cancelled). Pass `recipients` to say why sends failed; `zone` is the reader's.
 */
export function renderDeliveryReport(
  t: Translate,
  summary: BroadcastSummary,
  options: { zone: Zone; recipients?: readonly RecipientRow[] },
): string {
  const { counts } = summary;
  const lines = [
    t('broadcast.report.title', { title: broadcastTitle(summary.text) }),
    t('broadcast.report.audience', { audience: summary.audienceLabel }),
    t('broadcast.report.state', { state: stateLine(t, summary, options.zone) }),
  ];
  if (summary.documentName) lines.push(t('broadcast.report.document', { name: summary.documentName }));
  lines.push('', t('broadcast.report.heading', { recipients: counts.recipients }), t('broadcast.report.sent', { count: counts.sent }));
  if (counts.failed > 0) {
    const reasons = options.recipients ? failureReasons(t, options.recipients) : '';
    lines.push(t(reasons ? 'broadcast.report.failed_why' : 'broadcast.report.failed', { count: counts.failed, reasons }));
  }
  const rest: Array<[keyof BroadcastCounts, string]> = [
    ['blocked', 'broadcast.report.blocked'],
    ['opted_out', 'broadcast.report.opted_out'],
    ['unreachable', 'broadcast.report.unreachable'],
    ['unknown', 'broadcast.report.unknown'],
    ['pending', summary.state === 'paused' ? 'broadcast.report.pending_paused' : 'broadcast.report.pending'],
    ['deferred', 'broadcast.report.deferred'],
    ['cancelled', 'broadcast.report.cancelled'],
  ];
  for (const [key, message] of rest) if (counts[key] > 0) lines.push(t(message, { count: counts[key] }));
  return lines.join('\n');
}

/**
 * The message that tells a broadcast's creator it has finished (or stopped): a heading, the delivery report,
 * and where to get the recipient list. For the dispatcher to send through Outbound when a broadcast ends.
 */
export function renderFinishedNotice(
  t: Translate,
  summary: BroadcastSummary,
  options: { zone: Zone; recipients?: readonly RecipientRow[] },
): string {
  const heading = t(summary.state === 'cancelled' ? 'broadcast.finished.cancelled' : 'broadcast.finished.done');
  return [heading, '', renderDeliveryReport(t, summary, options), '', t('broadcast.finished.more')].join('\n');
}
