import { STOPWORDS } from '../analysis/stopwords.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import { prepareQuery } from './query-groups.js';

/** An acronym as people type it: three to six capitals standing alone ("PAD", "LHP", "PKPT-nya"). */
const TYPED_ACRONYM_RE = /(?<![\p{L}\p{N}])(\p{Lu}{3,6})(?![\p{L}\p{N}])/gu;

/** Passages about the rest of the question whose text is searched for the acronym's phrase. */
const CONTEXT_PASSAGES = 20;

/**
 * The word a phrase of four initials or more may hold between them ("Anggaran Pendapatan dan Belanja
 * Daerah"); in a shorter one it joined clauses ("penerapan inovasi serta mengusulkan" for PIM).
 */
const JOINING_WORD = 'dan';
const JOINED_FROM = 4;

/** Words of a regulation's structure: "Pasal anggota DPRD" is a heading running into text, not a name. */
const STRUCTURE_WORDS = new Set(['pasal', 'ayat', 'huruf', 'angka', 'bab', 'bagian', 'paragraf', 'penjelasan', 'lampiran']);

/** An acronym as typed, and the phrase of the knowledge base it was read as. */
export interface SpelledOut {
  acronym: string;
  phrase: string;
}

/**
 * Acronyms the knowledge base never writes, read as the phrase whose initials they are, where the passages
 * about the rest of the question hold such a phrase: "PAD itu sumbernya dari mana" finds "pendapatan asli
 * Daerah" in the articles on a region's sources of revenue, "LHP BPK" finds "laporan hasil pemeriksaan" and
 * "Badan Pemeriksa Keuangan" in the articles on audit findings. People abbreviate what a regulation writes
 * out (and a regulation defines only some of its own abbreviations), so an unknown acronym otherwise
 * matched nothing, or a typo correction ("pad" → "pada"), and counted against the question in abstention.
 * An acronym the base knows (as a word or through a concept: OPD, APBD, BUMD) is left as it is, and so is
 * one no nearby passage spells out (an outside system's name stays unknown). A message typed in capitals
 * holds no acronyms to read: its "GAJI" is a word the base lacks.
 *
 * Costs one BM25 search of the rest of the question, only when an unknown acronym was typed. Returns the
 * question with each acronym replaced by its phrase, and what was replaced.
 */
export function spellOutAcronyms(question: string, index: KnowledgeIndex): { text: string; spelledOut: SpelledOut[] } | undefined {
  const typed = new Set([...question.matchAll(TYPED_ACRONYM_RE)].map((m) => m[1]!));
  if (typed.size === 0 || typedInCapitals(question)) return undefined;
  const unknown = [...typed].filter((acronym) => !STOPWORDS.has(acronym.toLowerCase()) && !knows(index, acronym.toLowerCase()));
  if (unknown.length === 0) return undefined;
  const rest = prepareQuery(unknown.reduce((text, acronym) => text.replace(standingAlone(acronym), ' '), question), index).groups;
  if (rest.length === 0) return undefined;
  const passages = index.bm25.search(rest, CONTEXT_PASSAGES).map((hit) => runsOf(index.chunks[hit.doc]!.text));
  const spelledOut: SpelledOut[] = [];
  let text = question;
  for (const acronym of unknown) {
    const phrase = commonestPhrase(acronym.toLowerCase(), passages, (words) => runsElsewhere(index, words));
    if (!phrase) continue;
    spelledOut.push({ acronym, phrase });
    text = text.replace(standingAlone(acronym), phrase);
  }
  return spelledOut.length > 0 ? { text, spelledOut } : undefined;
}

/** Most of the message's words written in capitals (caps lock), not a few acronyms among ordinary words. */
function typedInCapitals(question: string): boolean {
  const words = question.match(/\p{L}{2,}/gu) ?? [];
  return words.filter((w) => w === w.toUpperCase()).length * 2 > words.length;
}

/** Whether each two words of a phrase in a row are found together in at least two passages of the base. */
function runsElsewhere(index: KnowledgeIndex, words: readonly string[]): boolean {
  if (!index.analyzer.options.pairs) return false;
  for (let i = 1; i < words.length; i += 1) {
    if (index.bm25.docFreq(index.analyzer.pairToken(words[i - 1]!, words[i]!)) < 2) return false;
  }
  return true;
}

/** Every place the acronym stands alone in a text. */
function standingAlone(acronym: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'gu');
}

/** Whether the base has the word itself, its root, or a concept it names. */
function knows(index: KnowledgeIndex, word: string): boolean {
  return index.analyzer.analyzeWords([word]).some((group) => group.kind === 'concept' || group.variants.some((t) => index.bm25.has(t)));
}

/** A passage's runs of words between punctuation: a phrase never spans a comma ("tahap penjaringan, pengukuran"). */
function runsOf(text: string): Run[] {
  return text
    .split(/[^\p{L}\p{N}\s'-]+/u)
    .map((part) => part.match(/\p{L}+/gu) ?? [])
    .filter((words) => words.length > 0)
    .map((words) => ({ words: words.map((w) => w.toLowerCase()), capitalised: words.map((w) => w[0] !== w[0]!.toLowerCase()) }));
}

interface Run {
  words: string[];
  /** Per word: written with a capital (a name's words are: "Badan Pemeriksa Keuangan"). */
  capitalised: boolean[];
}

/**
 * The phrase (as the passages write it, lower case) whose words' initials spell the acronym, found most
 * often in the passages; the first found wins a tie (the passages come best first). A phrase counts when
 * it is found twice, or written as a name (each of its words capitalised), or when its words follow each
 * other in other passages of the base too (`elsewhere`): once, in lower case, words that merely follow each
 * other ("pelaksanaan tugas") spell many an acronym.
 */
function commonestPhrase(acronym: string, passages: readonly Run[][], elsewhere: (words: string[]) => boolean): string | undefined {
  const counts = new Map<string, { count: number; named: boolean }>();
  for (const runs of passages) {
    for (const run of runs) {
      for (let start = 0; start < run.words.length; start += 1) {
        const found = phraseAt(run, start, acronym);
        if (!found) continue;
        const seen = counts.get(found.phrase) ?? { count: 0, named: false };
        seen.count += 1;
        seen.named ||= found.named;
        counts.set(found.phrase, seen);
      }
    }
  }
  let best: string | undefined;
  let most = 0;
  for (const [phrase, { count, named }] of counts) {
    if (count > most && (count >= 2 || named || elsewhere(phrase.split(' ').filter((w) => w !== JOINING_WORD)))) {
      best = phrase;
      most = count;
    }
  }
  return best;
}

/** The phrase starting at `start` whose naming words begin with the acronym's letters, in order. */
function phraseAt(run: Run, start: number, acronym: string): { phrase: string; named: boolean } | undefined {
  const taken: string[] = [];
  let named = true;
  let letter = 0;
  for (let at = start; at < run.words.length && letter < acronym.length; at += 1) {
    const word = run.words[at]!;
    if (letter > 0 && word === JOINING_WORD && acronym.length >= JOINED_FROM) {
      taken.push(word);
      continue;
    }
    if (word.length < 3 || word[0] !== acronym[letter] || STOPWORDS.has(word) || STRUCTURE_WORDS.has(word)) return undefined;
    taken.push(word);
    named &&= run.capitalised[at]!;
    letter += 1;
  }
  return letter === acronym.length ? { phrase: taken.join(' '), named } : undefined;
}
