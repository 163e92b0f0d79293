import type { Logger } from '../../logger.js';
import type { IndexedChunk } from '../index/indexed-chunk.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import { decideAbstention, type AbstentionSignals } from './abstention.js';
import type { Bm25Hit } from '../index/bm25.js';
import type { VectorHit } from '../index/vector-index.js';
import { prepareQuery, type PreparedQuery } from './query-groups.js';
import { spellOutAcronyms, type SpelledOut } from './acronyms.js';
import { COMPARISON_WORDS, COVERAGE_CUES, DEFINITION_CUES, DURATION_CUES, readCues, type QuestionCues } from './question-cues.js';
import { lookUpPasal, readPasalRequests, type PasalLookup, type PasalRequest } from './pasal-lookup.js';
import { DocScores } from './doc-scores.js';
import { fuseRanks, lexicalRanking, type Fused } from './fused-ranking.js';
import { termMatch } from '../index/defined-terms.js';
import { doerAct, LIGHT_VERBS } from '../index/agent-verbs.js';
import { QuestionText } from './question-text.js';
import { DEFAULT_PRIORS, type RankingPriors } from './ranking-priors.js';

/** Weight of a word that names a regulation by its subject, relative to the question's other words. */
const NAMING_WORD_WEIGHT = 0.2;

/**
 * BM25 candidates, as a multiple of `depth`: the passages the ranking priors may still lift into the first
 * places. At 1.5 (60) every question of every set ranks as at 2 (80), and an answer costs about 6% less.
 */
const LEXICAL_CANDIDATES = 1.5;

/** The share of a listed subject's words a list question must name for the rule listing it to rank first. */
const LISTED_SHARE = 0.8;

/**
 * For a list question, BM25 candidates as a multiple of the usual ones, of which those past the usual are
 * kept only when they list the subject asked: in a regulation's chapter every article shares the chapter's
 * title ("BAB VI SANKSI ADMINISTRATIF"), and the rule listing the sanctions, longer than its neighbours,
 * ranked 85th by words alone for "sanksi administratif apa saja".
 */
const LISTED_CANDIDATES = 5;

/** Words besides the things compared that a comparison of their definitions may hold ("apa beda pejabat Plt dan Plh"). */
const COMPARED_ASPECT_WORDS = 1;

/** The chapter of a regulation's transitional provisions, as its heading names it. */
const TRANSITIONAL_RE = /\bperalihan\b/i;

/** How many of the best passages lend to the articles they refer to. */
const REFERRING_PASSAGES = 5;

export interface RetrievalHit {
  chunk: IndexedChunk;
  /** Fused score in [0, 1], comparable within one query. */
  score: number;
  bm25: number;
  similarity: number;
}

export interface RetrievalResult {
  hits: RetrievalHit[];
  abstain: boolean;
  /** How sure retrieval is that the knowledge base answers the question, 0..1. */
  confidence: number;
  signals: AbstentionSignals;
  /** Set when the question named a Pasal the index holds: the exact look-up that ranked first. */
  lookup?: PasalLookup;
  /** What kind of answer the question wants (a definition, a list, a period …). */
  cues: QuestionCues;
  /** The best hit is the definition of exactly the term asked about (it was placed first for that). */
  definitionFirst?: boolean;
  /** Refused because the base lacks every article asked for: what was asked, and in which regulations. */
  absentArticles?: AbsentArticles;
  /** Acronyms the base never writes, read as the phrases they abbreviate there (see acronyms.ts). */
  spelledOut?: SpelledOut[];
}

export interface AbsentArticles {
  requests: PasalRequest[];
  /** The regulations the question named (empty: it named none, and no regulation has the article). */
  named: string[];
}

export type RetrievalMode = 'hybrid' | 'bm25' | 'dense';

export interface RetrieverOptions {
  /** Candidates taken from each half before fusion. */
  depth?: number;
  /** Reciprocal-rank-fusion constant. */
  rrfK?: number;
  /** Weight of the dense half in fusion (BM25 counts 1); default depends on the embedder. */
  denseWeight?: number;
  mode?: RetrievalMode;
  /** Ranking adjustments; the evaluation switches them off one at a time to measure each. */
  priors?: Partial<RankingPriors>;
  minConfidence?: number;
  /** Told when the dense half starts failing (once per outage) and when it works again. */
  logger?: Logger;
}

