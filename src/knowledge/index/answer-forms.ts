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

/** Where a list begins: a colon, or the verbs that open one ("meliputi", "terdiri atas", "berupa"). */
const LIST_START = /:|\b(?:meliputi|terdiri atas|terdiri dari|mencakup|berupa|antara lain)\b/i;
/** How many words before the list's start name what it lists ("memenuhi lima kriteria: a. …"). */
const LIST_HEAD_WORDS = 6;

/**
 * The words naming what a passage's list enumerates: the few words before the list starts ("Inovasi Daerah
 * harus memenuhi lima kriteria: a. …" → "… memenuhi lima kriteria"). Empty when the passage states no list.
 */
export function listHead(chunk: IndexedChunk): string {
  const own = splitCrossReferences(chunk).own;
  const at = own.search(LIST_START);
  if (at < 0) return '';
  const words = own.slice(0, at).split(/\s+/).filter(Boolean);
  return words.slice(-LIST_HEAD_WORDS).join(' ');
}
