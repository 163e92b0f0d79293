/**
 * Indonesian affix stripping that returns candidate roots instead of one guess.
 *
 * Indonesian prefixes swallow the first consonant of the root (me+terapkan → menerapkan,
 * pe+kirim → pengirim), so "menerapkan" could come from "terap" or "nerap". A dictionary decides in
 * Sastrawi-style stemmers; we have no licence-clean dictionary, so we return every plausible root and let
 * a lexicon (words seen in the indexed corpus plus a few roots) pick the attested ones. Both index and
 * query go through the same function, so a shared candidate is enough to match.
 */
import { WordMemo } from './word-memo.js';

// Not the archaic "-tah" (apatah): common words end in those letters (pemerintah, perintah, entah), and
// stripping it made "pemerintah" a word of the root "per".
const PARTICLES = ['lah', 'kah', 'pun'];
const POSSESSIVES = ['nya', 'ku', 'mu'];
// 'in' is the colloquial -kan ("ngusulin", "nyediain").
const SUFFIXES = ['kan', 'an', 'i', 'in'];
const VOWEL = /^[aeiou]/;
const MIN_ROOT = 3;

/**
 * Strips particles and possessive pronouns, which never change the root ("waktunya" → waktu,
 * "sahnya" → sah). A root keeps at least three letters, four before "-ku"/"-mu", which end real words.
 */
export function stripInflection(word: string): string {
  let w = word;
  for (const p of PARTICLES) {
    if (w.endsWith(p) && w.length - p.length >= 4) {
      w = w.slice(0, -p.length);
      break;
    }
  }
  for (const p of POSSESSIVES) {
    if (w.endsWith(p) && w.length - p.length >= (p === 'nya' ? 3 : 4)) {
      w = w.slice(0, -p.length);
      break;
    }
  }
  return w;
}

/** Root candidates after removing one derivational prefix layer from `w`. */
function prefixCandidates(w: string): string[] {
  const out: string[] = [];
  const push = (root: string) => {
    if (root.length >= MIN_ROOT) out.push(root);
  };
  // Order matters only for readability; every matching rule contributes candidates.
  if (w.startsWith('di') || w.startsWith('ke') || w.startsWith('se')) push(w.slice(2));
  if (w.startsWith('ter')) push(w.slice(3));
  if (w.startsWith('ber')) push(w.slice(3));
  if (w.startsWith('bel') && w.startsWith('belajar')) push(w.slice(3));
  if (w.startsWith('be') && !w.startsWith('ber') && /^be[^aeiour]er/.test(w)) push(w.slice(2)); // bekerja
  if (w.startsWith('per')) push(w.slice(3));
  for (const pre of ['me', 'pe']) {
    if (!w.startsWith(pre)) continue;
    const rest = w.slice(2);
    if (rest.startsWith('ny') && VOWEL.test(rest.slice(2))) push('s' + rest.slice(2));
    else if (rest.startsWith('ng')) {
      const r = rest.slice(2);
      if (VOWEL.test(r)) {
        push(r);
        push('k' + r);
        // menge-/penge- before a one-syllable root: mengecek, pengebom.
        if (r.startsWith('e') && !VOWEL.test(r.slice(1))) push(r.slice(1));
      } else push(r);
    } else if (rest.startsWith('n')) {
      const r = rest.slice(1);
      if (VOWEL.test(r)) {
        push('t' + r);
        push('n' + r);
      } else if (/^[cdjsz]/.test(r)) push(r);
      else push(rest);
    } else if (rest.startsWith('m')) {
      const r = rest.slice(1);
      if (VOWEL.test(r)) {
        push('p' + r);
        push('m' + r);
      } else if (/^[bfpv]/.test(r)) push(r);
      else push(rest);
    } else if (/^[lrwy]/.test(rest)) {
      push(rest); // melapor, merawat, pelapor
    } else if (pre === 'pe') {
      push(rest); // pekerja, petani
    }
  }
  // Colloquial active verbs drop "me-" but keep the nasal: ngusul, nyusun, ngecek, nunggu, mutusin.
  if (w.startsWith('ny') && VOWEL.test(w.slice(2))) push('s' + w.slice(2));
  else if (w.startsWith('ng') && VOWEL.test(w.slice(2))) {
    // As with menge-: ngelola is (k)elola, ngecek is cek; the corpus decides which.
    const r = w.slice(2);
    push(r);
    push('k' + r);
    if (r.startsWith('e') && !VOWEL.test(r.slice(1))) push(r.slice(1));
  } else if (w.startsWith('n') && VOWEL.test(w.slice(1))) push('t' + w.slice(1));
  else if (w.startsWith('m') && VOWEL.test(w.slice(1)) && !w.startsWith('me')) push('p' + w.slice(1));
  return out;
}

/**
 * All plausible roots of a word (without the word itself), up to two prefix layers deep
 * ("diperkenalkan" → kenal). Words shorter than 5 letters are returned as they are.
 */
