import { FILLER_WORDS } from '../analysis/filler-words.js';
import { stemCandidates } from '../analysis/stemmer.js';
import { STOPWORDS } from '../analysis/stopwords.js';
import { WordMemo } from '../analysis/word-memo.js';

/** An everyday word, or an affixed form of one ("dijadiin" from jadi, "ditaruh" from taruh). */
export function isFiller(word: string): boolean {
  return fillerWords.get(word);
}

/** isFiller, remembered: the same question words ask it again and again. */
const fillerWords = new WordMemo((word) => {
  if (FILLER_WORDS.has(word) || STOPWORDS.has(word)) return true;
  return stemCandidates(word).some((root) => FILLER_WORDS.has(root) || STOPWORDS.has(root));
}, 50_000);
