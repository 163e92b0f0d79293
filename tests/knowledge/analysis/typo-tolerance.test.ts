import { describe, expect, it } from 'vitest';
import { FuzzyVocabulary, editDistanceAtMostOne, skeleton } from '../../../src/knowledge/index/fuzzy.js';

// Typo tolerance sits next to the analyzer: words the index does not know are corrected before matching.
describe('FuzzyVocabulary', () => {
  const vocabulary = new FuzzyVocabulary(['inovasi', 'anggaran', 'evaluasi', 'daerah', 'proposal', 'uji', '2017']);

  it('corrects one dropped letter ("inovsi" → inovasi, "anggran" → anggaran)', () => {
    expect(vocabulary.near('inovsi')).toEqual(['inovasi']);
    expect(vocabulary.near('anggran')).toEqual(['anggaran']);
  });

  it('corrects an extra letter, a wrong letter and two swapped letters', () => {
    expect(vocabulary.near('inovasii')).toEqual(['inovasi']);
    expect(vocabulary.near('evaluesi')).toEqual(['evaluasi']);
    expect(vocabulary.near('proposla')).toEqual(['proposal']);
  });

  it('does not look for neighbours of a word longer than any Indonesian word', () => {
    const long = 'a'.repeat(31);
    expect(new FuzzyVocabulary([long]).near(`${long}b`)).toEqual([]);
    expect(vocabulary.near('x'.repeat(20_000))).toEqual([]);
  });

  it('reads chat words with dropped letters by their consonants ("pnerapanya", "wktu", "bagaimna")', () => {
    const chat = new FuzzyVocabulary(['penerapannya', 'penerapan', 'waktu', 'bagaimana', 'pasangan', 'evaluasi']);
    expect(chat.near('pnerapanya')).toEqual(['penerapannya']);
    expect(chat.near('wktu')).toEqual(['waktu']);
    expect(chat.near('bagaimna')).toEqual(['bagaimana']);
    // Same consonants, but not the same word with letters dropped.
    expect(chat.near('pesangon')).toEqual([]);
    expect(skeleton('penerapannya')).toBe('pnrpny');
  });

  it('leaves known words, short words and words two edits away alone', () => {
    expect(vocabulary.near('inovasi')).toEqual([]);
    expect(vocabulary.near('ujji')).toEqual([]);
    expect(vocabulary.near('inofsi')).toEqual([]);
  });
});

describe('editDistanceAtMostOne', () => {
  it('counts insertion, deletion, substitution and an adjacent swap as one edit', () => {
    expect(editDistanceAtMostOne('daerah', 'daerah')).toBe(true);
    expect(editDistanceAtMostOne('daerah', 'daerahh')).toBe(true);
    expect(editDistanceAtMostOne('daerah', 'derah')).toBe(true);
    expect(editDistanceAtMostOne('daerah', 'daereh')).toBe(true);
    expect(editDistanceAtMostOne('daerah', 'daeahr')).toBe(false);
    expect(editDistanceAtMostOne('daerah', 'deareh')).toBe(false);
    expect(editDistanceAtMostOne('daerah', 'daearh')).toBe(true);
    expect(editDistanceAtMostOne('daerah', 'da')).toBe(false);
  });
});
