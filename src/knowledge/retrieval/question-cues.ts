import { QuestionText } from './question-text.js';

/**
 * What kind of answer a question wants, read from a few cue words. These adjust ranking and abstention
 * for whole classes of questions, never for particular ones.
 */
export interface QuestionCues {
  /** "apa itu ...", "... maksudnya apa", "artinya", "pengertian": the Penjelasan or a definition answers best. */
  definition: boolean;
  /**
   * Asks what something covers ("mencakup apa saja", "cakupannya", "ruang lingkup"): a definition that says
   * what its term covers answers it, as does a rule listing what its subject covers.
   */
  coverage: boolean;
  /**
   * Competition results ("siapa pemenang IGA 2024", "peringkat IID 2023", "Top 45 KIPP 2022"): Pandu holds
   * no results or rankings for any year, so such a question is out of scope however well its words match.
   */
  results: boolean;
  /**
   * The question is about how a programme runs in practice (IID/IGA, KIPP/SINOVIK, a year, an application
   * or form), not about a rule: only then may a practice note answer it ahead of the rule.
   */
  practice: boolean;
  /**
   * The question asks about a regulation's framing rather than its rules: its considerations (menimbang,
   * latar belakang), its general elucidation or its appendix (lampiran). Only then do those parts of an
   * ingested regulation's text rank as high as its articles.
   */
  framing: boolean;
  /** Asks for an enumeration ("apa saja", "sebutkan", "isinya apa", "syarat apa", "haknya apa"). */
  list: boolean;
  /** Asks for a period or a deadline ("berapa lama", "batas waktu", "kapan paling lambat"). */
  duration: boolean;
  /** Asks whether something is allowed or required ("boleh gak", "bolehkah", "wajib tidak"). */
  permission: boolean;
  /**
   * The act a question asks the doer of ("siapa yang menilai" → menilai, "yg bahas proposal siapa" →
   * bahas, "dibahas oleh siapa" → dibahas), as the word typed; not set for "ke siapa", "dari siapa"
   * (recipient, source) or "urusan siapa" (whose). The passage stating who does that act answers it.
   */
  act?: string;
  /** Asks by what legal instrument something is set ("ditetapkan dengan apa", "aturannya pakai apa", "perda atau perkada"). */
  instrument: boolean;
  /** Asks how two things differ ("bedanya mandat dengan delegasi"): each is defined on its own. */
  comparison: boolean;
  /**
   * Asks what becomes of what existed before a regulation took effect ("inovasi yg dibuat sblm PP ini
   * keluar masih diakui?", "izin yang terbit sebelum UU ini berlaku"): its transitional provisions answer.
   */
  transition: boolean;
}

/** Words that ask what something means; they name the kind of answer, not its subject. */
export const DEFINITION_CUES: ReadonlySet<string> = new Set(['maksud', 'maksudnya', 'arti', 'artinya', 'pengertian', 'definisi', 'dimaksud', 'diartikan', 'disebut', 'apaan', 'kepanjangan', 'singkatan']);
/** Words that ask what something covers; like the definition cues, they name the kind of answer. */
export const COVERAGE_CUES: ReadonlySet<string> = new Set(['cakupan', 'cakupannya', 'mencakup', 'meliputi', 'lingkup', 'lingkupnya']);
/**
 * Words that ask for a period or a deadline ("berapa lama", "batas waktu", "deadline", "kapan"): they name
 * the kind of answer, which the passages' answer form meets, not its subject.
 */
export const DURATION_CUES: ReadonlySet<string> = new Set(['lama', 'batas', 'waktu', 'waktunya', 'tenggat', 'deadline', 'jangka', 'kapan', 'lambat', 'c:batas_waktu']);
/** Words naming a competition's outcome; "menang" and its verb forms say "pemenang" in everyday words ("siapa yang menang"). */
const RESULT_WORDS = new Set(['pemenang', 'menang', 'memenangkan', 'dimenangkan', 'juara', 'peringkat', 'ranking', 'rangking', 'finalis', 'nominator']);
const YEAR = /^(19|20)\d\d$/;
/** Words naming a regulation's framing parts (see QuestionCues.framing). */
const FRAMING_WORDS: ReadonlySet<string> = new Set(['lampiran', 'lampirannya', 'menimbang', 'konsiderans', 'konsideran', 'matriks']);

const PRACTICE_WORDS = new Set(
  `iid iga kipp sinovik indeks award kompetisi aplikasi profil formulir isian indikator skor predikat klaster bobot
  kategori pedoman juknis juklak praktik praktiknya lapangan brida bskdn upp evaluator panelis akun sosialisasi`.split(/\s+/),
);

const LIST_RE =
  / (apa|siapa|mana) (saja|aja|sj) | apa2 | sebutkan | (macam|jenis|daftar|rincian) | meliputi | (isinya|isi|memuat) (apa|apaan) | (minimal|sekurang|paling sedikit) | (contoh|contohnya|bentuknya|jenisnya) | (syarat|syaratnya|persyaratan|persyaratannya|kriteria|kriterianya|hak|haknya|kewajiban|kewajibannya|tugas|tugasnya|wewenang|wewenangnya|fungsi|fungsinya|larangan|unsur|unsurnya|asas|asasnya|prinsip|prinsipnya) (apa|apaan) /;
const DURATION_RE = / (berapa|brp) (lama|hari|bulan|minggu|tahun) | batas (waktu|akhir)| tenggat | deadline | paling (lambat|lama) | jangka waktu | kapan /;

