import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../../src/knowledge/citation.js';
import { chunkRegulation, chunkRegulationWithReport } from '../../../src/knowledge/ingest/legal-chunker.js';
import type { ChunkDraft } from '../../../src/knowledge/types.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/regulations');
const clean = readFileSync(path.join(fixtures, 'perbup-contoh-7-2021.md'), 'utf8');
const ocr = readFileSync(path.join(fixtures, 'perbup-contoh-7-2021-ocr.md'), 'utf8');

const REG = 'Perbup Contoh 7/2021';
const BAB_I = 'BAB I KETENTUAN UMUM';
const BAB_II_1 = 'BAB II PELAKSANAAN INOVASI > Bagian Kesatu Pengusulan';
const BAB_II_2 = 'BAB II PELAKSANAAN INOVASI > Bagian Kedua Penilaian > Paragraf 1 Tata Cara Penilaian';

/** The chunks of the clean fixture, in order: what a careful human would cut. */
const EXPECTED: Array<[citation: string, text: string, heading?: string]> = [
  [
    `${REG} Menimbang`,
    'a. bahwa pelayanan publik di Kabupaten Contoh perlu ditingkatkan melalui inovasi yang terukur;\n' +
      'b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati tentang Inovasi Pelayanan Publik di Lingkungan Pemerintah Kabupaten Contoh;',
  ],
  [
    `${REG} Mengingat`,
    '1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n2. Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah;',
  ],
  [`${REG} Pasal 1 angka 1`, 'Daerah adalah Kabupaten Contoh.', BAB_I],
  [`${REG} Pasal 1 angka 2`, 'Bupati adalah Bupati Contoh.', BAB_I],
  [
    `${REG} Pasal 1 angka 3`,
    'Perangkat Daerah adalah unsur pembantu Bupati dalam penyelenggaraan urusan pemerintahan yang menjadi kewenangan Daerah.',
    BAB_I,
  ],
  [
    `${REG} Pasal 1 angka 4`,
    'Inovasi Pelayanan Publik adalah terobosan jenis pelayanan yang memberi manfaat seluas-luasnya bagi masyarakat.',
    BAB_I,
  ],
  [`${REG} Pasal 1 angka 5`, 'Tim Penilai adalah tim yang dibentuk oleh Bupati untuk menilai usulan inovasi.', BAB_I],
  [`${REG} Pasal 1 angka 6`, 'Hari Kerja adalah hari Senin sampai dengan hari Jumat, kecuali hari libur nasional.', BAB_I],
  [`${REG} Pasal 2 ayat (1)`, 'Inovasi Pelayanan Publik bertujuan untuk menyejahterakan masyarakat Daerah.', BAB_I],
  [
    `${REG} Pasal 2 ayat (2)`,
    'Sasaran Inovasi Pelayanan Publik sebagaimana dimaksud pada ayat (1) meliputi:\n' +
      'a. percepatan pelayanan perizinan;\nb. perluasan jangkauan layanan dasar; dan\nc. peningkatan kepuasan masyarakat.',
    BAB_I,
  ],
  [
    `${REG} Pasal 3 ayat (1)`,
    'Setiap Perangkat Daerah wajib mengusulkan paling sedikit 1 (satu) Inovasi Pelayanan Publik setiap tahun.',
    BAB_II_1,
  ],
  [
    `${REG} Pasal 3 ayat (2)`,
    'Usulan sebagaimana dimaksud pada ayat (1) disampaikan kepada Bupati melalui Perangkat Daerah yang membidangi penelitian dan pengembangan.',
    BAB_II_1,
  ],
  [
    `${REG} Pasal 3 ayat (3)`,
    'Perangkat Daerah yang membidangi penelitian dan pengembangan mencatat setiap usulan dalam daftar inovasi Daerah.',
    BAB_II_1,
  ],
  [
    `${REG} Pasal 4`,
    'Usulan inovasi sekurang-kurangnya memuat:\na. nama dan bentuk inovasi;\nb. masalah yang diselesaikan; dan\nc. anggaran, jika diperlukan.',
    BAB_II_1,
  ],
  [
    `${REG} Pasal 5 ayat (1)`,
    'Tim Penilai menilai usulan inovasi paling lama 14 (empat belas) Hari Kerja sejak usulan diterima.',
    BAB_II_2,
  ],
  [`${REG} Pasal 5 ayat (2)`, 'Tim Penilai dapat melibatkan perguruan tinggi dan/atau praktisi.', BAB_II_2],
  [
    `${REG} Pasal 5 ayat (3)`,
    'Hasil penilaian sebagaimana dimaksud pada ayat (1) ditetapkan dengan Keputusan Bupati.',
    BAB_II_2,
  ],
  [
    `${REG} Pasal 6 ayat (1)`,
    'Inovasi yang dinyatakan layak sebagaimana dimaksud dalam Pasal 5 ayat (3) diuji coba paling lama 6 (enam) bulan.',
    BAB_II_2,
  ],
  [
    `${REG} Pasal 6 ayat (2)`,
    'Pelaksanaan uji coba sebagaimana dimaksud pada ayat (1) didanai dari anggaran Perangkat Daerah pengusul.',
    BAB_II_2,
  ],
  [`${REG} Pasal 7`, 'Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.', BAB_II_2],
  [
    `${REG} Penjelasan Umum`,
    'Peraturan Bupati ini mengatur tata cara pengusulan, penilaian, dan uji coba inovasi pelayanan publik agar setiap Perangkat Daerah berinovasi secara terencana.',
  ],
  [
    `${REG} Penjelasan Pasal 2 ayat (2) huruf b`,
    'Yang dimaksud dengan "layanan dasar" adalah layanan pendidikan, kesehatan, dan administrasi kependudukan.',
    BAB_I,
  ],
  [
    `${REG} Penjelasan Pasal 4`,
    'Yang dimaksud dengan "bentuk inovasi" adalah inovasi tata kelola, inovasi pelayanan, atau inovasi lainnya.',
    BAB_II_1,
  ],
  [`${REG} Penjelasan Pasal 5 ayat (1)`, 'Penilaian dilakukan terhadap kelengkapan dan kelayakan usulan.', BAB_II_2],
];

