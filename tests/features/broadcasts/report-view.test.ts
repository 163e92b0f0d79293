import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BroadcastSummary, RecipientRow } from '../../../src/broadcasts/broadcast-contract.js';
import { renderDeliveryReport, renderFinishedNotice } from '../../../src/features/broadcasts/report-view.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { PROJECT_ROOT } from '../../support/test-app.js';

const { t } = loadTranslator(path.join(PROJECT_ROOT, 'locales'));

function summary(patch: Partial<BroadcastSummary> = {}): BroadcastSummary {
  return {
    id: 'b1',
    createdById: 'u1',
    text: 'Undangan pelatihan penginputan data IGA 2026 bagi seluruh OPD pengampu inovasi daerah di Kabupaten Bantul.',
    documentName: 'undangan.pdf',
    audience: { regionKeys: ['kabupaten bantul'] },
    audienceLabel: 'Kabupaten Bantul',
    state: 'done',
    scheduledAt: null,
    createdAt: new Date('2026-12-06T01:00:00Z'),
    finishedAt: new Date('2026-12-07T02:05:00Z'),
    counts: {
      recipients: 20,
      sent: 9,
      failed: 3,
      blocked: 1,
      opted_out: 2,
      unreachable: 1,
      unknown: 1,
      pending: 0,
      deferred: 3,
      cancelled: 0,
    },
    ...patch,
  };
}

function row(status: RecipientRow['status'], reason: string | null = null): RecipientRow {
  return { userId: 'u', name: 'X', opd: null, region: null, channel: 'telegram', status, reason, sentAt: null };
}

describe('renderDeliveryReport: what the creator is told about a broadcast', () => {
  it('names every outcome with its count, failures with their reasons, in the reader’s zone', () => {
    const recipients = [
      row('failed', 'nomor tidak aktif'),
      row('failed', 'nomor tidak aktif'),
      row('failed', 'batas waktu habis'),
      row('sent'),
    ];
    expect(renderDeliveryReport(t, summary(), { zone: 'Asia/Makassar', recipients })).toBe(
      [
        '📣 Pengumuman: "Undangan pelatihan penginputan data IGA 2026 bagi seluruh…"',
        'Penerima: Kabupaten Bantul',
        'Status: selesai Senin, 7 Desember 2026 pukul 10.05 WITA',
        'Lampiran: undangan.pdf',
        '',
        'Laporan pengiriman (20 penerima):',
        '✅ Terkirim: 9',
        '❌ Gagal: 3 — nomor tidak aktif (2), batas waktu habis (1)',
        '🚫 Memblokir Pandu: 1 (tidak akan dikirimi pengumuman lagi)',
        '🔕 Memilih berhenti menerima pengumuman (BERHENTI): 2',
        '📵 Tidak dapat dihubungi di kanal mana pun: 1',
        '❓ Status tidak diketahui (sistem terhenti saat mengirim): 1. Mereka tidak dikirimi ulang otomatis; Anda bisa mengirim ulang bila perlu.',
        '📅 Dikirim besok (batas harian WhatsApp tercapai): 3',
      ].join('\n'),
    );
  });

  it('leaves out outcomes nobody had, and says when a scheduled one goes out', () => {
    const scheduled = summary({
      state: 'scheduled',
      documentName: null,
      scheduledAt: new Date('2026-12-07T02:00:00Z'),
      finishedAt: null,
      counts: {
        recipients: 4,
        sent: 0,
        failed: 0,
        blocked: 0,
        opted_out: 0,
        unreachable: 0,
        unknown: 0,
        pending: 4,
        deferred: 0,
        cancelled: 0,
      },
    });
    const text = renderDeliveryReport(t, scheduled, { zone: 'Asia/Jakarta' });
    expect(text).toContain('Status: dijadwalkan Senin, 7 Desember 2026 pukul 09.00 WIB');
    expect(text).toContain('✅ Terkirim: 0\n⏳ Menunggu giliran dikirim: 4');
    expect(text).not.toMatch(/Gagal|Lampiran|BERHENTI|besok/);
  });

  it('says how many failed even without the recipient list', () => {
    expect(renderDeliveryReport(t, summary(), { zone: 'Asia/Jakarta' })).toContain('\n❌ Gagal: 3\n');
  });
});

describe('renderFinishedNotice: the message the creator gets when a broadcast ends', () => {
  it('puts a heading above the report and points to the recipient list', () => {
    const text = renderFinishedNotice(t, summary(), { zone: 'Asia/Jakarta' });
    expect(text.startsWith('📬 Pengumuman Anda selesai dikirim.\n\n📣 Pengumuman: "Undangan pelatihan')).toBe(true);
    expect(text).toContain('Status: selesai Senin, 7 Desember 2026 pukul 09.05 WIB');
    expect(text.endsWith('Daftar penerima beserta statusnya bisa diunduh lewat /umumkan_status.')).toBe(true);
    expect(renderFinishedNotice(t, summary({ state: 'cancelled' }), { zone: 'Asia/Jakarta' })).toMatch(/^⛔ Pengumuman Anda dihentikan/);
  });
});
