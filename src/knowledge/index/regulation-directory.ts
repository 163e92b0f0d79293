import type { Analyzer } from '../analysis/analyzer.js';
import { isContentWord } from '../analysis/analyzer.js';
import { extractLegalRefs, regulationType } from '../analysis/legal-refs.js';
import type { IndexedChunk } from './indexed-chunk.js';
import { runToEnd, type Work } from './paced-work.js';

/** One regulation the index holds: its name, kind and the subjects it is known by ("Pemerintahan Daerah"). */
export interface RegulationEntry {
  /** As cited: "UU 23/2014". */
  name: string;
  /** "uu", "pp", "permenpanrb", … (legal-refs.ts); undefined for a kind legal-refs does not know. */
  type?: string;
  /** The number key ("reg:uu:23") shared with the analyzer's legal tokens. */
  key?: string;
  /** Per subject phrase, its word groups: each word's index tokens (word, roots, concepts it joins). */
  subjects: string[][][];
}

// "… Nomor 23 Tahun 2014 tentang Pemerintahan Daerah", "UU 23/2014 tentang Pemerintahan Daerah": the
// subject is the run of capitalised words (with "dan", "atau", "dan/atau" between them) after "tentang".
const TITLE_RE =
  /(\d{1,4})\s*(?:\/\s*|\s+Tahun\s+)((?:19|20)\d\d)\s+tentang\s+((?:[A-Z][\p{L}-]*|dan\/atau|dan|atau)(?:\s+(?:[A-Z][\p{L}-]*|dan\/atau|dan|atau))*)/gu;

/** Words that name a kind of regulation in a question, mapped to the kind (undefined: any kind). */
const KIND_WORDS: ReadonlyMap<string, string | undefined> = new Map<string, string | undefined>([
  ['uu', 'uu'],
  ['undang', 'uu'],
  ['pp', 'pp'],
  ['perpres', 'perpres'],
  ['permendagri', 'permendagri'],
  ['permenpan', 'permenpanrb'],
  ['permenpanrb', 'permenpanrb'],
  ['perda', 'perda'],
  ['perbup', 'perbup'],
  ['perwal', 'perwal'],
  ['pergub', 'pergub'],
  ['perkada', 'perkada'],
  ['permen', undefined],
]);
/** "peraturan X": the word after "peraturan" says the kind. */
const PERATURAN_KINDS: ReadonlyMap<string, string | undefined> = new Map<string, string | undefined>([
  ['pemerintah', 'pp'],
  ['presiden', 'perpres'],
  ['menteri', undefined],
  ['daerah', 'perda'],
  ['bupati', 'perbup'],
  ['gubernur', 'pergub'],
  ['walikota', 'perwal'],
]);
const SKIPPED_AFTER_KIND = new Set(['undang', 'tentang', 'ttg', 'soal', 'mengenai', 'no', 'nomor']);

/** A kind of regulation named at position i, and where the words after it start. */
function kindAt(words: readonly string[], i: number): { kind: string | undefined; next: number } | undefined {
  const word = words[i]!;
  if (KIND_WORDS.has(word)) return { kind: KIND_WORDS.get(word), next: i + 1 };
  const after = words[i + 1];
  if (word === 'peraturan' && after && PERATURAN_KINDS.has(after)) return { kind: PERATURAN_KINDS.get(after), next: i + 2 };
  return undefined;
}
const WINDOW = 6;

/**
 * The regulations an index holds and the subjects they are known by, so that a question naming one by its
 * subject ("UU pemda", "PP inovasi daerah", "UU pelayanan publik") is answered from it, as one naming it by
 * number ("PP 38") already is. Subjects are read from document titles and from texts that name a
 * regulation in full ("PP No. 38 Tahun 2017 tentang Inovasi Daerah").
 */
export class RegulationDirectory {
  private constructor(
    private readonly list: RegulationEntry[],
    private readonly analyzer: Analyzer,
  ) {}

  static build(chunks: readonly IndexedChunk[], analyzer: Analyzer): RegulationDirectory {
    return runToEnd(RegulationDirectory.building(chunks, analyzer));
  }

