import { describe, expect, it } from 'vitest';
import { splitAyat } from '../../../../src/knowledge/ingest/legal/ayat.js';
import { tokenize } from '../../../../src/knowledge/ingest/legal/tokens.js';

const split = (text: string) => splitAyat(tokenize(text));

describe('splitAyat', () => {
  it('splits clean text at its markers and keeps a two-sentence ayat together', () => {
    const result = split('(1) Daerah berhak berinovasi. Hak ini melekat.\n(2) Inovasi sebagaimana dimaksud pada ayat (1) dilaporkan.');
    expect(result).toEqual({
      kind: 'ayat',
      ayat: [
        { number: 1, text: 'Daerah berhak berinovasi. Hak ini melekat.' },
        { number: 2, text: 'Inovasi sebagaimana dimaksud pada ayat (1) dilaporkan.' },
      ],
      dropped: [],
    });
  });

  it('anchors a marker that continues the numbering even after a missing period', () => {
    const result = split('(1) Daerah dapat mendirikan BUMD (2) Pendirian BUMD ditetapkan dengan Perda.');
    expect(result.kind === 'ayat' && result.ayat.map((a) => a.text)).toEqual([
      'Daerah dapat mendirikan BUMD',
      'Pendirian BUMD ditetapkan dengan Perda.',
    ]);
  });

  it('rebuilds ayat from sentences when the markers are detached and the references agree', () => {
    const result = split('Menteri menilai. Penilaian sebagaimana dimaksud pada ayat (1) diumumkan. Hasilnya dilaporkan.\n(1) (2) (3)');
    expect(result.kind === 'ayat' && result.ayat.map((a) => a.number)).toEqual([1, 2, 3]);
  });

  it('keeps the Pasal whole when its sentences outnumber its complete run of markers', () => {
    const result = split('Menteri menilai. Penilaian sebagaimana dimaksud pada ayat (1) diumumkan. Daerah lain meniru.\n(1) (2)');
    expect(result).toMatchObject({ kind: 'pasal', reason: '3 sentences but the markers run only to (2)' });
  });

  it('keeps the Pasal whole when an attached marker sits on the wrong sentence', () => {
    const result = split('Menteri menilai. Daerah melapor.\n(2) Hasilnya diumumkan.');
    expect(result).toMatchObject({ kind: 'pasal', reason: 'marker (2) sits on sentence 3' });
  });

  it('keeps the Pasal whole when a sentence refers to its own or a later ayat', () => {
    expect(split('Menteri menilai sebagaimana dimaksud pada ayat (2). Daerah melapor.\n(1) (2)')).toMatchObject({
      kind: 'pasal',
      reason: 'sentence 1 refers to ayat (2)',
    });
  });

  it('keeps two sentences whole when no marker or reference shows they are ayat', () => {
    expect(split('Menteri menilai. Daerah melapor.')).toMatchObject({ kind: 'pasal', reason: 'no marker or reference confirms the ayat' });
  });

  it('keeps a single sentence with its huruf list as one Pasal chunk', () => {
    expect(split('Inovasi berbentuk:\na. tata kelola;\nb. pelayanan publik; dan\nc. lainnya.')).toEqual({
      kind: 'pasal',
      text: 'Inovasi berbentuk:\na. tata kelola;\nb. pelayanan publik; dan\nc. lainnya.',
    });
  });

  it('leaves a scrambled lower-case fragment out of the ayat and reports it', () => {
    const result = split('Kegiatan dianggarkan. Perubahan dianggarkan dalam APBD perubahan. (4) diterapkan oleh Daerah secara nasional oleh (1) (2)');
    expect(result).toMatchObject({
      kind: 'ayat',
      ayat: [
        { number: 1, text: 'Kegiatan dianggarkan.' },
        { number: 2, text: 'Perubahan dianggarkan dalam APBD perubahan.' },
      ],
      dropped: ['diterapkan oleh Daerah secara nasional oleh'],
    });
  });

  it('does not count a catchword left at the end of a Pasal as an ayat', () => {
    expect(split('Peraturan ini mulai berlaku pada tanggal diundangkan.\n(1) (2) Agar')).toEqual({
      kind: 'pasal',
      text: 'Peraturan ini mulai berlaku pada tanggal diundangkan.',
    });
  });
});
