import { isContentWord } from '../analysis/analyzer.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import { isFiller } from './filler.js';
import type { PreparedQuery } from './query-groups.js';
import { QuestionText } from './question-text.js';

/** A question word between spaces, in normalised words joined with a space at each end. */
export const ASKING_RE = / (apa|apakah|siapa|kapan|berapa|bagaimana|gimana|mana|mengapa|kenapa|bolehkah|bisakah) /;

/** What a word only the story around the question uses weighs (see sentenceRoles). */
const STORY_WEIGHT = 0.5;
/** The asking sentences name a subject of their own when they have this many words that are not everyday ones. */
const ASKING_SUBJECT_WORDS = 3;

/** An asking part of at most this many words may ask about the story before it without pointing back. */
const SHORT_ASKING_WORDS = 6;
/** Words pointing back at what the message told before ("itu", "tersebut", "tuh", "begitu"). */
const BACK_REFERENCES: ReadonlySet<string> = new Set(['itu', 'tersebut', 'tuh', 'ini', 'begitu', 'begini', 'demikian', 'hal', 'situ', 'sini']);

/** Words of a greeting, a thanks or an apology, besides the everyday and function words. */
const COURTESY_WORDS: ReadonlySet<string> = new Set(
  `selamat pagi siang sore malam assalamualaikum wassalamualaikum wassalam wr wb salam hormat terhormat hormati dihormati yth halo hallo hai mengganggu waktunya bantuannya
  atas banyak sebelumnya sukses sehat`.split(/\s+/),
);

/** How much a word group counts by where the message says it, and whether a sentence that asks says it. */
export interface SentenceRoles {
  weight(group: PreparedQuery['groups'][number]['group']): number;
  asked(group: PreparedQuery['groups'][number]['group']): boolean;
  /**
   * The word tells only the story around the question: it is in no part that asks, and it is either told
   * as context (the asking part names its own subject) or said by the asker of themselves ("Saya peneliti
   * di BRIDA Provinsi Nusa Tenggara Barat …").
   */
  context(group: PreparedQuery['groups'][number]['group']): boolean;
  /** The words of the parts that ask, joined with a space at each end (the whole message when none is told apart). */
  asking: string;
  /** The same parts as typed (the whole message when none is told apart), for rules that read the text itself. */
  askingText: string;
}

const REQUEST_VERBS = ['mohon', 'tolong', 'minta'];
const REQUEST_OBJECTS = ['dijelaskan', 'jelaskan', 'penjelasan', 'penjelasannya', 'arahan', 'arahannya', 'petunjuk', 'petunjuknya', 'informasi', 'informasinya'];
/** A request for an explanation, which asks without a question word ("Mohon dijelaskan kriteria …"). */
const REQUEST_RE = new RegExp(` (?:${REQUEST_VERBS.join('|')}) (?:${REQUEST_OBJECTS.join('|')}) `);
/** The words of such a request, which name no subject of their own ("Mohon arahannya."). */
const REQUEST_WORDS: ReadonlySet<string> = new Set([...REQUEST_VERBS, ...REQUEST_OBJECTS]);

/**
 * Someone else's question the asker passes on ("Atasan bertanya apakah kami harus menunggu tahun depan",
 * "Dalam rapat kemarin pimpinan bertanya dasar apa …"): the story that leads to the asker's own request. The
 * one who asks is named before the verb, and the verb comes before any question word; the asker's own
 * "izin bertanya" or "saya ingin menanyakan" is not someone else's question.
 */
const REPORTED_RE =
  /^[^?]*?\b(?:pimpinan|atasan|kepala|kadis|kaban|kabid|sekda|bupati|walikota|gubernur|camat|lurah|direktur|beliau|rekan|teman|kawan|warga|masyarakat|anggota|tim|dewan|mereka|dia|ia|pak|bu|bapak|ibu)\b(?:(?!\b(?:saya|kami|aku|kita|gw|gue|sy|izin|ijin|mohon|ingin|mau)\b)[^?])*?\b(?:bertanya|menanyakan|nanya)\b/i;

