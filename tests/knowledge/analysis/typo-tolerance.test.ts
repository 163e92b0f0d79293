import { describe, expect, it } from 'vitest';
import { FuzzyVocabulary, editDistanceAtMostOne, skeleton } from '../../../src/knowledge/index/fuzzy.js';
import { colloquialForms } from '../../../src/knowledge/analysis/stemmer.js';
import { prepareQuery } from '../../../src/knowledge/retrieval/query-groups.js';
import { chunk, indexOf } from '../support/chunks.js';

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

describe('chat spellings of words the corpus has', () => {
  it('offers the standard "a" for the colloquial "e" of a closing syllable, with and without affixes', () => {
    expect(colloquialForms('tetep')).toContain('tetap');
    expect(colloquialForms('minjemnya')).toContain('pinjam');
    expect(colloquialForms('dibatesin')).toContain('batas');
    expect(colloquialForms('inovasi')).toEqual([]);
  });

  it('matches a question\'s chat word to the corpus word, and counts it as known', () => {
    const index = indexOf([
      chunk({ regulation: 'UU 23/2014', pasal: '300', ayat: '1' }, 'Daerah dapat meminjam; pinjaman Daerah bersumber dari Pemerintah Pusat dan lembaga keuangan bank.'),
      chunk({ regulation: 'UU 23/2014', pasal: '301' }, 'Ketentuan mengenai hibah kepada Daerah diatur dengan peraturan pemerintah.'),
    ]);
    const query = prepareQuery('minjemnya bisa dari mana aja?', index);
    const group = query.groups.findIndex((g) => g.group.surface === 'minjemnya');
    expect(query.groups[group]!.variants.map((v) => v.token)).toContain('pinjam');
    expect(query.unknown.has(group)).toBe(false);
  });
});
