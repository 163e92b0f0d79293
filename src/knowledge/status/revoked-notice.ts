import type { Translate } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import { normaliseWords } from '../analysis/analyzer.js';
import type { Answer } from '../answer/answer.js';
import { Answerer, type AnswerObserver } from '../answer/answerer.js';
import type { LlmAnswerer } from '../answer/llm-answer.js';
import type { Retriever } from '../retrieval/retriever.js';
import { readPasalRequests } from '../retrieval/pasal-lookup.js';
import { QuestionText } from '../retrieval/question-text.js';

export interface RevokedText {
  /** The regulation (or document title) as users name it. */
  regulation: string;
  /** Absent: the whole regulation or document is revoked. */
  pasal?: string;
}

/**
 * The lines telling someone that what their question names was revoked ("PP 38/2017 Pasal 5 telah
 * dicabut"): revoked text is out of the index, and without this a question naming it would get an answer
 * from some other article or a plain "not found". Only when the question names the regulation too, since
 * a Pasal number alone belongs to many regulations.
 */
export function revokedNotice(question: string, revoked: readonly RevokedText[], t: Translate): string | undefined {
  if (revoked.length === 0) return undefined;
  const read = new QuestionText(question);
  const words = new Set(read.words(false));
  const asked = new Set(readPasalRequests(read).map((r) => r.pasal));
  const lines = new Set<string>();
  for (const r of revoked) {
    const name = normaliseWords(r.regulation, false);
    if (name.length === 0 || !name.every((w) => words.has(w))) continue;
    if (r.pasal && !asked.has(r.pasal.toUpperCase())) continue;
    lines.add(t('kb_admin.status.revoked_note', { subject: r.pasal ? `${r.regulation} Pasal ${r.pasal}` : r.regulation }));
  }
  return lines.size > 0 ? [...lines].join('\n') : undefined;
}

/** The answerer, telling people when the regulation or Pasal their question names was revoked. */
export class StatusAwareAnswerer extends Answerer {
  constructor(
    retriever: () => Retriever,
    private readonly translate: Translate,
    logger: Logger,
    llm: LlmAnswerer | undefined,
    private readonly revoked: () => Promise<RevokedText[]>,
    observer?: AnswerObserver,
  ) {
    super(retriever, translate, logger, llm, observer);
  }

  override async answer(question: string, depth?: number): Promise<Answer> {
    const [answer, revoked] = await Promise.all([super.answer(question, depth), this.revoked()]);
    const notice = revokedNotice(question, revoked, this.translate);
    return notice ? { ...answer, text: `${notice}\n\n${answer.text}` } : answer;
  }
}
