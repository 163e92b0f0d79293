/**
 * How retrieval adjusts lexical scores for whole classes of questions and passages. Each one is a
 * multiplier (1 = no effect), so the evaluation can switch one off and measure what it buys.
 */
export interface RankingPriors {
  /** A passage of a regulation the question names ("menurut PP 38", "UU pemda"). */
  namedRegulation: number;
  /** A passage of another regulation, when the question names one. */
  otherRegulation: number;
  /** A passage of no regulation (practice note, guide), when the question names one. */
  noRegulation: number;
  /** A Penjelasan or definition, when the question asks what something means. */
  definition: number;
  /**
   * A Penjelasan item, when the question does not ask what something means: it elucidates a rule's words,
   * and the rule states what the question asks (who, by what instrument, within what period).
   */
  elucidation: number;
  /** A definition or Penjelasan item of exactly the term asked about ("apa itu APIP" → "APIP adalah …"). */
  definedTerm: number;
  /** A restatement (FAQ entry, summary) of rules stated elsewhere: the rule ranks above it. */
  restatement: number;
  /** The rule a restatement mainly rests on takes this share of the restatement's own score (its place). */
  mainRuleShare: number;
  /** The other rules it rests on, at this share (lower down). */
  otherRuleShare: number;
  /**
   * The article a well-matching passage refers to ("… persyaratan sebagaimana dimaksud dalam Pasal 52")
   * takes this share of that passage's score, so the rule it defers to is found too.
   */
  referenceShare: number;
  /** A passage stating a list, for a question asking for one ("apa saja"); a period, for "berapa lama". */
  answerForm: number;
  /**
   * A passage stating who does the act a "siapa yang …" question asks about ("Menteri menilai Daerah"),
   * or the act a question states with its doer ("kepala daerah netapin apa"), over its neighbours that
   * name the act without its doer or state who does the next step.
   */
  agent: number;
  /**
   * A rule listing exactly the subject a list question names ("apa saja kewajiban kepala daerah" →
   * "Kewajiban kepala daerah … meliputi: a. …"), over the definition of that subject and the other lists.
   */
  listedSubject: number;
  /** The weight of the words asking for a period ("berapa lama", "batas waktu"), as search words. */
  askingWord: number;
  /** A practice note (IID/IGA, KIPP of a year or a region), when the question is not about practice. */
  practice: number;
  /**
   * The framing text of a regulation ingested as it is (Menimbang, Mengingat, Penjelasan Umum, Lampiran),
   * when the question does not ask about framing: long passages that mention most of the regulation's
   * subjects, and so matched many a question an article answers.
   */
  framingText: number;
  /**
   * The share of a matched word pair's score that counts in ranking. A pair is rare however ordinary its
   * words, so its IDF alone made it count like a whole word of the question; abstention still reads it
   * whole (the pair group's own weight), as evidence that the question's phrasing is in the base.
   */
  pairShare: number;
  /**
   * An article among a regulation's transitional provisions (under "KETENTUAN PERALIHAN"), for a question
   * about what existed before the regulation took effect: their words are a regulation's own ("dinyatakan
   * sebagai", "tetap berlaku"), rarely the asker's ("masih diakui", "sebelum PP ini keluar"). At 2 such an
   * article, matching only the question's commonest words, stayed below the definitions its everyday words
   * ("pemda") matched; 3 lifts it on three sets about PP 38/2017 and changes no curated question.
   */
  transitional: number;
  /** A question naming a Pasal is first an exact look-up of that Pasal by its metadata. */
  exactLookup: boolean;
  /** A regulation may be named by its subject ("UU pemda"), not only by its number. */
  namedBySubject: boolean;
  /** An acronym the base never writes is read as the phrase it abbreviates in nearby passages (acronyms.ts). */
  spelledOutAcronyms: boolean;
}

export const DEFAULT_PRIORS: RankingPriors = {
  namedRegulation: 1.5,
  otherRegulation: 0.6,
  noRegulation: 0.8,
  definition: 1.2,
  elucidation: 0.7,
  definedTerm: 2,
  restatement: 0.75,
  mainRuleShare: 1,
  otherRuleShare: 0.6,
  referenceShare: 0.6,
  answerForm: 1.2,
  agent: 2,
  listedSubject: 2,
  askingWord: 0.5,
  practice: 0.5,
  framingText: 0.5,
  pairShare: 0.4,
  transitional: 3,
  exactLookup: true,
  namedBySubject: true,
  spelledOutAcronyms: true,
};

/** Each prior switched off on its own, for `eval --ablation`. */
export const PRIOR_ABLATIONS: ReadonlyArray<{ label: string; priors: Partial<RankingPriors> }> = [
  { label: 'tanpa cari pasal langsung', priors: { exactLookup: false } },
  { label: 'tanpa fokus peraturan disebut', priors: { namedRegulation: 1, otherRegulation: 1, noRegulation: 1, namedBySubject: false } },
  { label: 'tanpa aturan di atas FAQ', priors: { restatement: 1 } },
  { label: 'tanpa redam penjelasan (bukan soal arti)', priors: { elucidation: 1 } },
  { label: 'tanpa istilah yang didefinisikan', priors: { definedTerm: 1 } },
  { label: 'tanpa redam catatan praktik', priors: { practice: 1 } },
  { label: 'tanpa redam lampiran/konsiderans', priors: { framingText: 1 } },
  { label: 'tanpa rujukan antarpasal', priors: { referenceShare: 0 } },
  { label: 'tanpa bentuk jawaban (daftar/waktu)', priors: { answerForm: 1 } },
  { label: 'tanpa pelaku yang ditanya (siapa)', priors: { agent: 1 } },
  { label: 'tanpa subjek daftar yang ditanya', priors: { listedSubject: 1 } },
  { label: 'tanpa redam kata tanya waktu', priors: { askingWord: 1 } },
  { label: 'tanpa redam pasangan kata', priors: { pairShare: 1 } },
  { label: 'tanpa singkatan diuraikan', priors: { spelledOutAcronyms: false } },
  { label: 'tanpa ketentuan peralihan', priors: { transitional: 1 } },
];
