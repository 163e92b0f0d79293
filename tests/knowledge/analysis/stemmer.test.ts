import { describe, expect, it } from 'vitest';
import { StemTable, stemCandidates } from '../../../src/knowledge/analysis/stemmer.js';

describe('stemCandidates', () => {
  it('offers every plausible root of a nasal prefix, since the swallowed consonant is unknown', () => {
    expect(stemCandidates('menerapkan')).toEqual(expect.arrayContaining(['terap', 'nerap']));
    expect(stemCandidates('pengirim')).toEqual(expect.arrayContaining(['irim', 'kirim']));
  });

  it('strips two prefix layers and a suffix ("diperkenalkan" → kenal)', () => {
    expect(stemCandidates('diperkenalkan')).toContain('kenal');
  });

  it('strips particles and possessives ("usulannya" → usulan, usul)', () => {
    expect(stemCandidates('usulannya')).toEqual(expect.arrayContaining(['usulan', 'usul']));
  });

  it('also reads what looks like a particle or possessive as the end of the root (berjumlah → jumlah, bertanya → tanya)', () => {
    expect(stemCandidates('berjumlah')).toEqual(expect.arrayContaining(['jumlah', 'jum']));
    expect(stemCandidates('bertanya')).toContain('tanya');
    expect(stemCandidates('bertemu')).toContain('temu');
  });

  it('does not read the "-tah" of pemerintah or perintah as a particle', () => {
    expect(stemCandidates('pemerintah')).not.toContain('per');
    expect(stemCandidates('pemerintah')).toContain('perintah');
    expect(stemCandidates('bolehkah')).toContain('boleh');
    expect(stemCandidates('bukanlah')).toContain('bukan');
  });

  it('reads colloquial nasal verbs like the formal ones (ngusulin → usul, nyediain → sedia, ngelola → kelola)', () => {
    expect(stemCandidates('ngusulin')).toContain('usul');
    expect(stemCandidates('nyediain')).toContain('sedia');
    expect(stemCandidates('ngelola')).toContain('kelola');
    expect(stemCandidates('ngecek')).toContain('cek');
  });

  it('lets "-kan" leave a three-letter root ("ajukan" → aju), but not "-an" ("bulan" keeps its letters)', () => {
    expect(stemCandidates('ajukan')).toContain('aju');
    expect(stemCandidates('bulan')).not.toContain('bul');
  });

  it('leaves short words and numbers alone', () => {
    expect(stemCandidates('dana')).toEqual([]);
    expect(stemCandidates('2017')).toEqual([]);
  });

  it('never returns the word itself or a root shorter than three letters', () => {
    for (const word of ['menerapkan', 'diusulkan', 'pelaporan', 'kepala']) {
      const candidates = stemCandidates(word);
      expect(candidates).not.toContain(word);
      expect(candidates.every((c) => c.length >= 3)).toBe(true);
    }
  });
});

describe('StemTable', () => {
  const table = new StemTable([
    'penerapan', 'diterapkan', 'menerapkan', 'terapan',
    'usulan', 'diusulkan', 'mengusulkan',
    'menyediakan', 'disediakan', 'penyediaan',
    'dikelola', 'pengelola', 'mengelola',
    'tujuan', 'inovasi',
  ]);

  it('picks the root that several corpus words lead to', () => {
    expect(table.stems('penerapan')).toEqual(['terap']);
    expect(table.stems('diterapkan')).toEqual(['terap']);
    expect(table.stems('menerapkan')).toEqual(['terap']);
  });

  it('maps chat verbs it has never seen onto attested roots', () => {
    expect(table.stems('ngusulin')).toEqual(['usul']);
    expect(table.stems('nyediain')).toEqual(['sedia']);
    expect(table.stems('ngelola')).toEqual(['kelola']);
  });

  it('ignores a by-product of stripping a single word ("terapan" does not yield "apan")', () => {
    expect(table.stems('terapan')).toEqual(['terap']);
    expect(table.stems('terapan')).not.toContain('apan');
  });

  it('returns no root for a word that is itself the best-supported form', () => {
    expect(table.stems('inovasi')).toEqual([]);
    expect(table.stems('tujuan')).toEqual([]);
  });

  it('lets the corpus choose between a root and a particle-stripped by-product (berjumlah, sejumlah → jumlah)', () => {
    const corpus = new StemTable(['jumlah', 'jumlahnya', 'berjumlah', 'sejumlah', 'penjumlahan']);
    expect(corpus.stems('berjumlah')).toEqual(['jumlah']);
    expect(corpus.stems('sejumlah')).toEqual(['jumlah']);
  });

  it('treats a root seen from only one word as no evidence', () => {
    expect(new StemTable(['menerapkan']).stems('menerapkan')).toEqual([]);
  });

  it('survives a round trip through JSON, so queries see the table the index was built with', () => {
    const copy = StemTable.fromJSON(JSON.parse(JSON.stringify(table.toJSON())) as ReturnType<StemTable['toJSON']>);
    for (const word of ['penerapan', 'ngusulin', 'nyediain', 'inovasi', 'terapan']) expect(copy.stems(word)).toEqual(table.stems(word));
  });
});
