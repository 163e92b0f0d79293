import { normaliseWords } from '../analysis/analyzer.js';
import type { StemTable } from '../analysis/stemmer.js';
import { runToEnd, type Work } from './paced-work.js';

/**
 * Verbs that name no act of their own (a connective, "to be", "to have", "to do"): a passage saying
 * someone "melakukan" something says who acts only through the noun after it.
 */
const EMPTY_VERBS: ReadonlySet<string> = new Set(
  `melalui mengenai menurut meliputi merupakan menjadi memiliki mempunyai melakukan dilakukan menyangkut
  mengandung memuat dimuat memperhatikan mengingat menimbang`.split(/\s+/),
);
/**
 * Verbs that hand the act to the noun after them ("Menteri melakukan evaluasi", "Gubernur melakukan
 * pembinaan dan pengawasan"): the act stated with its doer is that noun's.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(['melakukan', 'melaksanakan', 'mengadakan', 'menyelenggarakan', 'memberikan', 'memberi']);
const NEGATIONS: ReadonlySet<string> = new Set(['tidak', 'belum', 'bukan', 'tanpa']);
/** Active prefixes of Indonesian verbs (meN-, memper-): such a verb has its doer as its subject. */
const ACTIVE = /^me(?:m|n|ng|ny)?[a-z]/;
/** Passive and nominal forms, which name their doer with "oleh" ("dibahas oleh tim", "pembahasan … oleh"). */
const PASSIVE_OR_NOMINAL = /^(?:di[a-z]{3,}|pe[a-z]{3,}an)$/;
/** How many words after a passive verb or a noun of an act its "oleh" may come ("pendataan inovasi yang lahir sebelum PP berlaku dilakukan oleh …"). */
const AGENT_WINDOW = 10;
/** How many words before an active verb its doer may stand ("kepala Perangkat Daerah menyampaikan"). */
const SUBJECT_WINDOW = 4;
/** Words that end a verb's subject: "sistem untuk menilai" is a purpose, not "sistem" acting. */
const SUBJECT_BREAKS: ReadonlySet<string> = new Set(['untuk', 'agar', 'supaya', 'guna', 'dengan', 'dalam', 'tentang', 'terhadap']);
/** Words that make the noun after them an object ("kepada individu atau Perangkat Daerah yang mengusulkan"). */
const OBJECT_MARKERS: ReadonlySet<string> = new Set(['kepada', 'bagi', 'untuk', 'dari', 'terhadap', 'pada', 'oleh']);
/** A word counts as naming a doer once the corpus has put it after "oleh" this often. */
const MIN_DOER_SEEN = 2;

/**
 * The words that name doers in this corpus: those found right after "oleh" ("dibahas oleh tim",
 * "ditetapkan oleh Menteri"). Learnt from the texts themselves, so an ingested regulation brings its own
 * offices and bodies.
 */
export function learnDoers(texts: Iterable<string>): Set<string> {
  return runToEnd(learningDoers(texts));
}

/** learnDoers as paceable work, pausing between texts (an index build reads every chunk). */
export function* learningDoers(texts: Iterable<string>): Work<Set<string>> {
  const seen = new Map<string, number>();
  let n = 0;
  for (const text of texts) {
    const words = normaliseWords(text, false, false);
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (w === 'oleh' && next && next.length > 1 && !/\d/.test(next)) seen.set(next, (seen.get(next) ?? 0) + 1);
    });
    if ((n++ & 63) === 63) yield;
  }
  return new Set([...seen].filter(([, count]) => count >= MIN_DOER_SEEN).map(([w]) => w));
}

/**
 * The roots of the verbs a text states with their doer: active verbs after a doer ("Menteri menilai
 * Daerah") and passive or nominal ones followed by "oleh" ("dibahas oleh tim independen"). A question
 * asking who does something ("siapa yang menilai") is answered by the passage stating who does that very
 * thing, not by one that only names the act ("Penilaian terhadap Daerah …") or by its neighbour that
 * states who does the next step. Read from the text's own morphology and the corpus' doers (learnDoers),
 * so it holds for any regulation ingested.
 */
export function agentVerbRoots(text: string, stems: StemTable, doers: ReadonlySet<string>): Set<string> {
  const roots = new Set<string>();
  for (const clause of text.split(/[.,;:!?]+/)) {
    const words = normaliseWords(clause, false, false);
    words.forEach((word, i) => {
      if (LIGHT_VERBS.has(word) && !NEGATIONS.has(words[i - 1] ?? '')) {
        if (hasDoerBefore(words, i, doers)) for (const noun of actsAfter(words, i)) for (const t of [noun, ...stems.stems(noun)]) roots.add(t);
        return;
      }
      // "PP tidak menetapkan jadwal": a denied act is not stated.
      if (EMPTY_VERBS.has(word) || word.length < 5 || NEGATIONS.has(words[i - 1] ?? '')) return;
      const acted = ACTIVE.test(word) ? hasDoerBefore(words, i, doers) : PASSIVE_OR_NOMINAL.test(word) && words.slice(i + 1, i + 1 + AGENT_WINDOW).includes('oleh');
      if (!acted) return;
      for (const root of stems.stems(word)) roots.add(root);
    });
  }
  return roots;
}

/** The nouns a light verb hands its act to: the next word, and one more joined by "dan" ("pembinaan dan pengawasan"). */
function actsAfter(words: readonly string[], at: number): string[] {
  const first = words[at + 1];
  if (!first) return [];
  const second = words[at + 2] === 'dan' ? words[at + 3] : undefined;
  return second ? [first, second] : [first];
}

/** Whether a doer stands as the subject shortly before the verb at `at` (not as the object of a preposition). */
function hasDoerBefore(words: readonly string[], at: number, doers: ReadonlySet<string>): boolean {
  for (let j = at - 1; j >= Math.max(0, at - SUBJECT_WINDOW); j -= 1) {
    if (SUBJECT_BREAKS.has(words[j]!)) return false;
    if (doers.has(words[j]!)) return !words.slice(Math.max(0, j - 3), j).some((w) => OBJECT_MARKERS.has(w));
  }
  return false;
}

/** Chat forms of active verbs that drop "me-" and keep the nasal ("netapin", "ngusulin", "nyusun"). */
const CHAT_ACTIVE = /^(?:n|ng|ny|nge)[a-z]{3,}/;

/**
 * The act a question states with its doer ("kepala daerah netapin apa …", "Menteri menilai apa"): an
 * active verb right after a word the corpus names doers by. Such a question asks what that doer does, and
 * the passage stating that act with its doer answers it, as for "siapa yang …" (see QuestionCues.act).
 */
export function doerAct(words: readonly string[], doers: ReadonlySet<string>, stems: StemTable): string | undefined {
  for (let i = 1; i < words.length; i += 1) {
    const w = words[i]!;
    // A light verb is returned too: the caller reads the act from the noun after it (see Retriever.actTokens).
    if (!(ACTIVE.test(w) || CHAT_ACTIVE.test(w)) || EMPTY_VERBS.has(w) || stems.stems(w).length === 0) continue;
    // "bupati yang gak mau kasih layanan …" describes the doer (a relative clause, a denied act); it does not ask what the doer does.
    const before = words.slice(Math.max(0, i - SUBJECT_WINDOW), i);
    if (before.includes('yang') || before.some((b) => NEGATIONS.has(b))) continue;
    if (hasDoerBefore(words, i, doers)) return w;
  }
  return undefined;
}
