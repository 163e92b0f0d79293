import { createHash } from 'node:crypto';
import { ABBREVIATIONS, CONCEPTS } from './concepts.js';
import { extractLegalRefs } from './legal-refs.js';
import { ENGLISH } from './english.js';
import { SLANG } from './slang.js';
import { stemCandidates, stripInflection, type StemTable } from './stemmer.js';
import { STOPWORDS } from './stopwords.js';
import { WordMemo } from './word-memo.js';

/**
 * One unit of meaning in a text with the index tokens that stand for it: the surface word, its corpus-
 * attested roots, a concept it belongs to, or a legal reference. Scoring takes the best-matching variant
 * per group, so a word that expands to three tokens does not count three times.
 */
export interface TermGroup {
  surface: string;
  kind: 'word' | 'concept' | 'legal' | 'pair';
  variants: string[];
}

/** Bump when the analysis rules change in code; the word lists are hashed in automatically. */
const ANALYZER_VERSION = 25;

/**
 * Longer "words" are dropped: no Indonesian word is this long, so such a token is a pasted blob (base64,
 * a hash, a run of letters) that could never match, and would only slow every later step of analysis.
 */
const MAX_WORD_LENGTH = 40;

/** Identifies how text is analysed, for anything stored that depends on it (saved vectors). */
export const ANALYZER_FINGERPRINT = `a${ANALYZER_VERSION}-${createHash('sha256')
  .update(JSON.stringify([CONCEPTS, SLANG, ENGLISH, [...STOPWORDS], [...ABBREVIATIONS]]))
  .digest('hex')
  .slice(0, 10)}`;

const MAX_PHRASE = 6;
/** Prepositions that give the next word a role; "ke" is "kepada", chat "sama" after a passive verb is "oleh". */
const ROLE_WORDS: ReadonlyMap<string, string> = new Map([
  ['dari', 'dari'],
  ['kepada', 'kepada'],
  ['ke', 'kepada'],
  ['oleh', 'oleh'],
  ['melalui', 'melalui'],
]);
/** Words between a preposition and what it governs ("kepada kepala …" keeps "kepala"). */
const ROLE_SKIP: ReadonlySet<string> = new Set(['para', 'sang', 'pihak', 'yang']);
/**
 * Phrase → concept. A word reaches a concept as written or through one of its roots being a phrase ("niru"
 * → tiru), never through a root of a phrase: stripping a listed word's affixes leaves a different word as
 * often as the same one (kementerian → menteri, ketentuan → tentu, keberhasilan → hasil, sampaikan →
 * sampai, dihukum → hukum), and the concept then joined words of different meaning. A concept that is
 * wanted for another form of a word lists that form.
 */
const phraseToConcept = new Map<string, string>();
/**
 * Per first word of a phrase of several words, the most words such a phrase has: a position whose word
 * starts none is tried as one word only, instead of as every phrase of up to MAX_PHRASE words.
 */
const phraseLengths = new Map<string, number>();
for (const [concept, phrases] of Object.entries(CONCEPTS)) {
  for (const phrase of phrases) {
    phraseToConcept.set(phrase, `c:${concept}`);
    const words = phrase.split(' ');
    if (words.length > 1) phraseLengths.set(words[0]!, Math.max(phraseLengths.get(words[0]!) ?? 0, words.length));
  }
}

/** The concept of a single word (remembered: every word of every indexed text asks). */
const conceptOfWord = new WordMemo(findConceptOfWord);

/** The concept of a single word: as written, or through one of its possible roots. */
function findConceptOfWord(word: string): string | undefined {
  const direct = phraseToConcept.get(word);
  if (direct) return direct;
  for (const root of stemCandidates(word)) {
    if (ABBREVIATIONS.has(root)) continue;
    const viaRoot = phraseToConcept.get(root);
    if (viaRoot) return viaRoot;
  }
  return undefined;
}

