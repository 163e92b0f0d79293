import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTerminalChannel } from '../../../src/channels/terminal/terminal-channel.js';
import { DraftStore } from '../../../src/features/proposal/draft-store.js';
import { replyBlocks } from '../../support/run-cli.js';
import { tempDataDir } from '../../support/temp-data.js';
import { startWizardApp, texts, type WizardApp } from './wizard-harness.js';

let w: WizardApp;
const exports = tempDataDir('pandu-proposal-exports-');
beforeAll(async () => {
  w = await startWizardApp();
});
afterAll(async () => {
  await w.close();
  exports.cleanup();
});

async function flowOf(sender: string): Promise<string | null | undefined> {
  return (await w.app.db.conversationState.findUnique({ where: { userId: await w.userId(sender) } }))?.flow;
}

/** A new PP 38/2017 draft with a title and a first answer, finished with "selesai". */
async function finishedDraft(sender: string, title: string) {
  await w.say('/proposal baru', sender);
  await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, sender);
  await w.say(title, sender);
  await w.say('lanjut', sender);
  await w.say('Inovasi Pelayanan Publik di urusan kesehatan.', sender);
  const replies = await w.send({ text: 'selesai' }, sender);
  const draft = (await w.drafts(sender)).find((d) => d.title === title)!;
  return { replies, draft };
}

