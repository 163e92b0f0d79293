import { describe, expect, it } from 'vitest';
import { splitText } from '../../../src/channels/render/split-text.js';
import { TELEGRAM_TEXT_LIMIT } from '../../../src/channels/telegram/limits.js';

/** Every word of the original appears whole, in order, across the parts. */
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

describe('splitText', () => {
  it('leaves a text within the limit as one part', () => {
    expect(splitText('Apa itu inovasi daerah?', TELEGRAM_TEXT_LIMIT)).toEqual(['Apa itu inovasi daerah?']);
  });

  it('returns no parts for an empty or blank text', () => {
    expect(splitText('', TELEGRAM_TEXT_LIMIT)).toEqual([]);
    expect(splitText('  \n ', TELEGRAM_TEXT_LIMIT)).toEqual([]);
  });

  it('splits a 5,000-character answer into two parts under 4096 without breaking a word', () => {
    const sentence = 'Inovasi daerah wajib dilaporkan kepada Menteri melalui sistem informasi. ';
    const text = sentence.repeat(Math.ceil(5000 / sentence.length)).trim();
    const parts = splitText(text, TELEGRAM_TEXT_LIMIT);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.flatMap(words)).toEqual(words(text));
    expect(parts[0]).toMatch(/sistem informasi\.$/);
  });

  it('prefers a paragraph break to a line break, a line break to a sentence end, a sentence end to a space', () => {
    expect(splitText('aaaa bbbb\ncccc\n\ndddd eeee', 20)).toEqual(['aaaa bbbb\ncccc', 'dddd eeee']);
    expect(splitText('aaaa. bbbb\ncccc dddd eeee', 16)).toEqual(['aaaa. bbbb', 'cccc dddd eeee']);
    expect(splitText('aaaa bbbb. cccc dddd eeee', 16)).toEqual(['aaaa bbbb.', 'cccc dddd eeee']);
    expect(splitText('aaaa bbbb cccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('keeps the lines of a list together in a part when a paragraph break allows', () => {
    const list = ['Proposal memuat:', 'a. bentuk;', 'b. rancang bangun;', 'c. tujuan.'].join('\n');
    const text = `${'Pendahuluan panjang. '.repeat(3).trim()}\n\n${list}`;
    const parts = splitText(text, list.length + 5);
    expect(parts.at(-1)).toBe(list);
  });

  it('does not cut at a boundary so early that the first part would be tiny', () => {
    const text = `Judul\n\n${'kata '.repeat(30).trim()}`;
    const [first] = splitText(text, 80);
    expect(first!.length).toBeGreaterThan(40);
  });

  it('cuts a single word longer than the limit only as a last resort, and never inside a surrogate pair', () => {
    const url = `https://jdih.example.go.id/${'x'.repeat(30)}`;
    const parts = splitText(url, 20);
    expect(parts.join('')).toBe(url);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(20);

    const emoji = '😀'.repeat(10);
    const emojiParts = splitText(emoji, 5);
    expect(emojiParts.join('')).toBe(emoji);
    for (const part of emojiParts) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('keeps the punctuation with its sentence and drops only the whitespace at the cut', () => {
    const parts = splitText('Satu dua tiga. Empat lima enam. Tujuh', 20);
    expect(parts).toEqual(['Satu dua tiga.', 'Empat lima enam.', 'Tujuh']);
  });
});
