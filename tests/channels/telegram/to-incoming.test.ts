import type { Message, Update } from 'grammy/types';
import { describe, expect, it, vi } from 'vitest';
import { toIncoming, type BotIdentity, type FileDownloader } from '../../../src/channels/telegram/to-incoming.js';
import { ALICE, callbackUpdate, FAKE_BOT, groupChat, messageUpdate } from '../../support/fake-telegram.js';

const ME: BotIdentity = { id: FAKE_BOT.id, username: FAKE_BOT.username };
const noDownload: FileDownloader = () => Promise.reject(new Error('not expected'));

function translate(update: Omit<Update, 'update_id'>, download: FileDownloader = noDownload) {
  return toIncoming({ ...update, update_id: 1 } as Update, ME, download);
}

function botMessage(): Message {
  return { message_id: 77, date: 0, chat: groupChat(), from: FAKE_BOT, text: 'Jawaban sebelumnya' } as Message;
}

describe('toIncoming in a private chat', () => {
  it('passes free text on as a question from the person, with a redelivery-proof message id', () => {
    const update = messageUpdate('Apa itu inovasi daerah?');
    expect(translate(update)).toEqual({
      channel: 'telegram',
      senderId: String(ALICE.id),
      displayName: 'Siti Rahma',
      messageId: `${ALICE.id}:${update.message!.message_id}`,
      conversation: 'private',
      text: 'Apa itu inovasi daerah?',
    });
  });

  it('keeps a command as text and strips the bot name from it', () => {
    expect(translate(messageUpdate('/tanya@PanduTestBot isi proposal'))?.text).toBe('/tanya isi proposal');
  });

  it('uses the first name alone when the person has no last name', () => {
    expect(translate(messageUpdate('halo', { from: { id: 9, is_bot: false, first_name: 'Budi' } }))?.displayName).toBe('Budi');
  });

  it.each([
    ['sticker', { sticker: { file_id: 's' } }, 'sticker'],
    ['voice', { voice: { file_id: 'v', duration: 1 } }, 'voice'],
    ['video', { video: { file_id: 'v' } }, 'video'],
    ['video note', { video_note: { file_id: 'v' } }, 'video'],
    ['animation (which also carries a document)', { animation: { file_id: 'a' }, document: { file_id: 'a' } }, 'video'],
    ['audio', { audio: { file_id: 'a', duration: 1 } }, 'audio'],
    ['location', { location: { latitude: -6.2, longitude: 106.8 } }, 'location'],
    ['contact', { contact: { phone_number: '0812', first_name: 'Ani' } }, 'contact'],
  ])('marks a %s as unsupported', (_name, extra, kind) => {
    const msg = translate(messageUpdate(undefined, { extra: extra as Partial<Message> }));
    expect(msg?.unsupported).toBe(kind);
    expect(msg?.text).toBeUndefined();
  });

  it('hands a document over with its name, type and size, fetching the bytes only when asked', async () => {
    const download = vi.fn(async (fileId: string) => Buffer.from(`isi ${fileId}`));
    const msg = translate(
      messageUpdate(undefined, {
        extra: {
          document: {
            file_id: 'F1',
            file_unique_id: 'U1',
            file_name: 'proposal.docx',
            mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            file_size: 2048,
          },
          caption: 'draf saya',
        },
      }),
      download,
    );
    expect(msg).toMatchObject({ text: 'draf saya', file: { fileName: 'proposal.docx', size: 2048 } });
    expect(download).not.toHaveBeenCalled();
    expect((await msg!.file!.download()).toString()).toBe('isi F1');
    expect(download).toHaveBeenCalledWith('F1');
  });

  it("hands over the document a command replies to, with Telegram's 20 MB download limit, fetching it only when asked", async () => {
    const download = vi.fn(async (fileId: string) => Buffer.from(`isi ${fileId}`));
    const original = messageUpdate(undefined, {
      extra: { document: { file_id: 'F2', file_unique_id: 'U2', file_name: 'perbup.pdf', file_size: 4096 } },
    }).message!;
    const msg = translate(messageUpdate('/kb_tambah', { replyTo: original }), download);
    expect(msg).toMatchObject({ text: '/kb_tambah', repliedFile: { fileName: 'perbup.pdf', size: 4096, downloadLimit: 20 * 1024 * 1024 } });
    expect(msg?.file).toBeUndefined();
    expect(download).not.toHaveBeenCalled();
    expect((await msg!.repliedFile!.download()).toString()).toBe('isi F2');
    // A reply to a plain text carries no file.
    expect(translate(messageUpdate('/kb_tambah', { replyTo: botMessage() }))?.repliedFile).toBeUndefined();
  });

  it('hands a photo over as a file: the largest size, named and typed as the JPEG Telegram makes of it', async () => {
    const download = vi.fn(async (fileId: string) => Buffer.from(`isi ${fileId}`));
    const photo = [
      { file_id: 'small', file_unique_id: 'u-small', width: 90, height: 60, file_size: 1200 },
      { file_id: 'large', file_unique_id: 'u-large', width: 1280, height: 853, file_size: 98_000 },
      { file_id: 'medium', file_unique_id: 'u-medium', width: 320, height: 213, file_size: 9000 },
    ];
    const msg = translate(messageUpdate(undefined, { extra: { photo, caption: 'kegiatan posyandu' } }), download);
    expect(msg).toMatchObject({ text: 'kegiatan posyandu', file: { fileName: 'foto-u-large.jpg', mimeType: 'image/jpeg', size: 98_000 } });
    expect(msg?.unsupported).toBeUndefined();
    expect((await msg!.file!.download()).toString()).toBe('isi large');
  });

  it('marks the photos of one album with one album id, per chat', () => {
    const photo = { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }], media_group_id: 'G1' } as Partial<Message>;
    const first = translate(messageUpdate(undefined, { extra: photo }));
    expect(first?.albumId).toBe(`${first!.messageId!.split(':')[0]}:G1`);
    expect(translate(messageUpdate('tanpa album'))?.albumId).toBeUndefined();
  });

  it('ignores service messages, edited messages, messages from bots and channel posts', () => {
    expect(translate(messageUpdate(undefined, { extra: { new_chat_title: 'x' } as Partial<Message> }))).toBeUndefined();
    expect(translate({ edited_message: messageUpdate('ubah')!.message } as Omit<Update, 'update_id'>)).toBeUndefined();
    expect(translate(messageUpdate('halo', { from: { id: 42, is_bot: true, first_name: 'Bot lain' } }))).toBeUndefined();
    const post = { message_id: 1, date: 0, chat: { id: -1001, type: 'channel', title: 'Kanal' }, text: 'pengumuman' };
    expect(translate({ channel_post: post } as Omit<Update, 'update_id'>)).toBeUndefined();
  });
});