/**
 * Hybrid retrieval: BM25 with the Indonesian analyzer fused by reciprocal rank with dense vectors, then a
 * decision whether the knowledge base covers the question at all (see abstention.ts).
 */
export class Retriever {
  private readonly depth: number;
  private readonly rrfK: number;
  private readonly denseWeight: number;
  private readonly mode: RetrievalMode;
  private readonly priors: RankingPriors;
  private readonly minConfidence?: number;
  private readonly logger?: Logger;
  /** Set while the embeddings endpoint is failing, so an outage is logged once, not per question. */
  private denseDown = false;
  /** Scratch for adjustLexical, reused from one question to the next. */
  private readonly scores = new DocScores();

  constructor(
    readonly index: KnowledgeIndex,
    options: RetrieverOptions = {},
  ) {
    this.depth = options.depth ?? 40;
    this.rrfK = options.rrfK ?? 10;
    this.denseWeight = options.denseWeight ?? defaultDenseWeight(index);
    this.mode = options.mode ?? 'hybrid';
    this.priors = { ...DEFAULT_PRIORS, ...options.priors };
    this.minConfidence = options.minConfidence;
    this.logger = options.logger;
  }

  /**
   * The dense half, or undefined when the embedder fails (a remote embeddings endpoint is down or slow):
   * one outage must not take Q&A down with it. BM25 still ranks, and abstention is lexical anyway.
   */
  private async searchDense(dense: NonNullable<KnowledgeIndex['dense']>, question: string): Promise<VectorHit[] | undefined> {
    try {
      const query = await dense.embedder.embedQuery(question);
      const hits = (await dense.vectors()).search(query, this.depth);
      if (this.denseDown) {
        this.denseDown = false;
        this.logger?.info({ embedder: dense.embedder.id }, 'dense retrieval works again');
      }
      return hits;
    } catch (error) {
      if (!this.denseDown) {
        this.denseDown = true;
        const err = error instanceof Error ? error.message : String(error);
        this.logger?.warn({ embedder: dense.embedder.id, err }, 'dense retrieval failed; answering from BM25 alone until it works again');
      }
      return undefined;
    }
  }

  /** Whether a passage is among a regulation's transitional provisions (its chapter heading says so). */
  private isTransitional(doc: number): boolean {
    const heading = this.index.chunks[doc]!.heading;
    return Boolean(heading && TRANSITIONAL_RE.test(heading));
  }

  /**
   * "Apa bedanya X dengan Y": the definitions of the things compared, each defined exactly, when the
   * sentence asking names at least two of them. "Apa yang membedakan tiap tipe" compares the kinds of one
   * thing, and the story of a long message ("dinas-dinas di daerah kami") is not what is compared: put
   * first, the definitions of "Daerah" and of "dinas" answered a question about the types of dinas. Nor
   * when the sentence asks how one aspect of them differs.
   */
  private comparedDefinitions(subject: string[][], read: QuestionText): number[] {
    const asking = read.sentences().find((words) => words.some((w) => COMPARISON_WORDS.has(w)));
    // Every token the sentence stands for: its words, their roots and the concepts they name ("OPD").
    const said = new Set(this.index.analyzer.analyzeWords(asking ?? read.words()).flatMap((g) => g.variants));
    const named = subject.filter((variants) => variants.some((v) => said.has(v)));
    const found = named.map((one) => exactDefinitions(this.index, [one])).filter((docs) => docs.length > 0);
    // "Perbedaan tanggung jawab pejabat antara delegasi dan mandat" compares one aspect of the two, which
    // their definitions do not state: more than one other word in the sentence is such an aspect.
    return found.length >= 2 && named.length - found.length <= COMPARED_ASPECT_WORDS ? found.flat() : [];
  }

