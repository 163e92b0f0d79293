import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absentArticleText, numberRuns } from '../../../src/knowledge/answer/absent-article.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { PROJECT_ROOT } from '../../support/test-app.js';
import { chunk, indexOf } from '../support/chunks.js';

describe('numberRuns', () => {
  it('writes ascending article numbers as runs, and cuts a long list', () => {
    expect(numberRuns([386, 387, 388, 389, 390])).toBe('386–390');
    expect(numberRuns([1, 2, 3, 5, 7, 8, 11])).toBe('1–3, 5, 7–8, 11');
    expect(numberRuns([4])).toBe('4');
    expect(numberRuns([])).toBe('');
    const scattered = Array.from({ length: 20 }, (_, i) => i * 3);
    expect(numberRuns(scattered)).toBe('0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, …');
  });
});

describe('absentArticleText', () => {
  const { t } = loadTranslator(path.join(PROJECT_ROOT, 'locales'));

  it('names only regulations where the article number is, never a chunk that has none', () => {
    const index = indexOf([
      chunk({ regulation: 'UU 23/2014', pasal: '388', ayat: '1' }, 'Inisiatif inovasi dapat berasal dari kepala daerah.'),
      { ...chunk({ citation: 'Catatan Pasal 9', pasal: '9' }, 'Catatan tanpa peraturan tentang pasal sembilan.'), regulation: null },
      chunk({ regulation: 'PP 38/2017', pasal: '9', ayat: '1' }, 'Usulan anggota DPRD disampaikan dalam rapat paripurna.'),
    ]);
    const text = absentArticleText({ requests: [{ pasal: '9', penjelasan: false }], named: ['UU 23/2014'] }, index, t);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Maaf, UU 23/2014 Pasal 9 tidak ada dalam basis pengetahuan Pandu, jadi saya tidak bisa menyampaikan isinya.',
      'Dari UU 23/2014, basis pengetahuan memuat Pasal 388.',
      'Pasal 9 ada dalam PP 38/2017 di basis pengetahuan; untuk membacanya, tanyakan misalnya "PP 38/2017 Pasal 9".',
    ]);
    expect(text).not.toMatch(/null|undefined/);
  });
});