/** Whether a sentence passes on someone else's question: REPORTED_RE, its verb before any question word. */
function reportedQuestion(text: string): boolean {
  const m = REPORTED_RE.exec(text);
  if (!m) return false;
  const before = ` ${new QuestionText(text.slice(0, m[0].length)).words().join(' ')} `;
  return !ASKING_RE.test(before);
}

/** The asker speaking of themselves: a clause with one tells who asks, not what. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['saya', 'kami', 'kita']);

/** Where asking starts after an introduction: "ingin menanyakan", "mau bertanya", "izin tanya". */
const ASKING_VERB_RE = /\s(?=(?:ingin|mau|hendak|izin|ijin|mohon)\s+(?:menanyakan|bertanya|tanya|nanya)\b)/i;

/**
 * A clause in which the asker says who they are and then starts to ask ("kami dari sekretariat DPRD ingin
 * menanyakan …"), split there, so the introduction is told like a clause of its own.
 */
function splitIntroduction(clause: string): string[] {
  const at = clause.search(ASKING_VERB_RE);
  if (at <= 0 || !new QuestionText(clause.slice(0, at)).words().some((w) => FIRST_PERSON.has(w))) return [clause];
  return [clause.slice(0, at), clause.slice(at + 1)];
}

/**
 * How much each word group counts by the part of the message it comes from. A long message asks in one
 * sentence (the one with "?" or a question word) and tells around it who asks and why ("Saya staf di dinas
 * kesehatan."), greets and thanks ("Selamat pagi.", "Terima kasih atas bantuannya."); the asking sentence
 * itself may open with such a clause ("Selamat siang, …", "Kemarin atasan minta saya cari tahu, …", "Kami
 * dari bagian organisasi ingin memastikan: apa …", "kami dari sekretariat DPRD ingin menanyakan …"). A word
 * only a greeting or thanks uses counts nothing; one only the story uses counts STORY_WEIGHT: the base need
 * not know the asker's office or project for the question to be covered. A short asking part ("aman gak
 * tuh?") asks about the story before it: then the story counts in full. `asked` is false for a word only a
 * sentence that does not ask uses (an out-of-scope subject there is the asker's context, not the question).
 */