const summary = (chunks: ChunkDraft[]): Array<[string, string, string?]> =>
  chunks.map((c) => (c.heading ? [c.citation, c.text, c.heading] : [c.citation, c.text]));

describe('chunkRegulation on a clean regulation', () => {
  const doc = chunkRegulation(clean);

  it('reads the regulation name and title from the opening', () => {
    expect(doc).toMatchObject({
      kind: 'regulation',
      regulation: REG,
      title: 'Peraturan Bupati Contoh Nomor 7 Tahun 2021 tentang Inovasi Pelayanan Publik di Lingkungan Pemerintah Kabupaten Contoh',
      status: 'berlaku',
    });
  });

  it('cuts one chunk per definition, ayat, Pasal without ayat and Penjelasan item, in reading order', () => {
    expect(summary(doc.chunks)).toEqual(EXPECTED);
  });

  it('gives every chunk the canonical citation of its own parts', () => {
    for (const chunk of doc.chunks) {
      const { citation, text: _text, heading: _heading, ...parts } = chunk;
      expect(citation).toBe(formatCitation(parts));
    }
  });

  it('drops Penjelasan items that only say "Cukup jelas."', () => {
    expect(doc.chunks.some((c) => /cukup jelas/i.test(c.text))).toBe(false);
    expect(doc.chunks.filter((c) => c.penjelasan).map((c) => c.pasal)).toEqual(['2', '4', '5']);
  });
});

