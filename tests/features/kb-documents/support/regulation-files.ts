import { Document, Packer, Paragraph } from 'docx';

/**
 * A made-up regulation (Perbup Contoh 7/2024 on a digital queue at community health centres, "antrean
 * digital puskesmas"), in our own words, in versions that differ in one rule: how long a patient may
 * wait. Its words appear nowhere in the small knowledge base, so an answer citing it came from the upload.
 */
export function regulationText(version: 1 | 2 = 1, injection?: string): string {
  const minutes = version === 1 ? '30 (tiga puluh)' : '15 (lima belas)';
  return [
    'BUPATI CONTOH',
    'PERATURAN BUPATI CONTOH NOMOR 7 TAHUN 2024 TENTANG ANTREAN DIGITAL PUSKESMAS',
    'DENGAN RAHMAT TUHAN YANG MAHA ESA',
    'BUPATI CONTOH,',
    'Menimbang: a. bahwa pelayanan puskesmas perlu dipercepat dengan antrean digital;',
    'MEMUTUSKAN:',
    'Menetapkan: PERATURAN BUPATI TENTANG ANTREAN DIGITAL PUSKESMAS.',
    'BAB I KETENTUAN UMUM',
    'Pasal 1',
    'Dalam Peraturan Bupati ini yang dimaksud dengan:',
    '1. Antrean Digital adalah pendaftaran nomor antre puskesmas melalui aplikasi Sehat Contoh.',
    '2. Puskesmas adalah pusat kesehatan masyarakat di Kabupaten Contoh.',
    'Pasal 2',
    'Pasien dapat mengambil nomor antrean digital paling cepat satu hari sebelum kunjungan melalui aplikasi Sehat Contoh.',
    ...(injection ? [injection] : []),
    'Pasal 3',
    `Waktu tunggu pasien setelah jam kunjungan yang dipilih paling lama ${minutes} menit.`,
    'Pasal 4',
    'Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.',
  ].join('\n');
}

/** The regulation as a Word document, as an admin would send it. */
export async function regulationDocx(version: 1 | 2 = 1, injection?: string): Promise<Buffer> {
  const paragraphs = regulationText(version, injection)
    .split('\n')
    .map((line) => new Paragraph({ text: line }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** A question only the uploaded regulation answers, and the words of each version's answer. */
export const WAIT_QUESTION = 'berapa lama waktu tunggu pasien antrean digital puskesmas?';
export const WAIT_ANSWER = { 1: '30 (tiga puluh) menit', 2: '15 (lima belas) menit' } as const;