  /**
   * Adjustments of the lexical scores before fusion, for whole classes of questions and passages: a named
   * regulation, a question asking what something means, rules above their restatements, practice notes
   * only for practice questions.
   */
  private adjustLexical(
    named: ReadonlySet<string>,
    cues: QuestionCues,
    subject: string[][],
    hits: Bm25Hit[],
    pairs: readonly number[],
    actedOn: AskedAct | undefined,
    listAsked: string[][] | undefined,
  ): DocScores {
    const { chunks, roles, definedTerms } = this.index;
    const p = this.priors;
    const asked = new Set(subject.flat());
    const scores = this.scores;
    scores.begin(chunks.length);
    // What a restatement lends its rules: its score before its own shape counted (the rule is judged on its own).
    const lendable = new Map<number, number>();
    for (const h of hits) {
      const chunk = chunks[h.doc]!;
      const role = roles[h.doc]!;
      let factor = 1;
      if (named.size > 0) {
        if (chunk.regulation && named.has(chunk.regulation)) factor *= p.namedRegulation;
        else factor *= chunk.regulation ? p.otherRegulation : p.noRegulation;
      }
      const term = definedTerms[h.doc];
      if (cues.definition && (chunk.penjelasan || chunk.angka || term)) {
        if (chunk.penjelasan || chunk.angka) factor *= p.definition;
        const match = term ? termMatch(subject, term, asked) : undefined;
        if (match && match.subjectShare >= 0.5 && match.termShare >= 0.5) {
          factor *= match.subjectShare === 1 && match.termShare === 1 ? p.definedTerm : Math.sqrt(p.definedTerm);
        }
      }
      if (!cues.definition && role === 'penjelasan') factor *= p.elucidation;
      if (!cues.practice && (role === 'practice' || (role === 'restatement' && chunk.practice))) factor *= p.practice;
      if (!cues.framing && role === 'note' && chunk.quote) factor *= p.framingText;
      if (cues.transition && this.isTransitional(h.doc)) factor *= p.transitional;
      let score = h.score;
      for (const i of pairs) score -= (1 - p.pairShare) * h.groupScores[i]!;
      if (role === 'restatement') lendable.set(h.doc, score * factor);
      const restated = role === 'restatement' ? p.restatement : 1;
      scores.set(h.doc, score * factor * restated * this.shapeFactor(h.doc, cues, actedOn, listAsked), h.groupScores);
    }
    // An FAQ entry gives up its place to the rule it is cited as (lends its undemoted score) and puts the
    // other rules it rests on lower; a summary, cited by a label, has no main rule and lends to all alike.
    // A rule's own score is never lowered by this.
    if (p.restatement < 1) {
      for (const h of hits) {
        const undemoted = lendable.get(h.doc);
        if (undemoted === undefined) continue;
        for (const rule of this.index.restedRules[h.doc]!) {
          const share = undemoted * (rule.main ? p.mainRuleShare : p.otherRuleShare);
          for (const doc of rule.docs) {
            const lent = share * this.shapeFactor(doc, cues, actedOn, listAsked);
            if (scores.score(doc) < lent) scores.set(doc, lent, h.groupScores);
          }
        }
      }
    }
    // The best passages lend to the articles they defer to ("sebagaimana dimaksud dalam Pasal 52").
    if (p.referenceShare > 0) {
      const best = scores.best(REFERRING_PASSAGES).map((doc) => ({ doc, score: scores.score(doc) }));
      for (const { doc, score } of best) {
        for (const target of this.index.references[doc] ?? []) {
          const lent = score * p.referenceShare;
          if (scores.score(target) < lent) scores.set(target, lent, scores.groupScores(doc)!);
        }
      }
    }
    return scores;
  }

  /**
   * How well a passage's shape fits what the question asks for: the list, period or prohibition asked
   * about, or who does the asked act. A property of the passage's own text, so a restatement does not
   * lend it to the rules it rests on.
   */
  private shapeFactor(doc: number, cues: QuestionCues, actedOn: AskedAct | undefined, listAsked: string[][] | undefined): number {
    const p = this.priors;
    const form = this.index.forms[doc]!;
    let factor = 1;
    if ((cues.list && form.list) || (cues.duration && form.duration) || (cues.permission && form.modal) || (cues.instrument && form.instrument)) {
      factor *= p.answerForm;
    }
    // "Apa saja kewajiban kepala daerah?" is answered by the rule listing exactly that ("Kewajiban kepala
    // daerah … meliputi: a. …"), over its neighbours that define the subject or use its words for more.
    if (listAsked && this.listsAsked(doc, listAsked)) factor *= p.listedSubject;
    // Who does what is a norm, stated by rules: not by a definition of what something is, nor by notes
    // about a regulation or a practice. A restatement's doer comes from one of the rules it rests on, which
    // gets the factor when the restatement lends it its score.
    if (actedOn?.docs.has(doc) && this.index.roles[doc] === 'rule' && sharesAny(this.index.agentRoots(doc), actedOn.tokens)) factor *= p.agent;
    return factor;
  }

