import { describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_LIMITS, megabytes, withDefaults } from '../../../src/knowledge/ingest/limits.js';

describe('ingest limits', () => {
  it('fills in the defaults, and a limit given as undefined keeps its default instead of vanishing', () => {
    expect(withDefaults({ maxBytes: 5, maxTextChars: undefined })).toEqual({ ...DEFAULT_INGEST_LIMITS, maxBytes: 5 });
  });

  it('states byte limits in megabytes to one decimal', () => {
    expect(megabytes(20 * 1024 * 1024)).toBe(20);
    expect(megabytes(1.5 * 1024 * 1024)).toBe(1.5);
  });
});
