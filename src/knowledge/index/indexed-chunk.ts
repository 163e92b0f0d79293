/** What amended the text a chunk rests on (an admin marked it diubah): shown with every answer from it. */
export interface Amendment {
  /** What was amended: "UU 23/2014 Pasal 5", or a whole regulation or document. */
  subject: string;
  /** By what, as the admin wrote it ("UU 9/2015"). */
  by: string;
}

/** A stored chunk as the retrieval layer sees it. */
export interface IndexedChunk {
  id: string;
  documentId: string;
  citation: string;
  regulation?: string | null;
  pasal?: string | null;
  ayat?: string | null;
  huruf?: string | null;
  angka?: string | null;
  penjelasan: boolean;
  practice?: boolean;
  /** The text is a regulation's own wording (ingested), to be quoted rather than paraphrased. */
  quote?: boolean;
  heading?: string | null;
  /** Title of the document the chunk comes from ("Peraturan Pemerintah Nomor 38 Tahun 2017 tentang …"). */
  documentTitle?: string | null;
  topic?: string | null;
  /** Alternative phrasings, newline-separated. */
  aliases?: string | null;
  /** Set for a restatement (FAQ entry, summary): the citations it rests on, newline-separated. */
  restsOn?: string | null;
  text: string;
  /** Set when the Pasal or document this chunk rests on was amended (see knowledge/status). */
  amendment?: Amendment;
}

/** Sentences that send the reader to another article ("... diatur dalam PP 38/2017 Pasal 6") describe
 * that article, not this one, so they count for less. */
const CROSS_REFERENCE_WEIGHT = 0.25;

/** The fields of a chunk that are searched, with how much a match in each counts. */
export function searchableFields(chunk: IndexedChunk): Array<{ text: string; weight: number }> {
  const { own, references } = splitCrossReferences(chunk);
  return [
    { text: chunk.citation, weight: 2 },
    { text: chunk.topic ?? '', weight: FIELD_WEIGHTS.topic },
    { text: chunk.heading ?? '', weight: FIELD_WEIGHTS.heading },
    { text: chunk.aliases ?? '', weight: FIELD_WEIGHTS.aliases },
    { text: own, weight: 1 },
    { text: references, weight: CROSS_REFERENCE_WEIGHT },
  ];
}

/** Topic and title say what a unit answers, so they count more than the body (measured on our tune set). */
const FIELD_WEIGHTS = { topic: 1.5, heading: 1.5, aliases: 1 };

const PASAL_MENTION = /\bPasal\s+(\d+[A-Z]?)/g;

/** Splits a chunk's text into its own sentences and those that point at other articles. */
export function splitCrossReferences(chunk: IndexedChunk): { own: string; references: string } {
  if (chunk.quote) return { own: chunk.text, references: '' };
  const sentences = chunk.text.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [chunk.text];
  const own: string[] = [];
  const references: string[] = [];
  sentences.forEach((sentence, i) => {
    const mentioned = [...sentence.matchAll(PASAL_MENTION)].map((m) => m[1]);
    const elsewhere = mentioned.some((p) => p !== chunk.pasal);
    // The first sentence states the unit itself, even when it names a related article in passing.
    if (i > 0 && elsewhere) references.push(sentence);
    else own.push(sentence);
  });
  return { own: own.join(' '), references: references.join(' ') };
}
