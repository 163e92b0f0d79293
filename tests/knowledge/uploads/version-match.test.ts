import { describe, expect, it } from 'vitest';
import { findVersionTarget, regulationKey, sameTitle, type ExistingDocument } from '../../../src/knowledge/uploads/version-match.js';

function doc(id: string, fields: Partial<ExistingDocument> = {}): ExistingDocument {
  return { id, title: `Dokumen ${id}`, regulation: null, version: 1, origin: 'admin', kind: 'regulation', ...fields };
}

describe('regulationKey', () => {
  it('forgives case and spacing, not numbers', () => {
    expect(regulationKey('PP 38/2017')).toBe(regulationKey(' pp  38 / 2017 '));
    expect(regulationKey('Permendagri 104/2018')).not.toBe(regulationKey('Permendagri 105/2018'));
    expect(regulationKey('PP 38/2017')).not.toBe(regulationKey('PP 38/2018'));
  });
});

describe('findVersionTarget', () => {
  const live = [
    doc('perbup-v1', { regulation: 'Perbup Contoh 7/2024', version: 1 }),
    doc('perbup-v2', { regulation: 'Perbup Contoh 7/2024', version: 2 }),
    doc('pp-note', { regulation: 'PP 38/2017', kind: 'curated', origin: 'shipped' }),
    doc('guide', { title: 'Pedoman IID 2023' }),
  ];

  it('picks the newest live text of the same regulation, however it is spaced', () => {
    expect(findVersionTarget({ regulation: 'perbup contoh 7 / 2024', kind: 'regulation' }, live)?.id).toBe('perbup-v2');
  });

  it('replaces nothing for another regulation, a document without one, or a curated note', () => {
    expect(findVersionTarget({ regulation: 'Perbup Contoh 8/2024', kind: 'regulation' }, live)).toBeUndefined();
    expect(findVersionTarget({ kind: 'text' }, live)).toBeUndefined();
    expect(findVersionTarget({ regulation: 'Perbup Contoh 7/2024', kind: 'curated' }, live)).toBeUndefined();
  });

  it('never lets a whole text retire the curated notes of its regulation', () => {
    expect(findVersionTarget({ regulation: 'PP 38/2017', kind: 'regulation' }, live)).toBeUndefined();
  });
});

describe('sameTitle', () => {
  it('finds live documents with the same title up to case and punctuation, except the one replaced', () => {
    const live = [doc('a', { title: 'Pedoman IID 2023' }), doc('b', { title: 'Pedoman IGA 2023' })];
    expect(sameTitle('pedoman iid-2023', live).map((d) => d.id)).toEqual(['a']);
    expect(sameTitle('Pedoman IID 2023', live, 'a')).toEqual([]);
  });
});
