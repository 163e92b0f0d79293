import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { runCli } from '../support/run-cli.js';
import { tempDataDir } from '../support/temp-data.js';
import { cliEnv } from './support/cli-env.js';
import { regulationText } from '../features/kb-documents/support/regulation-files.js';

let temp: ReturnType<typeof tempDataDir>;
let env: Record<string, string>;
const dataDir = () => path.join(temp.dir, 'data');
const inputs = () => path.join(temp.dir, 'berkas');
const file = (name: string) => path.join(inputs(), name);
const manifestPath = () => path.join(dataDir(), 'index', 'manifest.json');
const kb = (...args: string[]) => runCli('src/cli/kb.ts', args, { env });

/** The document list as stored, read in-process (cheaper than another spawn). */
async function storedDocuments() {
  const { db, knowledge } = await openKnowledge(loadConfig(env, projectRoot), silentLogger());
  try {
    return (await knowledge.list()).map((d) => ({ id: d.id, title: d.title, chunks: d.chunks }));
  } finally {
    await db.$disconnect();
  }
}

const GUIDE = `# Pedoman Bank Sampah Kelurahan

Bank sampah kelurahan menerima setoran sampah terpilah dari warga setiap hari Sabtu. Petugas mencatat berat setoran di buku tabungan nasabah.

Hasil penjualan sampah dibagi antara nasabah dan pengelola menurut kesepakatan rapat warga.
`;
const NOTE =
  'Catatan rapat koordinasi inovasi: tim sepakat menguji aplikasi antrean puskesmas selama tiga bulan sebelum diusulkan menjadi inovasi daerah.\n';

let guideId = '';
let noteId = '';

beforeAll(() => {
  temp = tempDataDir('pandu-kb-cli-');
  env = cliEnv(dataDir(), { KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir), KB_MAX_FILE_MB: '1' });
  fs.mkdirSync(inputs(), { recursive: true });
  fs.writeFileSync(file('pedoman-bank-sampah.md'), GUIDE);
  fs.writeFileSync(file('salinan-pedoman.md'), GUIDE);
  fs.writeFileSync(file('catatan-rapat.txt'), NOTE);
  fs.writeFileSync(file('kosong.md'), '');
  fs.writeFileSync(file('tabel.xlsx'), 'PK\u0003\u0004 bukan dokumen yang didukung');
  fs.writeFileSync(file('besar.txt'), 'Kalimat panjang tentang inovasi daerah. '.repeat(30_000));
});
afterAll(() => {
  temp.cleanup();
});

