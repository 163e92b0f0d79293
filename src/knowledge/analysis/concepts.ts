/**
 * Names for the same thing in regulations and in chat: acronyms (OPD, Pemda, Perkada, IID, KIPP),
 * regional variants (bupati / wali kota / gubernur = kepala daerah) and everyday words (warga, dana,
 * hadiah). Each phrase yields a concept token on both the index and the query side, so "SK bupati"
 * meets "keputusan kepala Daerah" without either side being rewritten.
 *
 * Phrases are lower-case, after chat spelling is normalised (slang.ts). Keep concepts narrow: a concept
 * that joins words of different legal meaning (evaluasi vs penilaian) would blur answers.
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  perangkat_daerah: ['perangkat daerah', 'opd', 'skpd', 'dinas', 'organisasi perangkat daerah', 'satuan kerja perangkat daerah', 'kadis', 'kepala dinas', 'kepala opd'],
  pemerintah_daerah: ['pemerintah daerah', 'pemerintahan daerah', 'pemda', 'pemkab', 'pemkot', 'pemprov', 'pemerintah kabupaten', 'pemerintah kota', 'pemerintah provinsi'],
  kepala_daerah: ['kepala daerah', 'bupati', 'walikota', 'wali kota', 'gubernur', 'kada', 'walkot', 'pimpinan daerah'],
  // The regional leaders' forum is not the regional head, though its name holds "pimpinan daerah".
  forkopimda: ['forkopimda', 'forum koordinasi pimpinan daerah'],
  perkada: ['perkada', 'peraturan kepala daerah', 'perbup', 'perwal', 'pergub', 'peraturan bupati', 'peraturan wali kota', 'peraturan walikota', 'peraturan gubernur'],
  perda: ['perda', 'peraturan daerah'],
  // Finance and enterprise words of regional government, as people say them and as regulations write them.
  bumd: ['bumd', 'badan usaha milik daerah', 'perusda', 'perusahaan daerah', 'perumda', 'perusahaan umum daerah', 'perseroda', 'perusahaan perseroan daerah'],
  pinjaman: ['pinjaman', 'pinjam', 'meminjam', 'utang', 'hutang', 'berutang', 'berhutang', 'ngutang'],
  // Lending a region's assets for use is not borrowing: the longer phrase wins.
  pinjam_pakai: ['pinjam pakai'],
  agunan: ['agunan', 'diagunkan', 'tanggungan', 'digadaikan', 'menggadaikan'],
  keputusan_kepala_daerah: ['keputusan kepala daerah', 'sk bupati', 'sk wali kota', 'sk walikota', 'sk gubernur', 'sk kepala daerah', 'keputusan bupati', 'keputusan wali kota', 'keputusan walikota', 'keputusan gubernur', 'kepbup', 'kepwal', 'kepgub', 'surat keputusan'],
  asn: ['asn', 'aparatur sipil negara', 'pns', 'pegawai negeri sipil', 'pppk', 'pegawai pemerintah dengan perjanjian kerja', 'honorer'],
  dprd: ['dprd', 'dewan perwakilan rakyat daerah', 'anggota dewan', 'legislatif', 'dewan'],
  litbang: ['litbang', 'penelitian dan pengembangan', 'perangkat daerah yang membidangi penelitian', 'perangkat daerah litbang', 'brida', 'balitbang', 'balitbangda', 'bappelitbang', 'bapelitbang', 'badan riset', 'badan riset dan inovasi daerah', 'riset dan inovasi daerah'],
  menteri_dalam_negeri: ['mendagri', 'kemendagri', 'menteri dalam negeri', 'kementerian dalam negeri', 'urusan pemerintahan dalam negeri', 'bskdn', 'badan strategi kebijakan dalam negeri'],
  masyarakat: ['masyarakat', 'warga', 'penduduk', 'rakyat', 'publik', 'warga masyarakat'],
  berkala: ['berkala', 'rutin', 'periodik', 'secara berkala', 'secara rutin', 'secara periodik'],
  uji_coba: ['uji coba', 'ujicoba', 'uji-coba', 'percobaan', 'masa percobaan', 'piloting', 'pilot project', 'percontohan', 'trial'],
  anggaran: ['anggaran', 'dana', 'biaya', 'pendanaan', 'pembiayaan', 'budget', 'duit', 'uang'],
  apbd: ['apbd', 'anggaran pendapatan dan belanja daerah'],
  rkpd: ['rkpd', 'rencana kerja pemerintah daerah'],
  penghargaan: ['penghargaan', 'award', 'hadiah', 'reward', 'apresiasi'],
  proposal: ['proposal', 'usulan inovasi', 'dokumen usulan'],
  iid: ['iid', 'indeks inovasi daerah', 'indeks inovasi'],
  iga: ['iga', 'innovative government award'],
  kipp: ['kipp', 'kompetisi inovasi pelayanan publik', 'sinovik', 'sistem informasi inovasi pelayanan publik'],
  kemenpanrb: ['kemenpan', 'kemenpanrb', 'kemenpan rb', 'kementerian panrb', 'menpan', 'menpanrb', 'panrb', 'menpan rb', 'kementerian pendayagunaan aparatur negara dan reformasi birokrasi'],
  hki: ['hki', 'haki', 'hak kekayaan intelektual', 'kekayaan intelektual', 'paten', 'hak cipta'],
  milik: ['milik', 'punya', 'pemilik', 'kepemilikan', 'dimiliki'],
  komersial: ['dikomersialisasikan', 'komersialisasi', 'dijual', 'diperjualbelikan', 'jual beli', 'dagang', 'diperdagangkan', 'komersil', 'komersial'],
  sdgs: ['sdgs', 'sdg', 'tpb', 'tujuan pembangunan berkelanjutan'],
  gagal: ['gagal', 'tidak berhasil', 'kegagalan', 'jeblok'],
  replikasi: ['replikasi', 'direplikasi', 'mereplikasi', 'tiru', 'meniru', 'ditiru', 'mencontoh', 'contek', 'nyontek', 'mencontek', 'niru', 'adopsi', 'mengadopsi', 'diterapkan di daerah lain', 'daerah lain'],
  diseminasi: ['diseminasi', 'didiseminasikan', 'sebarluaskan', 'disebarluaskan', 'penyebarluasan', 'dipamerkan', 'memamerkan', 'dipromosikan'],
  laboratorium: ['laboratorium', 'lab', 'labkurtor'],
  // Everyday public services stand for "pelayanan publik" (PP 38/2017 Pasal 4 huruf b, Pasal 5 ayat (2)).
  pelayanan_publik: ['pelayanan publik', 'layanan publik', 'pelayanan masyarakat', 'layanan masyarakat', 'puskesmas', 'posyandu', 'rsud', 'rumah sakit', 'antrian', 'antrean', 'loket', 'layanan', 'pelayanan', 'adminduk', 'administrasi kependudukan'],
  berhasil: ['berhasil', 'keberhasilan', 'sukses'],
  sederhana: ['sederhana', 'simpel', 'simple', 'simpel banget', 'tidak rumit', 'kecil kecilan'],
  sampaikan: ['sampaikan', 'disampaikan', 'menyampaikan', 'penyampaian', 'kirim', 'dikirim', 'mengirim', 'dikirimkan', 'mengirimkan', 'pengiriman', 'serahkan', 'diserahkan', 'menyerahkan', 'teruskan', 'diteruskan', 'meneruskan'],
  tata_kelola: ['tata kelola', 'manajemen pemerintahan', 'tata laksana internal', 'urusan internal', 'internal kantor', 'urusan dapur'],
  // Who enforces the law, as people name them and as regulations group them.
  penegak_hukum: ['aparat penegak hukum', 'penegak hukum', 'aph', 'polisi', 'kepolisian', 'jaksa', 'kejaksaan'],
  // A certified copy of a document, in the everyday word and the law's.
  legalisasi: ['legalisasi', 'legalisir', 'dilegalisir', 'melegalisir', 'dilegalisasi', 'melegalisasi'],
  pidana: ['pidana', 'dipidana', 'dipenjara', 'penjara', 'kriminalisasi', 'dikriminalisasi', 'dituntut', 'ditangkap', 'masalah hukum', 'jerat hukum', 'terjerat hukum'],
  wajib: ['wajib', 'diwajibkan', 'keharusan', 'mandatori', 'mandatory'],
  laporan: ['laporan', 'lapor', 'melaporkan', 'dilaporkan', 'pelaporan', 'progres', 'progress', 'report'],
  tim_independen: ['tim independen', 'tim ahli', 'tim pakar'],
  perguruan_tinggi: ['perguruan tinggi', 'universitas', 'kampus', 'akademisi', 'dosen'],
  // Who may be drawn in to evaluate or assess (PP 38/2017 Pasal 8 ayat (4), Pasal 13 ayat (2), Pasal 24 ayat (3)).
  pakar: ['pakar', 'praktisi', 'ahli', 'konsultan', 'narasumber', 'unsur profesional', 'expert'],
  libatkan: ['melibatkan', 'dilibatkan', 'pelibatan', 'mengikutsertakan', 'diikutsertakan', 'mengajak', 'diajak', 'menggandeng', 'digandeng'],
  insentif: ['insentif', 'did', 'dana insentif daerah'],
  kriteria: ['kriteria', 'syarat', 'persyaratan', 'ketentuan', 'patokan', 'tolok ukur'],
  tidak_layak: ['tidak layak', 'tidak pantas', 'ditolak', 'penolakan'],
  prinsip: ['prinsip', 'asas'],
  hari_kerja: ['hari kerja'],
  rapat_paripurna: ['rapat paripurna', 'paripurna', 'sidang paripurna'],
  kementerian_lembaga: ['kementerian', 'lembaga', 'kementerian teknis', 'kementerian lembaga', 'kemenkes', 'kemendikbud', 'kemensos', 'kemenkeu', 'lpnk', 'lembaga pemerintah nonkementerian'],
  pembinaan: ['pembinaan', 'pembina', 'dibina', 'membina'],
  pengawasan: ['pengawasan', 'pengawas', 'diawasi', 'mengawasi'],
  kabupaten_kota: ['kabupaten', 'kota', 'kab', 'kabupaten kota'],
  provinsi: ['provinsi', 'prov'],
  // The drafting formulae of Indonesian legislation (deadlines, minimum content, prohibitions, other lawful
  // funding) and the everyday ways of asking for them: a question "brp lama" is answered by "paling lama".
  batas_waktu: ['batas waktu', 'batas akhir', 'tenggat', 'tenggat waktu', 'tenggang waktu', 'jangka waktu', 'paling lambat', 'paling lama', 'berapa lama', 'berapa hari', 'berapa bulan', 'deadline', 'jatuh tempo'],
  paling_sedikit: ['sekurang kurangnya', 'paling sedikit', 'minimal', 'setidaknya', 'setidak tidaknya', 'minimum'],
  // How regional-government regulations write about offices, meetings and complaints, and how people ask:
  // "dipecat" is "diberhentikan" (not "dihentikan", stopping an activity), "bolos" "tidak menghadiri".
  pemberhentian: ['diberhentikan', 'memberhentikan', 'pemberhentian', 'dipecat', 'memecat', 'pemecatan', 'dicopot', 'mencopot', 'pencopotan', 'dilengserkan', 'lengser'],
  tidak_hadir: ['tidak hadir', 'tidak menghadiri', 'bolos', 'membolos', 'absen', 'mangkir', 'tidak datang'],
  berturut_turut: ['berturut turut', 'terus menerus', 'terus terusan', 'berulang ulang'],
  pencalonan: ['pencalonan', 'mencalonkan', 'dicalonkan', 'mencalonkan diri', 'nyalon', 'maju lagi'],
  masa_jabatan: ['masa jabatan', 'periode jabatan', 'masa bakti', 'sekali menjabat', 'sekali jabat'],
  pengaduan: ['pengaduan', 'mengadu', 'mengadukan', 'aduan', 'keluhan', 'mengeluh', 'mengeluhkan', 'komplain', 'complain'],
  paling_banyak: ['sebanyak banyaknya', 'paling banyak', 'maksimal', 'maksimum', 'paling tinggi', 'setinggi tingginya'],
  larangan: ['dilarang', 'larangan', 'melarang', 'tidak boleh', 'tidak diperbolehkan', 'tidak diizinkan'],
  sanksi: ['sanksi', 'hukuman', 'dihukum', 'kena sanksi'],
  pendanaan_lain: ['pendanaan lain yang sah', 'sumber lain yang sah', 'pendanaan lain', 'dana lain', 'sumber dana lain', 'csr', 'corporate social responsibility', 'tanggung jawab sosial', 'sponsor', 'swasta', 'hibah', 'dana hibah', 'pihak ketiga'],
  // The regulations' own drafting words with their everyday equivalents in general Indonesian (not in chat
  // spelling, which slang.ts reads first): what a citizen pays or bears is "pembebanan kepada masyarakat",
  // a rule for the whole country is "secara nasional", putting an idea forward is "mengusulkan".
  pembebanan: ['pembebanan', 'membebani', 'dibebani', 'membebankan', 'dibebankan', 'pungutan', 'memungut', 'dipungut', 'bayar', 'membayar', 'dibayar', 'bayaran', 'tarif', 'retribusi', 'iuran'],
  nasional: ['nasional', 'secara nasional', 'seluruh indonesia', 'seluruh negeri', 'se indonesia', 'seindonesia', 'semua daerah', 'seluruh daerah', 'skala nasional'],
  usul: ['mengusulkan', 'diusulkan', 'usul', 'pengusulan', 'mengajukan', 'diajukan', 'ajukan', 'pengajuan', 'menyodorkan', 'disodorkan', 'sodorkan'],
  inisiatif: ['inisiatif', 'ide', 'gagasan', 'prakarsa'],
  layak: ['layak', 'pantas', 'kelayakan', 'feasible'],
  // Every regulation hands its details to another ("Ketentuan lebih lanjut mengenai … diatur dengan Peraturan
  // Pemerintah"); people ask for the rules that implement it.
  aturan_pelaksana: ['ketentuan lebih lanjut', 'diatur lebih lanjut', 'pengaturan lebih lanjut', 'pengaturan rinci', 'aturan rinci', 'aturan rincinya', 'aturan pelaksana', 'aturan pelaksanaan', 'aturan pelaksananya', 'peraturan pelaksana', 'peraturan pelaksanaan', 'aturan turunan', 'aturan turunannya', 'peraturan turunan'],
  hentikan: ['menghentikan', 'dihentikan', 'penghentian', 'hentikan', 'disetop', 'distop', 'setop', 'stop'],
  guna: ['guna', 'menggunakan', 'digunakan', 'penggunaan', 'pakai', 'dipakai', 'memakai', 'pemakaian'],
  // A government word people shorten where regulations write it out.
  diklat: ['diklat', 'pendidikan dan pelatihan'],
};

/**
 * The phrases above that are abbreviations. An abbreviation takes no affixes, so no affixed word reaches
 * its concept through a root: "pengadaan" (procurement) is not peN- + "kada" (kepala daerah), nor
 * "mengadakan" meN- + "kada".
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  `opd skpd kadis pemda pemkab pemkot pemprov kada walkot perkada perbup perwal pergub kepbup asn pns pppk dprd
  litbang brida balitbang balitbangda bappelitbang bapelitbang mendagri kemendagri bskdn apbd rkpd iid iga kipp
  kemenpan kemenpanrb menpan menpanrb panrb hki haki sdgs sdg tpb lab labkurtor diklat`.split(/\s+/),
);
