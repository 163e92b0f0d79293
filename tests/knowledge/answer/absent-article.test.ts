import { describe, expect, it } from 'vitest';
import { numberRuns } from '../../../src/knowledge/answer/absent-article.js';

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
