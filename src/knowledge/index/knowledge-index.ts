import { Analyzer, FULL_ANALYSIS, vocabularyOf, type AnalyzerOptions } from '../analysis/analyzer.js';
import { StemTable, type StemTableParts } from '../analysis/stemmer.js';
import { LocalEmbedder } from '../embeddings/local-embedder.js';
import { extractLegalRefs } from '../analysis/legal-refs.js';
import { Bm25Index, type Bm25Parts } from './bm25.js';
import { runToEnd, type Work } from './paced-work.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { searchableFields, splitCrossReferences, type IndexedChunk } from './indexed-chunk.js';
import { agentVerbRoots, learningDoers } from './agent-verbs.js';
import type { DenseHalf } from './dense-half.js';
import { chunkRole, type ChunkRole } from './chunk-role.js';
import { RegulationDirectory, type RegulationEntry } from './regulation-directory.js';
import { definedTerm, type DefinedTerm } from './defined-terms.js';
import { listedSubject } from './listed-subjects.js';
import { findingCrossReferences } from './cross-references.js';
import { answerForm, type AnswerForm } from './answer-forms.js';
import { restedRules, type RestedRule } from './rested-rules.js';

/** Text of a chunk as the embedder sees it. */
export function embeddingText(chunk: IndexedChunk): string {
  return [chunk.topic, chunk.aliases, chunk.text].filter(Boolean).join('\n');
}

/** The embedder's texts of all chunks, pausing between them (a first pass over 30k fresh rows takes a while). */
export function* embeddingTexts(chunks: readonly IndexedChunk[]): Work<string[]> {
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i += 1) {
    out.push(embeddingText(chunks[i]!));
    if ((i & 255) === 255) yield;
  }
  return out;
}

/**
 * What the index knows about each chunk besides its terms, and the look-ups built from it. Computed once
 * per build (it reads every chunk), shared by the lexical index and the same index with vectors.
 */
interface ChunkFacts {
  regulationKeys: ReadonlyArray<ReadonlySet<string>>;
  roles: readonly ChunkRole[];
  definedTerms: ReadonlyArray<DefinedTerm | undefined>;
  forms: readonly AnswerForm[];
  regulations: RegulationDirectory;
  references: ReadonlyArray<readonly number[]>;
  restedRules: ReadonlyArray<readonly RestedRule[]>;
  byPasal: Map<string, number[]>;
  byCitation: Map<string, number[]>;
  perRegulation: Map<string, number>;
  byId: Map<string, number>;
  byRegulationKey: Map<string, Set<string>>;
  byTermToken: Map<string, number[]>;
  /** Per chunk, the roots of the verbs its own sentences state with their doer (see agentVerbRoots). */
  agentRoots: ReadonlyArray<ReadonlySet<string>>;
  /** The words naming doers in these chunks (see learnDoers). */
  doers: ReadonlySet<string>;
}

/**
 * The chunk facts that cost reading the texts to learn (definitions, answer forms, cross-references, the
 * regulation directory), in the form saved with the lexical index, so a load does not read 30k texts again.
 */
export interface FactParts {
  /** Chunk `doc` refers to referenceTargets[referenceOffsets[doc]..referenceOffsets[doc + 1]]. */
  referenceOffsets: Uint32Array;
  referenceTargets: Uint32Array;
  /** Per chunk, its answer form as bits (see formBits). */
  forms: Uint32Array;
  /** Per chunk, its defined term as JSON, or "" for none. */
  definedTerms: string[];
  /** The regulation directory's entries, one JSON each. */
  regulations: string[];
  /** The words naming doers in the chunks (see learnDoers). */
  doers: string[];
  /** Per chunk, the roots of the verbs it states with their doer, space-separated ("" for none; see agentVerbRoots). */
  agentRoots: string[];
}

/**
 * Reads the facts of every chunk, pausing between chunks. With `saved` (the parts of an index built from
 * these same chunks) the costly facts are taken from it; only the look-ups are made again.
 */
