import { Analyzer, FULL_ANALYSIS, vocabularyOf, type AnalyzerOptions } from '../analysis/analyzer.js';
import { StemTable } from '../analysis/stemmer.js';
import type { Embedder } from '../embeddings/embedder.js';
import { LocalEmbedder } from '../embeddings/local-embedder.js';
import { extractLegalRefs } from '../analysis/legal-refs.js';
import { Bm25Index } from './bm25.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { searchableFields, type IndexedChunk } from './indexed-chunk.js';
import type { VectorIndex } from './vector-index.js';
import { chunkRole, type ChunkRole } from './chunk-role.js';
import { RegulationDirectory } from './regulation-directory.js';
import { definedTerm, type DefinedTerm } from './defined-terms.js';
import { crossReferences } from './cross-references.js';
import { answerForm, type AnswerForm } from './answer-forms.js';

/** Text of a chunk as the embedder sees it. */
export function embeddingText(chunk: IndexedChunk): string {
  return [chunk.topic, chunk.aliases, chunk.text].filter(Boolean).join('\n');
}

/**
 * Everything retrieval needs, built from the stored chunks: the stem table learnt from their vocabulary,
 * the BM25 index, the typo-tolerant vocabulary and (optionally) the dense vector index.
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
  private readonly byPasal = new Map<string, number[]>();
  private readonly byCitation = new Map<string, number[]>();
  private readonly perRegulation = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  private readonly byRegulationKey = new Map<string, Set<string>>();
  private readonly byTermToken = new Map<string, number[]>();

  constructor(
    readonly chunks: readonly IndexedChunk[],
    readonly analyzer: Analyzer,
    readonly bm25: Bm25Index,
    readonly fuzzy: FuzzyVocabulary,
    readonly dense?: { embedder: Embedder; vectors: VectorIndex },
    regulations?: RegulationDirectory,
  ) {
    this.regulationKeys = chunks.map(
      (c) => new Set(extractLegalRefs((c.regulation ?? c.citation).toLowerCase().replace(/\//g, ' ')).regulations),
    );
    this.roles = chunks.map(chunkRole);
    this.definedTerms = chunks.map((c) => definedTerm(c, analyzer));
    this.forms = chunks.map(answerForm);
    this.regulations = regulations ?? RegulationDirectory.build(chunks, analyzer);
    chunks.forEach((c, doc) => {
      if (c.pasal) push(this.byPasal, c.pasal.toUpperCase(), doc);
      push(this.byCitation, c.citation, doc);
      this.byId.set(c.id, doc);
      if (c.regulation) {
        for (const key of this.regulationKeys[doc]!) {
          const names = this.byRegulationKey.get(key) ?? new Set<string>();
          names.add(c.regulation);
          this.byRegulationKey.set(key, names);
        }
      }
      for (const token of this.definedTerms[doc]?.tokens ?? []) push(this.byTermToken, token, doc);
      const reg = c.regulation ?? '';
      this.perRegulation.set(reg, (this.perRegulation.get(reg) ?? 0) + 1);
    });
    this.references = crossReferences(chunks, this.roles, (pasal) => this.chunksOfPasal(pasal));
  }

  /** Chunks whose own address is Pasal `pasal` (any regulation, ayat, angka, Penjelasan), in index order. */
  chunksOfPasal(pasal: string): readonly number[] {
    return this.byPasal.get(pasal.toUpperCase()) ?? [];
  }

  /** Regulations (citation names) whose key a question names ("reg:pp:38" → "PP 38/2017"). */
  regulationsKeyed(key: string): ReadonlySet<string> {
    return this.byRegulationKey.get(key) ?? EMPTY;
  }

  /** Chunks defining a term that one of these tokens stands for. */
  definitionsWith(tokens: Iterable<string>): Set<number> {
    const out = new Set<number>();
    for (const t of tokens) for (const doc of this.byTermToken.get(t) ?? []) out.add(doc);
    return out;
  }

  /** The position of a chunk in the index, by its id. */
  docOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Chunks cited exactly so. */
  chunksCited(citation: string): readonly number[] {
    return this.byCitation.get(citation) ?? [];
  }

  /** How many chunks a regulation has in the index ("" for chunks without one). */
  regulationSize(regulation: string): number {
    return this.perRegulation.get(regulation) ?? 0;
  }

  /** Lexical part only; fast, synchronous. */
  static buildLexical(chunks: readonly IndexedChunk[], options: AnalyzerOptions = FULL_ANALYSIS): KnowledgeIndex {
    const vocabulary = new Set<string>();
    for (const chunk of chunks) for (const { text } of searchableFields(chunk)) for (const w of vocabularyOf(text)) vocabulary.add(w);
    const analyzer = new Analyzer(new StemTable(vocabulary), options);
    const bm25 = Bm25Index.build(chunks, analyzer);
    return new KnowledgeIndex(chunks, analyzer, bm25, new FuzzyVocabulary(vocabulary));
  }

  /** The default local embedder for this corpus (IDF from the BM25 statistics). */
  localEmbedder(): LocalEmbedder {
    return new LocalEmbedder(this.analyzer, (token) => this.bm25.idf(token));
  }

  withDense(embedder: Embedder, vectors: VectorIndex): KnowledgeIndex {
    return new KnowledgeIndex(this.chunks, this.analyzer, this.bm25, this.fuzzy, { embedder, vectors }, this.regulations);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