describe('toIncoming in a group', () => {
  const inGroup = (text: string | undefined, extra: Partial<Message> = {}, replyTo?: Message) =>
    translate(messageUpdate(text, { chat: groupChat(), extra, ...(replyTo ? { replyTo } : {}) }));

  it('ignores chatter that does not address Pandu', () => {
    expect(inGroup('rapat jam 9 ya')).toBeUndefined();
    expect(inGroup('email saya siti@PanduTestBot.id')).toBeUndefined();
    expect(inGroup(undefined, { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] })).toBeUndefined();
  });

  it("answers an anonymous group admin (Telegram's GroupAnonymousBot writing for the group) as the group, but no other bot nor a channel's automatic forward", () => {
    const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
    const chat = groupChat();
    const asGroup = translate(messageUpdate('@PanduTestBot apa itu IID?', { chat, from: anonymous, extra: { sender_chat: chat } }));
    expect(asGroup).toMatchObject({ text: 'apa itu IID?', conversation: 'group', senderId: String(chat.id) });
    expect(
      translate(messageUpdate('@PanduTestBot apa itu IID?', { chat, from: { id: 42, is_bot: true, first_name: 'Bot lain' } })),
    ).toBeUndefined();
    const forward = { sender_chat: { id: -1009, type: 'channel', title: 'Kanal' }, is_automatic_forward: true } as Partial<Message>;
    expect(
      translate(
        messageUpdate('@PanduTestBot pengumuman', { chat, from: { id: 777000, is_bot: false, first_name: 'Telegram' }, extra: forward }),
      ),
    ).toBeUndefined();
  });

  it('answers a mention, with the mention taken out of the question', () => {
    expect(inGroup('@PanduTestBot apa itu IID?')).toMatchObject({ text: 'apa itu IID?', conversation: 'group' });
    expect(inGroup('Halo @pandutestbot, apa itu IID?')?.text).toBe('Halo apa itu IID?');
  });

  it('answers a reply to one of its own messages', () => {
    expect(inGroup('maksudnya bagaimana?', {}, botMessage())).toMatchObject({ text: 'maksudnya bagaimana?', conversation: 'group' });
  });

  it('answers a command without a bot name or with its own, and ignores commands for other bots', () => {
    expect(inGroup('/bantuan')?.text).toBe('/bantuan');
    expect(inGroup('/tanya@PanduTestBot isi proposal')?.text).toBe('/tanya isi proposal');
    expect(inGroup('/tanya@BotLain isi proposal')).toBeUndefined();
  });

  it('still reports an unsupported kind when it is addressed to Pandu', () => {
    const video = { video: { file_id: 'v', file_unique_id: 'v', width: 1, height: 1, duration: 1 }, caption: '@PanduTestBot ini apa?' };
    expect(inGroup(undefined, video as Partial<Message>)).toMatchObject({ unsupported: 'video', conversation: 'group' });
  });
});

describe('toIncoming for a button press', () => {
  it('turns the callback data into a choice id and uses the callback id as message id', () => {
    const update = callbackUpdate('proposal:lanjut');
    expect(translate(update)).toEqual({
      channel: 'telegram',
      senderId: String(ALICE.id),
      displayName: 'Siti Rahma',
      messageId: `callback:${update.callback_query!.id}`,
      choiceId: 'proposal:lanjut',
      conversation: 'private',
    });
  });

  it('marks a press in a group as a group conversation', () => {
    expect(translate(callbackUpdate('qa:lagi', { chat: groupChat() }))?.conversation).toBe('group');
  });
});
