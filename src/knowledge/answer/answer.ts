import type { RetrievalHit } from '../retrieval/retriever.js';

/** What Pandu says to a question, and what it rests on. */
export interface Answer {
  /** answer: grounded in the knowledge base; not_found: the base has no basis for it. */
  kind: 'answer' | 'not_found';
  text: string;
  /** Citations the answer rests on, as shown to the user. */
  citations: string[];
  hits: RetrievalHit[];
  confidence: number;
  /** How the text was produced. */
  via: 'llm' | 'extractive' | 'none';
  /** Set when an LLM was configured but failed and the extractive answer was used instead. */
  llmError?: string;
}