/** Words standing for a doer in a question: "siapa", or "pihak/instansi/lembaga/unit/badan mana|apa". */
const DOER_NOUNS = new Set(['pihak', 'instansi', 'lembaga', 'unit', 'badan']);
/** Words between "yang" and the act that say nothing about the act itself ("yang berhak menilai"). */
const BEFORE_ACT = new Set(['saja', 'dapat', 'bisa', 'boleh', 'berhak', 'berwenang', 'harus', 'wajib', 'akan', 'bertugas', 'melakukan', 'mengurus', 'tidak', 'sudah', 'pertama']);

const PASSIVE = /^di[a-z]{3,}/;

/** "perda itu yang bikin siapa": the act after the "yang" just before a closing "siapa". */
function trailingAct(words: readonly string[], at: number): string | undefined {
  if (words.slice(at + 1).some((w) => !['ya', 'sih', 'kah', 'aja', 'saja'].includes(w))) return undefined;
  const yang = words.lastIndexOf('yang', at);
  return yang >= 0 && yang >= at - 4 ? words.slice(yang + 1, at).find((w) => !BEFORE_ACT.has(w)) : undefined;
}

/** The act a who-question asks about (see QuestionCues.act), from its normalised words. */
export function askedAct(words: readonly string[]): string | undefined {
  const after = (from: number) => words.slice(from).find((w) => !BEFORE_ACT.has(w) && w !== 'yang');
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    const doer = w === 'siapa' ? 1 : DOER_NOUNS.has(w) && (words[i + 1] === 'mana' || words[i + 1] === 'apa') ? 2 : 0;
    if (doer === 0) continue;
    const next = words[i + doer];
    // "dibahas oleh siapa", "dibantu unit apa": the act comes before the doer.
    if (words[i - 1] === 'oleh') return words[i - 2];
    if (doer === 2 && PASSIVE.test(words[i - 1] ?? '')) return words[i - 1];
    // "siapa (saja) yang menilai", "pihak mana yang …", "siapa menetapkan …"; "yang nilai daerah inovatif
    // itu siapa": the act follows the opening "yang". A passive act there ("siapa yang diajak", "siapa
    // yang diberi penghargaan") asks who undergoes it, not who does it.
    const act =
      next === 'yang' || next === 'saja' ? after(i + doer) : i === 0 && next ? after(i + 1) : words[0] === 'yang' ? after(1) : trailingAct(words, i);
    return act && !PASSIVE.test(act) ? act : undefined;
  }
  return undefined;
}

const INSTRUMENT_RE =
  / (ditetapkan|diatur|dipayungi|dituangkan|diputuskan|disahkan) (dengan|dalam|pakai|lewat|melalui|oleh) (apa|aturan|peraturan|produk hukum) | (aturannya|peraturannya|dasar hukumnya|payung hukumnya|payungnya) (pakai|apa|berupa) | (pakai|dipayungi|payung) (aturan|peraturan|produk hukum) (apa|yang mana) | (perda|perkada) (atau|apa|ato) (perda|perkada) | (diatur|ditetapkan) (pakai|dengan|dalam|lewat) (perda|perkada) /;
/** Words asking how things differ ("apa bedanya mandat dengan delegasi"). */
export const COMPARISON_WORDS: ReadonlySet<string> = new Set(['beda', 'bedanya', 'perbedaan', 'membedakan', 'dibedakan', 'bedain']);
const COMPARISON_RE = new RegExp(` (${[...COMPARISON_WORDS].join('|')}) `);
// "sebelum PP ini keluar", "sebelum UU 30/2014 berlaku", "sebelum peraturan baru terbit", "masa peralihan".
const TRANSITION_RE =
  / sebelum (pp|uu|perda|perkada|perpres|permen|peraturan|aturan|undang undang)( pemerintah| daerah| presiden| menteri)?( nomor)?( \d+)*( tahun \d+)?( ini| baru| tersebut| itu| tadi)? (mulai )?(keluar|terbit|berlaku|ada|diundangkan|disahkan|ditetapkan|lahir|dibuat|muncul) | (masa|ketentuan|aturan) peralihan /;
const PERMISSION_RE = / (bolehkah|bisakah|wajibkah|haruskah|dilarang|dilarangkah) |( boleh | wajib | harus | bisa ).*( tidak| tidak ya| ya)\s*$/;

export function readCues(question: string | QuestionText): QuestionCues {
  const read = typeof question === 'string' ? new QuestionText(question) : question;
  const words = read.words();
  const joined = read.spaced();
  const definition =
    words.some((w) => DEFINITION_CUES.has(w)) || / apa itu /.test(joined) || / itu apa $/.test(joined) || / (adalah|ialah) apa /.test(joined);
  const results = words.some((w) => RESULT_WORDS.has(w)) && words.some((w) => YEAR.test(w)) && !/ (dapat|dapatkan|mendapat|memperoleh|hadiah|insentif) /.test(joined);
  const practice = words.some((w) => PRACTICE_WORDS.has(w) || YEAR.test(w));
  // "mengingat" and "pertimbangan" alone are everyday words ("mengingat anggaran terbatas, …"): only as phrases.
  const framing = words.some((w) => FRAMING_WORDS.has(w)) || / (latar belakang|penjelasan umum|dasar pertimbangan|bagian mengingat) /.test(joined);
  const list = LIST_RE.test(joined);
  const duration = DURATION_RE.test(joined);
  const permission = PERMISSION_RE.test(joined);
  const comparison = COMPARISON_RE.test(joined);
  const act = askedAct(words);
  const instrument = INSTRUMENT_RE.test(joined);
  const coverage = words.some((w) => COVERAGE_CUES.has(w));
  const transition = TRANSITION_RE.test(joined);
  return {
    definition: definition || comparison,
    coverage,
    results,
    practice,
    framing,
    list,
    duration,
    permission,
    instrument,
    comparison,
    transition,
    ...(act ? { act } : {}),
  };
}
