import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/features/proposal/export/docx-export.js';
import { renderMarkdown } from '../../../src/features/proposal/export/markdown-export.js';
import { draftRevision, exportFileName } from '../../../src/features/proposal/export/export-name.js';
import { buildProposalDocument, slugify } from '../../../src/features/proposal/export/proposal-document.js';
import { loadTemplates } from '../../../src/features/proposal/templates/template-loader.js';
import { looksLikeQuestion } from '../../../src/features/proposal/wizard/looks-like-question.js';
import { parseNavigation, resolveSection } from '../../../src/features/proposal/wizard/navigation.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { PROJECT_ROOT } from '../../support/test-app.js';

const { templates } = loadTemplates(path.join(PROJECT_ROOT, 'prompts/templates'));
const PP38 = templates.find((t) => t.id === 'pp38-2017')!;
const KIPP = templates.find((t) => t.id === 'sinovik-kipp')!;
const { t } = loadTranslator(path.join(PROJECT_ROOT, 'locales'));

describe('navigation words', () => {
  it('recognises a command only when it is the whole message, in any case and with light punctuation', () => {
    expect(parseNavigation('lanjut')).toEqual({ kind: 'next' });
    expect(parseNavigation('Kembali.')).toEqual({ kind: 'back' });
    expect(parseNavigation('*LEWATI*')).toEqual({ kind: 'skip' });
    expect(parseNavigation('ubah')).toEqual({ kind: 'edit' });
    expect(parseNavigation('Ubah bagian Manfaat')).toEqual({ kind: 'edit', target: 'manfaat' });
    expect(parseNavigation('ringkasan')).toEqual({ kind: 'summary' });
    expect(parseNavigation('lanjut ke tahap berikutnya setelah evaluasi')).toBeUndefined();
    expect(parseNavigation('Kami akan simpan data di server dinas.')).toBeUndefined();
    expect(parseNavigation('Hapus terakhir.')).toEqual({ kind: 'undo' });
    expect(parseNavigation('hapus')).toEqual({ kind: 'delete' });
  });

  it('tells a question to Pandu from a line of the answer', () => {
    expect(looksLikeQuestion('ini diisi apa ya?')).toBe(true);
    expect(looksLikeQuestion('Kalau belum ada SK, boleh?  ')).toBe(true);
    const longQuestion = `Bagaimana kalau anggarannya belum ditetapkan karena ${'masih menunggu pembahasan di DPRD '.repeat(4)}?`;
    expect(longQuestion.length).toBeGreaterThan(120);
    expect(looksLikeQuestion(longQuestion)).toBe(true);
    // A long answer that ends with a rhetorical question, and a short answer without "?", are answers.
    const rhetorical = `Warga selama ini antre berjam-jam di kantor dinas untuk mengurus akta. ${'Data menunjukkan antrean terus bertambah. '.repeat(2)}Mengapa harus datang sendiri?`;
    expect(rhetorical.length).toBeGreaterThan(120);
    expect(looksLikeQuestion(rhetorical)).toBe(false);
    expect(looksLikeQuestion('Apa adanya, tanpa biaya tambahan.')).toBe(false);
  });

  it('finds the section meant by "ubah" from its number, key, title words or the word judul', () => {
    expect(resolveSection(PP38, '3').map((s) => s.key)).toEqual(['rancang_bangun']);
    expect(resolveSection(PP38, 'waktu uji coba').map((s) => s.key)).toEqual(['waktu_uji_coba']);
    expect(resolveSection(PP38, 'manfaat').map((s) => s.key)).toEqual(['manfaat']);
    expect(resolveSection(PP38, 'judul').map((s) => s.key)).toEqual(['nama']);
    expect(resolveSection(KIPP, 'judul').map((s) => s.key)).toEqual(['judul']);
    expect(resolveSection(PP38, 'uji').map((s) => s.key)).toEqual(['waktu_uji_coba', 'pelaksana']);
    expect(resolveSection(PP38, '42')).toEqual([]);
  });
});

describe('proposal export', () => {
  const doc = buildProposalDocument({
    template: PP38,
    answers: new Map([
      ['nama', 'Dapur Gizi Desa'],
      ['bentuk', 'Inovasi Pelayanan Publik.\nUrusan kesehatan.'],
    ]),
    title: 'Dapur Gizi Desa',
    innovator: 'Sari Rahayu',
    now: new Date('2026-11-22T08:00:00Z'),
    t,
  });

  it('lays out the Word document with a title page and one heading per section with its legal basis', async () => {
    const buffer = await renderDocx(doc);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect([...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1])).toHaveLength(PP38.sections.length);
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('Dapur Gizi Desa');
    expect(text).toContain('Disusun oleh: Sari Rahayu');
    expect(text).toContain('Tanggal: 22 November 2026');
    expect(text).toContain('Inovasi Pelayanan Publik.\n\nUrusan kesehatan.');
    expect(text).toContain('Dasar hukum/kriteria: PP 38/2017 Pasal 7 ayat (2) huruf a; PP 38/2017 Pasal 4; PP 38/2017 Pasal 6 huruf d');
    expect(text.match(/\(belum diisi\)/g)).toHaveLength(PP38.sections.length - 2);
  });

  it('writes the same content as Markdown', () => {
    const markdown = renderMarkdown(doc);
    expect(markdown.startsWith('# Dapur Gizi Desa\n')).toBe(true);
    expect(markdown).toContain('## 2. Bentuk Inovasi Daerah\n\nInovasi Pelayanan Publik.\n\nUrusan kesehatan.');
  });

  it('names files with an ascii slug of the title, cut between words', () => {
    expect(slugify('Layanan Akta Lahir Cepat (LAHIR CEPAT)')).toBe('layanan-akta-lahir-cepat-lahir-cepat');
    expect(slugify('Posyandu Ceria — Desa Wisata Énergi')).toBe('posyandu-ceria-desa-wisata-energi');
    expect(slugify('Gerakan Bersama Menurunkan Angka Stunting melalui Dapur Gizi Desa')).toBe(
      'gerakan-bersama-menurunkan-angka-stunting-melalui',
    );
    expect(slugify('satu dua tiga', 8)).toBe('satu-dua');
    // A single word longer than the limit is the only thing ever shortened.
    expect(slugify('Supercalifragilistik', 10)).toBe('supercalif');
    expect(slugify('?!')).toBe('');
  });

  it('names each export after its draft and revision, so no two exports share a name', () => {
    const answer = (sectionKey: string, version: number) =>
      [sectionKey, { sectionKey, text: 'x', skipped: false, version, savedAt: new Date(0) }] as const;
    expect(draftRevision(new Map())).toBe(0);
    const revision = draftRevision(new Map([answer('nama', 2), answer('bentuk', 3)]));
    expect(revision).toBe(5);
    const name = exportFileName({ slug: 'dapur-gizi-desa', draftId: 'cmabc123def456ghi789jkl0m', revision, extension: 'docx' });
    expect(name).toBe('proposal-dapur-gizi-desa-9jkl0m-v5.docx');
    expect(exportFileName({ slug: 'dapur-gizi-desa', draftId: 'cmabc123def456ghi789xyz0q', revision, extension: 'docx' })).not.toBe(name);
  });
});
