/** Words that open a question in Indonesian, including chat spellings (input vocabulary, not messages). */
const QUESTION_START_RE =
  /^(?:apa|apakah|bagaimana|bagaimanakah|gimana|gmn|bgmn|berapa|berapakah|brp|siapa|siapakah|kapan|kapankah|mengapa|kenapa|knp|dimana|di\s+mana|bolehkah|bisakah)(?![\p{L}\p{N}])/iu;

/** A short message ending in "?" reads as a question to Pandu, not as a line of the answer. */
const SHORT_QUESTION_CHARS = 120;

/**
 * True when a message sent in the middle of a section clearly looks like a question to Pandu ("ini diisi
 * apa?", "Bagaimana kalau belum ada anggarannya?"). The wizard answers it instead of saving it, and offers
 * a button to save it after all, so nothing the user writes is lost; such a line is never a draft's title.
 * A long paragraph that merely ends with a rhetorical question is an answer, unless it opens with a
 * question word.
 */
export function looksLikeQuestion(text: string): boolean {
  const clean = text.trim();
  if (!clean.endsWith('?')) return false;
  return clean.length <= SHORT_QUESTION_CHARS || QUESTION_START_RE.test(clean);
}

/** True when a message opens with a question word ("apa bedanya uji coba dan penerapan"), with or without "?". */
export function opensWithQuestionWord(text: string): boolean {
  return QUESTION_START_RE.test(text.trim());
}
