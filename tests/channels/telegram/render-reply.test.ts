import { describe, expect, it } from 'vitest';
import { boldSpans } from '../../../src/channels/telegram/bold-spans.js';
import { commandMenus, toBotCommands } from '../../../src/channels/telegram/command-menu.js';
import { choiceKeyboard, planReply } from '../../../src/channels/telegram/render-reply.js';
import type { Translate } from '../../../src/i18n/translator.js';

const t: Translate = (key) => key;
const doc = { fileName: 'proposal.docx', mimeType: 'application/octet-stream', data: Buffer.from('x') };

describe('planReply', () => {
  it('sends a short reply as one text message', () => {
    expect(planReply({ text: 'Halo' }, t)).toEqual([{ kind: 'text', text: 'Halo' }]);
  });

  it('puts the menu on the last part of a split answer', () => {
    const plan = planReply({ text: `${'kata '.repeat(1000)}`, choices: [{ id: 'qa:lagi', label: 'Tanya lagi' }] }, t);
    expect(plan).toHaveLength(2);
    expect(plan[0]).not.toHaveProperty('choices');
    expect(plan[1]).toMatchObject({ kind: 'text', choices: [{ id: 'qa:lagi', label: 'Tanya lagi' }] });
  });

  it('sends the text before the document and hangs the menu on the document', () => {
    const plan = planReply(
      { text: 'Draf Anda siap.', document: { ...doc, caption: 'Draf proposal' }, choices: [{ id: 'proposal:ubah', label: 'Ubah' }] },
      t,
    );
    expect(plan).toEqual([
      { kind: 'text', text: 'Draf Anda siap.' },
      {
        kind: 'document',
        document: { ...doc, caption: 'Draf proposal' },
        caption: 'Draf proposal',
        choices: [{ id: 'proposal:ubah', label: 'Ubah' }],
      },
    ]);
  });

  it('moves a caption longer than Telegram allows into a message before the document', () => {
    const caption = 'panjang '.repeat(200).trim();
    const plan = planReply({ text: '', document: { ...doc, caption } }, t);
    expect(plan.map((p) => p.kind)).toEqual(['text', 'document']);
    expect(plan[1]).not.toHaveProperty('caption');
  });

  it('gives a menu without text a short prompt to hang on', () => {
    expect(planReply({ text: ' ', choices: [{ id: 'a:b', label: 'B' }] }, t)).toEqual([
      { kind: 'text', text: 'telegram.choose', choices: [{ id: 'a:b', label: 'B' }] },
    ]);
  });

  it('sends nothing for an empty reply', () => {
    expect(planReply({ text: '' }, t)).toEqual([]);
  });
});

describe('boldSpans (WhatsApp-style *bold* as Telegram entities)', () => {
  /** The substrings the entities mark, to check offsets in a readable way. */
  const marked = ({ text, entities }: ReturnType<typeof boldSpans>) => entities.map((e) => text.slice(e.offset, e.offset + e.length));

  it('removes the asterisks and marks the words bold', () => {
    const result = boldSpans('Ketik *lanjut* bila selesai, atau *ubah <nomor>*.');
    expect(result.text).toBe('Ketik lanjut bila selesai, atau ubah <nomor>.');
    expect(result.entities).toEqual([
      { type: 'bold', offset: 6, length: 6 },
      { type: 'bold', offset: 32, length: 12 },
    ]);
    expect(marked(result)).toEqual(['lanjut', 'ubah <nomor>']);
  });

  it('counts offsets in UTF-16 code units, as Telegram does, when emoji come before the span', () => {
    // 📄 is one surrogate pair (2 units); 👍🏽 is two (4 units).
    const result = boldSpans('📄 Dokumen siap. 👍🏽 Ketik *markdown* atau *selesai*.');
    expect(result.text).toBe('📄 Dokumen siap. 👍🏽 Ketik markdown atau selesai.');
    expect(result.entities).toEqual([
      // 2 (📄) + 1 + 13 ("Dokumen siap.") + 1 + 4 (👍🏽) + 1 + 6 ("Ketik ") = 28.
      { type: 'bold', offset: 28, length: 8 },
      { type: 'bold', offset: 42, length: 7 },
    ]);
    expect(marked(result)).toEqual(['markdown', 'selesai']);
  });

  it('leaves a lone asterisk, arithmetic, double asterisks, bullets and mid-word asterisks as written', () => {
    for (const text of [
      'Nilai 2 * 3 = 6',
      'Wajib diisi*',
      '*) catatan kaki',
      '**tebal ala Markdown**',
      '* butir satu\n* butir dua',
      'a*b*c',
      '* spasi di dalam *',
      '*awal baris\nakhir baris*',
    ]) {
      expect(boldSpans(text)).toEqual({ text, entities: [] });
    }
  });
});