describe('chunkRegulation on an OCR scan of the same regulation', () => {
  const { document: doc, report } = chunkRegulationWithReport(ocr);
  const byCitation = new Map(doc.chunks.map((c) => [c.citation, c]));

  it('reads the name through a doubled title line and OCR digits in the year ("2O2l")', () => {
    expect(doc.regulation).toBe(REG);
    expect(doc.title).toBe(chunkRegulation(clean).title);
  });

  it('recovers every chunk the clean text has, with the same text, except the two the scan damaged', () => {
    const damaged = new Set([`${REG} Pasal 4`, `${REG} Pasal 6 ayat (1)`, `${REG} Pasal 6 ayat (2)`]);
    const expected = EXPECTED.filter(([citation]) => !damaged.has(citation));
    const actual = summary(doc.chunks).filter(([citation]) => !damaged.has(citation) && citation !== `${REG} Pasal 6`);
    expect(actual).toEqual(expected);
  });

  it('numbers definitions whose labels OCR moved into a column after them', () => {
    expect(byCitation.get(`${REG} Pasal 1 angka 5`)?.text).toBe(
      'Tim Penilai adalah tim yang dibentuk oleh Bupati untuk menilai usulan inovasi.',
    );
    expect(byCitation.get(`${REG} Pasal 1 angka 6`)?.text).toMatch(/^Hari Kerja adalah/);
  });

  it('rebuilds ayat whose markers were detached, checked by "sebagaimana dimaksud pada ayat (1)"', () => {
    expect(byCitation.get(`${REG} Pasal 5 ayat (1)`)?.text).toContain('paling lama 14 (empat belas) Hari Kerja');
    expect(byCitation.get(`${REG} Pasal 5 ayat (3)`)?.text).toMatch(/^Hasil penilaian/);
  });

  it('keeps the catchword marker on its ayat across a page break ("(3) Perangkat" … "(3) Perangkat Daerah")', () => {
    expect(byCitation.get(`${REG} Pasal 3 ayat (3)`)?.text).toMatch(/^Perangkat Daerah yang membidangi/);
  });

  it('keeps Pasal 6 whole because OCR lost the period between its two ayat', () => {
    expect(doc.chunks.filter((c) => c.pasal === '6' && !c.penjelasan).map((c) => c.citation)).toEqual([`${REG} Pasal 6`]);
    expect(byCitation.get(`${REG} Pasal 6`)?.text).toBe(
      'Inovasi yang dinyatakan layak sebagaimana dimaksud dalam Pasal 5 ayat (3) diuji coba paling lama 6 (enam) bulan ' +
        'Pelaksanaan uji coba sebagaimana dimaksud pada ayat (1) didanai dari anggaran Perangkat Daerah pengusul.',
    );
  });

  it('keeps a Pasal whose list labels were detached as one readable chunk', () => {
    expect(byCitation.get(`${REG} Pasal 4`)?.text).toBe(
      'Usulan inovasi sekurang-kurangnya memuat: nama dan bentuk inovasi; masalah yang diselesaikan; dan anggaran, jika diperlukan.',
    );
  });

  it('finds every Pasal once: "Pasal l", "Pasai 3", "Pasal S", a heading mid-line, a heading repeated at a page break', () => {
    const pasal = [...new Set(doc.chunks.filter((c) => c.pasal && !c.penjelasan).map((c) => c.pasal))];
    expect(pasal).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(report).toMatchObject({ pasalFound: 7, lastPasal: 7, missingPasal: [], emptyPasal: [] });
  });

  it('leaves no page header, page number, stray marker or "^" in any chunk', () => {
    for (const chunk of doc.chunks) {
      expect(chunk.text).not.toMatch(/B ?UPAT[I1l] CONTOH(?!,)|-\s?\d+\s?-|_\d+_|\^|\(\d\)\s*\(\d\)/);
    }
  });

  it('reads the Penjelasan whose "Ayat" labels OCR separated from their numbers', () => {
    expect(byCitation.get(`${REG} Penjelasan Pasal 5 ayat (1)`)?.text).toBe(
      'Penilaian dilakukan terhadap kelengkapan dan kelayakan usulan.',
    );
    expect(byCitation.get(`${REG} Penjelasan Pasal 2 ayat (2) huruf b`)).toBeDefined();
  });
});

