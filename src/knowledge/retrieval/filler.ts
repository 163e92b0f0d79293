import { FILLER_WORDS } from '../analysis/filler-words.js';
import { stemCandidates } from '../analysis/stemmer.js';
import { STOPWORDS } from '../analysis/stopwords.js';
import { WordMemo } from '../analysis/word-memo.js';
import { backgroundCount } from './domain-specificity.js';

/** An everyday word, or an affixed form of one ("dijadiin" from jadi, "ditaruh" from taruh). */
export function isFiller(word: string): boolean {
  return fillerWords.get(word);
}

/** isFiller, remembered: the same question words ask it again and again. */
const fillerWords = new WordMemo((word) => {
  if (FILLER_WORDS.has(word) || STOPWORDS.has(word)) return true;
  if (stemCandidates(word).some((root) => FILLER_WORDS.has(root) || STOPWORDS.has(root))) return true;
  return mistypedFiller().has(word);
}, 50_000);

/** Everyday words this long or longer are recognised with a slip of the thumb ("sndiri", "seharusnyaa"). */
const MISTYPED_FROM = 5;

let mistyped: ReadonlySet<string> | undefined;

/**
 * The everyday and function words as phones mistype them: a vowel left out ("sndiri", "bgaimana"), a
 * letter doubled ("sendirii") or two neighbours swapped ("sedniri"). Such a slip of an everyday word is
 * still an everyday word, not a subject the base lacks. Only these three slips, and only of longer
 * words: they seldom turn one real word into another, where any one-letter change often does.
 */
function mistypedFiller(): ReadonlySet<string> {
  if (mistyped) return mistyped;
  const out = new Set<string>();
  for (const word of [...FILLER_WORDS, ...STOPWORDS]) {
    if (word.length < MISTYPED_FROM || !/^[a-z]+$/.test(word)) continue;
    for (let i = 0; i < word.length; i += 1) {
      if ('aeiou'.includes(word[i]!)) out.add(word.slice(0, i) + word.slice(i + 1));
      out.add(word.slice(0, i + 1) + word[i] + word.slice(i + 1));
      if (i + 1 < word.length && word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
  }
  // A slip that happens to spell another everyday word is that word, already handled above; one that
  // spells a word government text uses ("darah" from daerah, "saing" as in daya saing) is that word.
  for (const word of [...FILLER_WORDS, ...STOPWORDS]) out.delete(word);
  for (const word of out) if (backgroundCount(word) > 0) out.delete(word);
  mistyped = out;
  return out;
}