function* learnFacts(chunks: readonly IndexedChunk[], analyzer: Analyzer, saved?: FactParts): Work<ChunkFacts> {
  const regulationKeys: Array<ReadonlySet<string>> = [];
  const roles: ChunkRole[] = [];
  const definedTerms: Array<DefinedTerm | undefined> = [];
  const forms: AnswerForm[] = [];
  const facts = {
    byPasal: new Map<string, number[]>(),
    byCitation: new Map<string, number[]>(),
    perRegulation: new Map<string, number>(),
    byId: new Map<string, number>(),
    byRegulationKey: new Map<string, Set<string>>(),
    byTermToken: new Map<string, number[]>(),
  };
  // Thousands of chunks share one regulation name: read its keys once.
  const keysOf = new Map<string, ReadonlySet<string>>();
  for (let doc = 0; doc < chunks.length; doc += 1) {
    const c = chunks[doc]!;
    const name = c.regulation ?? c.citation;
    let keys = keysOf.get(name);
    if (!keys) {
      keys = new Set(extractLegalRefs(name.toLowerCase().replace(/\//g, ' ')).regulations);
      keysOf.set(name, keys);
    }
    regulationKeys.push(keys);
    roles.push(chunkRole(c));
    const term = saved ? savedTerm(saved.definedTerms[doc]!) : definedTerm(c, analyzer);
    definedTerms.push(term);
    forms.push(saved ? formOfBits(saved.forms[doc]!) : answerForm(c));
    if (c.pasal) push(facts.byPasal, c.pasal.toUpperCase(), doc);
    push(facts.byCitation, c.citation, doc);
    facts.byId.set(c.id, doc);
    if (c.regulation) {
      for (const key of keys) {
        const names = facts.byRegulationKey.get(key) ?? new Set<string>();
        names.add(c.regulation);
        facts.byRegulationKey.set(key, names);
      }
    }
    for (const token of term?.tokens ?? []) push(facts.byTermToken, token, doc);
    const reg = c.regulation ?? '';
    facts.perRegulation.set(reg, (facts.perRegulation.get(reg) ?? 0) + 1);
    if ((doc & 63) === 63) yield;
  }
  yield;
  if (saved) {
    const regulations = RegulationDirectory.fromEntries(saved.regulations.map((e) => JSON.parse(e) as RegulationEntry), analyzer);
    const references: number[][] = [];
    const { referenceOffsets: offsets, referenceTargets: targets } = saved;
    for (let doc = 0; doc < chunks.length; doc += 1) {
      references.push(Array.from(targets.subarray(offsets[doc]!, offsets[doc + 1]!)));
      if ((doc & 1023) === 1023) yield;
    }
    const rested = restedRules(chunks, roles, (citation) => facts.byCitation.get(citation) ?? []);
    const doers = new Set(saved.doers);
    const agentRoots = yield* savedAgentRoots(saved.agentRoots);
    return { ...facts, regulationKeys, roles, definedTerms, forms, regulations, references, restedRules: rested, doers, agentRoots };
  }
  const doers = yield* learningDoers(chunks.map((c) => splitCrossReferences(c).own));
  const regulations = yield* RegulationDirectory.building(chunks, analyzer);
  const references = yield* findingCrossReferences(chunks, roles, (pasal) => facts.byPasal.get(pasal.toUpperCase()) ?? []);
  const rested = restedRules(chunks, roles, (citation) => facts.byCitation.get(citation) ?? []);
  const agentRoots = yield* readingAgentRoots(chunks, analyzer, doers);
  return { ...facts, regulationKeys, roles, definedTerms, forms, regulations, references, restedRules: rested, doers, agentRoots };
}

const NO_ROOTS: ReadonlySet<string> = new Set();

/**
 * Every chunk's stated acts, read with the index (about 15 µs a chunk, paced) rather than when a question
 * first asks who does something: read then, a who-question meeting dozens of unread chunks of a large
 * index paid for all of them.
 */
function* readingAgentRoots(chunks: readonly IndexedChunk[], analyzer: Analyzer, doers: ReadonlySet<string>): Work<Array<ReadonlySet<string>>> {
  const roots: Array<ReadonlySet<string>> = [];
  for (let doc = 0; doc < chunks.length; doc += 1) {
    const chunk = chunks[doc]!;
    const read = agentVerbRoots(`${chunk.topic ?? ''}. ${splitCrossReferences(chunk).own}`, analyzer.stemTable, doers);
    roots.push(read.size === 0 ? NO_ROOTS : read);
    if ((doc & 63) === 63) yield;
  }
  return roots;
}

/** Agent roots as saved (see FactParts.agentRoots); reading them from the texts again was most of a load's work. */
function* savedAgentRoots(saved: readonly string[]): Work<Array<ReadonlySet<string>>> {
  const roots: Array<ReadonlySet<string>> = [];
  for (let doc = 0; doc < saved.length; doc += 1) {
    const line = saved[doc]!;
    roots.push(line === '' ? NO_ROOTS : new Set(line.split(' ')));
    if ((doc & 1023) === 1023) yield;
  }
  return roots;
}

/** The saved facts of an index's chunks (see FactParts). */
function factParts(facts: ChunkFacts): FactParts {
  const referenceOffsets = new Uint32Array(facts.references.length + 1);
  let total = 0;
  facts.references.forEach((targets, doc) => {
    referenceOffsets[doc] = total;
    total += targets.length;
  });
  referenceOffsets[facts.references.length] = total;
  return {
    referenceOffsets,
    referenceTargets: Uint32Array.from(facts.references.flat()),
    forms: Uint32Array.from(facts.forms, formBits),
    definedTerms: facts.definedTerms.map((term) => (term ? JSON.stringify([[...term.tokens], term.names]) : '')),
    regulations: facts.regulations.entries().map((e) => JSON.stringify(e)),
    doers: [...facts.doers],
    agentRoots: facts.agentRoots.map((roots) => [...roots].join(' ')),
  };
}

function savedTerm(json: string): DefinedTerm | undefined {
  if (json === '') return undefined;
  const [tokens, names] = JSON.parse(json) as [string[], string[][][]];
  return { tokens: new Set(tokens), names };
}

function formBits(form: AnswerForm): number {
  return (form.list ? 1 : 0) | (form.duration ? 2 : 0) | (form.modal ? 4 : 0) | (form.instrument ? 8 : 0);
}

function formOfBits(bits: number): AnswerForm {
  return { list: (bits & 1) !== 0, duration: (bits & 2) !== 0, modal: (bits & 4) !== 0, instrument: (bits & 8) !== 0 };
}

/** The lexical index as saved next to the vectors: the stem table (with the vocabulary) and the postings. */
export interface LexicalParts {
  stems: StemTableParts;
  bm25: Bm25Parts;
  facts: FactParts;
}

/**
 * Everything retrieval needs, built from the stored chunks: the stem table learnt from their vocabulary,
 * the BM25 index, the typo-tolerant vocabulary and (optionally) the dense half: embedder and vectors.
 */
export class KnowledgeIndex {
  /** Per chunk, the regulation keys of its citation ("reg:pp:38"), to favour a regulation the user names. */
  readonly regulationKeys: ReadonlyArray<ReadonlySet<string>>;
  /** Per chunk, what it is (rule, definition, Penjelasan, restatement, practice, note). */
  readonly roles: readonly ChunkRole[];
  /** The regulations held and the subjects they are known by. */
  readonly regulations: RegulationDirectory;
  /** Per chunk, the term it defines (definitions and Penjelasan items), as index tokens. */
  readonly definedTerms: ReadonlyArray<DefinedTerm | undefined>;
  /** Per chunk, whether it states a list or a period of time. */
  readonly forms: readonly AnswerForm[];
  /** Per chunk, the chunks of the other articles it refers to ("sebagaimana dimaksud dalam Pasal 52"). */
  readonly references: ReadonlyArray<readonly number[]>;
  /** Per chunk, the rules a restatement rests on (empty for other chunks). */
  readonly restedRules: ReadonlyArray<readonly RestedRule[]>;
  private readonly facts: ChunkFacts;

  private constructor(
    readonly chunks: readonly IndexedChunk[],
    readonly analyzer: Analyzer,
    readonly bm25: Bm25Index,
    readonly fuzzy: FuzzyVocabulary,
    facts: ChunkFacts,
    readonly dense?: DenseHalf,
  ) {
    this.facts = facts;
    this.regulationKeys = facts.regulationKeys;
    this.roles = facts.roles;
    this.regulations = facts.regulations;
    this.definedTerms = facts.definedTerms;
    this.forms = facts.forms;
    this.references = facts.references;
    this.restedRules = facts.restedRules;
  }

  /** Chunks whose own address is Pasal `pasal` (any regulation, ayat, angka, Penjelasan), in index order. */
  chunksOfPasal(pasal: string): readonly number[] {
    return this.facts.byPasal.get(pasal.toUpperCase()) ?? [];
  }

  /** Regulations (citation names) whose key a question names ("reg:pp:38" → "PP 38/2017"). */
  regulationsKeyed(key: string): ReadonlySet<string> {
    return this.facts.byRegulationKey.get(key) ?? EMPTY;
  }

  /**
   * Chunks defining a term that covers every group of `subject` (a group is covered by any one of its
   * variants), in index order. Read from the group with the fewest definitions: a word every regulation
   * defines terms with ("daerah") would otherwise make each of its definitions a candidate, thousands of
   * them on a large index.
   */
  definitionsCovering(subject: ReadonlyArray<readonly string[]>): number[] {
    if (subject.length === 0) return [];
    const listed = (group: readonly string[]) => group.reduce((n, t) => n + (this.facts.byTermToken.get(t)?.length ?? 0), 0);
    let rarest = subject[0]!;
    for (const group of subject) if (listed(group) < listed(rarest)) rarest = group;
    const candidates = new Set<number>();
    for (const t of rarest) for (const doc of this.facts.byTermToken.get(t) ?? []) candidates.add(doc);
    const out: number[] = [];
    for (const doc of candidates) {
      const tokens = this.facts.definedTerms[doc]!.tokens;
      if (subject.every((group) => group.some((t) => tokens.has(t)))) out.push(doc);
    }
    return out.sort((a, b) => a - b);
  }

  /** The roots of the verbs a chunk's own sentences state with their doer (see agentVerbRoots). */
  agentRoots(doc: number): ReadonlySet<string> {
    return this.facts.agentRoots[doc] ?? NO_ROOTS;
  }

  /** The words naming doers in this index's texts (see learnDoers). */
  doers(): ReadonlySet<string> {
    return this.facts.doers;
  }

  /** The position of a chunk in the index, by its id. */
  docOf(id: string): number | undefined {
    return this.facts.byId.get(id);
  }

  /** Chunks cited exactly so. */
  chunksCited(citation: string): readonly number[] {
    return this.facts.byCitation.get(citation) ?? [];
  }

  /** The article numbers a regulation has in the index, ascending ("15A" counts as 15), listed once. */
  pasalNumbers(regulation: string): readonly number[] {
    if (!this.numbers) {
      const sets = new Map<string, Set<number>>();
      for (const [pasal, docs] of this.facts.byPasal) {
        const value = Number.parseInt(pasal, 10);
        if (!Number.isFinite(value)) continue;
        for (const doc of docs) {
          const key = this.chunks[doc]!.regulation ?? '';
          let set = sets.get(key);
          if (!set) sets.set(key, (set = new Set()));
          set.add(value);
        }
      }
      this.numbers = new Map([...sets].map(([key, set]) => [key, [...set].sort((a, b) => a - b)]));
    }
    return this.numbers.get(regulation) ?? [];
  }

  private numbers?: Map<string, number[]>;

  /**
   * The subject a rule lists (see listedSubject), read when a list question first meets the chunk: only
   * list questions ask, and only of their candidates, so it is not worth a pass over every chunk.
   */
  listedSubject(doc: number): DefinedTerm | undefined {
    const known = this.listed.get(doc);
    if (known !== undefined) return known || undefined;
    const subject = listedSubject(this.chunks[doc]!, this.analyzer);
    this.listed.set(doc, subject ?? false);
    return subject;
  }

  private readonly listed = new Map<number, DefinedTerm | false>();

  /** How many chunks a regulation has in the index ("" for chunks without one). */
  regulationSize(regulation: string): number {
    return this.facts.perRegulation.get(regulation) ?? 0;
  }

  /** Lexical part only, built now (tests, the evaluation). */
  static buildLexical(chunks: readonly IndexedChunk[], options: AnalyzerOptions = FULL_ANALYSIS): KnowledgeIndex {
    return runToEnd(KnowledgeIndex.buildingLexical(chunks, options));
  }

  /** Lexical part only, as paceable work: vocabulary, stem table, postings, typo index, chunk facts. */
  static *buildingLexical(chunks: readonly IndexedChunk[], options: AnalyzerOptions = FULL_ANALYSIS): Work<KnowledgeIndex> {
    const vocabulary = new Set<string>();
    for (let doc = 0; doc < chunks.length; doc += 1) {
      for (const { text } of searchableFields(chunks[doc]!)) for (const w of vocabularyOf(text)) vocabulary.add(w);
      if ((doc & 63) === 63) yield;
    }
    const analyzer = new Analyzer(yield* StemTable.learning(vocabulary), options);
    const bm25 = yield* Bm25Index.building(chunks, analyzer);
    return yield* KnowledgeIndex.completing(chunks, analyzer, bm25);
  }

  /**
   * The lexical index from its saved parts and the chunks it was built from, as paceable work: only the
   * typo index and the look-ups over the chunk facts are made again (no chunk text is read).
   */
  static *loadingLexical(chunks: readonly IndexedChunk[], parts: LexicalParts): Work<KnowledgeIndex> {
    if (parts.bm25.size !== chunks.length) throw new Error(`saved index has ${parts.bm25.size} chunks, the store ${chunks.length}`);
    const analyzer = new Analyzer(yield* StemTable.fromParts(parts.stems), FULL_ANALYSIS);
    const bm25 = yield* Bm25Index.fromParts(parts.bm25);
    return yield* KnowledgeIndex.completing(chunks, analyzer, bm25, parts.facts);
  }

  private static *completing(chunks: readonly IndexedChunk[], analyzer: Analyzer, bm25: Bm25Index, saved?: FactParts): Work<KnowledgeIndex> {
    const fuzzy = yield* FuzzyVocabulary.learning(analyzer.stemTable.vocabulary());
    const facts = yield* learnFacts(chunks, analyzer, saved);
    return new KnowledgeIndex(chunks, analyzer, bm25, fuzzy, facts);
  }

  /** What to save so that the next start loads this index instead of building it (full analysis only). */
  lexicalParts(): LexicalParts {
    return { stems: this.analyzer.stemTable.toParts(), bm25: this.bm25.toParts(), facts: factParts(this.facts) };
  }

  /** The default local embedder for this corpus (IDF from the BM25 statistics). */
  localEmbedder(): LocalEmbedder {
    return new LocalEmbedder(this.analyzer, (token) => this.bm25.idf(token));
  }

  withDense(dense: DenseHalf): KnowledgeIndex {
    return new KnowledgeIndex(this.chunks, this.analyzer, this.bm25, this.fuzzy, this.facts, dense);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
