import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { replyBlocks, runCli } from '../../support/run-cli.js';
import { curatedUnit, tempDataDir, writeKnowledge } from '../../support/temp-data.js';

const temp = tempDataDir('pandu-proposal-cli-');
afterAll(() => temp.cleanup());

// A two-passage knowledge base keeps start-up fast; the wizard itself does not need more offline.
const knowledgeDir = writeKnowledge(temp.dir, {
  'pp-38-2017/pasal-07-ayat-2.md': curatedUnit({
    regulation: 'PP 38/2017',
    pasal: '7',
    ayat: '2',
    citation: 'PP 38/2017 Pasal 7 ayat (2)',
    title: 'Isi minimum proposal Inovasi Daerah',
    topic: 'proposal inovasi daerah',
    text: 'Proposal Inovasi Daerah sekurang-kurangnya memuat bentuk, rancang bangun dan pokok perubahan, tujuan, manfaat, waktu uji coba, dan anggaran jika diperlukan.',
  }),
});
const dataDir = path.join(temp.dir, 'data');

async function chat(user: string, lines: string[]): Promise<string[]> {
  const result = await runCli('src/cli/chat.ts', [], {
    env: { DATA_DIR: dataDir, TERMINAL_USER: user, KNOWLEDGE_DIR: knowledgeDir, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    input: `${lines.join('\n')}\n`,
  });
  expect(result.code, result.stderr).toBe(0);
  const blocks = replyBlocks(result.stdout);
  expect(blocks, result.stdout).toHaveLength(lines.length);
  return blocks;
}

/** The path the terminal printed for a saved document. */
function savedDocument(block: string): string {
  const saved = /\[dokumen disimpan: (.+\.docx)\]/.exec(block)?.[1];
  expect(saved, block).toBeTruthy();
  return saved!;
}

const TITLE = 'Layanan Akta Lahir Cepat (LAHIR CEPAT)';
const RANCANG_1 =
  'Selama ini orang tua harus datang sendiri ke kantor Disdukcapil membawa surat keterangan lahir dan berkas lain, sehingga banyak bayi terlambat dicatat. ' +
  'Dengan inovasi ini bidan puskesmas memasukkan data kelahiran ke aplikasi bersama pada hari kelahiran, lengkap dengan foto surat keterangan lahir.';
const RANCANG_2 =
  'Operator Disdukcapil memverifikasi data setiap pagi, menerbitkan akta elektronik, dan mengirimkannya ke nomor WhatsApp orang tua. ' +
  'Pokok perubahannya: pendaftaran pindah dari loket dinas ke puskesmas dan berkas fisik diganti data elektronik, tanpa biaya maupun syarat tambahan bagi warga.';
const MANFAAT_LAMA = 'MANFAAT-LAMA warga senang.';
const MANFAAT =
  'Orang tua tidak perlu lagi ke kantor dinas sehingga hemat ongkos sekitar Rp100.000 per keluarga, dan masyarakat mendapat akta dalam 3 hari, bukan 14 hari.';
const TUJUAN =
  'Mempercepat penerbitan akta kelahiran dari rata-rata 14 hari menjadi paling lama 3 hari dan menaikkan cakupan akta bayi baru lahir menjadi 95% pada akhir uji coba.';
const WAKTU_1 = 'Uji coba dimulai Januari 2026 di tiga puskesmas Kecamatan Kota.';
const WAKTU_2 = 'Periode uji coba Januari sampai Juni 2026 (6 bulan).';
const ANGGARAN = 'Rp45.000.000 dari APBD Disdukcapil tahun 2026 untuk aplikasi dan pelatihan petugas.';
const REPLIKASI =
  'Kabupaten lain dapat meniru cukup dengan perjanjian kerja sama Disdukcapil dan Dinas Kesehatan serta pelatihan singkat bagi bidan.';

describe('proposal wizard in the terminal chat', () => {
  it('completes a PP 38/2017 proposal across a restart and a linked identity, then exports a DOCX with every heading and answer', async () => {
    // --- First run, user A: start, answer over several messages, and use kembali, lewati, ubah, ringkasan, simpan.
    const a = await chat('ani', [
      '/proposal',
      '1',
      TITLE,
      'lanjut',
      'Inovasi Pelayanan Publik, karena mengubah cara Disdukcapil menerbitkan akta kelahiran.',
      'Urusan administrasi kependudukan adalah kewenangan kabupaten.',
      'lanjut',
      RANCANG_1,
      RANCANG_2,
      'Kembali',
      'lanjut',
      'lanjut',
      'lewati',
      MANFAAT_LAMA,
      'ubah manfaat',
      MANFAAT,
      'ubah 4',
      TUJUAN,
      'ringkasan',
      'lanjut',
      'lanjut',
      'simpan',
    ]);
    expect(a[0]).toContain('1. Proposal Inovasi Daerah (PP 38/2017 Pasal 7 ayat (2))');
    expect(a[1]).toContain('Bagian 1/9: Nama inovasi');
    expect(a[2]).toContain(`Judul draf: ${TITLE}`);
    expect(a[3]).toContain('Bagian 2/9: Bentuk Inovasi Daerah');
    expect(a[3]).toContain('PP 38/2017 Pasal 7 ayat (2) huruf a');
    expect(a[5]).toContain('Tersimpan (16 kata');
    // "kembali" shows the previous section with both messages saved as one answer.
    expect(a[9]).toContain('Bagian 2/9');
    expect(a[9]).toContain('menerbitkan akta kelahiran.\nUrusan administrasi kependudukan');
    expect(a[11]).toContain('Bagian 4/9: Tujuan Inovasi Daerah');
    expect(a[12]).toContain('dilewati. Bagian ini wajib');
    expect(a[12]).toContain('Bagian 5/9: Manfaat yang diperoleh');
    expect(a[14]).toContain('MANFAAT-LAMA');
    expect(a[14]).toContain('pesan berikutnya menggantikan jawaban di atas');
    expect(a[15]).toContain('diganti');
    expect(a[16]).toContain('Bagian 4/9: Tujuan Inovasi Daerah');
    expect(a[18]).toMatch(/✅ 3\. Rancang bangun dan pokok perubahan: \d+ kata/);
    expect(a[18]).toContain('✅ 4. Tujuan Inovasi Daerah');
    expect(a[18]).toContain('⬜ 6. Waktu uji coba: belum diisi');
    expect(a[18]).toContain('5 dari 9 bagian terisi');
    expect(a[20]).toContain('Bagian 6/9: Waktu uji coba');
    expect(a[21]).toContain('tersimpan (5/9 bagian terisi)');

    // --- Second run (a restart), user A asks for a link code.
    const [issued] = await chat('ani', ['/hubungkan']);
    const code = /Kode penghubung Anda: ([A-Z0-9]+)/.exec(issued!)?.[1];
    expect(code, issued).toBeTruthy();

    // --- Third run, user B links to A and finishes the same draft.
    const b = await chat('budi', [
      `/hubungkan ${code}`,
      '/proposal',
      '1',
      WAKTU_1,
      'lanjut',
      'batal',
      '/proposal',
      '1',
      ANGGARAN,
      'saran',
      'lanjut',
      'lewati',
      REPLIKASI,
      '/bantuan',
      'lanjut',
      '1',
      WAKTU_2,
      'selesai',
      'markdown',
    ]);
    expect(b[0]).toContain('Berhasil');
    expect(b[1]).toContain(`"${TITLE}" (bagian 6. Waktu uji coba)`);
    expect(b[2]).toContain('Bagian 6/9: Waktu uji coba');
    // lanjut runs the section check: a start month is not a period. The user may still go on.
    expect(b[4]).toContain('belum memuat periode uji coba');
    expect(b[4]).toContain('Bagian 7/9: Anggaran');
    expect(b[5]).toContain('Tidak ada yang dihapus: 6 bagian');
    expect(b[7]).toContain('Bagian 7/9: Anggaran');
    expect(b[9]).toContain('Saran AI memerlukan model bahasa');
    expect(b[9]).toContain('Tidak ada catatan');
    expect(b[11]).toContain('Bagian 9/9: Kemungkinan direplikasi');
    // A command in the middle of a section is answered and the wizard carries on.
    expect(b[13]).toContain('/proposal [baru|daftar]');
    // After the last section: summary, the pre-submission check with a jump, and the document.
    expect(b[14]).toContain('📋 Ringkasan');
    expect(b[14]).toContain('⏭️ 8. Perangkat Daerah pelaksana uji coba: dilewati');
    expect(b[14]).toContain('🔎 Pemeriksaan sebelum pengajuan: 1 catatan.');
    expect(b[14]).toContain('1. Perbaiki: Waktu uji coba');
    const firstExport = savedDocument(b[14]!);
    expect(path.basename(firstExport)).toMatch(/^proposal-layanan-akta-lahir-cepat-lahir-cepat-[a-z0-9]{6}-v\d+\.docx$/);
    expect(b[14]).toContain('selesai dan ditutup');
    // The jump opens the finished proposal again at the section to fix.
    expect(b[15]).toContain('dibuka lagi sebagai draf');
    expect(b[15]).toContain('Bagian 6/9: Waktu uji coba');
    expect(b[17]).toContain('tidak ada catatan');
    // A second finish is a second file: the first export is still there, unchanged.
    const file = savedDocument(b[17]!);
    expect(file).not.toBe(firstExport);
    expect(fs.existsSync(firstExport)).toBe(true);
    // "markdown" after the finish shows the finished proposal without opening it again.
    expect(b[18]).toContain(`# ${TITLE}`);
    expect(b[18]).toContain('## 5. Manfaat yang diperoleh');
    expect(b[18]).toContain(
      '_Dasar hukum/kriteria: PP 38/2017 Pasal 7 ayat (2) huruf e; PP 38/2017 Pasal 14 ayat (3); PP 38/2017 Pasal 16 ayat (2)_',
    );

    // --- The exported document: headings in template order, the answers, the legal basis.
    expect(path.dirname(file)).toBe(path.join(dataDir, 'exports'));
    const { value: html } = await mammoth.convertToHtml({ buffer: fs.readFileSync(file) });
    const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '1. Nama inovasi',
      '2. Bentuk Inovasi Daerah',
      '3. Rancang bangun dan pokok perubahan',
      '4. Tujuan Inovasi Daerah',
      '5. Manfaat yang diperoleh',
      '6. Waktu uji coba',
      '7. Anggaran (jika diperlukan)',
      '8. Perangkat Daerah pelaksana uji coba',
      '9. Kemungkinan direplikasi',
    ]);
    const { value: text } = await mammoth.extractRawText({ buffer: fs.readFileSync(file) });
    for (const answer of [TITLE, RANCANG_1, RANCANG_2, MANFAAT, TUJUAN, WAKTU_1, WAKTU_2, ANGGARAN, REPLIKASI])
      expect(text).toContain(answer);
    expect(text).not.toContain('MANFAAT-LAMA');
    expect(text).toContain('(belum diisi)');
    expect(text).toContain('Proposal Inovasi Daerah (PP 38/2017 Pasal 7 ayat (2))');
    expect(text).toContain('Dasar hukum/kriteria: PP 38/2017 Pasal 7 ayat (2) huruf f');
  });
});
