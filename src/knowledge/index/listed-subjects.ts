import type { Analyzer } from '../analysis/analyzer.js';
import type { DefinedTerm } from './defined-terms.js';
import type { IndexedChunk } from './indexed-chunk.js';

// "Kewajiban kepala daerah dan wakil kepala daerah meliputi: a. …", "Urusan pemerintahan absolut
// sebagaimana dimaksud dalam Pasal 9 ayat (2) meliputi: a. …": a rule that opens by naming what it lists.
// "AUPB yang dimaksud dalam Undang-Undang ini meliputi asas: a. …": the kind of item may follow the verb.
const LISTING_RE =
  /^([A-Z][^,.;:()]{2,120}?)\s+(?:(?:sebagaimana|yang)\s+dimaksud\s+(?:dalam|pada)\s+[^:;]*?\s+)?(?:(?:paling\s+sedikit|sekurang-kurangnya)\s+)?(?:(?:meliputi|terdiri\s+atas|terdiri\s+dari|mencakup)(?:\s+([a-z]+))?|berupa|antara\s+lain|memuat(?:\s+[a-z]+){0,3})\s*:/;
// "Camat … mempunyai tugas: a. …", "Kepala daerah … dilarang: a. …": the doer's tasks, rights, duties or
// prohibitions, purposes or principles, listed; what is listed is named by the verb ("tugas camat",
// "larangan kepala daerah", "tujuan penggunaan Diskresi", "prinsip Inovasi Daerah").
const DOER_LIST_RE =
  /^([A-Z][^,.;:()]{2,120}?)\s+(?:(?:sebagaimana|yang)\s+dimaksud\s+(?:dalam|pada)\s+[^:;]*?\s+)?(?:(?:mempunyai|memiliki)\s+(tugas|fungsi|hak|kewajiban|wewenang|kewenangan)|(?:diselenggarakan|dilaksanakan)\s+berdasarkan(?:\s+pada)?\s+(asas|prinsip)|(?:harus|wajib)\s+memenuhi\s+(syarat|persyaratan|kriteria)|(berwenang|berhak|berkewajiban|bertugas|bertujuan|berfungsi|dilarang|wajib)(?:\s+(?:untuk|sebagai))?)\s*:/;
const LISTED_BY_VERB: Readonly<Record<string, string>> = {
  berwenang: 'wewenang',
  berhak: 'hak',
  berkewajiban: 'kewajiban',
  wajib: 'kewajiban',
  bertugas: 'tugas',
  bertujuan: 'tujuan',
  berfungsi: 'fungsi',
  dilarang: 'larangan',
};

/** Openings that state a condition or a doer's act, not the name of what is listed. */
const NOT_A_SUBJECT_RE = /^(?:Dalam hal|Apabila|Jika|Untuk|Selain|Pada|Dengan|Dalam)\b/;

/**
 * The subject a rule lists ("Kewajiban kepala daerah …" of "… meliputi: a. … b. …"), as a term to match
 * a list question's words against; undefined for a chunk that is not such a list. Only articles of a
 * regulation: an FAQ entry or a note restates lists, it does not state them.
 */
export function listedSubject(chunk: IndexedChunk, analyzer: Analyzer): DefinedTerm | undefined {
  if (!chunk.pasal || chunk.restsOn || chunk.penjelasan || chunk.angka) return undefined;
  // "Setiap penggunaan Diskresi … bertujuan untuk:" lists the purposes of any use of it.
  const subject = subjectOf(chunk.text.trim().replace(/^Setiap\s+(\S)/, (_, first: string) => first.toUpperCase()));
  if (!subject || NOT_A_SUBJECT_RE.test(subject) || subject.split(/\s+/).length > 12) return undefined;
  const words = analyzer.analyze(subject).filter((g) => g.kind === 'word');
  if (words.length === 0) return undefined;
  return { tokens: new Set(words.flatMap((g) => g.variants)), names: [words.map((g) => g.variants)] };
}

function subjectOf(text: string): string | undefined {
  const listing = LISTING_RE.exec(text);
  if (listing) return listing[2] ? `${listing[2]} ${listing[1]}` : listing[1];
  const doer = DOER_LIST_RE.exec(text);
  if (!doer) return undefined;
  return `${doer[2] ?? doer[3] ?? doer[4] ?? LISTED_BY_VERB[doer[5]!]} ${doer[1]}`;
}
