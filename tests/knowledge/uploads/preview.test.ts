import { describe, expect, it } from 'vitest';
import { loadBuffer } from '../../../src/knowledge/ingest/load-file.js';
import { parseDocument } from '../../../src/knowledge/ingest/parse-document.js';
import { buildPreview, pasalRange } from '../../../src/knowledge/uploads/preview.js';
import type { ExistingDocument } from '../../../src/knowledge/uploads/version-match.js';
import { regulationText } from '../../features/kb-documents/support/regulation-files.js';

async function parsed(fileName: string, text: string) {
  const loaded = await loadBuffer(fileName, Buffer.from(text), { maxBytes: 1_000_000 });
  return { parsed: parseDocument(loaded), text: loaded.text, hash: loaded.contentHash };
}

const OLD: ExistingDocument = { id: 'old', title: 'Perbup lama', regulation: 'Perbup Contoh 7/2024', version: 3, origin: 'admin', kind: 'regulation' };

describe('buildPreview', () => {
  it('names the regulation, its Pasal range and first chunks with citations, and what it replaces', async () => {
    const p = await parsed('perbup.txt', regulationText(1));
    const preview = buildPreview({ ...p, live: [OLD] });
    expect(preview.regulation).toBe('Perbup Contoh 7/2024');
    expect(preview.title).toBe('Peraturan Bupati Contoh Nomor 7 Tahun 2024 tentang Antrean Digital Puskesmas');
    expect(preview.pasal).toEqual(['1', '2', '3', '4']);
    expect(preview.pasalRange).toBe('1–4');
    expect(preview.firstChunks).toHaveLength(3);
    expect(preview.firstChunks[1]).toEqual({
      citation: 'Perbup Contoh 7/2024 Pasal 1 angka 1',
      excerpt: 'Antrean Digital adalah pendaftaran nomor antre puskesmas melalui aplikasi Sehat Contoh.',
    });
    expect(preview.replaces?.id).toBe('old');
    expect(preview.warnings).toEqual([]);
  });

  it('warns about a known document with the same bytes instead of offering a version', async () => {
    const p = await parsed('perbup.txt', regulationText(1));
    const preview = buildPreview({ ...p, live: [OLD], sameContent: OLD });
    expect(preview.replaces).toBeUndefined();
    expect(preview.warnings).toEqual([{ kind: 'duplicate', document: OLD }]);
  });

  it('warns when a named regulation has no Pasal, and when a title is already taken', async () => {
    const note = '---\ntitle: Pedoman Antrean\nregulation: SE Bupati Contoh 3/2025\n---\nPanduan singkat antrean digital untuk petugas loket.\n';
    const p = await parsed('pedoman.md', note);
    const twin: ExistingDocument = { id: 'twin', title: 'pedoman antrean', regulation: null, version: 1, origin: 'admin', kind: 'text' };
    const preview = buildPreview({ ...p, live: [twin] });
    expect(preview.pasal).toEqual([]);
    expect(preview.pasalRange).toBeUndefined();
    expect(preview.warnings).toEqual([{ kind: 'no_pasal' }, { kind: 'similar_title', document: twin }]);
  });

  it('warns about OCR damage: a Pasal the numbering skips, and many garbled words', async () => {
    const skipped = regulationText(1).replace('Pasal 3\n', 'Pasal 5\n').replace('Pasal 4\n', 'Pasal 6\n');
    const lost = buildPreview({ ...(await parsed('ocr.txt', skipped)), live: [] });
    expect(lost.warnings.find((w) => w.kind === 'ocr_damage')).toMatchObject({ missingPasal: [3, 4] });

    const garbled = `${regulationText(1)}\n${'pe1aksanaan ke9iatan '.repeat(60)}${'kata biasa '.repeat(150)}`;
    const damaged = buildPreview({ ...(await parsed('ocr2.txt', garbled)), live: [] });
    const warning = damaged.warnings.find((w) => w.kind === 'ocr_damage');
    expect(warning?.kind === 'ocr_damage' && warning.garbledShare).toBeGreaterThan(0.03);

    const clean = buildPreview({ ...(await parsed('bersih.txt', `${regulationText(1)}\n${'kata biasa '.repeat(150)}`)), live: [] });
    expect(clean.warnings).toEqual([]);
  });
});

describe('pasalRange', () => {
  it('writes a run as a range and anything else as a short list', () => {
    expect(pasalRange(['1', '2', '3'])).toBe('1–3');
    expect(pasalRange(['7'])).toBe('7');
    expect(pasalRange(['1', '2', '15A'])).toBe('1, 2, 15A');
    expect(pasalRange(['1', '3', '5', '7', '9', '11', '13', '15', '17'])).toBe('1, 3, 5, 7, 9, 11, 13, 15, …');
  });
});
