import { describe, expect, it } from 'vitest';
import { Analyzer, FULL_ANALYSIS, normaliseWords, vocabularyOf, type TermGroup } from '../../../src/knowledge/analysis/analyzer.js';
import { StemTable } from '../../../src/knowledge/analysis/stemmer.js';

/** A stem table learnt from a few sentences, the way KnowledgeIndex learns one from its chunks. */
function analyzerFor(...texts: string[]): Analyzer {
  return new Analyzer(new StemTable(texts.flatMap((t) => vocabularyOf(t))));
}

const corpus = [
  'Penerapan Inovasi Daerah ditetapkan dengan Perkada. Inovasi yang diterapkan dilaporkan kepada Menteri.',
  'Kepala Daerah menerapkan inovasi setelah uji coba. Perangkat Daerah mengusulkan inisiatif; usulan yang diusulkan dievaluasi.',
  'Pemerintah Daerah menyediakan anggaran; penyediaan sarana disediakan oleh Perangkat Daerah. Tim yang diusulkan oleh Perangkat Daerah.',
];
const analyzer = analyzerFor(...corpus);

const surfaces = (groups: TermGroup[]) => groups.filter((g) => g.kind === 'word').map((g) => g.surface);
/** Concept tokens of a text, whether a phrase's own group or joined to a one-word group. */
const concepts = (text: string) =>
  analyzer
    .analyze(text)
    .flatMap((g) => g.variants)
    .filter((v) => v.startsWith('c:'));
const variantsOf = (text: string, word: string) => analyzer.analyze(text).find((g) => g.kind === 'word' && g.surface === word)?.variants;

describe('normaliseWords', () => {
  it('reads common non-standard spellings as the standard word ("ijin" is "izin", "propinsi" "provinsi")', () => {
    expect(normaliseWords('hrs minta ijin ke propinsi, resiko praktek')).toEqual(['harus', 'minta', 'izin', 'ke', 'provinsi', 'risiko', 'praktik']);
  });

  it('expands chat spelling to standard words', () => {
    expect(normaliseWords('gmn utk brp yg')).toEqual(['bagaimana', 'untuk', 'berapa', 'yang']);
  });

  it('drops a token longer than any Indonesian word (a pasted blob), keeping the words around it', () => {
    const blob = 'qwertyuiopasdfghjklzxcvbnm'.repeat(800).slice(0, 20_000);
    expect(normaliseWords(`proposal ${blob} inovasi`)).toEqual(['proposal', 'inovasi']);
    expect(analyzer.analyze(blob)).toEqual([]);
    expect(normaliseWords('dipertanggungjawabkannya')).toEqual(['dipertanggungjawabkannya']);
  });

  it('lower-cases, strips accents and punctuation, and reads "kira2" as "kira", "syarat2nya" as "syaratnya"', () => {
    expect(normaliseWords('Inovasí DAERAH, kira2?')).toEqual(['inovasi', 'daerah', 'kira']);
    expect(normaliseWords('syarat2nya apa? jalan2 SK2 jalan2an')).toEqual(['syaratnya', 'apa', 'jalan', 'sk', 'jalanan']);
    // The word once first, then chat spelling: "yg2" is "yg", that is "yang".
    expect(normaliseWords('yg2 tgl2')).toEqual(['yang', 'tanggal']);
  });

  it('leaves chat spelling alone when slang is switched off', () => {
    expect(normaliseWords('gmn utk', false)).toEqual(['gmn', 'utk']);
  });

  it('keeps "ibu kota" together so the polite "ibu" stop-word does not swallow it', () => {
    expect(normaliseWords('ibu kota negara')).toEqual(['ibukota', 'negara']);
  });

  it('reads a word that names a property of every JavaScript object ("constructor") as a plain word', () => {
    expect(normaliseWords('apa itu constructor?')).toEqual(['apa', 'itu', 'constructor']);
  });
});

