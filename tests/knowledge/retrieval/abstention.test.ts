import { describe, expect, it } from 'vitest';
import { normaliseWords } from '../../../src/knowledge/analysis/analyzer.js';
import { Retriever } from '../../../src/knowledge/retrieval/retriever.js';
import { chunk, indexOf } from '../support/chunks.js';

const PP = 'PP 38/2017';
const index = indexOf([
  chunk({ regulation: PP, pasal: '30', ayat: '1' }, 'Kegiatan Inovasi Daerah dianggarkan dalam APBD dan pendanaan lain yang sah; belanja barang untuk uji coba masuk RKPD.'),
  chunk({ regulation: PP, pasal: '22', ayat: '1' }, 'Menteri melakukan penilaian terhadap Daerah yang melaksanakan Inovasi Daerah; skor dan predikat ditetapkan setiap tahun.'),
  chunk({ regulation: PP, pasal: '16', ayat: '2' }, 'Uji coba dilakukan pada Perangkat Daerah yang ditugaskan sebagai laboratorium uji coba.'),
  chunk({ regulation: PP, pasal: '1', angka: '12' }, 'Perangkat Daerah adalah unsur pembantu kepala Daerah dan DPRD.'),
]);
const search = (question: string) => new Retriever(index).search(question, 5);

