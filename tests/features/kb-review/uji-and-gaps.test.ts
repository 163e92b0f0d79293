import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/messages.js';
import { GapStore } from '../../../src/knowledge/gaps/gap-store.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';

const ADMIN = 'terminal:operator';
const DAY_MS = 24 * 60 * 60 * 1000;

let test: ClockedApp;

beforeAll(async () => {
  test = await startClockedApp(undefined, { RATE_LIMIT_PER_MINUTE: '0', KB_GAP_RETENTION_DAYS: '30' });
});
afterAll(async () => {
  await test.close();
});

const choose = (replies: Reply[], label: string) => {
  const found = replies.flatMap((r) => r.choices ?? []).find((c) => c.label === label);
  if (!found) throw new Error(`no choice ${label}`);
  return test.send(ADMIN, '', { choiceId: found.id });
};

describe('/uji: what Pandu would answer, and why', () => {
  it('shows the answer, the decision with its confidence and threshold, and the passages with scores and citations', async () => {
    const replies = await test.send(ADMIN, '/uji berapa lama masa berlaku poin sampah?');
    expect(replies).toHaveLength(2);
    expect(replies[0]!.text).toMatch(/^Keputusan: menjawab \(keyakinan \d\.\d\d, ambang 0\.50, disusun langsung dari potongan\)/);
    expect(replies[0]!.text).toContain('Jawaban yang akan dikirim:');
    expect(replies[0]!.text).toContain('Dasar: Perwal Lestari 12/2023 Pasal 5 ayat (2)');
    expect(replies[1]!.text).toContain('Potongan teratas (skor gabungan | BM25 | kemiripan vektor):');
    expect(replies[1]!.text).toMatch(/^1\. 1\.00 \| \d+\.\d \| \d\.\d\d — Perwal Lestari 12\/2023 Pasal 5 ayat \(2\)$/m);
    expect(replies[1]!.text).toContain('Poin sampah berlaku selama dua belas bulan');
  });

  it('says when Pandu would abstain, and a test is not counted as an unanswered question', async () => {
    const text = textOf(await test.send(ADMIN, '/uji berapa gaji pegawai PPPK tahun depan?'));
    expect(text).toContain('Keputusan: TIDAK menjawab / abstain');
    expect(text).toContain('tidak ditemukan dalam basis pengetahuan');
    expect(await test.app.db.kbGapQuestion.count()).toBe(0);
  });

  it('asks for the question when none was given, and is refused to an innovator', async () => {
    expect(textOf(await test.send(ADMIN, '/uji'))).toContain('Ketik pertanyaannya setelah /uji');
    expect(textOf(await test.send('telegram:7001', '/uji berapa gaji PPPK?'))).toContain('hanya untuk admin');
  });
});

describe('/kb_celah: questions Pandu could not answer, grouped and counted', () => {
  it('records abstentions as text only (masked), groups near-duplicates and counts them per period', async () => {
    await test.send('telegram:7001', 'Berapa gaji PPPK tahun depan?');
    await test.send('whatsapp:6281100@c.us', 'berapa gaji pppk tahun depan');
    await test.send('telegram:7002', 'NIK saya 3201234567890001, gaji PPPK tahun depan berapa?');
    await test.send('telegram:7002', 'bagaimana cara mengurus paspor dinas?');
    await test.send('telegram:7002', 'berapa lama masa berlaku poin sampah?');
    const rows = await test.app.db.kbGapQuestion.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.outcome)).toEqual(['abstained', 'abstained', 'abstained', 'abstained']);
    expect(Object.keys(rows[0]!).sort()).toEqual(['confidence', 'createdAt', 'id', 'outcome', 'text']);
    expect(rows.map((r) => r.text).join('\n')).not.toContain('3201234567890001');
    expect(rows[2]!.text).toContain('[angka]');

    const menu = await test.send(ADMIN, '/kb_celah');
    expect(menu[0]!.choices!.map((c) => c.label)).toEqual(['7 hari terakhir', '30 hari terakhir', '90 hari terakhir']);
    const report = textOf(await choose(menu, '7 hari terakhir'));
    expect(report).toContain('7 hari terakhir (4 pertanyaan, 2 kelompok)');
    expect(report).toMatch(/^1\. \(3×: 3 tidak terjawab, 0 kurang yakin\) Berapa gaji PPPK tahun depan\?$/m);
    expect(report).toMatch(/^2\. \(1×: 1 tidak terjawab, 0 kurang yakin\) bagaimana cara mengurus paspor dinas\?$/m);
    expect(report).toContain('selama 30 hari');
  });

  it('looks back only over the period picked, and forgets questions older than the retention on the next prune', async () => {
    test.advance(10 * DAY_MS);
    await test.send('telegram:7001', 'apakah ada tunjangan khusus bagi pegawai di pulau terluar?');
    const week = textOf(await choose(await test.send(ADMIN, '/kb_celah'), '7 hari terakhir'));
    expect(week).toContain('(1 pertanyaan, 1 kelompok)');
    const month = textOf(await choose(await test.send(ADMIN, '/kb_celah'), '30 hari terakhir'));
    expect(month).toContain('(5 pertanyaan, 3 kelompok)');
    test.advance(25 * DAY_MS);
    await test.restart(); // pruning runs at start-up and hourly
    expect(await test.app.db.kbGapQuestion.count()).toBe(1);
    expect(textOf(await choose(await test.send(ADMIN, '/kb_celah'), '90 hari terakhir'))).toContain('(1 pertanyaan, 1 kelompok)');
  });

  it('ignores greetings and thanks', async () => {
    const before = await test.app.db.kbGapQuestion.count();
    await test.send('telegram:7003', 'ok siap');
    await test.send('telegram:7003', 'terima kasih');
    expect(await test.app.db.kbGapQuestion.count()).toBe(before);
  });
});

describe('GapStore', () => {
  it('counts a low-confidence answer, not a confident one, and never an abstention-free greeting', async () => {
    const store = new GapStore(test.app.db, { lowConfidence: 0.6, retentionDays: 30 });
    const now = test.now();
    await test.app.db.kbGapQuestion.deleteMany();
    expect(await store.noteAnswer('bagaimana prosedur hibah inovasi?', { kind: 'answer', confidence: 0.55 }, now)).toBe(true);
    expect(await store.noteAnswer('bagaimana prosedur hibah inovasi?', { kind: 'answer', confidence: 0.9 }, now)).toBe(false);
    expect(await store.noteAnswer('ok', { kind: 'not_found', confidence: 0 }, now)).toBe(false);
    const report = await store.report(7, now);
    expect(report.groups).toEqual([{ text: 'bagaimana prosedur hibah inovasi?', count: 1, abstained: 0, low: 1, variants: [] }]);
  });
});
