/**
 * Indonesian numbers written as words ("enam puluh", "seratus dua puluh lima", "tiga ribu"), as people
 * type them in a chat when they do not reach for the digits.
 */

const UNITS: Readonly<Record<string, number>> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

/** Words that already carry their multiplier ("se-" = one). */
const WHOLE: Readonly<Record<string, number>> = { sepuluh: 10, sebelas: 11, seratus: 100 };

/** Words that say "how many" without digits: used to tell a result that has a figure from one that has none. */
const COUNT_WORDS = new Set([
  ...Object.keys(UNITS).filter((w) => w !== 'nol'),
  ...Object.keys(WHOLE),
  'seribu',
  'sejuta',
  'belas',
  'puluh',
  'ratus',
  'ribu',
  'juta',
  'belasan',
  'puluhan',
  'ratusan',
  'ribuan',
  'jutaan',
  'setengah',
  'separuh',
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The value of a phrase made only of number words, or undefined when any word is not one (or the words
 * do not form a number, like "dua tiga").
 */
export function parseNumberWords(text: string): number | undefined {
  const tokens = words(text);
  if (tokens.length === 0) return undefined;
  let total = 0;
  // Below a thousand: the part already scaled (chunk) and the last unit word waiting for its scale.
  let chunk = 0;
  let pending: number | undefined;
  for (const token of tokens) {
    if (token in UNITS) {
      if (pending !== undefined) return undefined;
      pending = UNITS[token]!;
    } else if (token in WHOLE) {
      if (pending !== undefined) return undefined;
      chunk += WHOLE[token]!;
    } else if (token === 'belas' || token === 'puluh' || token === 'ratus') {
      if (pending === undefined || pending === 0) return undefined;
      chunk += token === 'belas' ? pending + 10 : pending * (token === 'puluh' ? 10 : 100);
      pending = undefined;
    } else if (token === 'ribu' || token === 'seribu') {
      const thousands = token === 'seribu' ? 1 : chunk + (pending ?? 0);
      if (thousands === 0 || (token === 'seribu' && (chunk > 0 || pending !== undefined))) return undefined;
      total += thousands * 1000;
      chunk = 0;
      pending = undefined;
    } else {
      return undefined;
    }
  }
  return total + chunk + (pending ?? 0);
}

/** Whether a text states some quantity: a digit, or a number word ("tiga puluh warga", "ratusan keluarga"). */
export function hasNumber(text: string): boolean {
  return /\p{N}/u.test(text) || words(text).some((w) => COUNT_WORDS.has(w));
}
