import { normaliseWords } from '../analysis/analyzer.js';

/**
 * What kind of answer a question wants, read from a few cue words. These adjust ranking and abstention
 * for whole classes of questions, never for particular ones.
 */
export interface QuestionCues {
  /** "apa itu ...", "... maksudnya apa", "artinya", "pengertian": the Penjelasan or a definition answers best. */
  definition: boolean;
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
}

const DEFINITION_CUES = new Set(['maksud', 'maksudnya', 'arti', 'artinya', 'pengertian', 'definisi', 'dimaksud', 'diartikan']);
const RESULT_WORDS = new Set(['pemenang', 'juara', 'peringkat', 'ranking', 'rangking', 'finalis', 'nominator']);
const YEAR = /^(19|20)\d\d$/;
const PRACTICE_WORDS = new Set(
  `iid iga kipp sinovik indeks award kompetisi aplikasi profil formulir isian indikator skor predikat klaster bobot
  kategori pedoman juknis juklak praktik praktiknya lapangan brida bskdn upp evaluator panelis akun sosialisasi`.split(/\s+/),
);

export function readCues(question: string): QuestionCues {
  const words = normaliseWords(question);
  const joined = ` ${words.join(' ')} `;
  const definition = words.some((w) => DEFINITION_CUES.has(w)) || / apa itu /.test(joined) || / yang dimaksud /.test(joined);
  const results = words.some((w) => RESULT_WORDS.has(w)) && words.some((w) => YEAR.test(w)) && !/ (dapat|dapatkan|mendapat|memperoleh|hadiah|insentif) /.test(joined);
  const practice = words.some((w) => PRACTICE_WORDS.has(w) || YEAR.test(w));
  return { definition, results, practice };
}
