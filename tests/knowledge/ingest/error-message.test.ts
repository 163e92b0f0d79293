import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/config.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { ingestErrorMessage } from '../../../src/knowledge/ingest/error-message.js';
import type { IngestErrorCode } from '../../../src/knowledge/ingest/errors.js';
import { IngestError } from '../../../src/knowledge/ingest/errors.js';

const { t, has } = loadTranslator(path.join(projectRoot, 'locales'));

describe('ingestErrorMessage', () => {
  it('has an Indonesian line for every IngestError code', () => {
    const codes: IngestErrorCode[] = [
      'not_found',
      'empty',
      'too_big',
      'unsupported_type',
      'unreadable',
      'encrypted',
      'no_content',
      'invalid_front_matter',
      'unpacked_too_big',
      'suspicious_archive',
      'text_too_long',
      'too_many_pages',
      'too_complex',
      'timeout',
    ];
    for (const code of codes) expect(has(`kb.error.${code}`), code).toBe(true);
  });

  it('fills in the limits, with numbers written the Indonesian way', () => {
    const pages = new IngestError('too_many_pages', 'x.pdf: 100000 pages', { params: { pages: 100_000, maxPages: 2000 } });
    expect(ingestErrorMessage(pages, t)).toBe('PDF ini terlalu banyak halamannya (100.000 halaman; batas 2.000). Pecah dokumen menjadi beberapa berkas.');
    const big = new IngestError('too_big', 'x.pdf: too big', { params: { maxMb: 1.5 } });
    expect(ingestErrorMessage(big, t)).toBe('Berkas terlalu besar (batas 1,5 MB).');
  });

  it('keeps a detail shown to the reader on one short line', () => {
    const detail = `kb.md: front matter is not valid YAML\n${'x'.repeat(5000)}`;
    const message = ingestErrorMessage(new IngestError('invalid_front_matter', detail), t);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
    expect(message).toMatch(/^Bagian front matter berkas pengetahuan tidak sah: kb\.md: front matter is not valid YAML x+…$/);
  });

  it('shows a generic line, never the message, for an error that is not about the file', () => {
    const prismaLike = new Error(`Invalid prisma.chunk.createMany() invocation:\n${'function(){'.repeat(4000)}`);
    expect(ingestErrorMessage(prismaLike, t)).toBe('Terjadi kesalahan tak terduga saat memproses berkas ini; rinciannya dicatat di log.');
  });
});
