import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTerminalChannel } from '../../src/channels/terminal/terminal-channel.js';
import type { IncomingMessage, Reply } from '../../src/core/messages.js';
import { loadTranslator } from '../../src/i18n/translator.js';
import { replyBlocks } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { PROJECT_ROOT } from '../support/test-app.js';

const { t } = loadTranslator(path.join(PROJECT_ROOT, 'locales'));
let temp: ReturnType<typeof tempDataDir>;

beforeAll(() => {
  temp = tempDataDir('pandu-terminal-');
});
afterAll(() => {
  temp.cleanup();
});

/** Runs the terminal channel over `input` with a scripted handler; returns what it printed and received. */
async function converse(input: string, interactive: boolean, reply: (msg: IncomingMessage) => Reply[], tty = false) {
  const received: IncomingMessage[] = [];
  const output = Object.assign(new PassThrough(), tty ? { isTTY: true } : {});
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  await runTerminalChannel({
    handle: async (msg) => {
      received.push(msg);
      return reply(msg);
    },
    t,
    input: Readable.from([input]),
    output,
    interactive,
    senderId: 'penguji',
    exportDir: path.join(temp.dir, 'exports'),
  });
  return { printed, received };
}

describe('the terminal channel, scripted', () => {
  it('sends each line as a terminal message from TERMINAL_USER and ends every reply with "---"', async () => {
    const { printed, received } = await converse('satu\ndua\n', false, (m) => [{ text: `balas ${m.text}` }, { text: 'kedua' }]);
    expect(received.map((m) => [m.channel, m.senderId, m.text])).toEqual([
      ['terminal', 'penguji', 'satu'],
      ['terminal', 'penguji', 'dua'],
    ]);
    expect(printed).toBe('balas satu\n\nkedua\n---\nbalas dua\n\nkedua\n---\n');
    expect(replyBlocks(printed)).toEqual(['balas satu\n\nkedua', 'balas dua\n\nkedua']);
  });

  it('shows choices as a numbered list with a hint to reply with the number', async () => {
    const choices = [
      { id: 'x:a', label: 'Lanjut' },
      { id: 'x:b', label: 'Batal' },
    ];
    const { printed } = await converse('menu\n', false, () => [{ text: 'Pilih:', choices }]);
    expect(printed).toBe('Pilih:\n\n1. Lanjut\n2. Batal\nBalas dengan angka pilihan (1 atau 2).\n---\n');
  });

  it('saves a document under the export folder and says where', async () => {
    const document = { fileName: '../proposal.docx', mimeType: 'application/octet-stream', data: Buffer.from('isi') };
    const { printed } = await converse('ekspor\n', false, () => [{ text: 'Draf siap.', document }]);
    const saved = path.join(temp.dir, 'exports', 'proposal.docx');
    expect(printed).toBe(`Draf siap.\n[dokumen disimpan: ${saved}]\n---\n`);
    expect(fs.readFileSync(saved, 'utf8')).toBe('isi');
  });
});

describe('attaching a file in the terminal', () => {
  it('sends the file named by "/lampiran <path>" as an attachment, and answers a missing path itself', async () => {
    const file = path.join(temp.dir, 'bukti kegiatan.pdf');
    fs.writeFileSync(file, 'isi bukti');
    const { printed, received } = await converse(`/lampiran "${file}"\n/lampiran tidak-ada.pdf\n`, false, (m) => [
      { text: `diterima ${m.file?.fileName}` },
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ channel: 'terminal', senderId: 'penguji', file: { fileName: 'bukti kegiatan.pdf', size: 9 } });
    expect(received[0]!.text).toBeUndefined();
    expect((await received[0]!.file!.download()).toString()).toBe('isi bukti');
    expect(replyBlocks(printed)).toEqual([
      'diterima bukti kegiatan.pdf',
      'Berkas tidak ditemukan: tidak-ada.pdf. Tulis /lampiran diikuti path berkas, misalnya /lampiran foto-kegiatan.jpg',
    ]);
  });
});

describe('the terminal channel, interactive', () => {
  it('greets, prompts, skips blank lines and stops at /keluar', async () => {
    const { printed, received } = await converse('halo\n\n/keluar\nsetelah keluar\n', true, () => [{ text: 'Halo juga.' }]);
    expect(received.map((m) => m.text)).toEqual(['halo']);
    expect(printed.startsWith('Pandu siap.')).toBe(true);
    expect(printed).toContain('\nPandu> Halo juga.\n');
    expect(printed.trimEnd().endsWith('Sampai jumpa!')).toBe(true);
    expect(printed).not.toContain('---');
  });
});

describe('bold marks in the terminal', () => {
  const reply = () => [{ text: 'Ketik *lanjut* bila selesai, 2 * 3 tetap.' }];

  it('shows `*word*` in bold to a person at a terminal, without the asterisks', async () => {
    const { printed } = await converse('halo\n', true, reply, true);
    expect(printed).toContain('Ketik \u001b[1mlanjut\u001b[22m bila selesai, 2 * 3 tetap.');
  });

  it('keeps the text as sent when the output is not a terminal, and in scripted use', async () => {
    expect((await converse('halo\n', true, reply)).printed).toContain('Ketik *lanjut* bila selesai');
    expect((await converse('halo\n', false, reply, true)).printed).toBe('Ketik *lanjut* bila selesai, 2 * 3 tetap.\n---\n');
  });
});