describe('chunkRegulation on structural edge cases', () => {
  it('reports a Pasal whose heading the text lost, instead of guessing where it was', () => {
    const text = [
      'Pasal 1',
      'Peraturan ini mengatur inovasi.',
      'Pasal 2',
      'Inovasi dilaporkan setiap tahun.',
      'Pasal 4',
      'Peraturan ini mulai berlaku pada tanggal diundangkan.',
    ].join('\n');
    const { document, report } = chunkRegulationWithReport(text, { regulation: 'Perbup Uji 1/2024' });
    expect(report.missingPasal).toEqual([3]);
    expect(document.chunks.map((c) => c.citation)).toEqual([
      'Perbup Uji 1/2024 Pasal 1',
      'Perbup Uji 1/2024 Pasal 2',
      'Perbup Uji 1/2024 Pasal 4',
    ]);
  });

  it('puts back a lost Pasal heading when only one sentence boundary fits, and reports it', () => {
    const text = [
      'Pasal 1',
      'Peraturan ini mengatur penyebarluasan inovasi.',
      'Pasal 2',
      '(1) Menteri menyebarluaskan inovasi yang berhasil.',
      '(2) Penyebarluasan sebagaimana dimaksud pada ayat (1) dilakukan secara daring.',
      '(3) Penerapan oleh Daerah lain sebagaimana dimaksud pada ayat (2) ditetapkan dengan Perkada.',
      'Inovasi yang berhasil di banyak Daerah dapat diterapkan secara nasional.',
      'Pasal 4',
      'Peraturan ini mulai berlaku pada tanggal diundangkan.',
    ].join('\n');
    const { document, report } = chunkRegulationWithReport(text, { regulation: 'Perbup Uji 3/2024' });
    expect(report).toMatchObject({ missingPasal: [], recoveredPasal: ['3'] });
    expect(summary(document.chunks).slice(1, 5)).toEqual([
      ['Perbup Uji 3/2024 Pasal 2 ayat (1)', 'Menteri menyebarluaskan inovasi yang berhasil.'],
      ['Perbup Uji 3/2024 Pasal 2 ayat (2)', 'Penyebarluasan sebagaimana dimaksud pada ayat (1) dilakukan secara daring.'],
      [
        'Perbup Uji 3/2024 Pasal 2 ayat (3)',
        'Penerapan oleh Daerah lain sebagaimana dimaksud pada ayat (2) ditetapkan dengan Perkada.',
      ],
      ['Perbup Uji 3/2024 Pasal 3', 'Inovasi yang berhasil di banyak Daerah dapat diterapkan secara nasional.'],
    ]);
  });

  it('never gives an ayat a number the clean text does not, when OCR moves every marker into a column', () => {
    // Every "(n) " at a line start goes to a column printed after the Pasal, as on a scanned page.
    const detached = clean.replace(/((?:^\(\d+\) .*\n(?:[a-z]\. .*\n)*)+)/gm, (block: string) => {
      const markers = block.match(/^\(\d+\)/gm) ?? [];
      return `${block.replace(/^\(\d+\) /gm, '')}${markers.join(' ')}\n`;
    });
    expect(detached).not.toMatch(/^\(\d+\) [A-Z]/m);
    const truth = new Map(chunkRegulation(clean).chunks.map((c) => [c.citation, c.text]));
    const ayat = chunkRegulation(detached).chunks.filter((c) => c.ayat && !c.penjelasan);
    expect(ayat).toHaveLength(10);
    for (const chunk of ayat) expect(chunk.text).toBe(truth.get(chunk.citation));
  });

  it('splits definitions numbered like ayat, "(1) … (13)", per angka', () => {
    const definitions = Array.from({ length: 13 }, (_, i) => `(${i + 1}) Istilah ${i + 1} adalah pengertian nomor ${i + 1}.`).join('\n');
    const text = `PERATURAN DAERAH KABUPATEN CONTOH NOMOR 2 TAHUN 2022 TENTANG PELAYANAN PUBLIK\nBAB I KETENTUAN UMUM\nPasal 1\nDalam Peraturan Daerah ini yang dimaksud dengan:\n${definitions}\nPasal 2\n(1) Pelayanan diselenggarakan setiap hari kerja.\n(2) Pelayanan tidak dipungut biaya.`;
    const chunks = chunkRegulation(text).chunks;
    const pasal1 = chunks.filter((c) => c.pasal === '1');
    expect(pasal1.map((c) => c.citation)).toEqual(Array.from({ length: 13 }, (_, i) => `Perda Kabupaten Contoh 2/2022 Pasal 1 angka ${i + 1}`));
    expect(pasal1[12]?.text).toBe('Istilah 13 adalah pengertian nomor 13.');
    expect(chunks.filter((c) => c.pasal === '2').map((c) => c.ayat)).toEqual(['1', '2']);
  });

  it('keeps definition 1 when OCR read its label as a letter ("l. Daerah adalah …")', () => {
    const definitions = ['l. Daerah adalah daerah otonom.', '2. Bupati adalah kepala daerah kabupaten.', '3. Dinas adalah perangkat daerah.'].join('\n');
    const text = `PERATURAN DAERAH KABUPATEN CONTOH NOMOR 2 TAHUN 2022 TENTANG PELAYANAN PUBLIK\nPasal 1\nDalam Peraturan Daerah ini yang dimaksud dengan:\n${definitions}\nPasal 2\nPelayanan diselenggarakan setiap hari kerja.`;
    const pasal1 = chunkRegulation(text).chunks.filter((c) => c.pasal === '1');
    expect(pasal1.map((c) => [c.angka, c.text])).toEqual([
      ['1', 'Daerah adalah daerah otonom.'],
      ['2', 'Bupati adalah kepala daerah kabupaten.'],
      ['3', 'Dinas adalah perangkat daerah.'],
    ]);
  });

  it('uses the regulation name and title it is given over the ones in the text', () => {
    const doc = chunkRegulation(clean, { regulation: 'Perbup Cth 7/2021', title: 'Perbup Inovasi' });
    expect(doc.title).toBe('Perbup Inovasi');
    expect(doc.chunks.find((c) => c.pasal === '7')?.citation).toBe('Perbup Cth 7/2021 Pasal 7');
  });

  it('cites by Pasal alone when the text names no regulation', () => {
    const doc = chunkRegulation('Pasal 1\nSatu kalimat.\nPasal 2\nKalimat kedua.');
    expect(doc.regulation).toBeUndefined();
    expect(doc.chunks.map((c) => c.citation)).toEqual(['Pasal 1', 'Pasal 2']);
  });
});
