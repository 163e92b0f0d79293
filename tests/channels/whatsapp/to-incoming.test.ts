import { describe, expect, it } from 'vitest';
import { isPrivateChat, toIncoming } from '../../../src/channels/whatsapp/to-incoming.js';
import { fakeMessage } from './fake-wa-client.js';

describe('translating whatsapp-web.js messages for the core', () => {
  it('treats person chats (@c.us and the newer @lid ids) as private and everything else as not', () => {
    expect(isPrivateChat('628123456789@c.us')).toBe(true);
    expect(isPrivateChat('123456789012345@lid')).toBe(true);
    for (const id of ['120363025555555555@g.us', 'status@broadcast', '1700000000@broadcast', '120363111111111111@newsletter']) {
      expect(isPrivateChat(id)).toBe(false);
    }
  });

  it('keeps the id as received and leaves out a missing display name', () => {
    const incoming = toIncoming(fakeMessage({ from: '123456789012345@lid', body: 'halo' }));
    expect(incoming).toEqual({
      channel: 'whatsapp',
      senderId: '123456789012345@lid',
      messageId: expect.any(String),
      conversation: 'private',
      text: 'halo',
    });
  });

  it('names a message by its own key, the same under the …@c.us and the …@lid chat name, and without the number', () => {
    const live = toIncoming(fakeMessage({ from: '628123456789@c.us', key: '3EB0C767D097B7C8B0A2' }));
    const fetched = toIncoming(fakeMessage({ from: '201234567890123@lid', key: '3EB0C767D097B7C8B0A2' }));
    expect(live?.messageId).toBe('3EB0C767D097B7C8B0A2');
    expect(fetched?.messageId).toBe(live?.messageId);
  });

  it('names contact cards, audio and polls as unsupported kinds', () => {
    expect(toIncoming(fakeMessage({ type: 'vcard' }))?.unsupported).toBe('contact');
    expect(toIncoming(fakeMessage({ type: 'audio', hasMedia: true }))?.unsupported).toBe('audio');
    expect(toIncoming(fakeMessage({ type: 'poll_creation' }))?.unsupported).toBe('poll_creation');
  });

  it('hands a photo over as a file (named after its type), with its caption as text', async () => {
    const jpeg = Buffer.from('jpeg bytes');
    const incoming = toIncoming(
      fakeMessage({
        type: 'image',
        hasMedia: true,
        body: 'foto kegiatan',
        _data: { mimetype: 'image/jpeg', size: jpeg.length },
        downloadMedia: async () => ({ mimetype: 'image/jpeg', data: jpeg.toString('base64') }),
      }),
    );
    expect(incoming).toMatchObject({ text: 'foto kegiatan', file: { fileName: 'foto.jpeg', mimeType: 'image/jpeg', size: jpeg.length } });
    expect(incoming?.unsupported).toBeUndefined();
    expect(await incoming!.file!.download()).toEqual(jpeg);
    // A photo whose media is gone is still named for what it was.
    expect(toIncoming(fakeMessage({ type: 'image', hasMedia: false }))?.unsupported).toBe('image');
  });

  it('hands over the document a text quotes, downloading it from the quoted message only when asked', async () => {
    const quoted = fakeMessage({
      type: 'document',
      hasMedia: true,
      body: '',
      _data: { filename: 'perbup.docx' },
      downloadMedia: async () => ({ mimetype: 'application/octet-stream', data: Buffer.from('isi dokumen').toString('base64') }),
    });
    let fetched = 0;
    const incoming = toIncoming(
      fakeMessage({
        body: '/kb_tambah',
        hasQuotedMsg: true,
        _data: { quotedMsg: { type: 'document', filename: 'perbup.docx', size: 11 } },
        getQuotedMessage: async () => {
          fetched += 1;
          return quoted;
        },
      }),
    );
    expect(incoming).toMatchObject({ text: '/kb_tambah', repliedFile: { fileName: 'perbup.docx', size: 11 } });
    expect(fetched).toBe(0);
    expect((await incoming!.repliedFile!.download()).toString()).toBe('isi dokumen');
    // Quoting a text carries no file.
    const quotingText = fakeMessage({
      body: '/kb_tambah',
      hasQuotedMsg: true,
      _data: { quotedMsg: { type: 'chat' } },
      getQuotedMessage: async () => quoted,
    });
    expect(toIncoming(quotingText)?.repliedFile).toBeUndefined();
  });

  it('ignores deleted messages and system notices', () => {
    expect(toIncoming(fakeMessage({ type: 'revoked' }))).toBeUndefined();
    expect(toIncoming(fakeMessage({ type: 'notification_template' }))).toBeUndefined();
  });

  it('fails the download clearly when WhatsApp no longer has the file', async () => {
    const incoming = toIncoming(fakeMessage({ type: 'document', hasMedia: true, body: '', _data: { filename: 'a.pdf' } }));
    expect(incoming?.file?.fileName).toBe('a.pdf');
    await expect(incoming!.file!.download()).rejects.toThrow(/could not be downloaded/);
  });
});
