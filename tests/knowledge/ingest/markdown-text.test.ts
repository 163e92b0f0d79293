import { describe, expect, it } from 'vitest';
import { loadBuffer } from '../../../src/knowledge/ingest/load-file.js';
import { markdownAsText } from '../../../src/knowledge/ingest/markdown-text.js';
import { parseDocument } from '../../../src/knowledge/ingest/parse-document.js';

/** A regulation as an admin might type it in Markdown: articles as headings, ayat markers in bold, escapes. */
const MARKDOWN_REGULATION = `# Peraturan Bupati Tepian Nomor 4 Tahun 2025 tentang Inovasi Daerah

## Pasal 1

Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Daerah adalah Kabupaten Tepian.
2. Inovasi Daerah adalah semua bentuk pembaharuan dalam penyelenggaraan Pemerintahan Daerah.

## Pasal 2 ##

**(1)** Setiap Perangkat Daerah wajib mengusulkan paling sedikit satu inovasi setiap tahun.

**(2)** Usulan sebagaimana dimaksud pada ayat \\(1\\) disampaikan kepada Bappeda paling lambat tanggal 31 Maret.

**Pasal 3**

> Bupati memberikan penghargaan kepada Perangkat Daerah dengan inovasi _terbaik_.
`;

describe('markdownAsText', () => {
  it('drops heading, bold, emphasis, quote and escape marks and keeps every word and line', () => {
    const text = markdownAsText(MARKDOWN_REGULATION);
    expect(text.split('\n')).toHaveLength(MARKDOWN_REGULATION.split('\n').length);
    expect(text).toContain('\nPasal 1\n');
    expect(text).toContain('\nPasal 2\n');
    expect(text).toContain('\n(1) Setiap Perangkat Daerah');
    expect(text).toContain('pada ayat (1) disampaikan');
    expect(text).toContain('\nPasal 3\n');
    expect(text).toContain('\nBupati memberikan penghargaan kepada Perangkat Daerah dengan inovasi terbaik.');
    expect(text).not.toMatch(/[#*\\>]/);
  });

  it('leaves marks that are not Markdown markup alone', () => {
    for (const line of ['nama_berkas_usulan.docx', '5*3 = 15', 'tanda * di tengah', 'C# dan F#', '#tagar di awal']) {
      expect(markdownAsText(line)).toBe(line);
    }
  });
});

describe('a regulation written in Markdown', () => {
  it('is read as a regulation with its Pasal and ayat, and no mark reaches a passage', async () => {
    const file = await loadBuffer('perbup-tepian-4-2025.md', Buffer.from(MARKDOWN_REGULATION), { maxBytes: 100_000 });
    const doc = parseDocument(file, { regulation: 'Perbup Tepian 4/2025' });
    expect(doc.kind).toBe('regulation');
    const citations = doc.chunks.map((c) => c.citation);
    expect(citations).toContain('Perbup Tepian 4/2025 Pasal 2 ayat (1)');
    expect(citations).toContain('Perbup Tepian 4/2025 Pasal 2 ayat (2)');
    expect(citations).toContain('Perbup Tepian 4/2025 Pasal 3');
    expect(citations.some((c) => c.startsWith('Perbup Tepian 4/2025 Pasal 1'))).toBe(true);
    const ayat2 = doc.chunks.find((c) => c.citation === 'Perbup Tepian 4/2025 Pasal 2 ayat (2)')!;
    expect(ayat2.text).toContain('paling lambat tanggal 31 Maret');
    for (const c of doc.chunks) expect(c.text, c.citation).not.toMatch(/[#*\\]|^>/m);
  });
});
