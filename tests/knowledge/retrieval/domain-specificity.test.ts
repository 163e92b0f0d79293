import { describe, expect, it } from 'vitest';
import { backgroundCount, backgroundPairCount, domainSpecificity } from '../../../src/knowledge/retrieval/domain-specificity.js';
import { chunk, indexOf } from '../support/chunks.js';

const PP = 'PP 38/2017';
const index = indexOf([
  chunk({ regulation: PP, pasal: '7', ayat: '2' }, 'Inisiatif Inovasi Daerah dilengkapi proposal Inovasi Daerah.'),
  chunk({ regulation: PP, pasal: '9', ayat: '2' }, 'Proposal Inovasi Daerah dibahas dalam rapat paripurna DPRD.'),
  chunk({ regulation: PP, pasal: '16', ayat: '2' }, 'Uji coba Inovasi Daerah dilakukan pada Perangkat Daerah sebagai laboratorium uji coba.'),
  chunk({ regulation: PP, pasal: '30', ayat: '1' }, 'Kegiatan Inovasi Daerah dianggarkan dalam APBD kabupaten.'),
]);

describe('domain specificity of a word against general government text', () => {
  it('counts words of general regional-government text, not their text', () => {
    expect(backgroundCount('dprd')).toBeGreaterThan(100);
    expect(backgroundCount('niru')).toBe(0);
  });

  it('counts two words in a row that general government text uses as a phrase, and no chance neighbours', () => {
    expect(backgroundPairCount('pajak', 'daerah')).toBeGreaterThanOrEqual(3);
    expect(backgroundPairCount('kepala', 'daerah')).toBeGreaterThan(100);
    expect(backgroundPairCount('daerah', 'pajak')).toBe(0);
    expect(backgroundPairCount('inovasi', 'niru')).toBe(0);
  });

  it("rates the base's own subject above its passing mentions of general government", () => {
    expect(domainSpecificity('inovasi', index)!).toBeGreaterThan(1);
    expect(domainSpecificity('dprd', index)!).toBeLessThan(domainSpecificity('inovasi', index)!);
    expect(domainSpecificity('kabupaten', index)!).toBeLessThan(-1);
  });

  it('rates a government word the base does not use below 0, and has no view of a word neither uses', () => {
    expect(domainSpecificity('pemberhentian', index)!).toBeLessThan(0);
    expect(domainSpecificity('niru', index)).toBeUndefined();
  });
});
