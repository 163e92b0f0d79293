/** Analysed words and their alternatives ("menyetujui|menetapkan"): letters, digits, spaces and colons. */
const PLAIN_WORD = /^[a-z0-9 :]+(?:\|[a-z0-9 :]+)*$/;
const SPACE = /\s/;
const WORD_CHAR = /\w/;

/**
 * How a normalised word was typed in the question: its first occurrence that follows another word (so
 * not the question's first word), in any letter case, ending where a word ends; "" when the question does
 * not have it as typed (it was normalised from another spelling). For "a|b", the first alternative found.
 *
 * This is `new RegExp(`(?<=\S\s+)(${word})\b`, 'i').exec(question)?.[1]`, scanned by hand: compiling a
 * pattern for every unknown word of every question cost more than all the rest of abstention.
 */
export function typedForm(word: string, question: string): string {
  if (!PLAIN_WORD.test(word)) return new RegExp(`(?<=\\S\\s+)(${word})\\b`, 'i').exec(question)?.[1] ?? '';
  const alternatives = word.split('|');
  for (let at = 2; at < question.length; at += 1) {
    if (!followsWord(question, at)) continue;
    for (const alternative of alternatives) if (typedAt(question, at, alternative)) return question.slice(at, at + alternative.length);
  }
  return '';
}

/** Whitespace ends just before `at`, and something other than whitespace comes before it. */
function followsWord(text: string, at: number): boolean {
  let i = at - 1;
  if (!SPACE.test(text[i]!)) return false;
  while (i >= 0 && SPACE.test(text[i]!)) i -= 1;
  return i >= 0;
}

/** `word` (lower case) is at `at` in any ASCII letter case, and a word ends right after it. */
function typedAt(text: string, at: number, word: string): boolean {
  const end = at + word.length;
  if (end > text.length) return false;
  for (let k = 0; k < word.length; k += 1) {
    const want = word.charCodeAt(k);
    const got = text.charCodeAt(at + k);
    if (got !== want && !(want >= 97 && want <= 122 && got === want - 32)) return false;
  }
  return WORD_CHAR.test(text[end - 1]!) !== (end < text.length && WORD_CHAR.test(text[end]!));
}