  /**
   * The passage is a rule listing the subject a list question asks for. One word of a subject of five or
   * more may be left out ("hak keuangan anggota DPRD" for "… DPRD provinsi").
   */
  private listsAsked(doc: number, listAsked: string[][]): boolean {
    if (!this.index.forms[doc]!.list) return false;
    const listed = this.index.listedSubject(doc);
    return listed !== undefined && termMatch(listAsked, listed).termShare >= LISTED_SHARE;
  }

  /**
   * The index tokens of the act a who-question asks about: the word as typed and its roots, and after a
   * light verb ("siapa yang melaksanakan pembinaan") the noun it hands the act to, as the index reads
   * "Gubernur melaksanakan pembinaan" (see agentVerbRoots); the verb's own roots still meet "pembinaan
   * dilaksanakan oleh gubernur".
   */
  private actTokens(act: string, words: readonly string[]): Set<string> {
    const acted = LIGHT_VERBS.has(act) ? [act, words[words.indexOf(act) + 1] ?? ''].filter(Boolean) : [act];
    return new Set(this.index.analyzer.analyzeWords(acted).flatMap((g) => (g.kind === 'word' ? g.variants : [])));
  }

  /** Regulations the question names, by number ("PP 38") or by subject ("UU pemda"), as citation names. */
  private namedRegulations(query: PreparedQuery, bySubject: ReadonlySubjects | undefined, read: QuestionText): Set<string> {
    const keys = query.groups
      .filter((g) => g.group.kind === 'legal' && /^reg:[a-z]+:\d+$/.test(g.group.surface))
      .map((g) => g.group.surface);
    const named = new Set<string>();
    for (const key of keys) for (const name of this.index.regulationsKeyed(key)) named.add(name);
    if (bySubject) for (const name of bySubject.named) named.add(name);
    // Named by kind alone ("menurut UU?") only when nothing names one more precisely.
    if (bySubject && named.size === 0) for (const name of this.index.regulations.namedByKind(read)) named.add(name);
    return named;
  }

  /**
   * The query's groups with the words that name a regulation by its subject weighed down ("administrasi
   * pemerintahan" in "menurut UU administrasi pemerintahan"): they choose the regulation (see
   * namedRegulations), and as search words would only pull in its definitions of those very words. A word
   * the question also uses elsewhere keeps its weight.
   */
  private withoutNamingWords(query: PreparedQuery, naming: ReadonlySet<number>): PreparedQuery['groups'] {
    if (naming.size === 0) return query.groups;
    const weighed = query.groups.map((g, i) => (naming.has(i) ? { ...g, weight: g.weight * NAMING_WORD_WEIGHT } : g));
    // A question that is nothing but the regulation's name keeps its words.
    return weighed.some((g, i) => g.group.kind !== 'pair' && g.weight === query.groups[i]!.weight && g.group.kind !== 'legal') ? weighed : query.groups;
  }

  /**
   * The query's groups that only name a regulation by its subject ("UU administrasi pemerintahan" in
   * "menurut UU administrasi pemerintahan"): a word every use of which is in the name, or a concept made of
   * such words. They choose the regulation (see namedRegulations); they are not what is asked about.
   */
  private namingGroups(query: PreparedQuery, bySubject: ReadonlySubjects | undefined, read: QuestionText): Set<number> {
    const found = new Set<number>();
    if (!bySubject || bySubject.at.size === 0) return found;
    const words = read.words();
    const surfaces = new Set(this.index.analyzer.analyze([...bySubject.words].join(' ')).map((g) => g.surface));
    // Every use of the word is in the name: a word group stands for all of them.
    const onlyNaming = (word: string) => words.every((w, k) => w !== word || bySubject.at.has(k));
    query.groups.forEach((g, i) => {
      if (
        (g.group.kind === 'word' && surfaces.has(g.group.surface) && onlyNaming(g.group.surface)) ||
        (g.group.kind === 'concept' && surfaces.has(g.group.surface) && g.group.surface.split(' ').every(onlyNaming))
      ) {
        found.add(i);
      }
    });
    return found;
  }

