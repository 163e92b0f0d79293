/**
 * English in code-mixed questions ("deadline submit laporan-nya kapan?", "who decides kalau inovasi layak?")
 * → the Indonesian words the regulations use. Civil servants mix in the English of project work and
 * administration; the knowledge base is Indonesian, so each such word is read as its regulation
 * counterpart. Function words map to nothing: they carry no subject, like Indonesian stop-words.
 *
 * Targets are words the corpus uses; a target of several words stands for a phrase ("working days" →
 * "hari kerja" is two entries that meet as a phrase), and "a|b" offers alternatives for one word ("ACC" is
 * either approving or formally deciding, "menyetujui|menetapkan"). Words that are also Indonesian or chat
 * Indonesian ("no" for nomor, "min" for admin, "data", "target") are left out or mapped to themselves.
 */
export const ENGLISH: Readonly<Record<string, string>> = {
  // function words and question words
  an: '', the: '', is: '', are: '', was: '', were: '', be: '', been: '', it: '', its: '', this: '', that: '',
  these: '', those: '', of: '', to: '', for: '', from: '', in: '', on: '', at: '', by: '', with: '', and: 'dan',
  or: 'atau', but: 'tapi', if: 'kalau', then: '', so: '', do: '', does: '', did: '', can: 'dapat', could: 'dapat',
  should: 'harus', must: 'wajib', will: '', would: '', may: 'dapat', might: '', we: 'kami', our: 'kami', us: 'kami',
  you: '', your: '', my: 'saya', me: 'saya', they: '', their: '', what: 'apa', which: 'apa', who: 'siapa',
  whom: 'siapa', whose: 'siapa', when: 'kapan', where: 'mana', why: 'kenapa', how: 'bagaimana', much: '', many: '',
  any: '', some: '', all: 'semua', not: 'tidak', yes: '', please: '', thanks: '', thank: '', about: 'tentang',
  // everyday chat English around a question ("basically", "need the clear rule", "guys"): no subject, like
  // the Indonesian everyday words they stand for
  guys: '', basically: '', actually: '', literally: '', really: '', just: '', sure: '', okay: '', fine: '', anyway: '',
  btw: '', asap: '', kindly: '', briefing: '', also: 'juga', still: 'masih', already: 'sudah', only: 'hanya', maybe: 'mungkin',
  need: 'perlu', needs: 'perlu', needed: 'perlu', want: 'ingin', wanna: 'ingin', clear: 'jelas', clearly: 'jelas',
  know: 'tahu', understand: 'paham', confused: 'bingung', help: 'bantu', like: 'seperti', same: 'sama', different: 'beda',
  good: 'baik', better: 'baik', soon: 'nanti', later: 'nanti', first: 'pertama', new: 'baru',
  // the office English of workshops and slide decks around a question ("lagi nyusun opening slide buat workshop")
  workshop: '', webinar: '', slide: '', slides: '', deck: '', opening: '', framing: '', brief: '', event: '',
  outcome: 'hasil', outcomes: 'hasil', meeting: 'rapat', scope: 'lingkup', feedback: 'masukan',
  // process and administration
  deadline: 'batas waktu', due: 'batas waktu', timeline: 'jadwal', schedule: 'jadwal', window: 'jadwal',
  submit: 'sampaikan', submitted: 'disampaikan', submission: 'penyampaian', send: 'kirim', sent: 'dikirim',
  report: 'laporan', reports: 'laporan', reporting: 'pelaporan', reported: 'dilaporkan',
  approve: 'menyetujui|menetapkan', approved: 'disetujui|ditetapkan', approval: 'persetujuan|penetapan', acc: 'menyetujui|menetapkan',
  decide: 'memutuskan', decides: 'memutuskan', decided: 'diputuskan', decision: 'keputusan',
  determine: 'menetapkan', determines: 'menetapkan', set: 'menetapkan', establish: 'menetapkan',
  propose: 'usulkan', proposed: 'diusulkan', proposer: 'pengusul', proposals: 'proposal',
  requirement: 'syarat', requirements: 'syarat', require: 'wajib', required: 'wajib', criteria: 'kriteria', criterion: 'kriteria',
  minimum: 'minimal', maximum: 'paling lama', max: 'paling lama',
  mandatory: 'wajib', obligatory: 'wajib', obligation: 'kewajiban', optional: 'opsional', allowed: 'boleh', allow: 'boleh',
  forbidden: 'dilarang', prohibited: 'dilarang', prohibition: 'larangan', sanction: 'sanksi', sanctions: 'sanksi', penalty: 'sanksi',
  evaluate: 'evaluasi', evaluation: 'evaluasi', evaluated: 'dievaluasi', evaluator: 'evaluator',
  assess: 'menilai', assessed: 'dinilai', assessment: 'penilaian', score: 'skor', scoring: 'skor', scores: 'skor', rating: 'penilaian',
  range: 'rentang', category: 'kategori', categories: 'kategori', stage: 'tahap', stages: 'tahapan', step: 'tahap', steps: 'tahapan',
  implement: 'terapkan', implemented: 'diterapkan', implementation: 'penerapan', apply: 'terapkan', applied: 'diterapkan',
  trial: 'uji coba', pilot: 'uji coba', piloting: 'uji coba', test: 'uji coba', testing: 'uji coba',
  fail: 'gagal', failed: 'gagal', failure: 'gagal', success: 'berhasil', successful: 'berhasil', succeed: 'berhasil',
  stop: 'hentikan', stopped: 'dihentikan', terminate: 'hentikan', continue: 'lanjut', follow: 'tindak', up: 'lanjut',
  budget: 'anggaran', budgeting: 'penganggaran', funding: 'pendanaan', fund: 'dana', funds: 'dana', money: 'dana', cost: 'biaya',
  sponsor: 'pendanaan lain', sponsorship: 'pendanaan lain', csr: 'pendanaan lain', grant: 'hibah', private: 'swasta',
  owner: 'pemilik', owned: 'milik', own: 'milik', belongs: 'milik', ownership: 'kepemilikan',
  intellectual: 'intelektual', property: 'kekayaan', rights: 'hak', copyright: 'hak cipta', patent: 'paten',
  sell: 'jual', sold: 'dijual', selling: 'dijual', commercial: 'komersial', commercialize: 'komersialisasi',
  independent: 'independen', team: 'tim', member: 'anggota', members: 'anggota', expert: 'pakar', experts: 'pakar',
  university: 'perguruan tinggi', academics: 'akademisi', practitioner: 'praktisi', practitioners: 'praktisi',
  innovation: 'inovasi', innovations: 'inovasi', innovative: 'inovatif', innovator: 'inovator', initiative: 'inisiatif',
  government: 'pemerintah', local: 'daerah', regional: 'daerah', region: 'daerah', regions: 'daerah', national: 'nasional',
  head: 'kepala', heads: 'kepala', chief: 'kepala', plan: 'rencana', plans: 'rencana', planned: 'rencana', planning: 'perencanaan',
  ministry: 'kementerian', minister: 'menteri', mayor: 'walikota', regent: 'bupati', governor: 'gubernur',
  parliament: 'dprd', council: 'dprd', agency: 'lembaga', office: 'dinas', unit: 'unit', staff: 'pegawai',
  civil: 'sipil', servant: 'asn', servants: 'asn', employee: 'pegawai', employees: 'pegawai',
  community: 'masyarakat', citizen: 'warga', citizens: 'warga', public: 'publik', people: 'masyarakat',
  service: 'pelayanan', services: 'pelayanan', award: 'penghargaan', awards: 'penghargaan', reward: 'penghargaan',
  incentive: 'insentif', incentives: 'insentif', winner: 'pemenang', winners: 'pemenang',
  regulation: 'peraturan', regulations: 'peraturan', law: 'undang undang', rule: 'aturan', rules: 'aturan', article: 'pasal',
  legal: 'hukum', basis: 'dasar', criminal: 'pidana', jail: 'penjara', prison: 'penjara', charged: 'dituntut', prosecuted: 'dituntut',
  protected: 'perlindungan', protection: 'perlindungan',
  replicate: 'replikasi', replication: 'replikasi', copy: 'tiru', scale: 'nasional', dissemination: 'diseminasi',
  data: 'data', information: 'informasi', system: 'sistem', database: 'data', account: 'akun', accounts: 'akun',
  monitoring: 'pengawasan', supervision: 'pengawasan', oversight: 'pengawasan', guidance: 'pembinaan', coaching: 'pembinaan',
  working: 'kerja', days: 'hari', day: 'hari', months: 'bulan', month: 'bulan', year: 'tahun', years: 'tahun',
  long: 'lama', often: 'berkala', periodic: 'berkala', periodically: 'berkala',
  purpose: 'tujuan', goal: 'tujuan', goals: 'tujuan', objective: 'tujuan', aim: 'tujuan', target: 'sasaran', targets: 'sasaran',
  benefit: 'manfaat', benefits: 'manfaat', impact: 'dampak', principle: 'prinsip', principles: 'prinsip',
  form: 'bentuk', forms: 'bentuk', design: 'rancang bangun', definition: 'pengertian', meaning: 'arti', means: 'artinya',
  document: 'dokumen', documents: 'dokumen', documentation: 'dokumentasi', guideline: 'pedoman', guidelines: 'pedoman',
  after: 'setelah', afterwards: 'setelah', before: 'sebelum', next: 'berikutnya', forward: 'sampaikan', forwarded: 'disampaikan',
  feasible: 'layak', feasibility: 'kelayakan', draft: 'rancangan', drafting: 'penyusunan', drafted: 'disusun', decree: 'keputusan',
  template: 'format', proof: 'bukti', evidence: 'bukti', upload: 'unggah', input: 'isian',
};