describe('finishing a proposal', () => {
  it('closes the proposal: the next message is not added to it, and "lanjut" or "selesai" neither changes nor exports it', async () => {
    const { replies, draft } = await finishedDraft('fin', 'Dapur Gizi Desa');
    expect(replies.filter((r) => r.document)).toHaveLength(1);
    expect(texts(replies)).toContain('Proposal "Dapur Gizi Desa" selesai dan ditutup');
    expect(draft.status).toBe('completed');
    expect(await flowOf('fin')).toBeNull();
    const before = await w.snapshot(draft.id);

    await w.say('Inovasi berikutnya: posyandu keliling untuk lansia di desa terpencil.', 'fin');
    for (const word of ['lanjut', 'selesai', 'hapus terakhir']) {
      const reply = await w.send({ text: word }, 'fin');
      expect(reply.some((r) => r.document)).toBe(false);
      expect(texts(reply)).toContain('Proposal "Dapur Gizi Desa" sudah selesai dan ditutup, jadi tidak ada yang diubah atau dikirim ulang');
    }
    expect(await w.snapshot(draft.id)).toEqual(before);
    const [after] = await w.drafts('fin');
    expect([after!.status, after!.updatedAt]).toEqual(['completed', draft.updatedAt]);
    expect(await flowOf('fin')).toBeNull();
  });

  it('offers on /proposal to continue an open draft or start a new one, and lists the finished proposals', async () => {
    await finishedDraft('menu', 'Dapur Gizi Desa');
    await w.say('/proposal baru', 'menu');
    await w.send({ choiceId: 'proposal:tpl:pp38-2017' }, 'menu');
    await w.say('Posyandu Keliling', 'menu');
    await w.say('simpan', 'menu');

    const menu = await w.send({ text: '/proposal' }, 'menu');
    expect(texts(menu)).toContain('Anda punya 1 draf proposal yang belum selesai. Terakhir Anda mengerjakan "Posyandu Keliling"');
    expect(texts(menu)).toContain('Proposal yang sudah selesai (1):\n• Dapur Gizi Desa (Proposal PP 38/2017, selesai 22 November 2026)');
    expect(menu.at(-1)!.choices!.map((c) => c.label)).toEqual([
      'Lanjutkan: Posyandu Keliling',
      'Buat draf baru',
      'Buka lagi proposal yang sudah selesai',
    ]);
    const done = await w.send({ text: '3' }, 'menu');
    expect(done[0]!.choices!.map((c) => c.label)).toEqual([
      'Dapur Gizi Desa · Proposal PP 38/2017 · selesai 22 November 2026',
      'Buat draf baru',
    ]);
    expect((await w.send({ text: '/draf' }, 'menu'))[0]!.choices!.map((c) => c.label)).toEqual([
      'Posyandu Keliling · Proposal PP 38/2017 · 1/9',
      'Buat draf baru',
      'Buka lagi proposal yang sudah selesai',
    ]);

    // With every proposal finished there is nothing to continue.
    await finishedDraft('alldone', 'Sapa Lansia');
    const only = await w.send({ text: '/proposal' }, 'alldone');
    expect(texts(only)).toContain('Semua proposal Anda sudah selesai');
    expect(only.at(-1)!.choices!.map((c) => c.label)).toEqual(['Buat draf baru', 'Buka lagi proposal yang sudah selesai']);
  });

  it('opens a finished proposal again on request as a draft that keeps its history, and finishes it again', async () => {
    const { draft } = await finishedDraft('again', 'Dapur Gizi Desa');
    const store = new DraftStore(w.app.db);
    await w.say('/proposal', 'again');
    const menu = await w.send({ choiceId: 'proposal:done' }, 'again');
    const reopen = menu[0]!.choices![0]!;
    expect(reopen.id).toBe(`proposal:reopen:${draft.id}`);

    const opened = texts(await w.send({ choiceId: reopen.id }, 'again'));
    expect(opened).toContain('Proposal "Dapur Gizi Desa" dibuka lagi sebagai draf; jawaban dan riwayatnya tetap tersimpan');
    expect(opened).toContain('Bagian 1/9: Nama inovasi');
    expect((await store.find(draft.userId, draft.id))!.status).toBe('draft');
    expect(await flowOf('again')).toBe('proposal');

    await w.say('ubah 2', 'again');
    await w.say('Inovasi tata kelola pemerintahan daerah.', 'again');
    expect((await store.history(draft.id, 'bentuk')).map((v) => v.text)).toEqual([
      'Inovasi Pelayanan Publik di urusan kesehatan.',
      'Inovasi tata kelola pemerintahan daerah.',
    ]);
    const finished = await w.send({ text: 'selesai' }, 'again');
    expect(finished.find((r) => r.document)!.document!.fileName).toBe(`proposal-dapur-gizi-desa-${draft.id.slice(-6)}-v3.docx`);
    expect((await store.find(draft.userId, draft.id))!.status).toBe('completed');
  });

  it('reopens a finished proposal at the section a "fix this" button names', async () => {
    const { replies, draft } = await finishedDraft('fix', 'Dapur Gizi Desa');
    const fix = replies.at(-1)!.choices!.find((c) => c.label === 'Perbaiki: Rancang bangun dan pokok perubahan')!;
    const opened = texts(await w.send({ choiceId: fix.id }, 'fix'));
    expect(opened).toContain('dibuka lagi sebagai draf');
    expect(opened).toContain('Bagian 3/9: Rancang bangun dan pokok perubahan');
    await w.say('Bidan memasukkan data kelahiran ke aplikasi bersama.', 'fix');
    expect((await new DraftStore(w.app.db).answers(draft.id)).get('rancang_bangun')!.text).toBe(
      'Bidan memasukkan data kelahiran ke aplikasi bersama.',
    );
  });

  it('shows a finished proposal as Markdown on request without opening it again', async () => {
    const { draft } = await finishedDraft('md', 'Dapur Gizi Desa');
    const markdown = await w.send({ text: 'markdown' }, 'md');
    expect(markdown).toHaveLength(1);
    expect(markdown[0]!.text).toContain('# Dapur Gizi Desa');
    expect(markdown[0]!.text).toContain('Inovasi Pelayanan Publik di urusan kesehatan.');
    expect((await new DraftStore(w.app.db).find(draft.userId, draft.id))!.status).toBe('completed');
    expect(await flowOf('md')).toBeNull();
  });

  it('writes every export in the terminal to its own file named with whole words of the title', async () => {
    const title = 'Gerakan Bersama Menurunkan Angka Stunting melalui Dapur Gizi Desa Terpadu Kabupaten';
    const exportDir = path.join(exports.dir, 'exports');
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => (printed += d.toString()));
    const lines = [
      '/proposal',
      '1', // the first template: PP 38/2017
      title,
      'selesai',
      'dokumen', // the same version again
      '/proposal',
      '2', // Buka lagi proposal yang sudah selesai
      '1',
      'Singkatan: GEMAS DAGING.',
      'selesai', // a new version
    ];
    await runTerminalChannel({
      handle: (msg) => w.app.router.handle(msg),
      t: w.app.i18n.t,
      input: Readable.from([`${lines.join('\n')}\n`]),
      output,
      interactive: false,
      senderId: 'terminal-export',
      exportDir,
    });
    const blocks = replyBlocks(printed);
    expect(blocks).toHaveLength(lines.length);
    const saved = blocks.flatMap((b) => [...b.matchAll(/\[dokumen disimpan: (.+)\]/g)].map((m) => m[1]!));
    expect(saved).toHaveLength(3);
    expect(new Set(saved).size).toBe(3);
    expect(fs.readdirSync(exportDir).sort()).toEqual(saved.map((f) => path.basename(f)).sort());

    const names = saved.map((f) => path.basename(f));
    const slug = 'gerakan-bersama-menurunkan-angka-stunting-melalui';
    expect(names[0]).toMatch(new RegExp(`^proposal-${slug}-[a-z0-9]{6}-v1\\.docx$`));
    expect(names[1]).toBe(names[0]!.replace(/\.docx$/, '-2.docx'));
    expect(names[2]).toBe(names[0]!.replace('-v1.docx', '-v2.docx'));
    const titleWords = new Set(title.toLowerCase().split(' '));
    expect(slug.split('-').every((word) => titleWords.has(word))).toBe(true);
  });
});