  async search(question: string, k = 5): Promise<RetrievalResult> {
    const spelled =
      this.mode !== 'dense' && this.priors.spelledOutAcronyms ? spellOutAcronyms(question, this.index) : undefined;
    const read = new QuestionText(spelled?.text ?? question);
    const query = prepareQuery(read, this.index);
    const useBm25 = this.mode !== 'dense';
    const cues = readCues(read);
    const bySubject = this.priors.namedBySubject ? this.index.regulations.matchSubjects(read.words()) : undefined;
    const named = this.namedRegulations(query, bySubject, read);
    const naming = this.namingGroups(query, bySubject, read);
    const listAsked = cues.list && !cues.definition && this.priors.listedSubject !== 1 ? listSubject(query, naming) : undefined;
    const candidates = Math.round(this.depth * LEXICAL_CANDIDATES);
    const groups = askingWordsWeighed(this.withoutNamingWords(query, naming), cues, this.priors.askingWord);
    // A list question, or one about what came before a regulation, reaches further down for the rule
    // listing its subject or the transitional provisions: by words alone they can rank far below.
    const transitional = cues.transition && this.priors.transitional > 1;
    const raw = !useBm25
      ? []
      : listAsked?.length || transitional
        ? this.index.bm25.search(
            groups,
            candidates * LISTED_CANDIDATES,
            (doc, rank) => rank < candidates || (listAsked?.length ? this.listsAsked(doc, listAsked) : false) || (transitional && this.isTransitional(doc)),
          )
        : this.index.bm25.search(groups, candidates);
    const subject = definitionSubject(query, cues, naming);
    const pairs = query.groups.flatMap((g, i) => (g.group.kind === 'pair' ? [i] : []));
    const act = this.priors.agent === 1 ? undefined : (cues.act ?? doerAct(read.words(), this.index.doers(), this.index.analyzer.stemTable));
    const actedOn = act ? askedAct(this.actTokens(act, read.words()), query.groups, raw) : undefined;
    const scores = this.adjustLexical(named, cues, subject, raw, pairs, actedOn, listAsked);
    const denseIndex = this.mode !== 'bm25' && (this.mode === 'dense' || this.denseWeight > 0) ? this.index.dense : undefined;
    // The adjusted scores are the retriever's own scratch: listed before waiting for the dense half, read
    // in place when there is none (nothing else can run before this question is done with them).
    const lexical = denseIndex ? scores.ranked(this.depth * 2) : undefined;
    const denseHits = denseIndex ? await this.searchDense(denseIndex, question) : undefined;
    // A failed dense half counts as absent, so fused scores keep their [0, 1] scale.
    const useDense = denseHits !== undefined;
    const denseWeight = this.mode === 'dense' ? 1 : this.denseWeight;
    const fusion = lexical ? fuseRanks(lexical, denseHits ?? [], this.rrfK, denseWeight) : lexicalRanking(scores, this.depth * 2, this.rrfK);
    const maxRrf = ((useBm25 ? 1 : 0) + (useDense ? denseWeight : 0)) / (this.rrfK + 1);

    // "Apa itu X" where a definition defines exactly X: that definition is the answer, whatever else
    // mentions X more often. (A named Pasal, below, still comes before it.)
    // "X mencakup apa saja" the same, when the definition says what X covers.
    const defined =
      useBm25 && this.priors.definedTerm > 1
        ? cues.comparison
          ? this.comparedDefinitions(subject, read)
          : cues.definition
            ? exactDefinitions(this.index, subject)
            : exactDefinitions(this.index, subject).filter((doc) => STATES_SCOPE_RE.test(this.index.chunks[doc]!.text))
        : [];
    // A named Pasal is an exact look-up: its chunks come first, in reading order.
    const requests = useBm25 && this.priors.exactLookup ? readPasalRequests(read) : [];
    let lookup: PasalLookup | undefined;
    if (requests.length > 0) {
      const contentGroups = query.groups.map((g) => g.group.kind !== 'legal');
      const byDoc = new Map(raw.map((h) => [h.doc, h.groupScores]));
      lookup = lookUpPasal(requests, this.index, named, (doc) => byDoc.get(doc), contentGroups);
      if (lookup.docs.length === 0) lookup = undefined;
    }
    // Only the first places are kept, whichever passages the two look-ups move ahead of them.
    let ranked = fusion.first(Math.max(k, 10) + defined.length + (lookup?.docs.length ?? 0));
    if (defined.length > 0) {
      const top = ranked[0]?.[1].rrf ?? maxRrf;
      // A term the general provisions define (Pasal 1 angka N) is defined there for the whole regulation;
      // a rule saying what one of its kinds is ("Inovasi Daerah lainnya … merupakan …") comes after it.
      const listed = (doc: number) => (this.index.chunks[doc]!.angka ? 0 : 1);
      const head = defined
        .map((doc): [number, Fused] => [doc, fusion.entry(doc) ?? { rrf: 0, bm25: 0, similarity: 0 }])
        .sort((a, b) => listed(a[0]) - listed(b[0]) || b[1].rrf - a[1].rrf || a[0] - b[0])
        .map(([doc, e], i): [number, Fused] => [doc, { ...e, rrf: Math.max(top, maxRrf) * (1 - i * 1e-3) }]);
      const first = new Set(defined);
      ranked = [...head, ...ranked.filter(([doc]) => !first.has(doc))];
    }
    if (lookup) {
      const first = new Set(lookup.docs);
      const top = ranked[0]?.[1].rrf ?? maxRrf;
      const head = lookup.docs.map((doc, i): [number, Fused] => {
        const e = fusion.entry(doc) ?? { rrf: 0, bm25: 0, similarity: 0 };
        return [doc, { ...e, rrf: Math.max(top, maxRrf) * (1 - i * 1e-3) }];
      });
      ranked = [...head, ...ranked.filter(([doc]) => !first.has(doc))];
    }
    ranked = ranked.slice(0, Math.max(k, 10));

    const hits: RetrievalHit[] = ranked.map(([doc, e]) => ({
      chunk: this.index.chunks[doc]!,
      score: maxRrf > 0 ? Math.min(1, e.rrf / maxRrf) : 0,
      bm25: e.bm25,
      similarity: e.similarity,
    }));
    const decision = decideAbstention({
      question: read,
      query,
      index: this.index,
      top: ranked.slice(0, 3).map(([doc]) => fusion.lexicalHit(doc)),
      topChunks: ranked.slice(0, 3).map(([doc]) => this.index.chunks[doc]!),
      cues,
      named,
      minConfidence: this.minConfidence,
    });
    return {
      hits: hits.slice(0, k),
      abstain: decision.abstain,
      confidence: decision.confidence,
      signals: decision.signals,
      cues,
      ...(lookup ? { lookup } : {}),
      ...(defined.length > 0 && !lookup ? { definitionFirst: true } : {}),
      ...(decision.signals.absentArticle === 1 ? { absentArticles: { requests: readPasalRequests(read), named: [...named] } } : {}),
      ...(spelled ? { spelledOut: spelled.spelledOut } : {}),
    };
  }
}

function sharesAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * The query's groups with the words asking for a period ("berapa lama batas waktu …") weighed down by
 * `weight`: what the question wants is a period, which the answer-form prior rewards in the passages
 * stating one; as search words they only found the passages that talk about deadlines, also to say that
 * there is none ("PP tidak menetapkan batas waktu …"), whatever the deadline is for. A question made of
 * nothing else keeps them.
 */
function askingWordsWeighed(groups: PreparedQuery['groups'], cues: QuestionCues, weight: number): PreparedQuery['groups'] {
  if (!cues.duration || weight === 1) return groups;
  const asking = (g: PreparedQuery['groups'][number]) => g.group.kind !== 'pair' && g.variants.some((v) => DURATION_CUES.has(v.token));
  if (groups.every((g) => g.group.kind === 'pair' || asking(g))) return groups;
  return groups.map((g) => (asking(g) ? { ...g, weight: g.weight * weight } : g));
}

/**
 * The act a question asks the doer of: its tokens, and the passages whose own match includes it. Only
 * those get the doer factor: a rule reached only through a restatement's score for other words is not
 * credited with stating the asked act.
 */
interface AskedAct {
  tokens: ReadonlySet<string>;
  docs: ReadonlySet<number>;
}

function askedAct(tokens: ReadonlySet<string>, groups: PreparedQuery['groups'], hits: readonly Bm25Hit[]): AskedAct {
  const acting = groups.flatMap((g, i) => (g.group.kind !== 'pair' && g.variants.some((v) => tokens.has(v.token)) ? [i] : []));
  const docs = new Set(hits.filter((h) => acting.some((i) => h.groupScores[i]! > 0)).map((h) => h.doc));
  return { tokens, docs };
}

