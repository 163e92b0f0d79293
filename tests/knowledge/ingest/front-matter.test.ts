import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/knowledge/ingest/front-matter.js';
import { ingestErrorOf } from './support/ingest-error.js';

describe('splitFrontMatter', () => {
  it('separates the YAML fields from the markdown body', () => {
    expect(splitFrontMatter('---\ntitle: Proposal\npasal: "7"\n---\nIsi proposal.\n')).toEqual({
      data: { title: 'Proposal', pasal: '7' },
      body: 'Isi proposal.\n',
    });
  });

  it('returns the whole text as body when there is no front matter', () => {
    expect(splitFrontMatter('# Judul\n\n---\nbukan front matter\n---\n')).toEqual({
      data: undefined,
      body: '# Judul\n\n---\nbukan front matter\n---\n',
    });
  });

  it('accepts Windows line endings, a BOM and an empty block', () => {
    expect(splitFrontMatter('\uFEFF---\r\ntitle: A\r\n---\r\nIsi.')).toEqual({ data: { title: 'A' }, body: 'Isi.' });
    expect(splitFrontMatter('---\n---\nIsi.')).toEqual({ data: {}, body: 'Isi.' });
  });

  it('refuses broken YAML, naming the file', () => {
    const error = ingestErrorOf(() => splitFrontMatter('---\ntitle: [tidak ditutup\n---\nIsi.', 'knowledge/a.md'));
    expect(error.code).toBe('invalid_front_matter');
    expect(error.detail).toContain('knowledge/a.md');
  });

  it('refuses a block that is opened but never closed, or that is not a mapping', () => {
    expect(ingestErrorOf(() => splitFrontMatter('---\ntitle: A\nIsi tanpa penutup.')).code).toBe('invalid_front_matter');
    expect(ingestErrorOf(() => splitFrontMatter('---\n- satu\n- dua\n---\nIsi.')).code).toBe('invalid_front_matter');
  });
});
