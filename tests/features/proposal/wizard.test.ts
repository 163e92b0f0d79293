import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INCOMING_CHARS } from '../../../src/core/router.js';
import { DraftStore } from '../../../src/features/proposal/draft-store.js';
import { startWizardApp, texts, type WizardApp } from './wizard-harness.js';

let w: WizardApp;
beforeAll(async () => {
  w = await startWizardApp();
});
afterAll(async () => {
  await w.close();
});

const DAY = 24 * 60 * 60 * 1000;

describe('proposal wizard through the router', () => {
  it('keeps saved answers and the open section when a message is empty, too long, a sticker, a file or a command', async () => {
    await w.say('/proposal', 'bad');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'bad');
    await w.say('Dapur Gizi Desa', 'bad');
    await w.say('lanjut', 'bad');
    expect(await w.say('Inovasi Pelayanan Publik di urusan kesehatan.', 'bad')).toContain('Tersimpan (6 kata');
    const [draft] = await w.drafts('bad');
    const before = await w.snapshot(draft!.id);

    expect(await w.say('   ', 'bad')).toContain('Pesannya kosong');
    expect(await w.say('x'.repeat(MAX_INCOMING_CHARS + 1), 'bad')).toContain('terlalu panjang');
    expect(texts(await w.send({ unsupported: 'sticker' }, 'bad'))).toContain('belum bisa membaca stiker');
    const file = { fileName: 'lampiran.pdf', mimeType: 'application/pdf', size: 10, download: async () => Buffer.from('x') };
    expect(texts(await w.send({ file }, 'bad'))).toContain('Berkas belum bisa dilampirkan ke proposal');
    expect(await w.say('/bantuan', 'bad')).toContain('/proposal [baru|daftar]');
    expect(await w.snapshot(draft!.id)).toEqual(before);

    // The wizard is still on the same section: the next text continues its answer.
    expect(await w.say('Sasaran: ibu hamil dan balita.', 'bad')).toContain('Tersimpan (11 kata di bagian "Bentuk Inovasi Daerah")');
    expect(await w.say('LANJUT.', 'bad')).toContain('Bagian 3/9: Rancang bangun dan pokok perubahan');
  });

  it('records every message, replacement and skip as a new version and keeps the history', async () => {
    await w.say('/proposal baru', 'hist');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'hist');
    await w.say('Nama Pertama', 'hist');
    await w.say('tambahan', 'hist');
    await w.say('ubah nama', 'hist');
    await w.say('Nama Kedua', 'hist');
    await w.say('lanjut', 'hist');
    await w.say('lewati', 'hist');
    const [draft] = await w.drafts('hist');
    const store = new DraftStore(w.app.db);
    expect((await store.history(draft!.id, 'nama')).map((v) => v.text)).toEqual(['Nama Pertama', 'Nama Pertama\ntambahan', 'Nama Kedua']);
    expect((await store.history(draft!.id, 'bentuk')).map((v) => [v.text, v.skipped])).toEqual([['', true]]);
    expect(draft!.title).toBe('Nama Kedua');
    expect(draft!.currentSection).toBe('rancang_bangun');
  });

  it('saves a section answer sent two days after the last message into the draft', async () => {
    await w.say('/proposal', 'pause');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'pause');
    await w.say('Dapur Gizi Desa', 'pause');
    expect(await w.say('lanjut', 'pause')).toContain('Bagian 2/9: Bentuk Inovasi Daerah');

    w.advance(2 * DAY);
    const reply = await w.say('Inovasi Pelayanan Publik di urusan kesehatan.', 'pause');
    expect(reply).toContain('Tersimpan (6 kata di bagian "Bentuk Inovasi Daerah")');
    expect(reply).not.toContain('berakhir karena lama tidak aktif');
    const [draft] = await w.drafts('pause');
    expect((await new DraftStore(w.app.db).answers(draft!.id)).get('bentuk')!.text).toBe('Inovasi Pelayanan Publik di urusan kesehatan.');
  });

  it('resumes the draft at the section the user left after the session expired', async () => {
    await w.say('/proposal', 'late');
    await w.send({ choiceId: 'proposal:tpl:sinovik-kipp' }, 'late');
    await w.say('SAPA LANSIA', 'late');
    await w.say('lanjut', 'late');
    expect(await w.say('lanjut', 'late')).toContain('Bagian 3/11: Latar belakang, masalah, dan tujuan');

    // The wizard stays open for 90 days between messages; after that the flow ends but the draft stays.
    w.advance(91 * DAY);
    // After expiry, free text is no longer an answer; /proposal offers to resume where the user stopped.
    const menu = await w.send({ text: '/proposal' }, 'late');
    expect(texts(menu)).toContain('"SAPA LANSIA" (bagian 3. Latar belakang, masalah, dan tujuan)');
    expect(menu.at(-1)!.choices!.map((c) => c.label)).toEqual(['Lanjutkan: SAPA LANSIA', 'Buat draf baru']);
    expect(await w.say('1', 'late')).toContain('Bagian 3/11: Latar belakang, masalah, dan tujuan');
  });

  it('keeps several drafts apart, switches between them, and deletes one only after confirmation', async () => {
    await w.say('/proposal', 'multi');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'multi');
    await w.say('Inovasi Satu', 'multi');
    await w.say('simpan', 'multi');
    await w.say('/proposal baru', 'multi');
    await w.send({ choiceId: 'proposal:tpl:iid-profil' }, 'multi');
    await w.say('Inovasi Dua', 'multi');

    const list = await w.send({ text: '/draf' }, 'multi');
    expect(list[0]!.choices!.map((c) => c.label)).toEqual([
      'Inovasi Dua · Profil IID/IGA · 1/11',
      'Inovasi Satu · Proposal PP 38/2017 · 1/9',
      'Buat draf baru',
    ]);
    expect(await w.say('2', 'multi')).toContain('Bagian 1/9: Nama inovasi');

    const ask = await w.send({ text: 'hapus' }, 'multi');
    expect(texts(ask)).toContain('Hapus draf "Inovasi Satu"');
    expect(await w.say('2', 'multi')).toContain('Draf tidak dihapus');
    expect(await w.drafts('multi')).toHaveLength(2);
    await w.say('hapus', 'multi');
    expect(await w.say('1', 'multi')).toContain('Draf "Inovasi Satu" sudah dihapus');
    expect((await w.drafts('multi')).map((d) => d.title)).toEqual(['Inovasi Dua']);
  });

  it('warns at once when a new draft reuses the title of another draft', async () => {
    await w.say('/proposal', 'twin');
    await w.send({ choiceId: 'proposal:tpl:sinovik-kipp' }, 'twin');
    await w.say('SAPA Lansia', 'twin');
    await w.say('/proposal baru', 'twin');
    await w.send({ choiceId: 'proposal:tpl:sinovik-kipp' }, 'twin');
    await w.say('sapa  lansia!', 'twin');
    const reply = await w.send({ text: 'lanjut' }, 'twin');
    expect(texts(reply)).toContain('sudah dipakai draf Anda yang lain');
    expect(texts(reply)).toContain('Bagian 2/11: Ringkasan');
  });

  it('starts from "mau bikin proposal" but leaves questions about proposals to the question answerer', async () => {
    expect(await w.say('mau bikin proposal', 'intent')).toContain('Pilih templat proposal');
    expect(await w.say('bagaimana cara membuat proposal?', 'intent2')).not.toContain('Pilih templat proposal');
  });

  it('answers the finish with a Word document named after the draft, and buttons to fix what the check found', async () => {
    await w.say('/proposal', 'doc');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'doc');
    await w.say('Dapur Gizi Desa', 'doc');
    const replies = await w.send({ text: 'selesai' }, 'doc');
    const [draft] = await w.drafts('doc');
    const document = replies.find((r) => r.document)!.document!;
    expect(document.fileName).toBe(`proposal-dapur-gizi-desa-${draft!.id.slice(-6)}-v1.docx`);
    expect(document.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(document.data.subarray(0, 2).toString()).toBe('PK');
    expect(replies.find((r) => r.text.startsWith('🔎'))!.text).toContain('Bentuk Inovasi Daerah');
    // All buttons come last, so a typed number picks from them on every channel.
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toContain(`proposal:go:${draft!.id}:bentuk`);

    // The Markdown comes as one reply; each channel splits long text cleanly when it sends it.
    const markdown = await w.send({ text: 'markdown' }, 'doc');
    expect(markdown).toHaveLength(1);
    expect(markdown[0]!.text).toContain('# Dapur Gizi Desa');
    expect(markdown[0]!.text).toContain('## 9. Kemungkinan direplikasi');
  });

  it('acts on the draft an old button was shown for, never on the draft open now', async () => {
    await w.say('/proposal', 'stale');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'stale');
    await w.say('Draf A', 'stale');
    const menuA = await w.send({ text: 'ubah' }, 'stale');
    const manfaatA = menuA[0]!.choices!.find((c) => c.label.includes('Manfaat'))!;
    const deleteA = (await w.send({ text: 'hapus' }, 'stale'))[0]!.choices![0]!;
    expect(deleteA.label).toBe('Ya, hapus draf ini');
    await w.say('2', 'stale'); // "Tidak, jangan hapus"

    await w.say('/proposal baru', 'stale');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'stale');
    await w.say('Draf B', 'stale');
    const [b, a] = await w.drafts('stale');
    expect([a!.title, b!.title]).toEqual(['Draf A', 'Draf B']);

    // A's "yes, delete" pressed while B's own delete question is open: nothing is deleted.
    expect(await w.say('hapus', 'stale')).toContain('Hapus draf "Draf B"');
    expect(texts(await w.send({ choiceId: deleteA.id }, 'stale'))).toContain(
      'Tombol itu untuk draf "Draf A", bukan draf yang sedang dibuka, jadi tidak ada yang dihapus',
    );
    expect((await w.drafts('stale')).map((d) => d.title).sort()).toEqual(['Draf A', 'Draf B']);

    // A's section menu switches to A, says so, and the replacement lands in A only.
    const opened = texts(await w.send({ choiceId: manfaatA.id }, 'stale'));
    expect(opened).toContain('Tombol itu milik draf "Draf A", jadi Pandu beralih ke draf tersebut.');
    expect(opened).toContain('Bagian 5/9: Manfaat yang diperoleh');
    await w.say('Manfaat untuk draf A.', 'stale');
    const store = new DraftStore(w.app.db);
    expect((await store.answers(a!.id)).get('manfaat')!.text).toBe('Manfaat untuk draf A.');
    expect((await store.answers(b!.id)).get('manfaat')).toBeUndefined();

    // A button from before payloads named their draft does nothing.
    expect(texts(await w.send({ choiceId: 'proposal:edit:manfaat' }, 'stale'))).toContain('Pilihan itu sudah tidak berlaku');
    expect((await store.answers(a!.id)).get('manfaat')!.text).toBe('Manfaat untuk draf A.');
  });
});