  /** build as paceable work: it reads every chunk's text for regulation titles. */
  static *building(chunks: readonly IndexedChunk[], analyzer: Analyzer): Work<RegulationDirectory> {
    const byName = new Map<string, RegulationEntry & { numberYear?: string; phrases: Set<string> }>();
    for (const c of chunks) {
      if (!c.regulation || byName.has(c.regulation)) continue;
      const refs = extractLegalRefs(c.regulation.toLowerCase().replace(/\//g, ' ')).regulations;
      const m = /(\d{1,4})\/((?:19|20)\d\d)\s*$/.exec(c.regulation);
      byName.set(c.regulation, {
        name: c.regulation,
        type: refs[0]?.split(':')[1] ?? regulationType(c.regulation.toLowerCase().split(/\s+/)[0] ?? ''),
        key: refs[0],
        numberYear: m ? `${m[1]}/${m[2]}` : undefined,
        subjects: [],
        phrases: new Set(),
      });
    }
    const byNumberYear = new Map<string, Array<RegulationEntry & { phrases: Set<string> }>>();
    for (const e of byName.values()) {
      if (!e.numberYear) continue;
      byNumberYear.set(e.numberYear, [...(byNumberYear.get(e.numberYear) ?? []), e]);
    }
    const seenTexts = new Set<string>();
    for (const c of chunks) {
      yield;
      for (const text of [c.documentTitle ?? '', c.text]) {
        if (!text.includes('tentang') || seenTexts.has(text)) continue;
        seenTexts.add(text);
        for (const m of text.matchAll(TITLE_RE)) {
          const owners = byNumberYear.get(`${m[1]}/${m[2]}`);
          const phrase = m[3]?.trim();
          if (!owners || !phrase) continue;
          for (const owner of owners) owner.phrases.add(phrase.toLowerCase());
        }
      }
    }
    const entries = [...byName.values()].map(({ phrases, numberYear: _n, ...e }) => ({
      ...e,
      subjects: [...phrases].map((p) => wordTokens(p, analyzer)).filter((s) => s.length > 0),
    }));
    return new RegulationDirectory(entries, analyzer);
  }

  /** A directory from the entries of one built over the same chunks with the same analyzer (a saved index). */
  static fromEntries(entries: RegulationEntry[], analyzer: Analyzer): RegulationDirectory {
    return new RegulationDirectory(entries, analyzer);
  }

  /** What to save so that a load need not read every chunk's text again. */
  entries(): readonly RegulationEntry[] {
    return this.list;
  }

  /** Every regulation the index holds, by citation name. */
  names(): string[] {
    return this.list.map((e) => e.name);
  }

  /**
   * Regulations a question names by kind and subject ("UU pemda" → UU 23/2014). Words are the question's
   * normalised words. A subject counts as named when at least half its words (and its first) follow the
   * kind word; of several candidates the best-covered win.
   */
  namedBySubject(words: readonly string[]): string[] {
    return this.matchSubjects(words).named;
  }

  /**
   * The question's words that name a regulation by its subject ("UU", "administrasi" and "pemerintahan" in
   * "menurut UU administrasi pemerintahan"): they say where to look, not what is asked.
   */
  subjectWords(words: readonly string[]): Set<string> {
    return this.matchSubjects(words).words;
  }

  /**
   * namedBySubject and subjectWords at once, for a caller that needs both, with the positions of the naming
   * words in `words` (a word the question also uses elsewhere names nothing there).
   */
  matchSubjects(words: readonly string[]): { named: string[]; words: Set<string>; at: Set<number> } {
    let best = 0;
    let named: string[] = [];
    let naming = new Set<number>();
    words.forEach((_word, i) => {
      const found = kindAt(words, i);
      if (!found) return;
      const { kind } = found;
      let j = found.next;
      while (j < words.length && SKIPPED_AFTER_KIND.has(words[j]!)) j += 1;
      if (j < words.length && /^\d/.test(words[j]!)) return; // named by number: legal-refs.ts has it
      const window: number[] = [];
      for (let k = j; k < Math.min(words.length, j + WINDOW); k += 1) if (isContentWord(words[k]!)) window.push(k);
      if (window.length === 0) return;
      const perWord = window.map((k) => new Set(wordTokens(words[k]!, this.analyzer).flat()));
      const tokens = new Set(perWord.flatMap((t) => [...t]));
      for (const e of this.list) {
        if (kind && e.type !== kind) continue;
        for (const subject of e.subjects) {
          const matched = subject.map((variants) => variants.some((v) => tokens.has(v)));
          const share = matched.filter(Boolean).length / subject.length;
          if (!matched[0] || share < 0.5) continue;
          // The kind ("UU", "peraturan pemerintah") and the words after it ("nomor", "tentang") name it too.
          const used = [
            ...Array.from({ length: j - i }, (_, k) => i + k),
            ...window.filter((_, k) => subject.some((variants) => variants.some((v) => perWord[k]!.has(v)))),
          ];
          if (share > best) {
            best = share;
            named = [e.name];
            naming = new Set(used);
          } else if (share === best && !named.includes(e.name)) {
            named.push(e.name);
            for (const k of used) naming.add(k);
          }
        }
      }
    });
    return { named, words: new Set([...naming].map((k) => words[k]!)), at: naming };
  }

  /**
   * Regulations a question names by kind alone, the kind closing its clause ("menurut undang-undang?",
   * "di PP, daerah yg berhasil …"): the one regulation of that kind the index holds. With several of the
   * kind it names none; a kind followed by other words ("PP pelayanan publik") may name one by a subject
   * the index lacks, so it names none either. The question is split into clauses (normalised again, clause
   * by clause) only when its words name a kind at all: most questions name none.
   */
  namedByKind(question: { words(): readonly string[]; clauses(): ReadonlyArray<readonly string[]> }): string[] {
    const all = question.words();
    if (!all.some((_, i) => kindAt(all, i)?.kind)) return [];
    const named = new Set<string>();
    for (const words of question.clauses()) {
      for (let i = Math.max(0, words.length - 2); i < words.length; i += 1) {
        const found = kindAt(words, i);
        if (!found?.kind || found.next !== words.length) continue;
        const ofKind = this.list.filter((e) => e.type === found.kind);
        if (ofKind.length === 1) named.add(ofKind[0]!.name);
      }
    }
    return [...named];
  }

  /** The number key ("reg:pp:38") of a regulation name, for matching chunks. */
  keyOf(name: string): string | undefined {
    return this.list.find((e) => e.name === name)?.key;
  }
}

/** A phrase's content words, each with the tokens that stand for it: itself, its roots, its concepts. */
function wordTokens(phrase: string, analyzer: Analyzer): string[][] {
  const groups = analyzer.analyze(phrase);
  const words = groups.filter((g) => g.kind === 'word');
  const concepts = groups.filter((g) => g.kind === 'concept');
  return words.map((w) => [
    ...w.variants,
    ...concepts.filter((c) => c.surface.split(' ').includes(w.surface)).flatMap((c) => c.variants),
  ]);
}
