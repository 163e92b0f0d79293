import { describe, expect, it } from 'vitest';
import { cleanDisplayName, cleanIncoming, cleanText, MAX_DISPLAY_NAME_CHARS } from '../../src/core/clean-text.js';
import { describeOnBothDatabases, textOf, type ClockedApp } from './support/clocked-app.js';

describe('cleaning what channels deliver', () => {
  it('drops C0 control characters and DEL but keeps newlines, tabs and every other character', () => {
    expect(cleanText('a\u0000b\u0007c\rd\u001be\u007ff')).toBe('abcdef');
    expect(cleanText('baris 1\nbaris 2\tkolom')).toBe('baris 1\nbaris 2\tkolom');
    expect(cleanText('Pasal 7 ayat (2) — “kutipan” 🚀 é ۝ \u0085\u200b')).toBe('Pasal 7 ayat (2) — “kutipan” 🚀 é ۝ \u0085\u200b');
  });

  it('puts a display name on one line and caps it at 64 characters without splitting an emoji', () => {
    expect(cleanDisplayName(' Sari\u0000\n  Wulandari\t ')).toBe('Sari Wulandari');
    expect(cleanDisplayName('\u0000\u0001 ')).toBeUndefined();
    const long = cleanDisplayName(`${'a'.repeat(63)}🚀🚀🚀`)!;
    expect(Array.from(long)).toHaveLength(MAX_DISPLAY_NAME_CHARS);
    expect(long.endsWith('🚀')).toBe(true);
  });

  it('cleans text, choice ids and names of an incoming message, and leaves other fields alone', () => {
    const msg = {
      channel: 'telegram' as const,
      senderId: '42',
      messageId: '7',
      text: 'ha\u0000lo',
      choiceId: 'help:\u0000x',
      displayName: '\u0000',
    };
    expect(cleanIncoming(msg)).toEqual({ channel: 'telegram', senderId: '42', messageId: '7', text: 'halo', choiceId: 'help:x' });
  });
});

/** A message and a name with NUL bytes, and a huge name, go through the whole app and come back sane. */
function hostileInputScenarios(running: () => ClockedApp) {
  it('answers a message and stores a name that contain NUL bytes', async () => {
    const test = running();
    const replies = await test.send('telegram:nul-1', 'brp lama\u0000 evaluasi usulan inovasi?', { displayName: 'Sa\u0000ri' });
    expect(textOf(replies)).toContain('PP 38/2017 Pasal 13');
    const identity = await test.app.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: 'nul-1' } },
      include: { user: true },
    });
    expect([identity.displayName, identity.user.displayName]).toEqual(['Sari', 'Sari']);
    expect(textOf(await test.send('telegram:nul-1', '/start\u0000'))).toMatch(/^Halo, Sari!/);
  });

  it('greets somebody with a 100,000-character name in one normal-length message', async () => {
    const test = running();
    const replies = await test.send('telegram:long-name', '/start', { displayName: `Budi${'x'.repeat(100_000)}` });
    expect(replies).toHaveLength(1);
    const name = /^Halo, (.*)!/.exec(replies[0]!.text)![1]!;
    expect(name).toHaveLength(MAX_DISPLAY_NAME_CHARS);
    // The same greeting as anybody else's, longer only by the capped name.
    const usual = await test.send('telegram:short-name', '/start', { displayName: 'Budi' });
    expect(replies[0]!.text.length).toBe(usual[0]!.text.length - 'Budi'.length + MAX_DISPLAY_NAME_CHARS);
  });
}

describeOnBothDatabases('hostile text', hostileInputScenarios);
