import { expect, it } from 'vitest';
import type { Reply } from '../../../src/core/messages.js';
import { describeOnBothDatabases, textOf } from '../../core/support/clocked-app.js';

const ADMIN = 'terminal:operator';
const POINTS = 'berapa lama masa berlaku poin sampah?';
const PASAL_5 = 'Perwal Lestari 12/2023 Pasal 5 ayat (2)';

describeOnBothDatabases('/kb_status: amended and revoked Pasal in answers', (running) => {
  const app = () => running().app;

  /** Picks the choice whose label contains `label` from the last reply that offered choices. */
  async function pick(replies: Reply[], label: string): Promise<Reply[]> {
    const offered = replies.flatMap((r) => r.choices ?? []);
    const found = offered.find((c) => c.label.includes(label));
    if (!found) throw new Error(`no choice "${label}" in ${offered.map((c) => c.label).join(' | ')}`);
    return running().send(ADMIN, '', { choiceId: found.id });
  }

  /** Walks /kb_status for the regulation's Pasal 5 (or the whole regulation) to a status, and confirms. */
  async function mark(status: 'Berlaku' | 'Diubah' | 'Dicabut', opts: { pasal?: string; by?: string } = {}): Promise<string> {
    let replies = await running().send(ADMIN, '/kb_status');
    replies = await pick(replies, 'Perwal Lestari 12/2023');
    if (opts.pasal) {
      replies = await pick(replies, 'Satu pasal');
      expect(textOf(replies)).toContain('Ketik nomor pasalnya');
      replies = await running().send(ADMIN, opts.pasal);
    } else replies = await pick(replies, 'Seluruh');
    replies = await pick(replies, status);
    if (opts.by) {
      expect(textOf(replies)).toContain('Diubah oleh apa?');
      replies = await running().send(ADMIN, opts.by);
    }
    expect(textOf(replies)).toContain('Simpan:');
    return textOf(await pick(replies, 'Ya, simpan'));
  }

  const answer = (question: string) => app().answerer.answer(question);

  it('answers normally while the Pasal is in force', async () => {
    const a = await answer(POINTS);
    expect(a.citations).toContain(PASAL_5);
    expect(a.text).not.toContain('telah diubah');
  });

  it('notes an amended Pasal in one line naming what amended it, and audits the change', async () => {
    const saved = await mark('Diubah', { pasal: '5', by: 'Perwal Lestari 3/2025' });
    expect(saved).toContain('Perwal Lestari 12/2023 Pasal 5 kini diubah oleh Perwal Lestari 3/2025 (sebelumnya berlaku)');
    const reply = textOf(await running().send('telegram:42', POINTS));
    expect(reply).toContain(PASAL_5);
    const notes = reply.split('\n').filter((l) => l.includes('telah diubah'));
    expect(notes).toEqual(['Catatan: Perwal Lestari 12/2023 Pasal 5 telah diubah oleh Perwal Lestari 3/2025; periksa bunyi terbarunya.']);
    // Another Pasal of the same regulation carries no note.
    expect((await answer('bagaimana cara mendaftar jadi nasabah bank sampah digital?')).text).not.toContain('telah diubah');

    const events = await app().db.auditEvent.findMany({ where: { action: 'kb.status' } });
    expect(events).toHaveLength(1);
    const operator = await app().db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'terminal', externalId: 'operator' } },
    });
    expect(events[0]).toMatchObject({
      actorId: operator.userId,
      subject: 'reg:Perwal Lestari 12/2023',
      before: { document: 'Perwal Lestari 12/2023', pasal: '5', status: 'berlaku', amendedBy: null },
      after: { document: 'Perwal Lestari 12/2023', pasal: '5', status: 'diubah', amendedBy: 'Perwal Lestari 3/2025' },
    });
  });

  it('never cites a revoked Pasal, in any answer or in /uji', async () => {
    await mark('Dicabut', { pasal: '5' });
    const a = await answer(POINTS);
    expect(a.citations.some((c) => c.includes('Pasal 5'))).toBe(false);
    expect(a.text).not.toContain('dua belas bulan');
    expect(a.hits.some((h) => h.chunk.pasal === '5' && h.chunk.regulation === 'Perwal Lestari 12/2023')).toBe(false);
    const named = await answer('apa bunyi Pasal 5 Perwal Lestari 12/2023?');
    expect(named.text).not.toContain('dua belas bulan');
    // Whoever names it is told it was revoked, not handed another article as if it were that one.
    expect(named.text.split('\n')[0]).toBe(
      'Catatan: Perwal Lestari 12/2023 Pasal 5 telah dicabut, jadi tidak lagi dikutip sebagai ketentuan yang berlaku.',
    );
    expect(a.text).not.toContain('telah dicabut');
    expect(named.citations.some((c) => c.includes('Pasal 5'))).toBe(false);
    const uji = textOf(await running().send(ADMIN, `/uji ${POINTS}`));
    expect(uji).not.toContain(PASAL_5);
  });

  it('answers normally again once the Pasal is back in force', async () => {
    const saved = await mark('Berlaku', { pasal: '5' });
    expect(saved).toContain('kini berlaku (sebelumnya dicabut)');
    const a = await answer(POINTS);
    expect(a.citations).toContain(PASAL_5);
    expect(a.text).not.toContain('telah diubah');
    expect((await answer('apa bunyi Pasal 5 Perwal Lestari 12/2023?')).text).not.toContain('telah dicabut');
    expect(await app().db.kbPasalStatus.count()).toBe(0);
  });

  it('marks a whole regulation: amended notes every answer from it, revoked removes it, berlaku restores it', async () => {
    await mark('Diubah', { by: 'Perwal Lestari 1/2026' });
    expect((await answer(POINTS)).text).toContain('Catatan: Perwal Lestari 12/2023 telah diubah oleh Perwal Lestari 1/2026');
    await mark('Dicabut');
    const revoked = await answer(POINTS);
    expect(revoked.citations.some((c) => c.startsWith('Perwal Lestari 12/2023'))).toBe(false);
    expect((await answer('bagaimana pengaduan nasabah menurut Perwal Lestari 12/2023?')).text).toContain(
      'Catatan: Perwal Lestari 12/2023 telah dicabut',
    );
    // Other regulations are untouched.
    expect((await answer('apa saja isi minimal proposal inovasi daerah?')).citations).toContain('PP 38/2017 Pasal 7 ayat (2)');
    await mark('Berlaku');
    expect((await answer(POINTS)).citations).toContain(PASAL_5);
    const docs = await app().db.kbDocument.findMany({ where: { regulation: 'Perwal Lestari 12/2023' } });
    expect(docs.every((d) => d.status === 'berlaku' && d.amendedBy === null)).toBe(true);
  });

  it('refuses a Pasal the regulation does not have, and an empty "diubah oleh", and keeps the status on cancel', async () => {
    let replies = await running().send(ADMIN, '/kb_status perwal lestari');
    replies = await pick(replies, 'Satu pasal');
    replies = await running().send(ADMIN, '99');
    expect(textOf(replies)).toContain('Pasal 99 tidak ada dalam Perwal Lestari 12/2023');
    replies = await running().send(ADMIN, 'Pasal 9');
    replies = await pick(replies, 'Diubah');
    replies = await running().send(ADMIN, 'diubah oleh');
    expect(textOf(replies)).toContain('Diubah oleh apa?');
    replies = await running().send(ADMIN, 'x'.repeat(250));
    expect(textOf(replies)).toContain('Terlalu panjang');
    replies = await running().send(ADMIN, 'Perwal Lestari 4/2026');
    expect(textOf(await pick(replies, 'Batal'))).toContain('Dibatalkan');
    expect(await app().db.kbPasalStatus.count()).toBe(0);
  });

  it('says so when nothing matches what the admin typed, and reads the next message as anything else', async () => {
    expect(textOf(await running().send(ADMIN, '/kb_status Perda Antah Berantah 9/2099'))).toContain(
      'Tidak ada peraturan atau dokumen yang cocok',
    );
    expect(textOf(await running().send(ADMIN, 'poinnya hangus kapan ya'))).not.toContain('Tidak ada peraturan atau dokumen yang cocok');
  });

  it('stops at "batal" typed at any step, changing nothing', async () => {
    await running().send(ADMIN, '/kb_status');
    expect(textOf(await running().send(ADMIN, 'batal'))).toContain('Dibatalkan');
    expect(textOf(await running().send(ADMIN, 'batal'))).not.toContain('Tidak ada peraturan atau dokumen yang cocok');
    expect(await app().db.kbPasalStatus.count()).toBe(0);
  });
});
