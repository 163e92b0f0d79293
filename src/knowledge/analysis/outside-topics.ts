/**
 * Subjects next to Pandu's that it deliberately does not cover: civil-service administration (pay,
 * leave, rank, recruitment), taxes and levies, elections, village funds, licensing, performance
 * accountability and procurement, competition results and contacts. A question whose subject is one of
 * these words, when the knowledge base does not contain the word, is almost certainly out of scope.
 */
export const OUTSIDE_TOPIC_WORDS: ReadonlySet<string> = new Set(
  `gaji gajian upah tukin tpp tunjangan honor honorarium insentifnya remunerasi thr pensiun pensiunan
  cuti izin_cuti melahirkan sakit lembur absen absensi presensi kehadiran
  pangkat golongan kenaikan naik_pangkat jabatan mutasi rotasi promosi demosi sertifikasi diklat latsar prajabatan
  cpns pppk_rekrutmen formasi seleksi tes skd skb casn pendaftaran_cpns sscasn
  pajak pbb bphtb pkb bbnkb tarif retribusi parkir iuran denda
  bpjs kesehatan_bpjs jkn jht
  pilkada pemilu pilpres pileg caleg kampanye tps kpu bawaslu
  desa dana_desa add bumdes kades perdes
  perizinan izin oss nib pbg imb amdal siup tdp
  sakip lakip lkjip spbe maturity indeks_spbe zi wbk wbbm akreditasi
  pengadaan tender lelang katalog lkpp swakelola penyedia kontrak
  kode_rekening akuntansi jurnal neraca sipd
  pemenang juara peringkat ranking rangking klasemen finalis nominator
  nomor telepon telp hp wa whatsapp email surel alamat kontak website_resmi
  resep cuaca makan makanan kuliner wisata hotel film lagu sepakbola bola
  korupsi kpk tipikor djki merek ibukota ibu_kota
  sim stnk bpkb paspor visa akta npwp spt pph ppn pesangon bpk bkn blud dak dau dbh sipd skp ekinerja
  password login wordpress hosting server laptop printer wifi
  beasiswa lpdp kuliah ijazah skripsi tesis
  pemilu calon paslon caleg
  rupiah nominal juta miliar harga`
    .split(/\s+/)
    .filter((w) => w && !w.includes('_')),
);
