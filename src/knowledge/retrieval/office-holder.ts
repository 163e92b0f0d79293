import type { QuestionText } from './question-text.js';

// Offices a person holds; one word each as normalised ("walikota", "wali kota" both read).
const OFFICE_RE =
  / (presiden|wapres|menteri|mendagri|menpan|kepala|kadis|kaban|gubernur|wagub|bupati|wabup|walikota|wali kota|camat|lurah|ketua|direktur|dirjen|sekda|sekjen|deputi|pejabat|pimpinan|minister|head|director) /;
// Asks for a person: who, or a name.
const PERSON_RE = / (siapa|nama|namanya|who) /;
// Holding a post: the verb says so ("yang menjabat", "dijabat oleh") whatever the tense.
const HOLDER_VERB_RE = / (jabat|menjabat|dijabat|menduduki|jabatannya) /;
const NOW_RE = / (sekarang|kini|saat ini|terkini|periode ini|tahun ini|current|currently|now) /;
// "siapa menteri yang menilai inovasi sekarang" asks which office acts (a role the rules name), not who holds it.
const ROLE_CLAUSE_RE = / yang (?!(sedang|saat|sekarang|kini|jabat|menjabat)\b)[a-z]+/;

/**
 * Asks who holds a post now ("siapa kepala BSKDN sekarang?", "nama gubernur saat ini siapa?", "siapa yang
 * menjabat Mendagri?"). The knowledge base holds rules and programmes, never who sits in an office, and a
 * passage naming the office answers a different question. Asking which office does something ("siapa
 * kepala yang menetapkan …") is a question about roles and does not count.
 */
export function asksOfficeHolder(question: QuestionText): boolean {
  const q = question.spaced();
  if (!PERSON_RE.test(q) || !OFFICE_RE.test(q)) return false;
  if (HOLDER_VERB_RE.test(q)) return true;
  return NOW_RE.test(q) && !ROLE_CLAUSE_RE.test(q);
}
