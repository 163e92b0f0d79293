import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftStore } from '../../../src/features/proposal/draft-store.js';
import { startWizardApp, texts, type WizardApp } from './wizard-harness.js';

let w: WizardApp;
beforeAll(async () => {
  w = await startWizardApp();
});
afterAll(async () => {
  await w.close();
});

async function draftOf(sender: string) {
  const [draft] = await w.drafts(sender);
  return draft!;
}

async function answerOf(sender: string, sectionKey: string): Promise<string | undefined> {
  return (await new DraftStore(w.app.db).answers((await draftOf(sender)).id)).get(sectionKey)?.text;
}

/** A new PP 38/2017 draft titled "Dapur Gizi Desa", open at section `number`. */
async function draftAt(sender: string, number: number) {
  await w.say('/proposal baru', sender);
  await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, sender);
  await w.say('Dapur Gizi Desa', sender);
  await w.say(`ubah ${number}`, sender);
}

describe('a question typed in the middle of a section', () => {
  it('is answered with its citation and not saved into the section', async () => {
    await draftAt('ask', 6);
    const replies = await w.send({ text: 'ini diisi apa ya?' }, 'ask');
    // Asked in "Waktu uji coba", the question is about that section.
    expect(texts(replies)).toContain('Tuliskan rencana periode uji coba');
    expect(texts(replies)).toContain('PP 38/2017 Pasal 7 ayat (2) huruf e');
    expect(texts(replies)).toContain('Pesan tadi dibaca sebagai pertanyaan, jadi tidak disimpan ke bagian "Waktu uji coba"');
    expect(replies.at(-1)!.choices!.map((c) => c.label)).toEqual(['Simpan sebagai jawaban']);
    expect(await answerOf('ask', 'waktu_uji_coba')).toBeUndefined();

    // The section is still open: the next line is its answer.
    expect(await w.say('Uji coba Januari sampai Juni 2026.', 'ask')).toContain('Tersimpan (6 kata di bagian "Waktu uji coba")');
    expect(await w.say('Bagaimana kalau anggarannya dari APBD?', 'ask')).toContain('PP 38/2017 Pasal 30 ayat (1)');
    expect(await answerOf('ask', 'waktu_uji_coba')).toBe('Uji coba Januari sampai Juni 2026.');
  });

  it('falls back to the section guidance and its legal basis when the knowledge base has no answer', async () => {
    await draftAt('guide', 2);
    const reply = await w.say('ini diisi apa ya?', 'guide');
    expect(reply).toContain('Pandu belum menemukan jawabannya di basis pengetahuan. Panduan bagian "Bentuk Inovasi Daerah"');
    expect(reply).toContain('Dasar: PP 38/2017 Pasal 7 ayat (2) huruf a');
    expect(await answerOf('guide', 'bentuk')).toBeUndefined();
  });

  it('is saved as the answer after all with one tap, and "hapus terakhir" takes it back', async () => {
    await draftAt('keep', 8);
    await w.say('Dinas Kesehatan.', 'keep');
    await w.say('Boleh di dua puskesmas sekaligus?', 'keep');
    const saved = await w.say('1', 'keep'); // "Simpan sebagai jawaban"
    expect(saved).toContain('Tersimpan (7 kata di bagian "Perangkat Daerah pelaksana uji coba")');
    expect(await answerOf('keep', 'pelaksana')).toBe('Dinas Kesehatan.\nBoleh di dua puskesmas sekaligus?');

    expect(await w.say('hapus terakhir', 'keep')).toContain('Pesan terakhir dikeluarkan');
    expect(await answerOf('keep', 'pelaksana')).toBe('Dinas Kesehatan.');
    // Once only: a second undo must not bring the question back, and the history keeps every version.
    expect(await w.say('hapus terakhir', 'keep')).toContain('Tidak ada pesan yang bisa dikeluarkan');
    const draft = await draftOf('keep');
    expect((await new DraftStore(w.app.db).history(draft.id, 'pelaksana')).map((v) => v.text)).toEqual([
      'Dinas Kesehatan.',
      'Dinas Kesehatan.\nBoleh di dua puskesmas sekaligus?',
      'Dinas Kesehatan.',
    ]);
  });

  it('keeps the question its button was made for, once, even after later questions', async () => {
    await draftAt('older', 9);
    const first = (await w.send({ text: 'Apakah replikasi harus lewat perjanjian kerja sama?' }, 'older')).at(-1)!.choices![0]!;
    await w.say('Kalau belum ada peminat, boleh dikosongkan?', 'older');
    expect(await answerOf('older', 'replikasi')).toBeUndefined();

    expect(texts(await w.send({ choiceId: first.id }, 'older'))).toContain('Tersimpan');
    expect(await answerOf('older', 'replikasi')).toBe('Apakah replikasi harus lewat perjanjian kerja sama?');
    expect(texts(await w.send({ choiceId: first.id }, 'older'))).toContain('Tombol itu sudah tidak berlaku');
    expect(await answerOf('older', 'replikasi')).toBe('Apakah replikasi harus lewat perjanjian kerja sama?');
  });

  it('never becomes the title of a draft, even when kept as the answer', async () => {
    await w.say('/proposal baru', 'title');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'title');
    const asked = await w.say('judulnya harus bahasa Indonesia?', 'title');
    expect(asked).not.toContain('Judul draf');
    expect((await draftOf('title')).title).toBeNull();

    const kept = await w.say('1', 'title'); // "Simpan sebagai jawaban"
    expect(kept).toContain('Tersimpan');
    expect(kept).not.toContain('Judul draf');
    expect(await answerOf('title', 'nama')).toBe('judulnya harus bahasa Indonesia?');
    expect((await draftOf('title')).title).toBeNull();

    // The first line that is not a question is the title.
    expect(await w.say('Dapur Gizi Desa', 'title')).toContain('Judul draf: Dapur Gizi Desa');
    expect((await draftOf('title')).title).toBe('Dapur Gizi Desa');
  });
});