/** Parts of the analysis that can be switched off, so the evaluation can measure what each one adds. */
export interface AnalyzerOptions {
  /** Chat spelling → standard words (slang.ts). */
  slang: boolean;
  /** English words of code-mixed questions → the regulations' Indonesian (english.ts). */
  english: boolean;
  /** Corpus-attested roots of affixed words (stemmer.ts). */
  stems: boolean;
  /** Synonym and acronym concepts (concepts.ts). */
  concepts: boolean;
  /** Regulation and article references as tokens (legal-refs.ts). */
  legal: boolean;
  /** Pairs of neighbouring content words ("isi proposal"), which reward phrases over scattered words. */
  pairs: boolean;
}

export const FULL_ANALYSIS: AnalyzerOptions = { slang: true, english: true, stems: true, concepts: true, legal: true, pairs: true };

/**
 * The Indonesian analyzer shared by the index, the query and the local embedder: normalisation and chat
 * spelling, stop-words, affix-aware roots plus the unstemmed word, concepts for acronyms and synonyms, and
 * legal references kept whole.
 */
export class Analyzer {
  constructor(
    readonly stemTable: StemTable,
    readonly options: AnalyzerOptions = FULL_ANALYSIS,
  ) {}

  private readonly formalForms = new WordMemo((word) => this.findFormal(word), 50_000);

  /**
   * The standard form of a colloquial verb, when the corpus or a concept uses that form and not the
   * colloquial one: chat drops "me-" but keeps its nasal and says "-in" for "-kan" ("ngajak" is
   * "mengajak", "nunggu" "menunggu", "mastiin" "memastikan", "diajuin" "diajukan"). A word the corpus uses
   * itself, or that has no such standard form, stays as typed. Only with chat spelling on.
   */
  formal(word: string): string {
    return this.options.slang ? this.formalForms.get(word) : word;
  }

  private findFormal(word: string): string {
    if (word.length < 4 || STOPWORDS.has(word) || /\d/.test(word)) return word;
    const vocabulary = this.stemTable.vocabulary();
    if (vocabulary.has(word) || phraseToConcept.has(word)) return word;
    const kan = word.endsWith('in') && word.length >= 6 ? `${word.slice(0, -2)}kan` : undefined;
    const nasal = /^(ng|ny|n|m)[aeiou]/.test(word) && !word.startsWith('me');
    const candidates = [...(nasal ? [`me${word}`] : []), ...(kan ? [kan, ...(nasal ? [`me${kan}`] : [])] : [])];
    return candidates.find((c) => vocabulary.has(c) || phraseToConcept.has(c)) ?? word;
  }

  /** The words with colloquial verbs in their standard form (see formal). */
  private formalWords(words: readonly string[]): readonly string[] {
    if (!this.options.slang) return words;
    let out: string[] | undefined;
    words.forEach((w, i) => {
      const f = this.formal(w);
      if (f === w) return;
      out ??= [...words];
      out[i] = f;
    });
    return out ?? words;
  }

  private roots(word: string): readonly string[] {
    return this.options.stems ? this.stemTable.stems(word) : [];
  }

  /** The index token of two content words in a row, as a text containing them is indexed. */
  pairToken(first: string, second: string): string {
    return `p:${this.pairForm(first)}_${this.pairForm(second)}`;
  }

  /** One canonical form per word for pairs: its first root, or the word itself (the first of alternatives). */
  private pairForm(word: string): string {
    const bar = word.indexOf('|');
    const first = bar < 0 ? word : word.slice(0, bar);
    return this.roots(first)[0] ?? first;
  }

  /** Index tokens standing for one word: the word and its roots; each alternative of "a|b" with its roots. */
  private wordVariants(word: string): string[] {
    if (!word.includes('|')) return [word, ...this.roots(word)];
    return [...new Set(word.split('|').flatMap((w) => [w, ...this.roots(w)]))];
  }

