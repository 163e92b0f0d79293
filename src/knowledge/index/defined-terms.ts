import type { Analyzer } from '../analysis/analyzer.js';
import type { IndexedChunk } from './indexed-chunk.js';

// "Diskresi adalah …", "Aparat Pengawas Internal Pemerintah yang selanjutnya disingkat APIP adalah …",
// "Daerah, atau Daerah Otonom, adalah …": the defined term opens a definition, before "adalah".
const DEFINITION_RE = /^(?:Dalam [^,]{3,40}, )?(.{2,160}?)\s+(?:adalah|ialah|merupakan)\b/;
// "Yang dimaksud dengan “urusan agama” …": a Penjelasan item quotes the term it explains.
const EXPLAINED_RE = /^Yang\s+dimaksud\s+dengan\s+["“'‘]([^"”'’]{2,160})["”'’]/i;

/**
 * A defined term: all its index tokens, and per name it goes by ("Aparat Pengawas Internal Pemerintah",
 * "APIP") the tokens standing for each of its content words.
 */
export interface DefinedTerm {
  tokens: ReadonlySet<string>;
  names: ReadonlyArray<ReadonlyArray<readonly string[]>>;
}

// "X yang selanjutnya disingkat Y" / "disebut Y": the term goes by both names.
const ALIAS_RE = /\s+(?:yang\s+)?selanjutnya\s+(?:disingkat|disebut)(?:\s+dengan)?\s+/i;

/**
 * The term a definition (Pasal 1 angka N), a Penjelasan item or a rule that opens by saying what something
 * is ("Inovasi Pelayanan Publik … merupakan …") defines, so that "apa itu APIP" finds the unit defining
 * APIP rather than every unit that uses the word. Undefined for other chunks.
 */
export function definedTerm(chunk: IndexedChunk, analyzer: Analyzer): DefinedTerm | undefined {
  if (!chunk.pasal || chunk.restsOn) return undefined;
  const text = chunk.text.trim();
  const term = chunk.angka || chunk.penjelasan ? definitionTerm(text, Boolean(chunk.penjelasan)) : ruleTerm(text);
  if (!term || term.split(/\s+/).length > 20) return undefined;
  const names = term
    .split(ALIAS_RE)
    .map((name) => analyzer.analyze(name.replace(/\s+atau\s+yang\s+disebut\s+dengan\s+nama\s+lain.*$/i, '')))
    .map((groups) => ({ groups, words: groups.filter((g) => g.kind === 'word').map((g) => g.variants) }))
    .filter((n) => n.words.length > 0);
  if (names.length === 0) return undefined;
  return { tokens: new Set(names.flatMap((n) => n.groups.flatMap((g) => g.variants))), names: names.map((n) => n.words) };
}

function definitionTerm(text: string, penjelasan: boolean): string | undefined {
  return (penjelasan ? EXPLAINED_RE.exec(text) : undefined)?.[1] ?? DEFINITION_RE.exec(text)?.[1];
}

// A rule that opens by saying what something is: "Inovasi Pelayanan Publik sebagaimana dimaksud dalam
// Pasal 4 huruf b merupakan inovasi dalam penyediaan pelayanan kepada masyarakat."
const RULE_DEFINITION_RE = /^([A-Z][^,.;:]{2,80}?)\s+(?:sebagaimana\s+dimaksud\s+(?:dalam|pada)\s+[^,.;]*?\s+)?(?:adalah|merupakan|ialah)\s/;

function ruleTerm(text: string): string | undefined {
  const term = RULE_DEFINITION_RE.exec(text)?.[1];
  if (!term || /^(Dalam hal|Apabila|Jika|Setiap|Untuk|Selain|Pada|Dengan)\b/.test(term) || term.split(/\s+/).length > 8) return undefined;
  return term;
}

/**
 * How well a question's subject (its word and concept groups, as variant lists) matches a defined term:
 * the share of the subject found in the term, and the share of the term's words found in the subject.
 */
export function termMatch(
  subject: ReadonlyArray<readonly string[]>,
  term: DefinedTerm,
  /** The subject's tokens as a set, when the caller matches it against many terms. */
  asked: ReadonlySet<string> = new Set(subject.flat()),
): { subjectShare: number; termShare: number } {
  if (subject.length === 0) return { subjectShare: 0, termShare: 0 };
  const subjectShare = subject.filter((variants) => variants.some((v) => term.tokens.has(v))).length / subject.length;
  const termShare = Math.max(...term.names.map((words) => words.filter((variants) => variants.some((v) => asked.has(v))).length / words.length));
  return { subjectShare, termShare };
}
