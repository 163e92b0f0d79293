/**
 * Shapes shared by ingestion, indexing and answering. A chunk is the unit Pandu retrieves and cites:
 * one ayat, one Pasal without ayat, one definition (angka), one Penjelasan item, or one curated note.
 */

/** The legal address of a chunk. Every field is optional because guides and FAQs have no Pasal. */
export interface CitationParts {
  /** Short regulation name: "UU 23/2014", "PP 38/2017", "Permendagri 104/2018", "Permen PANRB 91/2021". */
  regulation?: string;
  /** True for the elucidation (Penjelasan) of a Pasal. */
  penjelasan?: boolean;
  /** Pasal number as written, e.g. "7" or "15A". */
  pasal?: string;
  ayat?: string;
  /** Definition number inside a Pasal (Pasal 1 angka 13). */
  angka?: string;
  huruf?: string;
  /** Used when there is no Pasal: the document or topic cited instead ("Pedoman IID 2023"). */
  label?: string;
}

/** A chunk as produced by a loader/chunker, before it is stored. */
export interface ChunkDraft extends CitationParts {
  /** The citation string shown to users; see citation.ts for the format. */
  citation: string;
  /** Structural context, e.g. "BAB III PENGUSULAN ... > Bagian Kesatu Pengusulan". */
  heading?: string;
  /** Short subject of the chunk (curated files). */
  topic?: string;
  /** Extra phrasings of the same content that help retrieval (curated files only). */
  aliases?: string[];
  /** Practice of a given year (IID/IGA, KIPP), not regulation text. */
  practice?: boolean;
  /**
   * For a restatement (an FAQ entry, a summary): every citation it rests on, its own included. A rule
   * ranks above its restatements, and an answer from a restatement cites all of these.
   */
  restsOn?: string[];
  text: string;
}

/** kind of document: our curated knowledge file, a regulation text, or any other text. */
export type DocumentKind = 'curated' | 'regulation' | 'text';

/** A file turned into chunks, ready to be stored and indexed. */
export interface ParsedDocument {
  title: string;
  regulation?: string;
  kind: DocumentKind;
  /** berlaku | diubah | dicabut */
  status: string;
  chunks: ChunkDraft[];
}
