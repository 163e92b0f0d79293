import { describe, expect, it } from 'vitest';
import { parseCurated } from '../../../src/knowledge/ingest/curated.js';
import { ingestErrorOf } from './support/ingest-error.js';

const FILE = 'knowledge/pp-38-2017/pasal-07-ayat-2.md';

function curated(fields: Record<string, string>, body = 'Setiap inisiatif dilengkapi proposal.'): string {
  const base: Record<string, string> = {
    regulation: 'PP 38/2017',
    pasal: '"7"',
    ayat: '"2"',
    title: 'Isi minimum proposal Inovasi Daerah',
    topic: 'proposal inovasi daerah',
    source: 'PP No. 38 Tahun 2017 tentang Inovasi Daerah, Bab III Bagian Kesatu (Pengusulan)',
    status: 'berlaku',
    citation: 'PP 38/2017 Pasal 7 ayat (2)',
  };
  const merged = { ...base, ...fields };
  const yaml = Object.entries(merged)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\naliases:\n  - isi proposal inovasi daerah\n---\n${body}\n`;
}

describe('parseCurated', () => {
  it('turns a curated file into one chunk that keeps its citation parts, topic and aliases', () => {
    expect(parseCurated(curated({}), FILE)).toEqual({
      title: 'Isi minimum proposal Inovasi Daerah',
      regulation: 'PP 38/2017',
      kind: 'curated',
      status: 'berlaku',
      chunks: [
        {
          regulation: 'PP 38/2017',
          pasal: '7',
          ayat: '2',
          citation: 'PP 38/2017 Pasal 7 ayat (2)',
          heading: 'Isi minimum proposal Inovasi Daerah',
          topic: 'proposal inovasi daerah',
          aliases: ['isi proposal inovasi daerah'],
          text: 'Setiap inisiatif dilengkapi proposal.',
        },
      ],
    });
  });

  it('marks a practice note so answers can say it is practice, not a regulation', () => {
    const doc = parseCurated(curated({ regulation: '', pasal: '', ayat: '', citation: 'Pedoman IID 2023', practice: 'true', year: '2023' }), 'iid.md');
    expect(doc.chunks[0]).toMatchObject({ citation: 'Pedoman IID 2023', practice: true });
  });

  it('accepts address fields YAML read as numbers', () => {
    expect(parseCurated(curated({ pasal: '7', ayat: '2' }), FILE).chunks[0]?.pasal).toBe('7');
  });

  it('cites a unit without a Pasal by its label', () => {
    const doc = parseCurated(curated({ regulation: '', pasal: '', ayat: '', citation: 'FAQ SINOVIK' }), 'faq.md');
    expect(doc.chunks[0]).toMatchObject({ citation: 'FAQ SINOVIK', label: 'FAQ SINOVIK' });
    expect(doc.regulation).toBeUndefined();
  });

  it('refuses a file without citation, naming the file and the field', () => {
    const error = ingestErrorOf(() => parseCurated(curated({ citation: '' }), FILE));
    expect(error.code).toBe('invalid_front_matter');
    expect(error.detail).toContain(FILE);
    expect(error.detail).toContain('field "citation"');
  });

  it.each([
    [{ ayat: '"3"' }, 'ayat'],
    [{ pasal: '"8"' }, 'pasal'],
    [{ penjelasan: 'true' }, 'penjelasan'],
    [{ regulation: 'UU 23/2014' }, 'regulation'],
    [{ citation: 'PP 38/2017 Pasal 7 ayat 2' }, 'pasal'],
    [{ citation: 'PP 38/2017 Pasal  7 ayat (2)', angka: '"4"' }, 'angka'],
    [{ status: 'kedaluwarsa' }, 'status'],
    [{ practice: 'true' }, 'year'],
  ])('refuses %o because field "%s" disagrees or is invalid', (fields, field) => {
    const error = ingestErrorOf(() => parseCurated(curated(fields), FILE));
    expect(error.code).toBe('invalid_front_matter');
    expect(error.detail).toContain(`field "${field}"`);
  });

  it('keeps every citation a restatement (FAQ entry, summary) rests on, and refuses one not in canonical form', () => {
    const faq = `---\nregulation: PP 38/2017\ntitle: Berapa lama evaluasi?\ntopic: evaluasi\nsource: PP 38/2017\nstatus: berlaku\ncitation: PP 38/2017 Pasal 13 ayat (1)\nrests_on:\n  - PP 38/2017 Pasal 13 ayat (1)\n  - PP 38/2017 Pasal 6\n  - FAQ SINOVIK\n---\nPaling lama 10 hari kerja.\n`;
    expect(parseCurated(faq, 'faq.md').chunks[0]?.restsOn).toEqual(['PP 38/2017 Pasal 13 ayat (1)', 'PP 38/2017 Pasal 6', 'FAQ SINOVIK']);
    const error = ingestErrorOf(() => parseCurated(faq.replace('PP 38/2017 Pasal 6', 'PP 38/2017 pasal 6 ayat 1'), 'faq.md'));
    expect(error.detail).toContain('field "rests_on.1"');
  });

  it('refuses front matter without a body as having no content', () => {
    expect(ingestErrorOf(() => parseCurated(curated({}, ''), FILE)).code).toBe('no_content');
  });
});
