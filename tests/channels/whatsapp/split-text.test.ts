import { describe, expect, it } from 'vitest';
import { splitText } from '../../../src/channels/render/split-text.js';

describe('splitting long WhatsApp texts', () => {
  it('keeps a text within the limit whole', () => {
    expect(splitText('Halo, Bu Sari.\n\nApa kabar?', 100)).toEqual(['Halo, Bu Sari.\n\nApa kabar?']);
  });

  it('cuts at the last paragraph break before the limit', () => {
    const text = `${'a'.repeat(60)}\n\n${'b'.repeat(30)}\n\n${'c'.repeat(30)}`;
    expect(splitText(text, 100)).toEqual([`${'a'.repeat(60)}\n\n${'b'.repeat(30)}`, 'c'.repeat(30)]);
  });

  it('cuts after a sentence when a paragraph has no break, and never inside a word', () => {
    const text = 'Inovasi daerah wajib dilaporkan. '.repeat(10).trim();
    const parts = splitText(text, 100);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part.endsWith('dilaporkan.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('cuts a single endless word hard without splitting an emoji', () => {
    const text = `${'x'.repeat(9)}😀${'y'.repeat(5)}`;
    const parts = splitText(text, 10);
    expect(parts[0]).toBe('x'.repeat(9));
    expect(parts.join('')).toBe(text);
  });
});