  private pairsOf(words: readonly string[]): string[] {
    if (!this.options.pairs) return [];
    const content = words.filter(isContentWord).map((w) => this.pairForm(w));
    const out: string[] = [];
    for (let i = 0; i + 1 < content.length; i += 1) out.push(`p:${content[i]}_${content[i + 1]}`);
    return [...out, ...this.rolesOf(words)];
  }

  /**
   * What a preposition says about the word after it: "usulan dari OPD" (the source) is not "disampaikan
   * kepada kepala Perangkat Daerah" (the recipient), though both name Perangkat Daerah. Each "dari X",
   * "kepada X", "oleh X", "melalui X" becomes a token of the role and X (its concept, or its root).
   */
  private rolesOf(words: readonly string[]): string[] {
    const out: string[] = [];
    words.forEach((w, i) => {
      const role = ROLE_WORDS.get(w);
      if (!role) return;
      let j = i + 1;
      while (j < words.length && ROLE_SKIP.has(words[j]!)) j += 1;
      if (j >= words.length || !isContentWord(words[j]!)) return;
      const concept = this.options.concepts ? conceptsOf(words.slice(j, j + MAX_PHRASE))[0] : undefined;
      const target = concept && words.slice(j).join(' ').startsWith(concept.phrase) ? concept.concept : this.pairForm(words[j]!);
      out.push(`r:${role}:${target}`);
    });
    return out;
  }

  /** Term groups of a question (or any text), in order: words, then concepts, then legal references. */
  analyze(text: string): TermGroup[] {
    return this.analyzeWords(normaliseWords(text, this.options.slang, this.options.english));
  }

  /** analyze, for a text already normalised the way this analyzer's options read it. */
  analyzeWords(typed: readonly string[]): TermGroup[] {
    const words = this.formalWords(typed);
    const groups: TermGroup[] = [];
    const seen = new Set<string>();
    for (const w of words) {
      if (!isContentWord(w) || seen.has(w)) continue;
      seen.add(w);
      groups.push({ surface: w, kind: 'word', variants: this.wordVariants(w) });
    }
    if (this.options.concepts) {
      for (const { concept, phrase } of conceptsOf(words)) {
        if (seen.has(concept)) continue;
        seen.add(concept);
        // A one-word concept ("kabupaten", "dana") is another way to match that word, not a second
        // word: it joins the word's group, so the word does not count twice.
        const word = groups.find((g) => g.kind === 'word' && g.surface === phrase);
        if (word) word.variants.push(concept);
        else groups.push({ surface: phrase, kind: 'concept', variants: [concept] });
      }
    }
    if (this.options.legal) {
      const refs = extractLegalRefs(words.join(' '));
      for (const token of [...refs.regulations, ...refs.pasal, ...refs.qualified]) {
        if (seen.has(token)) continue;
        seen.add(token);
        groups.push({ surface: token, kind: 'legal', variants: [token] });
      }
    }
    for (const pair of this.pairsOf(words)) {
      if (seen.has(pair)) continue;
      seen.add(pair);
      groups.push({ surface: pair, kind: 'pair', variants: [pair] });
    }
    return groups;
  }

  /** Flat index tokens of a text, with repetition (term frequency matters for documents). */
  indexTokens(text: string): string[] {
    const words = this.formalWords(normaliseWords(text, this.options.slang, this.options.english));
    const tokens: string[] = [];
    for (const w of words) {
      if (!isContentWord(w)) continue;
      tokens.push(...this.wordVariants(w));
    }
    if (this.options.concepts) for (const { concept } of conceptsOf(words)) tokens.push(concept);
    if (this.options.legal) {
      const refs = extractLegalRefs(words.join(' '));
      tokens.push(...refs.regulations, ...refs.pasal, ...refs.qualified);
    }
    tokens.push(...this.pairsOf(words));
    return tokens;
  }
}

/**
 * The reduplication shorthand of chat, "kira2", "syarat2nya", "jalan2an": the word once, with its suffix
 * ("syaratnya"). A plural says nothing a search needs.
 */
const REDUPLICATED = /^([a-z]{2,})2(nya|an|kan|lah|kah|pun)?$/;