describe('planReply with bold spans', () => {
  it('gives each part of a split answer its own entities, counted from the start of that part', () => {
    const first = 'kata '.repeat(817); // 4085 characters: the next words straddle the 4096 limit
    const text = `${first}*lanjut ke bagian* berikutnya, lalu ketik *selesai*.`;
    const [one, two] = planReply({ text }, t);
    // The span cut by the split keeps its asterisks in both parts rather than bolding half a phrase
    // or pointing an entity past the end of a message.
    expect(one).toEqual({ kind: 'text', text: `${first}*lanjut ke` });
    expect(two).toEqual({
      kind: 'text',
      text: 'bagian* berikutnya, lalu ketik selesai.',
      entities: [{ type: 'bold', offset: 31, length: 7 }],
    });
  });

  it('turns *bold* in a document caption into caption entities', () => {
    const plan = planReply({ text: '', document: { ...doc, caption: 'Ketik *markdown* untuk versi teks' } }, t);
    expect(plan).toEqual([
      {
        kind: 'document',
        document: { ...doc, caption: 'Ketik *markdown* untuk versi teks' },
        caption: 'Ketik markdown untuk versi teks',
        captionEntities: [{ type: 'bold', offset: 6, length: 8 }],
      },
    ]);
  });
});

describe('choiceKeyboard', () => {
  it('shows one button per row with the choice id as callback data', () => {
    const keyboard = choiceKeyboard([
      { id: 'proposal:lanjut', label: 'Lanjut' },
      { id: 'proposal:batal', label: 'Batal' },
    ]);
    expect(keyboard.inline_keyboard).toEqual([
      [{ text: 'Lanjut', callback_data: 'proposal:lanjut' }],
      [{ text: 'Batal', callback_data: 'proposal:batal' }],
    ]);
  });

  it('refuses a choice id longer than 64 bytes, which Telegram would reject', () => {
    expect(() => choiceKeyboard([{ id: `x:${'é'.repeat(32)}`, label: 'X' }])).toThrow(/64 bytes/);
  });
});

describe('toBotCommands', () => {
  it('lists the registry commands with their Indonesian descriptions, shortened at a word to 256 characters', () => {
    const long = 'Penjelasan '.repeat(40).trim();
    const menu = toBotCommands([
      { name: 'tanya', description: 'Tanya aturan inovasi daerah' },
      { name: 'panjang', description: long },
    ]);
    expect(menu[0]).toEqual({ command: 'tanya', description: 'Tanya aturan inovasi daerah' });
    expect(menu[1]!.description.length).toBeLessThanOrEqual(256);
    expect(menu[1]!.description.endsWith('Penjelasan')).toBe(true);
  });
});

describe('commandMenus', () => {
  it('lists every command in private chats, and leaves private-only ones out of groups and the default menu', () => {
    const menus = commandMenus([
      { name: 'tanya', description: 'Tanya aturan' },
      { name: 'proposal', description: 'Susun proposal', privateOnly: true },
      { name: 'bantuan', description: 'Daftar perintah', privateOnly: false },
    ]);
    const names = (i: number) => menus[i]!.commands.map((c) => c.command);
    expect(menus.map((m) => m.scope)).toEqual([undefined, { type: 'all_private_chats' }, { type: 'all_group_chats' }]);
    expect(names(0)).toEqual(['tanya', 'bantuan']);
    expect(names(1)).toEqual(['tanya', 'proposal', 'bantuan']);
    expect(names(2)).toEqual(['tanya', 'bantuan']);
  });
});
