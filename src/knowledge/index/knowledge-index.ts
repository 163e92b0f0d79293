import { Analyzer, FULL_ANALYSIS, vocabularyOf, type AnalyzerOptions } from '../analysis/analyzer.js';
import { StemTable } from '../analysis/stemmer.js';
import type { Embedder } from '../embeddings/embedder.js';
import { LocalEmbedder } from '../embeddings/local-embedder.js';
import { extractLegalRefs } from '../analysis/legal-refs.js';
import { Bm25Index } from './bm25.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { searchableFields, type IndexedChunk } from './indexed-chunk.js';
import type { VectorIndex } from './vector-index.js';

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

  constructor(
    readonly chunks: readonly IndexedChunk[],
    readonly analyzer: Analyzer,
    readonly bm25: Bm25Index,
    readonly fuzzy: FuzzyVocabulary,
    readonly dense?: { embedder: Embedder; vectors: VectorIndex },
  ) {
    this.regulationKeys = chunks.map(
      (c) => new Set(extractLegalRefs((c.regulation ?? c.citation).toLowerCase().replace(/\//g, ' ')).regulations),
    );
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
    return new KnowledgeIndex(this.chunks, this.analyzer, this.bm25, this.fuzzy, { embedder, vectors });
  }
}