describe('npm run kb', () => {
  it('adds a .md and a .txt file, printing each id and chunk count, then rebuilds the index', async () => {
    const r = await kb('add', file('pedoman-bank-sampah.md'), file('catatan-rapat.txt'));
    expect(r.stderr).not.toContain('Gagal');
    expect(r.code).toBe(0);
    const added = [...r.stdout.matchAll(/^Ditambahkan: (.+) \((\d+) potongan\) \[id (\S+)\]$/gm)];
    expect(added.map((m) => m[1])).toEqual(['Pedoman Bank Sampah Kelurahan', 'catatan rapat']);
    for (const m of added) expect(Number(m[2])).toBeGreaterThan(0);
    guideId = added[0]![3]!;
    noteId = added[1]![3]!;
    const chunks = added.reduce((n, m) => n + Number(m[2]), 0);
    expect(r.stdout).toContain(`Indeks siap: ${chunks} potongan dari 2 dokumen.`);
    expect(fs.existsSync(manifestPath())).toBe(true);
  });

  it('recognises the same content again, under any name, and changes nothing', async () => {
    const manifest = fs.readFileSync(manifestPath(), 'utf8');
    const r = await kb('add', file('pedoman-bank-sampah.md'), file('salinan-pedoman.md'));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      `Sudah ada (isi sama): Pedoman Bank Sampah Kelurahan [id ${guideId}] — tidak ada yang diubah.`,
      `Sudah ada (isi sama): Pedoman Bank Sampah Kelurahan [id ${guideId}] — tidak ada yang diubah.`,
    ]);
    expect(fs.readFileSync(manifestPath(), 'utf8')).toBe(manifest);
    expect(await storedDocuments()).toHaveLength(2);
  });

  it('lists documents as one JSON object per line with id, title, regulation, chunks and pasal', async () => {
    const r = await kb('list', '--json');
    expect(r.code).toBe(0);
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(docs).toHaveLength(2);
    for (const d of docs) {
      expect(d).toMatchObject({ id: expect.any(String), title: expect.any(String), chunks: expect.any(Number), pasal: expect.any(Array) });
      expect(d).toHaveProperty('regulation');
    }
    expect(docs.map((d) => d.id).sort()).toEqual([guideId, noteId].sort());
    expect(docs.find((d) => d.id === guideId)).toMatchObject({ title: 'Pedoman Bank Sampah Kelurahan', regulation: null, pasal: [] });
  });

  it('refuses an empty file, a wrong type and a file over KB_MAX_FILE_MB in Indonesian, leaving the base and index as they were', async () => {
    const before = await storedDocuments();
    const manifest = fs.readFileSync(manifestPath(), 'utf8');
    const r = await kb('add', file('kosong.md'), file('tabel.xlsx'), file('besar.txt'), file('tidak-ada.md'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`Gagal: ${file('kosong.md')} — Berkas kosong.`);
    expect(r.stderr).toContain(`Gagal: ${file('tabel.xlsx')} — Jenis berkas tidak didukung. Gunakan .md, .txt, .pdf, atau .docx.`);
    expect(r.stderr).toContain(`Gagal: ${file('besar.txt')} — Berkas terlalu besar (batas 1 MB).`);
    expect(r.stderr).toContain(`Gagal: ${file('tidak-ada.md')} — Berkas tidak ditemukan.`);
    expect(r.stdout).not.toContain('Indeks siap');
    expect(await storedDocuments()).toEqual(before);
    expect(fs.readFileSync(manifestPath(), 'utf8')).toBe(manifest);
  });

  it('answers a mistyped command line with one Indonesian line and the usage, not a stack trace', async () => {
    const r = await kb('add', '-catatan-rapat.txt');
    expect(r.code).toBe(2);
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toBe('Opsi tidak dikenal: -catatan-rapat.txt. Jika itu nama berkas, tulis -- sebelum nama berkas.');
    expect(rest[0]).toBe('Pemakaian:');
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(r.stdout).toBe('');
  });

  it('reports a failure that is not about a file (the database is unreachable) in one line, the details in the log', async () => {
    const r = await runCli('src/cli/kb.ts', ['list'], { env: { ...env, DATABASE_URL: 'postgresql://pandu@127.0.0.1:1/tidak-ada' } });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toContain('Perintah kb gagal karena kesalahan tak terduga; rinciannya dicatat di log.');
    const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; err: { stack: string } });
    expect(logged).toEqual([
      expect.objectContaining({ msg: 'kb command failed', err: expect.objectContaining({ stack: expect.any(String) }) }),
    ]);
    expect(lines).toHaveLength(2);
  });

  it('removes a document by id and rebuilds the index without it', async () => {
    const r = await kb('remove', noteId);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Dihapus: dokumen ${noteId}.`);
    expect(r.stdout).toMatch(/Indeks siap: \d+ potongan dari 1 dokumen\./);
    expect((await storedDocuments()).map((d) => d.id)).toEqual([guideId]);
  });

  it('reindexes: synchronises the shipped knowledge folder and rebuilds the index', async () => {
    const r = await kb('reindex');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Basis pengetahuan bawaan: 11 baru, 0 diperbarui, 0 dihapus, 0 tetap.');
    expect(r.stdout).toMatch(/Indeks siap: \d+ potongan dari 12 dokumen\./);
    // The kb command makes the vectors too (nobody waits on it), so the bot finds them saved.
    const manifest = JSON.parse(fs.readFileSync(manifestPath(), 'utf8')) as { vectors: { size: number } };
    expect(manifest.vectors.size).toBeGreaterThanOrEqual(12);
  });

  it('adds a second text of a regulation as its new version, retiring the old one, as a chat upload does', async () => {
    fs.writeFileSync(file('perbup-v1.txt'), regulationText(1));
    fs.writeFileSync(file('perbup-v2.txt'), regulationText(2));
    expect((await kb('add', file('perbup-v1.txt'))).stdout).toContain('Ditambahkan: Peraturan Bupati Contoh Nomor 7 Tahun 2024');
    const r = await kb('add', file('perbup-v2.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Versi baru: Peraturan Bupati Contoh Nomor 7 Tahun 2024 tentang Antrean Digital Puskesmas (versi 2,');
    expect(r.stdout).toContain('Versi lama dipensiunkan');
    const listed = (await kb('list', '--json')).stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { regulation: string | null; version: number; retired: boolean })
      .filter((d) => d.regulation === 'Perbup Contoh 7/2024');
    expect(listed.map((d) => [d.version, d.retired]).sort()).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('prints the audit log of knowledge-base changes, oldest first, with before and after', async () => {
    const r = await kb('history');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    // The time says its zone: the reader may be in WITA or WIT.
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d[.:]\d\d WIB — /);
    expect(lines.at(-1)).toMatch(
      /sistem\/perintah kb: mengganti dengan versi baru; sebelum: .*\(Perbup Contoh 7\/2024, versi 1, 6 potongan\); sesudah: .*\(Perbup Contoh 7\/2024, versi 2, 6 potongan\)$/,
    );
    expect(lines.some((l) => l.includes('menghapus dokumen') && l.toLowerCase().includes('catatan rapat'))).toBe(true);
    expect((await kb('history', '--limit', '1')).stdout.trim().split('\n')).toHaveLength(1);
    const bad = await kb('history', '--limit', 'nol');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit');
  });
});
