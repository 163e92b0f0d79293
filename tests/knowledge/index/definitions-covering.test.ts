import { describe, expect, it } from 'vitest';
import { chunk, indexOf } from '../support/chunks.js';
import type { KnowledgeIndex } from '../../../src/knowledge/index/knowledge-index.js';

/** Pasal 1 of a regulation: many terms defined with the same word ("Daerah"), as every regulation has. */
function definitions(regulation: string) {
  return [
    chunk({ regulation, pasal: '1', angka: '1', citation: `${regulation} Pasal 1 angka 1` }, 'Pemerintah Daerah adalah kepala daerah sebagai unsur penyelenggara pemerintahan.'),
    chunk({ regulation, pasal: '1', angka: '2', citation: `${regulation} Pasal 1 angka 2` }, 'Perangkat Daerah adalah unsur pembantu kepala daerah dan DPRD.'),
    chunk({ regulation, pasal: '1', angka: '3', citation: `${regulation} Pasal 1 angka 3` }, 'Inovasi Daerah adalah semua bentuk pembaharuan dalam penyelenggaraan pemerintahan.'),
    chunk({ regulation, pasal: '1', angka: '4', citation: `${regulation} Pasal 1 angka 4` }, 'Daerah adalah daerah otonom.'),
    chunk({ regulation, pasal: '1', angka: '5', citation: `${regulation} Pasal 1 angka 5` }, 'Aparatur Sipil Negara yang selanjutnya disingkat ASN adalah profesi bagi pegawai.'),
    chunk({ regulation, pasal: '2', citation: `${regulation} Pasal 2` }, 'Perangkat Daerah melaksanakan uji coba inovasi.'),
  ];
}

/** What definitionsCovering must return: every defined term holding one variant of each group. */
function naive(index: KnowledgeIndex, subject: string[][]): number[] {
  return index.definedTerms.flatMap((term, doc) => (term && subject.every((g) => g.some((t) => term.tokens.has(t))) ? [doc] : []));
}

/** A subject as retrieval builds it: one group per word, each with the word's index tokens. */
function subjectOf(index: KnowledgeIndex, words: string): string[][] {
  return index.analyzer.analyzeWords(words.split(' ')).map((g) => [...g.variants]);
}

describe('definitions covering a subject', () => {
  const index = indexOf([...definitions('PP 38/2017'), ...definitions('Perda 1/2020'), ...definitions('Perda 2/2021')]);

  it('returns exactly the definitions whose term holds every word asked, in index order', () => {
    for (const words of ['perangkat daerah', 'daerah', 'inovasi daerah', 'daerah perangkat', 'asn', 'aparatur sipil negara', 'perangkat inovasi', 'uji coba']) {
      const subject = subjectOf(index, words);
      const found = index.definitionsCovering(subject);
      expect(found, words).toEqual(naive(index, subject));
    }
  });

  it('reads a common word through the rarest one: "perangkat daerah" is the three Perangkat Daerah definitions', () => {
    const found = index.definitionsCovering(subjectOf(index, 'perangkat daerah'));
    expect(found.map((doc) => index.chunks[doc]!.citation)).toEqual([
      'PP 38/2017 Pasal 1 angka 2',
      'Perda 1/2020 Pasal 1 angka 2',
      'Perda 2/2021 Pasal 1 angka 2',
    ]);
    // "daerah" alone is in every definition of Pasal 1 but the ASN one.
    expect(index.definitionsCovering(subjectOf(index, 'daerah'))).toHaveLength(12);
  });

  it('finds nothing for an empty subject or a word no term holds', () => {
    expect(index.definitionsCovering([])).toEqual([]);
    expect(index.definitionsCovering(subjectOf(index, 'perangkat anggaran'))).toEqual([]);
  });
});