describe('Analyzer.analyze', () => {
  it('drops stop-words and chat spelling of stop-words, keeping the words that name the subject', () => {
    const words = surfaces(analyzer.analyze('gmn sih cara yg benar utk ngusulin inovasi ke OPD?'));
    expect(words).toEqual(['cara', 'mengusulkan', 'inovasi', 'opd']);
  });

  it('drops a function word with the question particle "-kah" as it drops the word ("adakah", "mungkinkah")', () => {
    expect(surfaces(analyzer.analyze('adakah batas waktu evaluasi?'))).toEqual(surfaces(analyzer.analyze('ada batas waktu evaluasi?')));
    expect(surfaces(analyzer.analyze('mungkinkah inovasi diterapkan secara nasional?'))).not.toContain('mungkinkah');
  });

  it('reads "selama" (during) as a function word, so a passage about what happens during a trial does not answer how long it lasts', () => {
    expect(surfaces(analyzer.analyze('selama uji coba'))).toEqual(['uji', 'coba']);
    expect(surfaces(analyzer.analyze('berapa lama uji coba'))).toContain('lama');
  });

  it('reads chat "trs" (then) and "mau" (want) as function words, like "lalu" and "hendak", while a verb rooted in "terus" keeps its root', () => {
    expect(surfaces(analyzer.analyze('udh lolos paripurna, trs proposalnya dikirim ke siapa?'))).not.toContain('terus');
    expect(surfaces(analyzer.analyze('opd mau usul inovasi'))).toEqual(['opd', 'usul', 'inovasi']);
    expect(surfaces(analyzer.analyze('ketua DPRD meneruskannya'))).toContain('meneruskannya');
  });

  it('yields nothing for a question made only of stop-words', () => {
    expect(analyzer.analyze('apa itu yang bagaimana?')).toEqual([]);
  });

  it('keeps the unstemmed word as the first variant next to its root', () => {
    expect(variantsOf('menerapkan inovasi', 'menerapkan')).toEqual(['menerapkan', 'terap']);
    expect(variantsOf('inovasi', 'inovasi')).toEqual(['inovasi']);
  });

  it('lets penerapan, diterapkan and menerapkan meet at one corpus-attested root', () => {
    const roots = ['penerapan', 'diterapkan', 'menerapkan'].map((w) => variantsOf(w, w)?.slice(1));
    expect(roots).toEqual([['terap'], ['terap'], ['terap']]);
  });

  it('finds the roots of colloquial -in verbs: ngusulin → usul, nyediain → sedia', () => {
    expect(variantsOf('ngusulin', 'mengusulkan')).toContain('usul');
    expect(variantsOf('nyediain', 'menyediakan')).toContain('sedia');
    // Without the standard form in the corpus the word stays as typed and still finds its root.
    const bare = analyzerFor('Perangkat Daerah mengusulkan; usulan yang diusulkan.');
    expect(bare.analyze('nyediain').find((g) => g.kind === 'word')?.surface).toBe('nyediain');
    expect(bare.analyze('ngusulin').find((g) => g.kind === 'word')?.variants).toContain('usul');
  });

  it('reads a colloquial verb as the standard form the corpus or a concept uses: ngajak → mengajak, netapin → menetapkan', () => {
    const chat = analyzerFor('Menteri menetapkan kriteria; tim mengajak akademisi.', 'Hasil dilaporkan.');
    expect(chat.formal('ngajak')).toBe('mengajak');
    expect(chat.formal('netapin')).toBe('menetapkan');
    expect(chat.formal('dilaporin')).toBe('dilaporkan');
    // a concept's own phrase counts as the corpus using it ("mengajak" is in c:libatkan)
    expect(analyzerFor('Hasil dilaporkan.').formal('ngajak')).toBe('mengajak');
    // a word the corpus uses itself, or one without such a form, stays as typed
    expect(chat.formal('nilai')).toBe('nilai');
    expect(chat.formal('nunggu')).toBe('nunggu');
    // with chat spelling off nothing is rewritten
    expect(new Analyzer(chat.stemTable, { ...FULL_ANALYSIS, slang: false }).formal('ngajak')).toBe('ngajak');
  });

  it('meets acronyms and their long forms in one concept', () => {
    expect(concepts('OPD')).toEqual(concepts('Perangkat Daerah'));
    expect(concepts('OPD')).toEqual(['c:perangkat_daerah']);
    expect(concepts('Perkada')).toEqual(concepts('peraturan bupati'));
    expect(concepts('SK bupati')).toEqual(concepts('keputusan kepala daerah'));
    expect(concepts('SK bupati')).toEqual(['c:keputusan_kepala_daerah']);
    expect(concepts('perusda')).toEqual(concepts('BUMD'));
    // Everyday names of the law's terms: "polisi" for aparat penegak hukum, "legalisir" for legalisasi.
    expect(concepts('dibawa ke polisi')).toEqual(concepts('aparat penegak hukum'));
    expect(concepts('legalisir fotokopi')).toEqual(['c:legalisasi']);
    // "Batas akhir" is a deadline, as "batas waktu" and "paling lambat" are.
    expect(concepts('batas akhir penetapan')).toEqual(concepts('paling lambat'));
    // "Diklat" is how everyone says "pendidikan dan pelatihan".
    expect(concepts('diklat kepemimpinan')).toEqual(['c:diklat']);
    expect(concepts('pendidikan dan pelatihan')).toEqual(['c:diklat']);
  });

  it('reads the research office ("Perangkat Daerah yang membidangi penelitian dan pengembangan") as litbang, not as any Perangkat Daerah', () => {
    // Every route of an initiative ends at the research office; read as the generic OPD concept it made a
    // question about an OPD's own initiative match the ASN and citizen routes as well as the OPD's.
    const office = concepts('disampaikan kepada Perangkat Daerah yang membidangi penelitian dan pengembangan');
    expect(office).toContain('c:litbang');
    expect(office).not.toContain('c:perangkat_daerah');
    expect(concepts('hasilnya ke Perangkat Daerah litbang')).toEqual(['c:litbang']);
    expect(concepts('inisiatif yang berasal dari Perangkat Daerah')).toContain('c:perangkat_daerah');
  });

  it('meets the finance words people use with the regulations\' own ("utang" is a "pinjaman", "agunan" a "tanggungan")', () => {
    expect(concepts('pemda boleh ngutang?')).toEqual(concepts('pinjaman pemerintah daerah'));
    expect(concepts('tanah dijadikan agunan')).toEqual(concepts('tidak dapat dijadikan tanggungan'));
    // Lending an asset for use is not a loan.
    expect(concepts('pinjam pakai barang milik daerah')).not.toContain('c:pinjaman');
    // "PT" is as often a university (perguruan tinggi) as a company: no concept for it.
    expect(concepts('kerja sama dengan PT')).toEqual([]);
  });

  it('meets the regulations\' drafting words with their everyday equivalents', () => {
    expect(concepts('warga harus bayar pungutan')).toContain('c:pembebanan');
    expect(concepts('pembebanan kepada masyarakat')).toContain('c:pembebanan');
    expect(concepts('berlaku di seluruh negeri')).toEqual(concepts('diterapkan secara nasional'));
    expect(concepts('ide itu diajukan ke litbang')).toEqual(concepts('inisiatif diusulkan kepada litbang'));
    // The paraphrases people write to avoid the regulation's words: "pantas" for "layak", "pimpinan daerah"
    // for the regional head (not inside the leaders' forum), "menyodorkan" for proposing.
    expect(concepts('gagasan dinyatakan pantas')).toEqual(concepts('inisiatif dinyatakan layak'));
    expect(concepts('gagasan dinyatakan tidak pantas')).toContain('c:tidak_layak');
    expect(concepts('surat dari pimpinan daerah')).toEqual(['c:kepala_daerah']);
    expect(concepts('rapat forum koordinasi pimpinan daerah')).toEqual(['c:forkopimda']);
    expect(concepts('menyodorkan nama calon')).toEqual(['c:usul']);
    // A regulation's delegation clause and how people ask for the rules that implement it; the clause is not a
    // criterion ("ketentuan" alone is one).
    expect(concepts('Ketentuan lebih lanjut mengenai inovasi diatur dengan peraturan pemerintah')).toContain('c:aturan_pelaksana');
    expect(concepts('aturan turunannya apa?')).toEqual(['c:aturan_pelaksana']);
    expect(concepts('Ketentuan lebih lanjut mengenai inovasi')).not.toContain('c:kriteria');
    expect(concepts('uji coba distop')).toEqual(concepts('uji coba dihentikan'));
    expect(concepts('ide')).toEqual(concepts('inisiatif'));
  });

  it('reads chat "kasih" as giving, and "terima kasih" as thanks', () => {
    expect(analyzer.analyze('kementerian boleh kasih hadiah?').flatMap((g) => g.variants)).toContain('memberi');
    expect(surfaces(analyzer.analyze('Terima kasih, kak'))).toEqual([]);
  });

  it('counts ASN, PPPK and PNS as the same concept', () => {
    expect(concepts('ASN')).toEqual(['c:asn']);
    expect(concepts('PPPK')).toEqual(['c:asn']);
    expect(concepts('PNS')).toEqual(['c:asn']);
  });

  it('reaches a concept through a root of the word, never through a root of a listed word', () => {
    // "niru" has the root tiru, a listed word; "dijual" is listed as it is.
    expect(concepts('niru')).toEqual(['c:replikasi']);
    expect(concepts('dijual')).toEqual(['c:komersial']);
    // Roots left by stripping listed words are other words: kementerian → menteri, ketentuan → tentu,
    // keberhasilan → hasil, disampaikan → sampai, dihukum → hukum.
    expect(concepts('Menteri memberikan penghargaan')).toEqual(['c:penghargaan']);
    expect(concepts('ditentukan')).toEqual([]);
    expect(concepts('hasil evaluasi')).toEqual([]);
    expect(concepts('sampai akhir tahun')).toEqual([]);
    expect(concepts('dasar hukum')).toEqual([]);
  });

  it('never reaches an abbreviation through a root: "pengadaan" and "mengadakan" are not peN-/meN- + "kada"', () => {
    expect(concepts('pengadaan barang')).toEqual([]);
    expect(concepts('mengadakan rapat')).toEqual([]);
    expect(concepts('kada')).toEqual(['c:kepala_daerah']);
    // A full word still reaches its concept through a root.
    expect(concepts('menyebarluaskan')).toEqual(['c:diseminasi']);
  });

  it('prefers the longest phrase, so "peraturan bupati" is a Perkada and not a bare kepala daerah', () => {
    expect(concepts('peraturan bupati tentang inovasi')).toEqual(['c:perkada']);
  });

  it('keeps legal references as single tokens', () => {
    const legal = analyzer.analyze('isi PP 38/2017 Pasal 7 ayat (2)').filter((g) => g.kind === 'legal').map((g) => g.surface);
    expect(legal).toEqual(expect.arrayContaining(['reg:pp:38', 'pasal:7', 'pasal:7:2', 'ref:pp38:7', 'ref:pp38:7:2']));
  });

  it('adds pairs of neighbouring content words, using their roots', () => {
    const pairs = analyzer.analyze('penerapan inovasi').filter((g) => g.kind === 'pair').map((g) => g.surface);
    expect(pairs).toEqual(['p:terap_inovasi']);
  });

  it('switches each part off on request (for the ablation rows)', () => {
    const bare = new Analyzer(analyzer.stemTable, { slang: false, english: false, stems: false, concepts: false, legal: false, pairs: false });
    const groups = bare.analyze('gmn menerapkan OPD Pasal 7');
    expect(groups.every((g) => g.kind === 'word')).toBe(true);
    expect(groups.find((g) => g.surface === 'menerapkan')?.variants).toEqual(['menerapkan']);
    expect(groups.map((g) => g.surface)).toContain('gmn');
    expect(FULL_ANALYSIS).toEqual({ slang: true, english: true, stems: true, concepts: true, legal: true, pairs: true });
  });

  it('reads the English of code-mixed questions as the regulations\' Indonesian, and drops English function words', () => {
    const words = normaliseWords('deadline submit laporan to Kemendagri kapan? is it mandatory?');
    expect(words).toEqual(['batas', 'waktu', 'sampaikan', 'laporan', 'kemendagri', 'kapan', 'wajib']);
    // "no" (nomor) and "min" (admin) are chat Indonesian, not English.
    expect(normaliseWords('min, PP no 38')).toEqual(['min', 'pp', 'no', '38']);
    // The words of a step in a procedure: "after that", "next step", "feasible", "forward".
    expect(normaliseWords('hasilnya feasible. after that, next step nya forward ke siapa?')).toEqual(
      normaliseWords('hasilnya layak. setelah, berikutnya tahap nya sampaikan ke siapa?'),
    );
    // The office English around a question names no subject; "outcome" and "scope" are the regulations' words.
    expect(normaliseWords('lagi nyusun opening slide buat workshop, outcome dan scope inovasi apa?')).toEqual(
      normaliseWords('lagi nyusun buat, hasil dan lingkup inovasi apa?'),
    );
    // "main" is Indonesian too (to play): left as it is.
    expect(normaliseWords('main goal')).toEqual(['main', 'tujuan']);
  });

  it('offers both readings of a word that can mean either ("ACC" = menyetujui | menetapkan) in one group', () => {
    const acc = analyzer.analyze('siapa yang ACC').find((g) => g.surface.includes('|'));
    expect(acc?.variants).toEqual(expect.arrayContaining(['menyetujui', 'menetapkan']));
  });

  it('tells the source of a proposal from its recipient by the preposition ("dari OPD" is not "kepada kepala OPD")', () => {
    const roles = (text: string) => analyzer.indexTokens(text).filter((t) => t.startsWith('r:'));
    expect(roles('usulan dr OPD')).toEqual(['r:dari:c:perangkat_daerah']);
    expect(roles('inisiatif yang berasal dari Perangkat Daerah')).toEqual(['r:dari:c:perangkat_daerah']);
    expect(roles('disampaikan kepada kepala Perangkat Daerah')).not.toContain('r:dari:c:perangkat_daerah');
  });

  it('meets the drafting formulae of regulations with everyday questions, whatever the ending', () => {
    const concepts = (text: string) => analyzer.analyze(text).flatMap((g) => g.variants).filter((v) => v.startsWith('c:'));
    expect(concepts('batas waktunya brp hari?')).toContain('c:batas_waktu');
    expect(concepts('paling lambat 6 (enam) bulan')).toContain('c:batas_waktu');
    expect(concepts('boleh pakai dana CSR?')).toContain('c:pendanaan_lain');
    expect(concepts('dan pendanaan lain yang sah')).toContain('c:pendanaan_lain');
    expect(concepts('bisa dipecat ga?')).toContain('c:pemberhentian');
    expect(concepts('diberhentikan dari jabatannya')).toContain('c:pemberhentian');
    expect(concepts('dihentikan sementara')).not.toContain('c:pemberhentian');
    expect(concepts('kalau bolos rapat')).toContain('c:tidak_hadir');
    expect(concepts('tidak menghadiri rapat paripurna')).toContain('c:tidak_hadir');
    expect(concepts('ke mana menyampaikan keluhan?')).toContain('c:pengaduan');
    // "banyak" alone is a stop-word; the maximum a rule sets is not.
    expect(concepts('paling banyak 50 (lima puluh) orang')).toContain('c:paling_banyak');
    expect(concepts('maksimal brp org?')).toContain('c:paling_banyak');
  });
});

describe('Analyzer.indexTokens', () => {
  it('keeps repetition so term frequency counts, and adds roots, concepts and legal tokens', () => {
    const tokens = analyzer.indexTokens('Inovasi diterapkan. Inovasi dilaporkan oleh OPD sesuai Pasal 20 ayat (4).');
    expect(tokens.filter((t) => t === 'inovasi')).toHaveLength(2);
    expect(tokens).toEqual(expect.arrayContaining(['diterapkan', 'terap', 'c:perangkat_daerah', 'pasal:20', 'pasal:20:4']));
    expect(tokens).not.toContain('oleh');
  });

  it('gives a question and a passage written differently the same tokens for the same thing', () => {
    const question = new Set(analyzer.indexTokens('gmn SK bupati nya diterapkan?'));
    const passage = analyzer.indexTokens('Keputusan Kepala Daerah tentang penerapan Inovasi Daerah.');
    expect(passage.filter((t) => question.has(t))).toEqual(expect.arrayContaining(['c:keputusan_kepala_daerah', 'terap']));
  });
});