describe('abstention that reads the question', () => {
  it('takes an affixed form of a word asking for the content ("diisi" from isi) as framing, not as an unknown subject', async () => {
    for (const question of ['laboratorium uji coba itu isinya apa?', 'laboratorium uji coba itu diisi apa?']) {
      expect((await search(question)).signals.unknownShare, question).toBe(0);
    }
  });

  it('takes a word asking for the kinds of something ("jenis", "macam") as framing, also where the base never uses it', async () => {
    // The base says "Uji coba dilakukan pada …"; it has no "jenis" or "macam" anywhere.
    for (const question of ['uji coba dilakukan pada perangkat daerah jenis apa saja?', 'macam-macam perangkat daerah uji coba apa saja?']) {
      expect((await search(question)).signals.unknownShare, question).toBe(0);
    }
  });

  it('takes an out-of-scope subject as typed, before stemming ("pengadaan" is not "ada")', async () => {
    const r = await search('pengadaan barang untuk uji coba inovasi lewat e-katalog gimana?');
    expect(r.signals.outsideTopic).toBe(1);
    expect(r.abstain).toBe(true);
  });

  it('does not read an out-of-scope word named only as an example of what is asked ("keputusan strategis kyk mutasi pegawai")', async () => {
    const mandate = indexOf([
      chunk(
        { regulation: 'UU 30/2014', pasal: '14', ayat: '7' },
        'Pejabat Pemerintahan yang memperoleh Wewenang melalui Mandat tidak berwenang mengambil Keputusan yang bersifat strategis yang berdampak pada perubahan status hukum, alokasi anggaran dan kepegawaian.',
      ),
      chunk({ regulation: 'UU 30/2014', pasal: '13', ayat: '1' }, 'Pendelegasian Kewenangan ditetapkan berdasarkan ketentuan peraturan perundang-undangan.'),
    ]);
    const ask = (question: string) => new Retriever(mandate).search(question, 5);
    const example = await ask('pejabat yg cuma dapet mandat boleh ga ambil keputusan strategis kyk mutasi pegawai?');
    expect(example.signals.outsideTopic).toBe(0);
    expect(example.abstain).toBe(false);
    // Asked about directly, the subject is still one Pandu leaves aside.
    expect((await ask('bagaimana prosedur mutasi pegawai di pemda?')).signals.outsideTopic).toBe(1);
  });

  it('reads an out-of-scope word the base lacks but whose concept it holds like a word it has: "iuran" charged to citizens', async () => {
    const charges = indexOf([
      chunk({ regulation: PP, pasal: '20', ayat: '2' }, 'Penerapan Inovasi Daerah yang membebani masyarakat ditetapkan dengan Perda.'),
      chunk({ regulation: PP, pasal: '16', ayat: '2' }, 'Uji coba dilakukan pada Perangkat Daerah yang ditugaskan sebagai laboratorium uji coba.'),
    ]);
    const chargeSearch = (question: string) => new Retriever(charges).search(question, 5);
    // The best passage meets "iuran" through its concept (a charge on the public): in scope.
    expect((await chargeSearch('inovasi kami ada iuran yang dibebankan ke warga, penetapannya harus perda?')).signals.outsideTopic).toBe(0);
    // Not met by the best passages, it is the subject Pandu leaves aside; a word with no concept the base holds always is.
    expect((await chargeSearch('uji coba di perangkat daerah mana, iuran bpjs siapa yang bayar?')).signals.outsideTopic).toBe(1);
    expect((await chargeSearch('iuran parkir di laboratorium uji coba berapa?')).signals.outsideTopic).toBe(1);
  });

  it('takes an out-of-scope subject the base mentions only in passing as out of scope, unless the best passages use it', async () => {
    const withTax = indexOf([
      chunk({ regulation: PP, pasal: '16', ayat: '2' }, 'Uji coba dilakukan pada Perangkat Daerah yang ditugaskan sebagai laboratorium uji coba.'),
      chunk({ regulation: PP, pasal: '30', ayat: '1' }, 'Kegiatan Inovasi Daerah dianggarkan dalam APBD; inovasi di bidang pajak daerah juga diuji coba.'),
      chunk({ regulation: PP, pasal: '1', angka: '12' }, 'Perangkat Daerah adalah unsur pembantu kepala Daerah dan DPRD.'),
      chunk({ regulation: PP, pasal: '10', ayat: '1' }, 'ASN menyampaikan usulan kepada atasannya untuk memperoleh izin tertulis.'),
    ]);
    const taxSearch = (question: string) => new Retriever(withTax).search(question, 5);
    expect((await taxSearch('cara hitung pajak pegawai di perangkat daerah laboratorium')).signals.outsideTopic).toBe(1);
    expect((await taxSearch('inovasi bidang pajak daerah dianggarkan di mana?')).signals.outsideTopic).toBe(0);
    // A courtesy that is also a subject word ("izin") counts only where the base lacks it.
    expect((await taxSearch('mohon izin bertanya, uji coba dilakukan di perangkat daerah mana?')).signals.outsideTopic).toBe(0);
  });

  it('weighs the story around a long message less than the sentence that asks, and greetings and thanks not at all', async () => {
    const plain = await search('uji coba dilakukan di perangkat daerah mana?');
    const polite = await search('Selamat pagi. Saya bendahara di kecamatan. Uji coba dilakukan di perangkat daerah mana? Terima kasih atas bantuannya.');
    // "bendahara" and "kecamatan", only in the story, count half; the greeting and the thanks nothing.
    expect(polite.signals.coverageTop1).toBeGreaterThan(0.6);
    expect(polite.signals.coverageTop1).toBeLessThan(plain.signals.coverageTop1);
    // An out-of-scope subject the story names is context; asked about, it stays out of scope.
    expect((await search('Kami mengurus pengadaan di dinas. Uji coba dilakukan di perangkat daerah mana?')).signals.outsideTopic).toBe(0);
    expect((await search('Saya staf perangkat daerah. Bagaimana pengadaan barang untuk uji coba?')).signals.outsideTopic).toBe(1);
    // A short asking sentence ("aman gak?") asks about the story before it: that story counts in full.
    const tag = await search('kami mau pengadaan barang untuk uji coba pakai APBD. aman gak?');
    expect(tag.signals.outsideTopic).toBe(1);
    expect(tag.signals.unknownShare).toBe((await search('kami mau pengadaan barang untuk uji coba pakai APBD aman gak?')).signals.unknownShare);
    // So does a longer one that points back at it ("hal tersebut").
    expect((await search('kami mau pengadaan barang untuk uji coba pakai APBD. apakah hal tersebut dibolehkan atau tidak?')).signals.outsideTopic).toBe(1);
  });

  it('reads chat "tuh" after the question\'s own subject as marking it, not as pointing back at a remark after it', async () => {
    // "buat tugas kuliah nih" is why they ask; the subject is before "tuh", in the sentence that asks.
    const duties = indexOf([
      chunk({ regulation: 'UU 23/2014', pasal: '12', ayat: '1' }, 'Urusan Pemerintahan Wajib yang berkaitan dengan Pelayanan Dasar meliputi: a. pendidikan; b. kesehatan; c. pekerjaan umum.'),
      chunk({ regulation: 'UU 23/2014', pasal: '11', ayat: '1' }, 'Urusan Pemerintahan konkuren terdiri atas Urusan Pemerintahan Wajib dan Urusan Pemerintahan Pilihan.'),
    ]);
    const ask = (question: string) => new Retriever(duties).search(question, 5);
    const remark = await ask('urusan wajib yang berkaitan dengan pelayanan dasar tuh apa saja sih? buat tugas kuliah nih');
    const plain = await ask('urusan wajib yang berkaitan dengan pelayanan dasar apa saja sih? buat tugas kuliah nih');
    expect(remark.signals).toEqual(plain.signals);
    expect(remark.abstain).toBe(false);
    // After anything else ("aman gak tuh?") it still points back at the story, which then counts in full.
    expect((await search('kami mau pengadaan barang untuk uji coba pakai APBD. aman gak tuh?')).signals.outsideTopic).toBe(1);
  });

  it('weighs names and offices the base lacks in the story around a question as everyday words, not as unknown subjects', async () => {
    const told = await search(
      'Selamat pagi. Saya kepala puskesmas Tanjung Raja, Kabupaten Ogan Ilir, dan kami menyiapkan usulan. Uji coba dilakukan di perangkat daerah mana? Terima kasih.',
    );
    const asked = await search('Uji coba puskesmas Tanjung Raja Kabupaten Ogan Ilir dilakukan di perangkat daerah mana?');
    expect(told.signals.unknownShare).toBeLessThan(asked.signals.unknownShare / 2);
    expect(told.abstain).toBe(false);
    // So when the asker speaks of themselves before a short question about that story, which then counts in full.
    const short = await search('Saya peneliti di Provinsi Nusa Tenggara Barat dan menyiapkan laboratorium uji coba. Di perangkat daerah mana?');
    const named = await search('Laboratorium uji coba Provinsi Nusa Tenggara Barat. Di perangkat daerah mana?');
    expect(short.signals.unknownShare).toBeLessThan(named.signals.unknownShare * 0.7);
  });

  it('reads a long asking sentence of everyday words as its own question: the story before it is context', async () => {
    // "diterima", "diproses" are everyday verbs, so the asking sentence names few subject words of its own;
    // it still asks its own question, and the village ("desa", a subject Pandu leaves aside) is the asker's story.
    const r = await search(
      'Selamat malam. Saya ketua karang taruna desa, kemarin kami menyerahkan usulan ke kantor bupati. Setelah diterima bupati, usulan kami akan diproses di perangkat daerah mana ya? Terima kasih.',
    );
    expect(r.signals.outsideTopic).toBe(0);
    const asked = await search('Saya ketua karang taruna. Bagaimana dana desa dipakai untuk uji coba di perangkat daerah?');
    expect(asked.signals.outsideTopic).toBe(1);
  });

  it('reads a greeting that opens the asking sentence as courtesy, and an asker who introduces themselves before "ingin menanyakan" as story', async () => {
    const plain = await search('perangkat daerah mana yang ditugaskan sebagai laboratorium uji coba?');
    // "Selamat siang" before a comma in the asking sentence counts nothing, as a greeting sentence of its own does.
    const greeted = await search('Selamat siang, perangkat daerah mana yang ditugaskan sebagai laboratorium uji coba?');
    expect(greeted.signals.coverageTop1).toBe(plain.signals.coverageTop1);
    expect(greeted.signals.unknownShare).toBe(plain.signals.unknownShare);
    // "kami dari sekretariat kecamatan" introduces the asker: the office the base lacks is context, not the subject.
    const introduced = await search(
      'kami dari sekretariat kecamatan ingin menanyakan perangkat daerah mana yang ditugaskan sebagai laboratorium uji coba?',
    );
    const asked = await search('sekretariat kecamatan ingin tahu perangkat daerah mana yang ditugaskan sebagai laboratorium uji coba?');
    expect(introduced.signals.unknownShare).toBeLessThan(asked.signals.unknownShare);
    expect(introduced.signals.coverageTop1).toBeGreaterThan(asked.signals.coverageTop1);
  });

  it('reads everyday English around a code-mixed question ("guys", "basically", "need the clear rule") as everyday words', async () => {
    const plain = await search('laboratorium uji coba itu di perangkat daerah mana?');
    const mixed = await search('Guys, laboratorium uji coba itu basically di perangkat daerah mana? Need the clear info');
    expect(mixed.signals.unknownShare).toBe(plain.signals.unknownShare);
    expect(mixed.abstain).toBe(false);
  });

  it('gives words asking what something includes ("mencakup", "meliputi") and asking itself ("menanyakan") no weight', async () => {
    const plain = await search('laboratorium uji coba itu apa saja?');
    for (const question of [
      'laboratorium uji coba itu mencakup apa saja?',
      'laboratorium uji coba itu meliputi apa saja?',
      'saya menanyakan laboratorium uji coba itu apa saja?',
    ]) {
      expect((await search(question)).signals.unknownShare, question).toBe(plain.signals.unknownShare);
      expect((await search(question)).signals.coverageTop1, question).toBe(plain.signals.coverageTop1);
    }
  });

  it('reads a slip of the thumb in an everyday word ("sndiri", "sendirii") as an everyday word, not an unknown subject', async () => {
    // "ditaruh" is an everyday word the base lacks: it weighs little. A mistyped "sendiri" weighs the same.
    const everyday = await search('uji coba dilakukan di perangkat daerah mana, ditaruh atau atasan?');
    for (const question of ['uji coba dilakukan di perangkat daerah mana, sndiri atau atasan?', 'uji coba dilakukan di perangkat daerah mana, sendirii atau atasan?']) {
      expect((await search(question)).signals.unknownShare, question).toBe(everyday.signals.unknownShare);
    }
    // A word that is no everyday word, mistyped or not, weighs as an unknown subject.
    expect((await search('uji coba dilakukan di perangkat daerah mana, brngkas atau atasan?')).signals.unknownShare).toBeGreaterThan(everyday.signals.unknownShare);
  });

  it('reads a clause in which the asker tells of themselves as story, and its time words as dating the story', async () => {
    const told = await search('Kemarin atasan minta saya cari tahu, uji coba dilakukan di perangkat daerah mana?');
    expect(told.signals.asksCurrent).toBe(0);
    expect(told.signals.coverageTop1).toBeGreaterThan((await search('Kemarin atasan minta cari tahu, uji coba dilakukan di perangkat daerah mana?')).signals.coverageTop1);
    // A time word in the part that asks still asks about now.
    expect((await search('tahun ini, uji coba dilakukan di perangkat daerah mana?')).signals.asksCurrent).toBe(1);
    // … as typed in a chat: "taun ini", "thn ini".
    expect((await search('taun ini uji coba dilakukan di perangkat daerah mana?')).signals.asksCurrent).toBe(1);
  });

  it('reads a past time word right after a meeting of the story as dating the meeting, not the fact asked', async () => {
    const meeting = await search('Dalam rapat koordinasi kemarin ada perdebatan apakah uji coba dilakukan di perangkat daerah?');
    expect(meeting.signals.asksCurrent).toBe(0);
    expect((await search('Pada sosialisasi minggu lalu ada yang bertanya, uji coba dilakukan di perangkat daerah mana?')).signals.asksCurrent).toBe(0);
    // Not after a meeting, "kemarin" still asks for how something stood at a time.
    expect((await search('uji coba kemarin dilakukan di perangkat daerah mana?')).signals.asksCurrent).toBe(1);
  });

  it('reads a time word right before someone wanting to know or asking as dating the asking, not the fact', async () => {
    for (const question of [
      'Sekarang pimpinan ingin tahu apakah uji coba dilakukan di perangkat daerah?',
      'hari ini atasan bertanya uji coba dilakukan di perangkat daerah mana',
      'Saat ini kepala dinas meminta dasar aturan uji coba di perangkat daerah.',
    ]) {
      expect((await search(question)).signals.asksCurrent, question).toBe(0);
    }
    // The time word asks about now when what follows is the fact itself, also with a reporting verb further on.
    for (const question of [
      'sekarang uji coba dilakukan di perangkat daerah mana?',
      'Siapa penilai tahun ini? Pimpinan ingin tahu.',
      'tahun ini uji coba di perangkat daerah mana yang atasan tanyakan?',
    ]) {
      expect((await search(question)).signals.asksCurrent, question).toBe(1);
    }
  });

  it("reads a subject Pandu leaves aside as the field of an innovation after 'aplikasi', 'inovasi', 'layanan' …, but not a system named by acronym", async () => {
    // The best passages do not use "perizinan": it would be outside wherever the question asks about it.
    expect((await search('bagaimana perizinan untuk uji coba di perangkat daerah?')).signals.outsideTopic).toBe(1);
    for (const question of [
      'kami menguji coba aplikasi perizinan, uji coba dilakukan di perangkat daerah mana?',
      'inovasi layanan perizinan kami diuji coba di perangkat daerah mana?',
    ]) {
      expect((await search(question)).signals.outsideTopic, question).toBe(0);
    }
    // Used once as a field and once as the subject asked about, it is outside; so is an app named by acronym.
    expect((await search('aplikasi perizinan kami diuji coba, tapi perizinan untuk uji coba di perangkat daerah bagaimana?')).signals.outsideTopic).toBe(1);
    expect((await search('cara input di aplikasi SIPD untuk uji coba di perangkat daerah?')).signals.outsideTopic).toBe(1);
  });

  it("reads a question passed on from someone else as story when the asker then asks or requests in their own words", async () => {
    const passedOn = await search('Atasan bertanya apakah kami harus menunggu tahun depan. Mohon arahannya, bagaimana pendanaan kegiatan inovasi menurut aturan?');
    expect(passedOn.signals.asksCurrent).toBe(0);
    // A request without a question word asks too ("Mohon dijelaskan …"), so the question before it is the story.
    const requested = await search('Dalam rapat kemarin pimpinan bertanya apa dasar penilaian daerah. Mohon dijelaskan penilaian terhadap daerah menurut peraturannya.');
    expect(requested.signals.asksCurrent).toBe(0);
    // Passed on and nothing else asked: it is the question, and its time words ask about now.
    expect((await search('Pimpinan bertanya apakah pendanaan inovasi tahun depan masih ada?')).signals.asksCurrent).toBe(1);
    // The asker's own "saya ingin bertanya" or "izin bertanya" is no one else's question, nor is a question about asking.
    expect((await search('Saya ingin bertanya, uji coba tahun ini dilakukan di perangkat daerah mana? Terima kasih.')).signals.asksCurrent).toBe(1);
    expect((await search('Izin bertanya, siapa yang menilai daerah tahun ini? Lalu bagaimana pendanaannya?')).signals.asksCurrent).toBe(1);
    expect((await search('Bagaimana cara masyarakat menanyakan hasil penilaian tahun ini? Siapa yang menilai?')).signals.asksCurrent).toBe(1);
    // A bare request names nothing of its own: the question passed on stays the question, refusal rules included.
    expect((await search('Pimpinan bertanya apakah pendanaan inovasi tahun depan masih ada? Mohon arahannya.')).signals.asksCurrent).toBe(1);
    expect((await search('Pimpinan bertanya siapa pemenang IGA 2024? Mohon informasinya.')).confidence).toBe(0);
  });

  it("refuses a question about one region's records, but answers one that only mentions a region", async () => {
    const record = await search('berapa skor penilaian inovasi Kabupaten Sidoarjo?');
    expect(record.signals.regionRecord).toBe(1);
    expect(record.abstain).toBe(true);
    const context = await search('kami di Kabupaten Sidoarjo, uji coba inovasi dilakukan di mana?');
    expect(context.signals.regionRecord).toBe(0);
    expect(context.abstain).toBe(false);
    // A record asked for as a value or an outcome …
    for (const question of [
      'Kota Makassar ranking berapa di penilaian inovasi?',
      'apakah Kabupaten Ngawi menang penghargaan inovasi?',
      'predikat Kota Surabaya apa ya?',
      'indeks inovasi daerah Kabupaten Sleman berapa?',
    ]) {
      expect((await search(question)).signals.regionRecord, question).toBe(1);
    }
    // … not a region named around a question about the rule: what it means, how it is done, what it takes.
    for (const question of [
      'Pemkab Ngawi dapat predikat dari Menteri, apa artinya predikat itu?',
      'Kabupaten Sidoarjo mau melapor inovasi daerah, harus melapor ke siapa?',
      'bagaimana cara menghitung skor penilaian, misalnya untuk Kota Bandung?',
      'bagaimana indeks inovasi daerah dihitung untuk Provinsi Jawa Barat?',
      'kami dari Kabupaten Sleman, kriteria penilaian apa saja yang menentukan nilai inovasi daerah?',
      'Kota Makassar ingin ikut penilaian, berapa jumlah inovasi minimal yang dilaporkan?',
    ]) {
      expect((await search(question)).signals.regionRecord, question).toBe(0);
    }
  });

  it("refuses questions about records: a submission's status, a count for a year, how 'our' region stands", async () => {
    for (const question of [
      'apakah inovasi kami sudah diverifikasi kementerian?',
      'berapa daerah yang melaksanakan uji coba inovasi tahun 2023?',
      'apakah kota kami sudah dinilai menteri?',
      'skor penilaian inovasi kabupaten kami tahun lalu berapa?',
      'kota kami peringkat berapa di penilaian inovasi?',
    ]) {
      const r = await search(question);
      expect(r.signals.regionRecord, question).toBe(1);
      expect(r.abstain, question).toBe(true);
    }
    // Our region as the story around a question about the rule, and our submission without asking its state.
    expect((await search('pemkot kami telat uji coba, dampaknya ke nilai apa?')).signals.regionRecord).toBe(0);
    expect((await search('inovasi kami sudah lolos uji coba, langkah berikutnya apa?')).signals.regionRecord).toBe(0);
    // Our region's score named in a question about what the rule assesses or requires.
    for (const question of ['kabupaten kami mau ikut penilaian, nilai apa saja yang dinilai?', 'berapa nilai minimal supaya kota kami dapat predikat inovatif?']) {
      expect((await search(question)).signals.regionRecord, question).toBe(0);
    }
  });

  it('reads "inovasi daerah apa saja" as asking for kinds of innovation, not for a list of regions', async () => {
    expect((await search('bentuk inovasi daerah apa saja?')).signals.factMissing).toBe(0);
    expect((await search('daerah mana saja yang uji coba inovasi?')).signals.factMissing).toBe(1);
  });

  it('reads an amount of money asked in other words ("brp M", "nilai maksimal hibah") as a fact the passages must state', async () => {
    for (const question of ['dana uji coba inovasi kabupaten kita cair brp M?', 'berapa nilai maksimal hibah untuk uji coba inovasi daerah?', 'berapa juta dana uji coba inovasi?']) {
      expect((await search(question)).signals.factMissing, question).toBe(1);
    }
    // A score is not money.
    expect((await search('berapa nilai minimal penilaian inovasi daerah?')).signals.factMissing).toBe(0);
  });

  it('weighs a word after a form of address ("pak camat") as the asker, not the subject', async () => {
    const story = await search('pak camat tanya, uji coba dilakukan di perangkat daerah mana?');
    const subject = await search('camat uji coba dilakukan di perangkat daerah mana?');
    expect(story.signals.unknownShare).toBeLessThan(subject.signals.unknownShare);
    expect(story.abstain).toBe(false);
  });

  it('gives words asking for a definition or the wording no weight, and everyday words little', async () => {
    const r = await search('apa pengertian perangkat daerah');
    expect(r.signals.unknownShare).toBe(0);
    expect(r.abstain).toBe(false);
    const everyday = await search('unit kami mau ditaruh jadi tempat uji coba, sebutannya apa?');
    expect(everyday.abstain).toBe(false);
  });

  it('reads a word typed in capitals as an acronym, not chat spelling ("SPT" is not "seperti")', () => {
    expect(normaliseWords('cara lapor SPT')).toEqual(['cara', 'lapor', 'spt']);
    expect(normaliseWords('spt yg kemarin')).toEqual(['seperti', 'yang', 'kemarin']);
  });

  it('notes a question about the present and a year the best passage says nothing about', async () => {
    expect((await search('siapa menteri yang menilai inovasi sekarang?')).signals.asksCurrent).toBe(1);
    expect((await search('aturan yang kini mengatur penilaian daerah itu apa?')).signals.asksCurrent).toBe(0);
    expect((await search('siapa yang menilai inovasi kini?')).signals.asksCurrent).toBe(1);
    expect((await search('kami belum dapat jawaban sampai sekarang, uji coba di mana?')).signals.asksCurrent).toBe(0);
    expect((await search('penilaian inovasi daerah 2031 gimana?')).signals.yearMismatch).toBe(1);
  });

  it("reads the question's head word after the words that frame it, in the sentence that asks", async () => {
    expect((await search('syarat laboratorium uji coba apa saja?')).signals.headCovered).toBe(1);
    expect((await search('syarat pembentukan kecamatan baru untuk uji coba')).signals.headCovered).toBe(0);
    const polite = await search('Selamat pagi, kami dari kecamatan. Laboratorium uji coba itu di perangkat daerah mana?');
    expect(polite.signals.headCovered).toBe(1);
  });

  it('notes a phrase of general government the base never uses so, in the sentence that asks ("pajak daerah")', async () => {
    // General government text says "pajak daerah" in many lines; no passage here does.
    expect((await search('pajak daerah untuk laboratorium uji coba berapa?')).signals.generalPhrase).toBe(1);
    // A phrase the base itself uses ("uji coba", "perangkat daerah") is its subject, however common elsewhere.
    expect((await search('uji coba dilakukan di perangkat daerah mana?')).signals.generalPhrase).toBe(0);
    // Only the asking sentence counts: the story may mention the phrase.
    const story = await search('Saya dulu mengurus pajak daerah. Laboratorium uji coba itu di perangkat daerah mana?');
    expect(story.signals.generalPhrase).toBe(0);
  });

  it('does not take a phrase the base spells as one word, or holds as its concept, for one it never uses ("wali kota")', async () => {
    const closed = indexOf([
      chunk({ regulation: 'UU 30/2014', pasal: '80', ayat: '2' }, 'Sanksi administratif atas Keputusan bupati/walikota dijatuhkan oleh gubernur sebagai wakil Pemerintah Pusat.'),
      chunk({ regulation: 'UU 30/2014', pasal: '81', ayat: '1' }, 'Sanksi administratif ringan berupa teguran lisan atau teguran tertulis.'),
    ]);
    const question = 'siapa yang menjatuhkan sanksi administratif atas keputusan wali kota?';
    expect((await new Retriever(closed).search(question, 5)).signals.generalPhrase).toBe(0);
    // Without the one-word spelling or the concept, the phrase is one the base does not speak of.
    const neither = indexOf([chunk({ regulation: 'UU 30/2014', pasal: '81', ayat: '1' }, 'Sanksi administratif ringan berupa teguran lisan.')]);
    expect((await new Retriever(neither).search('sanksi administratif atas keputusan wali kota?', 5)).signals.generalPhrase).toBe(1);
  });

  it('asks for a Pasal only of passages that are or name one', async () => {
    const pasal = await search('pasal berapa yang mengatur laboratorium uji coba?');
    expect(pasal.signals.answerTypeMissing).toBe(0);
    const noPasal = new Retriever(indexOf([chunk({ label: 'Praktik IID 2023' }, 'Skor IID 2023 dihitung dari bobot aspek dan indikator.')]));
    expect((await noPasal.search('di pasal berapa bobot skor IID 2023 diatur?', 5)).signals.answerTypeMissing).toBe(1);
  });

  it('refuses a question asking who holds a post now by rule, and answers one asking which office acts', async () => {
    const holder = await search('siapa kepala perangkat daerah sekarang?');
    expect(holder.abstain).toBe(true);
    expect(holder.confidence).toBe(0);
    const role = await search('siapa kepala yang menugaskan perangkat daerah untuk uji coba?');
    expect(role.confidence).toBeGreaterThan(0);
    // The rule reads the sentence that asks: an office and a year in the story around it do not make it ask who holds a post.
    const story = await search(
      'Saya kepala bidang di perangkat daerah. Tahun ini kami menjadi laboratorium uji coba. Atasan kami bertanya, hasil uji coba diserahkan kepada siapa?',
    );
    expect(story.confidence).toBeGreaterThan(0);
    expect((await search('Kami sedang menyiapkan uji coba. Siapa kepala perangkat daerah sekarang?')).confidence).toBe(0);
  });

  it("refuses a year's results by rule only when they are asked, not when the story mentions them", async () => {
    expect((await search('siapa juara penilaian inovasi daerah 2023?')).confidence).toBe(0);
    const story = await search('Daerah kami juara penilaian inovasi 2023. Uji coba berikutnya dilakukan di perangkat daerah mana?');
    expect(story.confidence).toBeGreaterThan(0);
  });

  it('asks for a count in a unit ("berapa tahun") of passages that state a number in that unit', async () => {
    const timed = indexOf([
      chunk({ regulation: PP, pasal: '15', ayat: '1' }, 'Uji coba Inovasi Daerah dilakukan paling lama 6 (enam) bulan pada Perangkat Daerah.'),
      chunk({ regulation: PP, pasal: '1', angka: '12' }, 'Perangkat Daerah adalah unsur pembantu kepala Daerah dan DPRD.'),
    ]);
    const timedSearch = (question: string) => new Retriever(timed).search(question, 5);
    expect((await timedSearch('uji coba inovasi paling lama berapa bulan?')).signals.factMissing).toBe(0);
    expect((await timedSearch('uji coba inovasi berlaku berapa tahun?')).signals.factMissing).toBe(1);
  });

  it("weighs a question about one region's records down rather than refusing it by rule, and reads no region in a sentence that ends with 'kota'", async () => {
    const record = await search('berapa skor penilaian inovasi Kabupaten Sidoarjo?');
    expect(record.signals.regionRecord).toBe(1);
    expect(record.abstain).toBe(true);
    expect(record.confidence).toBeGreaterThan(0);
    const story = await search('Saya koordinator di sebuah kota. Pimpinan ingin tahu skor penilaian uji coba dihitung bagaimana?');
    expect(story.signals.regionRecord).toBe(0);
  });

  it('refuses by rule a question naming only article numbers no regulation in the base has, and no other', async () => {
    const absent = await search('apa isi Pasal 40?');
    expect(absent.signals.absentArticle).toBe(1);
    expect(absent.confidence).toBe(0);
    expect((await search('Pasal 40 dan Pasal 41 mengatur apa?')).signals.absentArticle).toBe(1);
    // One of two named articles is held: the question is answered from it.
    expect((await search('Pasal 40 dan Pasal 16 mengatur apa?')).signals.absentArticle).toBe(0);
    const held = await search('Pasal 16 ayat (2) isinya apa?');
    expect(held.signals.absentArticle).toBe(0);
    expect(held.abstain).toBe(false);
    expect((await search('Pasal 1 angka 12 isinya apa?')).signals.absentArticle).toBe(0);
    // An ayat the held Pasal lacks ("Pasal 20 ayat 6" where the base explains that Pasal 20 has four) and
    // a Pasal named under another regulation than the one holding it are answered from what the base has.
    const ayat = await search('Pasal 16 ayat (5) isinya apa?');
    expect(ayat.signals.absentArticle).toBe(0);
    expect(ayat.confidence).toBeGreaterThan(0);
    const otherRegulation = await search('Pasal 16 UU 23/2014 isinya apa?');
    expect(otherRegulation.signals.absentArticle).toBe(0);
    expect(otherRegulation.confidence).toBeGreaterThan(0);
  });

  it('refuses by rule an article the named regulation lacks when the base holds that regulation, and never answers it with another regulation\'s article of that number', async () => {
    const two = indexOf([
      chunk({ regulation: PP, pasal: '16', ayat: '2' }, 'Uji coba dilakukan pada Perangkat Daerah yang ditugaskan sebagai laboratorium uji coba.'),
      chunk({ regulation: PP, pasal: '20', ayat: '4' }, 'Kepala Daerah wajib melaporkan penerapan Inovasi Daerah kepada Menteri paling lambat 6 bulan.'),
      chunk({ regulation: 'UU 23/2014', pasal: '388', ayat: '7' }, 'Kepala daerah melaporkan inovasi Daerah yang akan dilaksanakan kepada Menteri.'),
    ]);
    const twoSearch = (question: string) => new Retriever(two).search(question, 5);
    const missing = await twoSearch('UU 23/2014 Pasal 16 isinya apa?');
    expect(missing.signals.absentArticle).toBe(1);
    expect(missing.abstain).toBe(true);
    expect(missing.absentArticles).toEqual({ requests: [{ pasal: '16', penjelasan: false }], named: ['UU 23/2014'] });
    expect(missing.lookup).toBeUndefined();
    // A slip the other way round is refused alike; the refusal names where Pasal 388 is (see absent-article).
    expect((await twoSearch('PP 38/2017 pasal 388 isinya apa')).signals.absentArticle).toBe(1);
    // The named regulation's own article, and an article named without a regulation, are looked up.
    const own = await twoSearch('UU 23/2014 Pasal 388 isinya apa?');
    expect(own.signals.absentArticle).toBe(0);
    expect(own.hits[0]!.chunk.citation).toBe('UU 23/2014 Pasal 388 ayat (7)');
    const unnamed = await twoSearch('Pasal 16 isinya apa?');
    expect(unnamed.absentArticles).toBeUndefined();
    expect(unnamed.hits[0]!.chunk.citation).toBe('PP 38/2017 Pasal 16 ayat (2)');
  });
});