/** Any character outside ASCII: text without one has no accents to strip and normalises by case and splitting alone. */
export const NON_ASCII = /[\u0080-\uffff]/;

// Looked up as maps, not as object properties: a word like "constructor" must not find Object.prototype's.
const SLANG_WORDS: ReadonlyMap<string, string> = new Map(Object.entries(SLANG));
const ENGLISH_WORDS: ReadonlyMap<string, string> = new Map(Object.entries(ENGLISH));

/**
 * Lower-case, strip accents and punctuation, expand chat spelling, read English words as their Indonesian
 * counterparts, drop overlong tokens; keeps stop-words (phrases need them).
 */
export function normaliseWords(text: string, slang = true, english = slang): string[] {
  // Plain ASCII, as nearly every question is, has no accents to strip.
  const plain = NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  // A word typed in capitals is an acronym, not chat spelling: "SPT" is a tax return, "spt" is "seperti".
  const acronyms = new Set((plain.match(/\b[A-Z]{2,6}\b/g) ?? []).map((w) => w.toLowerCase()));
  const lower = plain.toLowerCase();
  // "ibu kota" is a capital city, not a polite "ibu" (a stop-word) followed by "kota"; "terima kasih" is
  // thanks, not chat "kasih" (give).
  const words = lower.replace(/\bibu\s+kota\b/g, 'ibukota').replace(/\bterima\s+kasih\b/g, 'terimakasih').match(/[a-z0-9]+/g) ?? [];
  const out: string[] = [];
  for (const typed of words) {
    if (typed.length > MAX_WORD_LENGTH) continue;
    // The word once before any look-up: "yg2" is "yg", which chat spelling then reads as "yang".
    // Tested only on a word with a "2" in it: the pattern ran on every word of every text an index reads.
    const word = (typed.includes('2') ? REDUPLICATED.exec(typed)?.slice(1).join('') : undefined) ?? typed;
    const translated = english && (!SLANG_WORDS.get(word) || acronyms.has(word)) ? ENGLISH_WORDS.get(word) : undefined;
    if (translated !== undefined) {
      if (translated) out.push(...translated.split(' '));
      continue;
    }
    const w = word;
    const expanded = slang && !acronyms.has(w) ? SLANG_WORDS.get(w) : undefined;
    // One more lookup: "lwt" → "lewat" → "melalui".
    if (expanded) out.push(...expanded.split(' ').map((x) => (x !== w && SLANG_WORDS.get(x) && !SLANG_WORDS.get(x)!.includes(' ') ? SLANG_WORDS.get(x)! : x)));
    else out.push(w);
  }
  return out;
}

/** Concept tokens for the phrases in a word sequence, longest phrase first, each word used once. */
export function conceptsOf(words: readonly string[]): Array<{ concept: string; phrase: string }> {
  const found: Array<{ concept: string; phrase: string }> = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let len = Math.min(MAX_PHRASE, words.length - i, Math.max(1, phraseLengths.get(words[i]!) ?? 1)); len >= 1; len -= 1) {
      const phrase = len === 1 ? words[i]! : words.slice(i, i + len).join(' ');
      // "batas waktunya" is "batas waktu": a phrase's last word may carry -nya or a particle.
      const concept =
        len === 1
          ? STOPWORDS.has(phrase)
            ? phraseToConcept.get(phrase)
            : conceptOfWord.get(phrase)
          : (phraseToConcept.get(phrase) ?? phraseToConcept.get([...words.slice(i, i + len - 1), stripInflection(words[i + len - 1]!)].join(' ')));
      if (concept) {
        found.push({ concept, phrase });
        matched = len;
        break;
      }
    }
    i += matched || 1;
  }
  return found;
}

export function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word) && (word.length > 1 || /\d/.test(word));
}

/** Surface content words of a text, used to build the vocabulary the stem table learns from. */
export function vocabularyOf(text: string): string[] {
  return normaliseWords(text).filter(isContentWord);
}