export function sentenceRoles(read: QuestionText, index: KnowledgeIndex): SentenceRoles {
  const sentences = read.text.split(/(?<=[.!?])\s+/).filter((x) => /\w/.test(x));
  const whole: SentenceRoles = { weight: () => 1, asked: () => true, context: () => false, asking: read.spaced(), askingText: read.text };
  // One sentence without a clause break (most questions) is all asking: nothing to read apart.
  if (sentences.length < 2 && !/[,:;]\s/.test(read.text) && splitIntroduction(read.text).length < 2) return whole;
  const { analyzer } = index;
  const { slang, english } = analyzer.options;
  const wordsOf = (x: QuestionText) => x.words(slang, english).map((w) => analyzer.formal(w));
  const asks = (x: QuestionText) => x.text.includes('?') || ASKING_RE.test(x.spaced()) || REQUEST_RE.test(x.spaced());
  const subjectWords = (ws: readonly string[]) => ws.filter((w) => isContentWord(w) && !COURTESY_WORDS.has(w) && !isFiller(w)).length;
  // Each sentence as parts: asking sentences split where a clause the asker tells of themselves ends.
  type Part = { words: string[]; kind: 'asking' | 'told' | 'other'; text?: string };
  const parts: Part[] = [];
  let anyAsking = false;
  for (const sentence of sentences) {
    const read_ = new QuestionText(sentence);
    if (!asks(read_)) {
      parts.push({ words: wordsOf(read_), kind: 'other' });
      continue;
    }
    anyAsking = true;
    const clauses = sentence
      .split(/(?<=[,:;])\s+/)
      .flatMap(splitIntroduction)
      .filter((x) => /\w/.test(x))
      .map((x) => new QuestionText(x));
    // A greeting before the question in the same sentence ("Selamat siang, …") is courtesy, not subject.
    let first = 0;
    while (first < clauses.length - 1 && !asks(clauses[first]!) && wordsOf(clauses[first]!).every((w) => COURTESY_WORDS.has(w) || !isContentWord(w))) first += 1;
    if (first > 0) parts.push({ words: clauses.slice(0, first).flatMap(wordsOf), kind: 'other' });
    let told = first;
    while (told < clauses.length - 1 && !asks(clauses[told]!) && clauses[told]!.words().some((w) => FIRST_PERSON.has(w))) told += 1;
    if (told > first) parts.push({ words: clauses.slice(first, told).flatMap(wordsOf), kind: 'told' });
    const text = clauses
      .slice(told)
      .map((c) => c.text)
      .join(' ');
    parts.push({ words: wordsOf(new QuestionText(text)), kind: 'asking', text });
  }
  // A question passed on from someone else is the story, when the asker goes on to ask in a sentence of their own.
  const reported = parts.filter((p) => p.kind === 'asking' && p.text !== undefined && reportedQuestion(p.text));
  // The asker's own part must ask something: a question word, or words of a subject besides the request.
  const ownQuestion = parts.some(
    (p) =>
      p.kind === 'asking' &&
      !reported.includes(p) &&
      (ASKING_RE.test(` ${p.words.join(' ')} `) || subjectWords(p.words.filter((w) => !REQUEST_WORDS.has(w))) > 0),
  );
  if (ownQuestion) for (const p of reported) p.kind = 'told';
  if (!anyAsking || parts.length < 2) return whole;
  const asking = parts.reduce((n, p) => n + (p.kind === 'asking' ? subjectWords(p.words) : 0), 0);
  const askingWords = parts.reduce((n, p) => n + (p.kind === 'asking' ? p.words.length : 0), 0);
  // Chat "tuh" right after a word of the part's own subject marks that subject ("pelayanan dasar tuh apa
  // aja"), it does not point back at the story; after anything else ("aman gak tuh?") it does. ("Tugas
  // tersebut", "keputusan itu" do point back.)
  const pointsBack = parts.some(
    (p) => p.kind === 'asking' && p.words.some((w, i) => BACK_REFERENCES.has(w) && !(w === 'tuh' && i > 0 && isContentWord(p.words[i - 1]!))),
  );
  // The story counts in full only when the asking part asks about it: few words of its own, and short or
  // pointing back at it ("aman gak tuh?", "apakah hal tersebut dibolehkan?"). An asking sentence of its
  // own ("setelah diterima bupati, proposal kami diproses oleh siapa?") asks its own question, whatever
  // everyday verbs it is made of.
  const story = asking >= ASKING_SUBJECT_WORDS || (askingWords > SHORT_ASKING_WORDS && !pointsBack) ? STORY_WEIGHT : 1;
  const weightOf = new Map<string, number>();
  const askedIn = new Set<string>();
  /** Words of an asking part, and of a story part in which the asker does not speak of themselves. */
  const notContext = new Set<string>();
  for (const p of parts) {
    const ofAsker = p.kind === 'told' || p.words.some((w) => FIRST_PERSON.has(w));
    if (p.kind === 'asking' || (story === 1 && !ofAsker)) for (const w of p.words) notContext.add(w);
    const weight = p.kind === 'asking' ? 1 : p.kind === 'other' && subjectWords(p.words) === 0 ? 0 : story;
    for (const w of p.words) {
      weightOf.set(w, Math.max(weightOf.get(w) ?? 0, weight));
      if (p.kind !== 'other' || story === 1) askedIn.add(w);
    }
  }
  // A concept's phrase counts by its first word.
  const wordOf = (group: PreparedQuery['groups'][number]['group']) => (group.kind === 'concept' ? group.surface.split(' ')[0]! : group.surface);
  return {
    weight: (group) => (group.kind === 'legal' || group.kind === 'pair' ? 1 : (weightOf.get(wordOf(group)) ?? 1)),
    asked: (group) => group.kind === 'legal' || group.kind === 'pair' || !weightOf.has(wordOf(group)) || askedIn.has(wordOf(group)),
    context: (group) => group.kind !== 'legal' && group.kind !== 'pair' && weightOf.has(wordOf(group)) && !notContext.has(wordOf(group)),
    asking: ` ${parts.flatMap((p) => (p.kind === 'asking' ? p.words : [])).join(' ')} `,
    askingText: parts.flatMap((p) => (p.kind === 'asking' && p.text ? [p.text] : [])).join(' '),
  };
}
