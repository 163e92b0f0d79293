import { describe, expect, it } from 'vitest';
import { typedForm } from '../../../src/knowledge/retrieval/typed-form.js';

/** What typedForm stands for: the pattern it replaces. */
const byPattern = (word: string, question: string) => new RegExp(`(?<=\\S\\s+)(${word})\\b`, 'i').exec(question)?.[1] ?? '';

describe('typedForm', () => {
  it('finds a word as typed after another word, in its own letter case', () => {
    expect(typedForm('blud', 'apa itu BLUD?')).toBe('BLUD');
    expect(typedForm('banyuwangi', 'inovasi di Banyuwangi tahun lalu')).toBe('Banyuwangi');
    expect(typedForm('blud', 'BLUD itu apa')).toBe('');
    expect(typedForm('blu', 'apa itu BLUD?')).toBe('');
    expect(typedForm('menyetujui|menetapkan', 'siapa yang Menetapkan inovasi')).toBe('Menetapkan');
  });

  it('agrees with the pattern it replaces on words and texts of every shape', () => {
    const words = ['blud', 'skp', 'kota', 'a', 'pp 38', 'reg:pp:38', 'menyetujui|menetapkan', 'x|kota', 'ab1', 'inovasi'];
    const pieces = ['BLUD', 'blud', 'Blud', 'bludx', 'blud_', ' ', '  ', '\t', '\n', '\u00a0', 'kota', 'KOTA', 'pp 38', 'PP  38', 'reg:pp:38', 'x', 'ab1', 'Menetapkan', ',', '?', '.', 'ſkp', 'ı', '\u212a', 'inovasi', 'é'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
    let found = 0;
    for (let n = 0; n < 4000; n += 1) {
      const question = Array.from({ length: 1 + (next() % 8) }, () => pieces[next() % pieces.length]!).join(next() % 2 ? ' ' : '');
      for (const word of words) {
        const expected = byPattern(word, question);
        expect(typedForm(word, question), `${word} in ${JSON.stringify(question)}`).toBe(expected);
        if (expected) found += 1;
      }
    }
    expect(found).toBeGreaterThan(1000); // the texts do contain the words, often
  });
});