/** Regulations a question names by subject, and the words that name them (see RegulationDirectory). */
type ReadonlySubjects = { readonly named: readonly string[]; readonly words: ReadonlySet<string>; readonly at: ReadonlySet<number> };

/** A passage saying what its subject covers ("… yang meliputi …", "terdiri atas"). */
const STATES_SCOPE_RE = /\b(?:meliputi|mencakup|terdiri atas|terdiri dari|antara lain)\b/i;

/**
 * The words naming what a definition (or coverage) question asks about, less the words asking for a
 * definition or a scope ("ruang" of "ruang lingkup" included).
 */
function definitionSubject(query: PreparedQuery, cues: QuestionCues, naming: ReadonlySet<number>): string[][] {
  if (!cues.definition && !cues.coverage) return [];
  const scope = query.groups.some((g) => g.group.surface === 'lingkup' || g.group.surface === 'lingkupnya');
  return subjectGroups(query, naming)
    .filter((g) => !DEFINITION_CUES.has(g.group.surface) && !COVERAGE_CUES.has(g.group.surface))
    .filter((g) => !(scope && g.group.surface === 'ruang'))
    .map((g) => g.variants.map((v) => v.token));
}

/**
 * The question's words and concepts that can name a subject: not numbers, and not the words naming a
 * regulation ("UU 30/2014", "PP", "UU administrasi pemerintahan": `naming`), which say where to look, not
 * what is asked about.
 */
function subjectGroups(query: PreparedQuery, naming: ReadonlySet<number>): PreparedQuery['groups'] {
  const legal = new Set(query.groups.filter((g) => g.group.kind === 'legal').flatMap((g) => g.group.surface.split(':')));
  return query.groups.filter(
    (g, i) =>
      (g.group.kind === 'word' || g.group.kind === 'concept') && !/^\d+$/.test(g.group.surface) && !legal.has(g.group.surface) && !naming.has(i),
  );
}

/** The words naming what a list question asks to be listed (see subjectGroups). */
function listSubject(query: PreparedQuery, naming: ReadonlySet<number>): string[][] {
  return subjectGroups(query, naming).map((g) => g.variants.map((v) => v.token));
}

/** Definitions and Penjelasan items whose defined term is exactly the subject asked about. */
function exactDefinitions(index: KnowledgeIndex, subject: string[][]): number[] {
  if (subject.length === 0) return [];
  const asked = new Set(subject.flat());
  // Every candidate covers the whole subject; what is left to check is that the subject covers the term.
  return index.definitionsCovering(subject).filter((doc) => termMatch(subject, index.definedTerms[doc]!, asked).termShare === 1);
}

/**
 * The local embedder is lexical at heart; on our question sets it adds little beyond BM25, so it only
 * breaks near-ties (0.25). A semantic model from an embeddings endpoint gets an equal say, the usual RRF
 * default; there is no endpoint here to measure it against.
 */
export function defaultDenseWeight(index: KnowledgeIndex): number {
  return denseWeightOf(index.dense?.embedder.id ?? '');
}

/** The dense half's default weight for vectors from this embedder (see defaultDenseWeight). */
export function denseWeightOf(embedderId: string): number {
  return embedderId.startsWith('local-') ? 0 : 1;
}
