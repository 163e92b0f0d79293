import { splitCrossReferences, type IndexedChunk } from './indexed-chunk.js';

/** The shape of what a passage states, to meet questions that ask for that shape. */
export interface AnswerForm {
  /** An enumeration ("meliputi: a. … b. …", or three items after a colon). */
  list: boolean;
  /** A period of time ("paling lama 10 (sepuluh) hari kerja", "6 bulan"). */
  duration: boolean;
  /** A prohibition or an obligation ("dilarang", "tidak dapat", "wajib"): what a "boleh gak?" question asks. */
  modal: boolean;
  /**
   * The legal instrument something is set by ("ditetapkan dengan Perda atau Perkada", "diatur dengan
   * peraturan pemerintah"): what a question asks by "ditetapkan dengan apa", "aturannya pakai apa".
   */
  instrument: boolean;
}

const LABELS_RE = /(?:^|[\s:;,])(?:[a-h]|\d{1,2})[.)]\s+\S/g;
const COLON_LIST_RE = /:\s*[^.:]+[,;][^.:]+[,;][^.:]+/;
const DURATION_RE = /\b\d+\s*(?:\([a-z ]+\)\s*)?(?:hari|bulan|tahun|minggu|jam)\b/i;
const MODAL_RE = /\b(?:dilarang|larangan|tidak dapat|tidak boleh|tidak diperbolehkan|wajib|diwajibkan|harus)\b/i;

const INSTRUMENT_RE =
  /\b(?:ditetapkan|diatur|dituangkan|diberlakukan)\s+(?:lebih lanjut\s+)?(?:dengan|dalam)\s+(?:perda|perkada|peraturan|keputusan|undang|pp\b|permen|perpres)/i;

export function answerForm(chunk: IndexedChunk): AnswerForm {
  // Sentences sending the reader to another article state that article's shape, not this one's.
  const text = splitCrossReferences(chunk).own;
  const labels = text.match(LABELS_RE)?.length ?? 0;
  return {
    list: labels >= 2 || COLON_LIST_RE.test(text),
    duration: DURATION_RE.test(text),
    modal: MODAL_RE.test(text),
    instrument: INSTRUMENT_RE.test(text),
  };
}