export function stemCandidates(word: string): string[] {
  if (word.length < 5 || /\d/.test(word)) return [];
  const base = stripInflection(word);
  const forms = new Set<string>();
  if (base !== word) forms.add(base);
  // What looks like a particle or a possessive may end the root itself: berjumlah is ber+jumlah, not
  // berjum+lah; bertanya ber+tanya; bertemu ber+temu. Both readings are offered; the corpus picks.
  const unsuffixed = base === word ? [base] : [base, word];
  // "-kan" may leave a three-letter root ("ajukan" → aju, "isikan" → isi); "-an" and "-i" end too many
  // short words ("bulan", "kami") to be stripped below four letters.
  for (const s of SUFFIXES) {
    if (base.endsWith(s) && base.length - s.length >= (s === 'kan' ? MIN_ROOT : 4)) unsuffixed.push(base.slice(0, -s.length));
  }
  // "-kan" ends in "-an": keep both readings (ditetapkan → tetap; tujuan → tuju).
  for (const u of unsuffixed) {
    if (u !== word) forms.add(u);
    for (const r1 of prefixCandidates(u)) {
      forms.add(r1);
      for (const r2 of prefixCandidates(r1)) forms.add(r2);
    }
  }
  forms.delete(word);
  return [...forms].filter((f) => f.length >= MIN_ROOT);
}

// The colloquial "e" of a closing syllable where the standard word has "a": pinjem → pinjam, dateng →
// datang, bener → benar, seneng → senang.
const COLLOQUIAL_E_RE = /^(.*[^aeiou])e([^aeiouy]{1,2})$/;

/**
 * Standard spellings a chat word may stand for, with its affixes and without: "minjemnya" → pinjam,
 * "ngembaliin" stays as stemCandidates reads it. Only for a word the corpus does not know; which of these
 * is a real word is for the caller's vocabulary to say.
 */
export function colloquialForms(word: string): string[] {
  const out = new Set<string>();
  for (const form of [word, ...stemCandidates(word)]) {
    const m = COLLOQUIAL_E_RE.exec(form);
    if (m && form.length >= 4) out.add(`${m[1]}a${m[2]}`);
  }
  return [...out];
}

/** A stem table as saved: roots and their support (same order), and the vocabulary. */
export interface StemTableParts {
  roots: string[];
  support: Uint32Array;
  words: string[];
}

/**
 * Which candidate roots to index for a word, decided by the corpus: a root that many different words of
 * the corpus lead to (penerapan, diterapkan, menerapkan → terap) is real; a by-product of stripping one
 * word (terapan → apan) is not. Built once per index from its vocabulary, used for index and query alike.
 */
export class StemTable {
  private readonly support = new Map<string, number>();
  private readonly words = new Set<string>();
  private readonly chosen = new WordMemo((word) => this.choose(word));

  constructor(vocabulary: Iterable<string>) {
    for (const word of vocabulary) this.learn(word);
  }

  /** The table of a vocabulary, learnt a word at a time (a large corpus has tens of thousands). */
  static *learning(vocabulary: Iterable<string>): Generator<void, StemTable, void> {
    const table = new StemTable([]);
    let i = 0;
    for (const word of vocabulary) {
      table.learn(word);
      if ((i++ & 255) === 255) yield;
    }
    return table;
  }

  private learn(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    this.bump(word);
    for (const c of stemCandidates(word)) this.bump(c);
  }

  private bump(root: string): void {
    this.support.set(root, (this.support.get(root) ?? 0) + 1);
  }

  /** Support of a root; a root that also occurs as a word of its own wins ties (tujuan over tuju). */
  private score(root: string): number {
    return (this.support.get(root) ?? 0) + (this.words.has(root) ? 0.5 : 0);
  }

  /** Roots to index for `word`: its best-supported candidates (ties kept), never the word itself. */
  stems(word: string): readonly string[] {
    return this.chosen.get(word);
  }

  private choose(word: string): readonly string[] {
    let best = 1.5; // a root seen from a single word is no evidence
    let chosen: string[] = [];
    for (const c of stemCandidates(word)) {
      const n = this.score(c);
      if (n > best) {
        best = n;
        chosen = [c];
      } else if (n === best) chosen.push(c);
    }
    // If the word is itself at least as well supported as any candidate, it is the root.
    if (this.score(word) >= best) return [];
    // Of tied candidates keep the least stripped: kembang, not its by-product mbang.
    return chosen.filter((c) => !chosen.some((other) => other !== c && other.endsWith(c)));
  }

  /** Serialisable form, stored with the index so queries see the same table. */
  toJSON(): { support: Array<[string, number]>; words: string[] } {
    return { support: [...this.support.entries()], words: [...this.words] };
  }

  static fromJSON(data: { support: Array<[string, number]>; words: string[] }): StemTable {
    const table = new StemTable([]);
    for (const [root, n] of data.support) table.support.set(root, n);
    for (const w of data.words) table.words.add(w);
    return table;
  }

  /** The words learnt, in the order learnt: the vocabulary, for the typo-tolerant index too. */
  vocabulary(): ReadonlySet<string> {
    return this.words;
  }

  /** Compact form for the saved index: roots with their support, and the vocabulary. */
  toParts(): StemTableParts {
    return { roots: [...this.support.keys()], support: Uint32Array.from(this.support.values()), words: [...this.words] };
  }

  static *fromParts(parts: StemTableParts): Generator<void, StemTable, void> {
    const table = new StemTable([]);
    for (let i = 0; i < parts.roots.length; i += 1) {
      table.support.set(parts.roots[i]!, parts.support[i]!);
      if ((i & 8191) === 8191) yield;
    }
    for (let i = 0; i < parts.words.length; i += 1) {
      table.words.add(parts.words[i]!);
      if ((i & 8191) === 8191) yield;
    }
    return table;
  }
}
