/**
 * Short names people use for their Perangkat Daerah, and the full name Pandu shows. Only names that mean
 * the same OPD in every region are here; anything else is kept as the person typed it. Matching a
 * coordinator's scope uses the normalised key of the full name, so "Dinkes" and "Dinas Kesehatan" meet.
 */
const OPD_ALIASES: ReadonlyArray<[string, readonly string[]]> = [
  ['Dinas Kesehatan', ['dinkes', 'dinas kesehatan']],
  ['Dinas Pendidikan', ['disdik', 'dindik', 'dinas pendidikan']],
  ['Dinas Pendidikan dan Kebudayaan', ['disdikbud', 'dikbud', 'dindikbud', 'dinas pendidikan dan kebudayaan']],
  ['Dinas Kependudukan dan Pencatatan Sipil', ['disdukcapil', 'dukcapil', 'dispendukcapil', 'capil', 'dinas dukcapil']],
  ['Badan Perencanaan Pembangunan Daerah', ['bappeda', 'bapeda', 'badan perencanaan pembangunan daerah']],
  ['Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah', ['bappelitbangda', 'bappedalitbang', 'bapelitbangda']],
  ['Badan Riset dan Inovasi Daerah', ['brida', 'badan riset dan inovasi daerah']],
  ['Badan Penelitian dan Pengembangan Daerah', ['balitbangda', 'balitbang', 'litbang', 'badan penelitian dan pengembangan daerah']],
  ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', ['bkpsdm', 'bkpp', 'bkd', 'badan kepegawaian daerah']],
  ['Dinas Komunikasi dan Informatika', ['diskominfo', 'kominfo', 'dinas kominfo', 'dinas komunikasi dan informatika']],
  ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', ['dpmptsp', 'dpmpptsp', 'ptsp', 'dinas perizinan']],
  ['Dinas Sosial', ['dinsos', 'dinas sosial']],
  ['Dinas Perhubungan', ['dishub', 'dinas perhubungan']],
  ['Dinas Lingkungan Hidup', ['dlh', 'dinas lingkungan hidup']],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', ['pupr', 'dpupr', 'dinas pu', 'dinas pupr']],
  ['Badan Penanggulangan Bencana Daerah', ['bpbd']],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', ['bpkad', 'bpkd']],
  ['Badan Pendapatan Daerah', ['bapenda', 'bappenda', 'dispenda']],
  ['Satuan Polisi Pamong Praja', ['satpol pp', 'satpolpp']],
  ['Dinas Tenaga Kerja', ['disnaker', 'disnakertrans']],
  ['Dinas Perindustrian dan Perdagangan', ['disperindag']],
  ['Dinas Pariwisata', ['dispar', 'disparbud', 'dinas pariwisata']],
  ['Dinas Pertanian', ['distan', 'dinas pertanian', 'dispertan']],
  ['Dinas Kelautan dan Perikanan', ['dkp', 'diskanlut']],
  ['Dinas Pemberdayaan Masyarakat dan Desa', ['dpmd', 'dispermades', 'dinas pmd']],
  ['Dinas Pemberdayaan Perempuan dan Perlindungan Anak', ['dp3a', 'dp3ap2kb', 'dppppa']],
  ['Dinas Koperasi dan Usaha Kecil Menengah', ['diskop', 'diskopukm', 'dinkop']],
  ['Dinas Perumahan dan Kawasan Permukiman', ['disperkim', 'perkim']],
  ['Dinas Perpustakaan dan Kearsipan', ['dispusip', 'dispersip', 'dinas perpustakaan']],
  ['Sekretariat Daerah', ['setda', 'sekda', 'sekretariat daerah']],
  ['Inspektorat Daerah', ['inspektorat', 'itda']],
  ['Rumah Sakit Umum Daerah', ['rsud']],
];

const BY_ALIAS = new Map(OPD_ALIASES.flatMap(([name, aliases]) => aliases.map((alias) => [alias, name] as const)));

/** Collapses case, punctuation and spacing, so "Dinas  Kesehatan." and "dinas kesehatan" are one key. */
export function textKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The full name of an OPD given by its usual short name; otherwise the text as typed, tidied. */
export function canonicalOpd(text: string): string {
  const tidy = text.replace(/\s+/g, ' ').trim();
  return BY_ALIAS.get(textKey(tidy)) ?? tidy;
}

/** The key scopes match on. */
export function opdKey(text: string): string {
  return textKey(canonicalOpd(text));
}
